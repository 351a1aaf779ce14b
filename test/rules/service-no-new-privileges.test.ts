import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-no-new-privileges';

ruleTests(rule, {
  valid: ['services:\n  api:\n    image: x:1\n    security_opt: ["no-new-privileges:true"]\n', 'services:\n  api:\n    image: x:1\n    security_opt:\n      - no-new-privileges\n'],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n',
      errors: [{ line: 2, text: 'api', message: /no-new-privileges:true/ }],
      output: 'services:\n  api:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n',
    },
    {
      code: 'services:\n  api:\n    image: x:1\n    security_opt:\n      - apparmor:docker-default\n',
      errors: [{ line: 2, text: 'api' }],
      output: 'services:\n  api:\n    image: x:1\n    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n',
    },
  ],
});
