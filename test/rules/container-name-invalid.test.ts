import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/container-name-invalid';

ruleTests(rule, {
  valid: ['services:\n  web:\n    image: nginx\n    container_name: "my-app-123"\n  b:\n    image: x:1\n    container_name: ${NAME}\n  c:\n    image: x:1\n    container_name: a.b_c\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx\n    container_name: "my-app@123"\n  b:\n    image: x:1\n    container_name: _hidden\n  c:\n    image: x:1\n    container_name: x\n',
      errors: [{ line: 4, text: '"my-app@123"', message: /is not valid/ }, { line: 7, text: '_hidden' }, { line: 10, text: 'x' }],
      output: null,
    },
  ],
});
