// BuildKit's `# check=` directive and per-instruction `# check=skip=` comments, through lint().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';

const run = (text: string) => lint({ text, kind: 'dockerfile' }).findings;
const lines = (text: string, rule: string) => run(text).filter((f) => f.rule === rule).map((f) => `${f.range.start.line + 1}:${f.severity}`);

test('skip= at the top of the file skips BuildKit checks by name, skip=all skips all of them', () => {
  const body = 'FROM scratch as base\ncopy Dockerfile .\n';
  assert.deepEqual(lines('#check=skip=ConsistentInstructionCasing\n' + body, 'from-as-casing'), ['2:hint']);
  assert.deepEqual(lines('#check=skip=ConsistentInstructionCasing\n' + body, 'instruction-casing'), []);
  assert.deepEqual(lines('#check=skip=ConsistentInstructionCasing,FromAsCasing\n' + body, 'from-as-casing'), []);
  const all = run('#check=skip=all\n' + body);
  assert.deepEqual(all.filter((f) => f.rule === 'from-as-casing' || f.rule === 'instruction-casing'), []);
});

test('error=true turns BuildKit-aliased findings into errors', () => {
  assert.deepEqual(lines('#check=skip=ConsistentInstructionCasing;error=true\nFROM scratch as base\ncopy Dockerfile .\n', 'from-as-casing'), ['2:error']);
});

test('a `# check=skip=` comment right above an instruction skips it there only; `// note` is a comment', () => {
  const text = '\nFROM scratch\nENV password=bar\n# check=skip=SecretsUsedInArgOrEnv // allow secret in environment\nENV password=bar\n# check=skip=all // is local to only this instruction\nARG alternate_password\nARG api_token\n';
  assert.deepEqual(lines(text, 'secrets-in-arg-env'), ['3:warning', '8:warning']);
});

test('a check comment in the middle of the file is not a file-wide directive', () => {
  const text = 'FROM scratch\n# check=skip=MaintainerDeprecated\nLABEL a=b\nMAINTAINER me@example.org\n';
  assert.deepEqual(lines(text, 'maintainer-deprecated'), ['4:warning']);
});
