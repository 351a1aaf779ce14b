// Stage chains (`FROM a AS b`, `FROM b AS c`, …) cost each rule one visit per stage, not one walk up
// the chain per stage or per instruction: the fuzzer's 2,151-stage chain took 6 s when they did.
// Counted, not timed: every chain walk goes through DockerfileAnalysis.parentStage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { DockerfileAnalysis } from '../../server/src/core/dockerfile/analysis';

const ALL = { profiles: ['recommended', 'strict', 'style'] as ('recommended' | 'strict' | 'style')[], labelSchema: { 'org.opencontainers.image.source': 'url' as const }, maxFileSize: 64 * 1024 * 1024 };

/** Each stage builds on the previous one and holds what the stage-chain rules look up (USER, WORKDIR, SHELL, ENV, RUN…). */
function chain(n: number, body: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => `FROM ${i ? `s${i - 1}` : 'debian:12'} AS s${i}\n${body(i)}`).join('');
}

const rich = (i: number) => [
  `ARG V${i % 50}=x`, `RUN echo $V${(i * 7) % 50} | tee /x`, 'RUN apt-get update', 'RUN apk add -U x', `RUN useradd -u ${i} u${i}`,
  `COPY $V${(i * 3) % 50} $UNDEFINED${i} a`, `WORKDIR $V${i % 50}`, 'WORKDIR rel', 'SHELL ["/bin/sh", "-c"]', 'HEALTHCHECK CMD x',
  `USER u${i}`, 'LABEL a=b', 'EXPOSE 80', 'CMD run x', `ONBUILD USER u${i}`, '',
].join('\n');

function parentStageCalls(text: string): { calls: number; ruleErrors: string[]; findings: number } {
  const original = DockerfileAnalysis.prototype.parentStage;
  let calls = 0;
  DockerfileAnalysis.prototype.parentStage = function (this: DockerfileAnalysis, s) { calls++; return original.call(this, s); };
  try {
    const r = lint({ text, kind: 'dockerfile', path: 'Dockerfile', settings: ALL });
    return { calls, ruleErrors: r.ruleErrors.map((e) => e.rule), findings: r.findings.length };
  } finally {
    DockerfileAnalysis.prototype.parentStage = original;
  }
}

// Linear code asks ~20-50 times per stage whatever the length; a walk up the chain per stage asks
// about n/2 times per stage (thousands here).
const PER_STAGE = 100;

test('stage chains: every rule together walks a 2,000-stage chain a bounded number of times per stage', () => {
  const n = 2000;
  const r = parentStageCalls(chain(n, rich));
  assert.deepEqual(r.ruleErrors, []);
  assert.ok(r.findings > n, `the rules did look at the stages (${r.findings} findings)`);
  assert.ok(r.calls <= PER_STAGE * n, `${r.calls} parentStage calls for ${n} stages (${(r.calls / n).toFixed(0)} per stage)`);
});

test('stage chains: 10,000 stages (the fuzzer shape) stay linear and overflow no stack', () => {
  const n = 10_000;
  const r = parentStageCalls(chain(n, (i) => `COPY --from=s${Math.max(0, i - 1)} /a /a\n`));
  assert.deepEqual(r.ruleErrors, []);
  assert.ok(r.calls <= PER_STAGE * n, `${r.calls} parentStage calls for ${n} stages (${(r.calls / n).toFixed(0)} per stage)`);
});

test('stage chains: the count grows with the chain, not with its square', () => {
  const small = parentStageCalls(chain(500, rich)).calls;
  const large = parentStageCalls(chain(1000, rich)).calls;
  assert.ok(small > 0);
  assert.ok(large < 2.5 * small, `doubling the chain multiplied the walks by ${(large / small).toFixed(1)}`);
});
