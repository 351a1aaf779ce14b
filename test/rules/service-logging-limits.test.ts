import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-logging-limits';

ruleTests(rule, {
  valid: [
    'services:\n  api:\n    image: x:1\n    logging:\n      driver: local\n',
    'services:\n  api:\n    image: x:1\n    logging:\n      options:\n        max-size: 5m\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n',
      errors: [{ line: 2, text: 'api', message: /without a size limit/ }],
      output: 'services:\n  api:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    },
    {
      name: 'completes existing options',
      code: 'services:\n  api:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        tag: api\n',
      errors: [{ line: 2, text: 'api' }],
      output: 'services:\n  api:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        tag: api\n        max-size: 10m\n        max-file: "3"\n',
    },
  ],
});
