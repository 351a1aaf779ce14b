import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/dangerous-capability';

ruleTests(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n    cap_drop: [ALL]\n'],
  invalid: [
    {
      code: 'services:\n  vpn:\n    image: x:1\n    cap_add:\n      - SYS_ADMIN\n      - cap_net_admin\n      - ALL\n',
      errors: [{ line: 5, text: 'SYS_ADMIN', message: /SYS_ADMIN capability/ }, { line: 6, text: 'cap_net_admin', message: /NET_ADMIN/ }, { line: 7, text: 'ALL', message: /ALL capabilities/ }],
      output: null,
    },
  ],
});
