import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/ssh-port-exposed';

ruleTests(rule, {
  valid: ['FROM a\nEXPOSE 2222 8022 80\n'],
  invalid: [
    { code: 'FROM a\nEXPOSE 22 8080\n', errors: [{ line: 2, text: '22', message: /SSH/ }], output: 'FROM a\nEXPOSE 8080\n' },
    { code: 'FROM a\nEXPOSE 22/tcp\nCMD ["x"]\n', errors: [{ line: 2, text: '22/tcp' }], output: 'FROM a\nCMD ["x"]\n' },
  ],
});
