import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/services-order';

ruleTests(rule, {
  valid: ['services:\n  app:\n    image: node\n  b-service:\n    image: nginx\n  cache:\n    image: redis\n'],
  invalid: [
    // Found by the fuzzer: an empty key indented deeper than its sibling; moving it would not parse, so no fix.
    { code: 'services:\n e: n\n  :', errors: [{ line: 3, message: /should come before "e"/ }], output: null },
    {
      name: 'each misplaced service is reported; blocks move with their comments, blank lines stay',
      code: 'services:\n  # the database\n  database:\n    image: postgres\n\n  b-service:\n    image: nginx # inline\n  app:\n    image: node\n    # ports:\n    #   - 80\n  cache:\n    image: redis\n',
      errors: [
        { line: 6, text: 'b-service', message: /"b-service" should come before "database"/ },
        { line: 8, text: 'app', message: /before "b-service"/ },
        { line: 12, text: 'cache', message: /before "database"/ },
      ],
      output: 'services:\n  app:\n    image: node\n    # ports:\n    #   - 80\n\n  b-service:\n    image: nginx # inline\n  cache:\n    image: redis\n  # the database\n  database:\n    image: postgres\n',
    },
    {
      name: 'no fix when an anchor would move after its alias',
      code: 'services:\n  web:\n    image: &img nginx:1.27\n  api:\n    image: *img\n',
      errors: [{ line: 4, text: 'api' }],
      output: null,
    },
    {
      name: 'aliases to an anchor outside the region do not block the fix',
      code: 'x-img: &img nginx:1.27\nservices:\n  web:\n    image: *img\n  api:\n    image: *img\n',
      errors: [{ line: 5, text: 'api' }],
      output: 'x-img: &img nginx:1.27\nservices:\n  api:\n    image: *img\n  web:\n    image: *img\n',
    },
  ],
});
