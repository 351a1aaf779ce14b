import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import { lint } from '../../server/src/core/engine';
import rule from '../../server/src/core/rules/dockerfile/user-root';

// hadolint DL3002 cases beyond instructions.test.ts.
ruleTests(rule, {
  valid: ['FROM debian as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n', 'FROM scratch\nUSER root\nRUN something\nUSER foo\n'],
  invalid: [
    { code: 'FROM scratch\nUSER root:root\n', errors: [{ line: 2, text: 'root:root' }] },
    { code: 'FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else\n', errors: [{ line: 2, text: 'root', message: /The image runs as root/ }] },
    {
      name: 'an earlier stage ending as root (info, hadolint id only)',
      code: 'FROM debian as base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n',
      errors: [{ line: 2, text: 'root', message: /Stage "base" ends as root/ }],
      output: null,
    },
    { name: 'builder stage ending as root (was valid before DL3002 conformance)', code: 'FROM a:1 AS b\nUSER root\nFROM a:1\nUSER app\n', errors: [{ line: 2, text: 'root', message: /--target/ }] },
  ],
});

test('user-root: builder stages are reported at info with only DL3002', () => {
  const { findings } = lint({ text: 'FROM a:1 AS b\nUSER 0\nFROM a:1\nUSER app\n', kind: 'dockerfile', rules: [rule] });
  assert.deepEqual(findings.filter((f) => f.rule === rule.id).map((f) => [f.severity, f.aliases]), [['info', ['DL3002']]]);
});
