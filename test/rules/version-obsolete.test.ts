import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/version-obsolete';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    // a service key named version is not the top-level one
    'services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: "2"\n',
  ],
  invalid: [
    // Found by the fuzzer: an alias elsewhere names the anchor on the version line; removing it would break the alias.
    { code: 'version: &v "3.8"\nx-v: *v\nservices:\n  web:\n    image: nginx:1.27\n', errors: [{ line: 1 }], output: null },
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
    // Fuzz, seed 1126: without the version line the tab line follows `---` and YAML reads it as indentation.
    { name: 'no fix when removing the line would leave text that does not parse', code: '---\nversion: h\n\t', errors: [{ line: 2, text: 'version' }], output: null },
    { name: 'a tab in a blank line that stays harmless keeps the fix', code: 'version: "3"\nservices:\n  web:\n    image: nginx\n\t\n', errors: [{ line: 1, text: 'version' }], output: 'services:\n  web:\n    image: nginx\n\t\n' },
    // Found by the fuzzer (seed 2003): each removal alone parses, both together leave the tab line after `---`; fix-all removes one.
    { name: 'fix-all stops before duplicate removals together break the syntax', code: '---\nversion: h\nversion: h\n\t', errors: [{ line: 2, text: 'version' }, { line: 3, text: 'version' }], fixAllOutput: '---\nversion: h\n\t' },
    { name: 'every duplicate version key is reported and removed in one pass', code: 'version: "3"\nversion: "2"\nservices: {}\n', errors: [{ line: 1, text: 'version' }, { line: 2, text: 'version' }], output: 'services: {}\n' },
  ],
});
