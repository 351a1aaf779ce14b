import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/port-unquoted';

ruleTests(rule, {
  valid: ['services:\n  web:\n    ports:\n      - "80"\n      - \'8080:80\'\n      - target: 80\n        published: 8080\n    expose:\n      - "3000"\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    ports:\n      - 80\n      - 8080:80\n    expose:\n      - 3000\n',
      errors: [{ line: 4, text: '80', message: /Quote the port mapping 80/ }, { line: 5, text: '8080:80' }, { line: 7, text: '3000', message: /exposed port/ }],
      output: 'services:\n  web:\n    ports:\n      - "80"\n      - "8080:80"\n    expose:\n      - "3000"\n',
    },
  ],
});
