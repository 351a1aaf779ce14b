import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-cap-drop-all';

ruleTests(rule, {
  valid: ['services:\n  api:\n    image: x:1\n    cap_drop: [ALL]\n', 'services:\n  api:\n    image: x:1\n    cap_drop:\n      - all\n'],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n',
      errors: [{ line: 2, text: 'api', message: /keeps Docker's default capabilities/ }],
      output: 'services:\n  api:\n    image: x:1\n    cap_drop:\n      - ALL\n',
    },
    {
      name: 'appended to an existing list (block and flow)',
      code: 'services:\n  a:\n    image: x:1\n    cap_drop:\n      - NET_RAW\n  b:\n    image: x:1\n    cap_drop: [NET_RAW]\n',
      errors: [{ line: 2, text: 'a' }, { line: 6, text: 'b' }],
      output: 'services:\n  a:\n    image: x:1\n    cap_drop:\n      - NET_RAW\n      - ALL\n  b:\n    image: x:1\n    cap_drop: [NET_RAW, ALL]\n',
    },
  ],
});
