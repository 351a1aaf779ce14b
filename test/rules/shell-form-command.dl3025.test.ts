import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import { lint } from '../../server/src/core/engine';
import rule from '../../server/src/core/rules/dockerfile/shell-form-command';

// HEALTHCHECK CMD (hadolint DL3025; not BuildKit's JSONArgsRecommended).
ruleTests(rule, {
  valid: [
    'HEALTHCHECK CMD [ "foobar" ]\n',
    'FROM a:1\nHEALTHCHECK NONE\n',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
    'FROM a:1\nSHELL ["pwsh", "-c"]\nHEALTHCHECK CMD Test-Thing\n',
  ],
  invalid: [
    { code: 'HEALTHCHECK CMD foobar\n', errors: [{ line: 1, text: 'CMD', message: /\/bin\/sh/ }], output: 'HEALTHCHECK CMD ["foobar"]\n' },
    { code: 'FROM a:1\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\n', errors: [{ line: 2, text: 'CMD' }], output: 'FROM a:1\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'shell features: no fix', code: 'FROM a:1\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n', errors: [{ line: 2, text: 'CMD' }], output: null },
  ],
});

test('shell-form-command: HEALTHCHECK findings are info and carry only DL3025', () => {
  const { findings } = lint({ text: 'FROM a:1\nHEALTHCHECK CMD x\n', kind: 'dockerfile', rules: [rule] });
  assert.deepEqual(findings.filter((f) => f.rule === rule.id).map((f) => [f.severity, f.aliases]), [['info', ['DL3025']]]);
});
