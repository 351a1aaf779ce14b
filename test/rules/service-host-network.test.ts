import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-host-network';

ruleTests(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    network_mode: bridge\n', 'services:\n  a:\n    image: x:1\n    network_mode: service:b\n  b:\n    image: x:1\n'],
  invalid: [
    { code: 'services:\n  api:\n    image: x:1\n    network_mode: "host"\n', errors: [{ line: 4, text: '"host"', message: /shares the host's network stack/ }], output: null },
  ],
});
