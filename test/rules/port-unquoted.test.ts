import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/port-unquoted';

ruleTests(rule, {
  valid: ['services:\n  web:\n    ports:\n      - "80"\n      - \'8080:80\'\n      - target: 80\n        published: 8080\n    expose:\n      - "3000"\n'],
  invalid: [
    // Found by the fuzzer: with a lone CR as a line break, quoting can change how YAML reads the lines around it: no fix.
    { code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\r', errors: [{ line: 5 }], output: null },
    {
      code: 'services:\n  web:\n    ports:\n      - 80\n      - 8080:80\n    expose:\n      - 3000\n',
      errors: [{ line: 4, text: '80', message: /Quote the port mapping 80/ }, { line: 5, text: '8080:80' }, { line: 7, text: '3000', message: /exposed port/ }],
      output: 'services:\n  web:\n    ports:\n      - "80"\n      - "8080:80"\n    expose:\n      - "3000"\n',
    },
  ],
});
