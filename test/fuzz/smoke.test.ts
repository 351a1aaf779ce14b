// A small, deterministic slice of `npm run fuzz` for every `npm test`: a fixed seed, a few
// thousand generated and mutated inputs through the parsers, lint, every fix and fix-all, plus the
// pathological shapes at full size. The long run (≥100,000 inputs, random seed) is `npm run fuzz`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadCorpus } from './corpus';
import { fuzzInputs, hugeInputs } from './generators';
import { checkInput, minimize, signature, type CheckOptions, type Violation } from './check';
import { lint } from '../../server/src/core/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';

const SEED = 20261126;
const COUNT = 2000;

/** The violations, each with its input minimized (only on failure: a few seconds each). */
function report(found: Map<string, { v: Violation; text: string; kind: 'dockerfile' | 'compose'; n: number; opts: CheckOptions }>): string {
  return [...found].map(([sig, { v, text, kind, n, opts }]) => {
    const min = minimize(text, (t) => checkInput({ text: t, kind }, opts).violations.some((x) => signature(x) === sig), 3000);
    return `${sig} ×${n}\n  minimal ${kind}: ${JSON.stringify(min.length > 300 ? min.slice(0, 300) + '…' : min)}\n  ${v.detail.split('\n')[0]}`;
  }).join('\n');
}

test(`fuzz smoke: ${COUNT} generated inputs (seed ${SEED}) never crash, hang or break an invariant`, () => {
  const corpus = loadCorpus({ tableTests: false });
  assert.ok(corpus.length > 50, `corpus has ${corpus.length} inputs`);
  const inputs = fc.sample(fuzzInputs(corpus), { seed: SEED, numRuns: COUNT });
  const found = new Map<string, { v: Violation; text: string; kind: 'dockerfile' | 'compose'; n: number; opts: CheckOptions }>();
  let fixChecked = 0;
  inputs.forEach((input, i) => {
    const fixes = i % 4 === 0;
    if (fixes) fixChecked++;
    const opts: CheckOptions = { fixes, harden: i % 20 === 0, timeLimitMs: 2000, fixSizeLimit: 20_000 };
    for (const v of checkInput(input, opts).violations) {
      const sig = signature(v);
      const hit = found.get(sig);
      if (hit) hit.n++; else found.set(sig, { v, text: input.text, kind: input.kind, n: 1, opts });
    }
  });
  assert.ok(fixChecked >= 500);
  assert.equal(found.size, 0, `violations (reproduce and minimize with npm run fuzz):\n${report(found)}`);
});

test('huge inputs at the size limit lint without crashing, one rule error or unbounded time', () => {
  // Only a few shapes here (the full set runs in `npm run fuzz`); the bound is generous for a loaded CI machine.
  const shapes = hugeInputs(128 * 1024).filter((h) => /^huge: (RUN lines|one RUN, continuation lines|unterminated heredoc|binary|services)$/.test(h.origin));
  for (const h of shapes) {
    const res = checkInput(h, { timeLimitMs: 5000 });
    assert.deepEqual(res.violations.map((v) => `${signature(v)}: ${v.detail.split('\n')[0]}`), [], h.origin);
  }
});

test('past maxFileSize a file gets exactly one "file-too-large" finding and no analysis', () => {
  for (const kind of ['dockerfile', 'compose'] as const) {
    const big = (kind === 'dockerfile' ? 'FROM debian\nMAINTAINER me\n' : 'version: "3"\nservices:\n  db:\n    image: postgres\n').padEnd(DEFAULT_SETTINGS.maxFileSize + 1, '#');
    const res = lint({ text: big, kind });
    assert.deepEqual(res.findings.map((f) => f.rule), ['file-too-large'], kind);
    assert.match(res.findings[0].message, /limit/);
    assert.deepEqual(res.ruleErrors, []);
    const small = lint({ text: 'FROM debian\n', kind: 'dockerfile', settings: { maxFileSize: 5 } });
    assert.deepEqual(small.findings.map((f) => f.rule), ['file-too-large']);
    const atLimit = lint({ text: 'FROM debian:12\n', kind: 'dockerfile', settings: { maxFileSize: 15 } });
    assert.ok(!atLimit.findings.some((f) => f.rule === 'file-too-large'), 'a file of exactly maxFileSize is analysed');
  }
});

test('YAML alias and merge-key bombs stay small and fast', () => {
  const laughs = 'x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + Array.from({ length: 12 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(',')}]`).join('\n')
    + '\nservices:\n  web:\n    image: nginx\n    environment: *x12\n    command: *x12\n';
  const merge = 'x0: &x0 {image: nginx}\n' + Array.from({ length: 40 }, (_, i) => `x${i + 1}: &x${i + 1}\n  <<: [*x${i}, *x${i}]\n  k${i + 1}: v`).join('\n') + '\nservices:\n  web:\n    <<: *x40\n';
  for (const text of [laughs, merge]) {
    const res = checkInput({ text, kind: 'compose' }, { fixes: true, harden: true, timeLimitMs: 2000 });
    assert.deepEqual(res.violations.map((v) => `${signature(v)}: ${v.detail.split('\n')[0]}`), []);
  }
});
