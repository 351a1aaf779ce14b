import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/container-name-duplicate';

ruleTests(rule, {
  valid: ['services:\n  web:\n    image: nginx\n    container_name: web_container\n  db:\n    image: postgres\n    container_name: db_container\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx\n    container_name: my_container\n  db:\n    image: postgres\n    container_name: "my_container"\n',
      errors: [{ line: 7, text: '"my_container"', message: /already used by service "web"/ }],
      output: null,
    },
  ],
});
