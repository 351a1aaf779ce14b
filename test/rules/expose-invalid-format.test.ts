import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/expose-invalid-format';

ruleTests(rule, {
  valid: ['FROM alpine\nEXPOSE 80 443/tcp 7000-7010\n'],
  invalid: [
    // Found by the fuzzer: no container port after the colon, so nothing to keep and no fix.
    { code: 'FROM a:1\nEXPOSE 2:\n', errors: [{ line: 2, text: '2:' }], output: null },
    {
      code: '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000/udp 8000\n',
      errors: [{ line: 3, text: '127.0.0.1:80:80', message: /address/ }, { line: 3, text: '[::1]:8080:8080' }, { line: 3, text: '5000:5000/udp', message: /host port/ }],
      output: '\nFROM scratch\nEXPOSE 80 8080 5000/udp 8000\n',
    },
  ],
});
