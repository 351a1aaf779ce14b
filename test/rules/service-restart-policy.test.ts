import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-restart-policy';

ruleTests(rule, {
  valid: ['services:\n  api:\n    image: x:1\n    restart: "no"\n', 'services:\n  api:\n    image: x:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n'],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n    environment:\n      A: "1"\n',
      errors: [{ line: 2, text: 'api', message: /no restart policy/ }],
      output: 'services:\n  api:\n    image: x:1\n    environment:\n      A: "1"\n    restart: unless-stopped\n',
    },
  ],
});
