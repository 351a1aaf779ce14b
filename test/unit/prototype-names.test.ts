// Names of Object.prototype members written where the user's text becomes a lookup key (a command, an image, a
// label, a compose key, a config level): a plain-object table answers `x["valueOf"]` with a function, which
// crashed six rules on `RUN valueOf -y z` and turned `override: { toString: [...] }` into a function severity.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { parseConfig } from '../../server/src/core/config/project';
import type { Finding } from '../../server/src/core/types';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];
const ALL = { profiles: ['recommended', 'strict', 'style'] as ('recommended' | 'strict' | 'style')[] };
/** What a stringified function or object looks like in a message. */
const LEAK = /\[native code\]|\[object |function |=>/;

const dockerfile = (n: string) => [
  `FROM ${n} AS ${n.toLowerCase()}`,
  `FROM --platform=${n}/${n} alpine:3.19 AS b`,
  `LABEL ${n}=x "${n}"="${n}"`,
  `SHELL ["/bin/${n}", "-c"]`,
  `RUN ${n} -y z && sudo ${n} -y q && ${n} --x && env ${n}=1 ${n} -u v && timeout ${n} ${n} -k 1`,
  `RUN apt-get install -y ${n} && ${n} install ${n} && pip install ${n} && npm i ${n}`,
  `ENV ${n}=1`,
  `ARG ${n}`,
  `COPY --from=${n} /${n} /${n}`,
  `USER ${n}`,
  `EXPOSE 80/${n}`,
  `HEALTHCHECK CMD ["${n}"]`,
  `CMD ["${n}"]`,
  '',
].join('\n');

const compose = (n: string) => [
  'services:',
  `  ${n}:`,
  `    image: ${n}`,
  `    cap_add: [${n}, ${n.toUpperCase()}]`,
  `    ${n}: host`,
  `    depends_on: [${n}]`,
  `    networks: [${n}]`,
  `    environment:`,
  `      ${n}: ${n}`,
  'networks:',
  `  ${n}: {}`,
  `${n}: 1`,
  '',
].join('\n');

function assertClean(what: string, r: { findings: Finding[]; ruleErrors: { rule: string; message: string }[] }) {
  assert.deepEqual(r.ruleErrors.map((e) => `${e.rule}: ${e.message.split('\n')[0]}`), [], what);
  for (const f of r.findings) assert.doesNotMatch(f.message, LEAK, `${what}: ${f.rule}`);
}

for (const n of NAMES) {
  test(`"${n}" in a Dockerfile: no rule fails, no message shows a function`, () => {
    const text = dockerfile(n);
    assertClean('recommended', lint({ text, kind: 'dockerfile' }));
    assertClean('all profiles', lint({ text, kind: 'dockerfile', settings: { ...ALL, labelSchema: { [n]: n, other: 'url' } } }));
    assertClean('label schema', lint({ text, kind: 'dockerfile', settings: { ...ALL, labelSchema: { maintainer: 'email' } } }));
  });

  test(`"${n}" in a compose file: no rule fails, no message shows a function`, () => {
    assertClean('all profiles', lint({ text: compose(n), kind: 'compose', settings: ALL }));
  });

  test(`"${n}" as a level, threshold or schema type in config files: reported as unknown, never taken as a value`, () => {
    const hadolint = parseConfig('hadolint', `override:\n  ${n}:\n    - DL3008\nfailure-threshold: ${n}\nlabel-schema:\n  ${n}: ${n}\n`);
    for (const v of Object.values(hadolint.settings.rules ?? {})) assert.equal(typeof v, 'string');
    assert.ok(hadolint.problems.some((p) => p.message.includes(`unknown level "${n}"`)), JSON.stringify(hadolint.problems));
    assert.notEqual(typeof hadolint.failureThreshold, 'function');
    for (const format of ['seaworthy', 'dclint'] as const) {
      const c = parseConfig(format, `rules:\n  ${n}: off\n  DL3008: ${n}\n`);
      for (const v of Object.values(c.settings.rules ?? {})) assert.equal(typeof v, 'string', `${format}: ${JSON.stringify(c.settings.rules)}`);
    }
  });
}
