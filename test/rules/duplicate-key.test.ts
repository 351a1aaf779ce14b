import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/duplicate-key';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17\n',
    // the same key in different mappings is fine
    'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: nginx:1.27\n',
    // a merge key is not a duplicate of an explicit key
    'x-a: &a\n  image: nginx:1.27\nservices:\n  web:\n    <<: *a\n    image: nginx:1.26\n',
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: "1"\n    environment:\n      B: "2"\n',
      errors: [{ line: 6, text: 'environment', message: /already defined in this mapping \(line 4\)/ }],
      output: null,
    },
    {
      name: 'duplicate service and duplicate top-level section',
      code: 'services:\n  web:\n    image: a:1\n  web:\n    image: b:1\nservices:\n  x:\n    image: c:1\n',
      errors: [{ line: 4, text: 'web' }, { line: 6, text: 'services' }],
    },
  ],
});
