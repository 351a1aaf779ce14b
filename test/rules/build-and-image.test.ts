import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/build-and-image';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    build: .\n    image: nginx\n    pull_policy: always\n',
    'services:\n  web:\n    build: .\n  db:\n    image: postgres:17\n',
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    build: .\n    image: nginx\n  db:\n    build: ./db\n    image: postgres\n',
      errors: [{ line: 3, text: 'build', message: /pulls the image first/ }, { line: 6, text: 'build' }],
      output: 'services:\n  web:\n    build: .\n    image: nginx\n    pull_policy: build\n  db:\n    build: ./db\n    image: postgres\n    pull_policy: build\n',
    },
  ],
});
