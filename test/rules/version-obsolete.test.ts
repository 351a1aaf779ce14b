import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/version-obsolete';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    // a service key named version is not the top-level one
    'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "2"\n',
  ],
  invalid: [
    {
      code: "version: '3'\nservices:\n  web:\n    image: nginx\n",
      errors: [{ line: 1, text: 'version', message: /obsolete/ }],
      output: 'services:\n  web:\n    image: nginx\n',
    },
    {
      name: 'comments around it stay, its own trailing comment goes',
      code: '# My stack\nversion: "3.8" # legacy\n# services below\nservices:\n  web:\n    image: nginx\n',
      errors: [{ line: 2, text: 'version' }],
      output: '# My stack\n# services below\nservices:\n  web:\n    image: nginx\n',
    },
    {
      name: 'CRLF and version not first',
      code: 'name: shop\r\nversion: "3"\r\nservices:\r\n  web:\r\n    image: nginx\r\n',
      errors: [{ line: 2, text: 'version' }],
      output: 'name: shop\r\nservices:\r\n  web:\r\n    image: nginx\r\n',
    },
  ],
});

ruleTests(rule, {
  valid: [],
  invalid: [
    { name: 'every duplicate version key is reported and removed in one pass', code: 'version: "3"\nversion: "2"\nservices: {}\n', errors: [{ line: 1, text: 'version' }, { line: 2, text: 'version' }], output: 'services: {}\n' },
  ],
});
