import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/project-name-missing';

ruleTests(rule, {
  valid: [
    'name: my-project\nservices:\n  web:\n    image: nginx\n',
    { code: 'services:\n  web:\n    image: nginx\n', path: 'compose.prod.yaml', files: { 'compose.yaml': 'name: shop\nservices: {}\n' } },
    '',
  ],
  invalid: [
    { code: '\nservices:\n  web:\n    image: nginx\n', errors: [{ line: 2, text: 'services', message: /no "name:"/ }], output: null },
  ],
});
