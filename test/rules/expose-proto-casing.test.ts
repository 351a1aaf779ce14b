import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/expose-proto-casing';

ruleTests(rule, {
  valid: ['FROM alpine\nEXPOSE 80/tcp 53/udp 8080\n'],
  invalid: [
    {
      code: '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
      errors: [{ line: 3, text: 'TcP' }, { line: 3, text: 'TCP' }],
      output: '\nFROM scratch\nEXPOSE 80/tcp 8080/tcp 8080/udp\n',
    },
  ],
});
