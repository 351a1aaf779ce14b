import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/undefined-secret';

ruleTests(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17\n    secrets:\n      - db_password\n      - source: api_key\n        target: api\nsecrets:\n  db_password:\n    file: ./pw.txt\n  api_key:\n    environment: API_KEY\n',
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:17\n    secrets:\n      - source: db_pasword\n        target: pw\nsecrets:\n  db_password:\n    file: ./pw.txt\n',
      errors: [{ line: 5, text: 'db_pasword', message: /secret "db_pasword".*did you mean "db_password"/ }],
      output: null,
    },
    {
      name: 'build secrets too',
      code: 'services:\n  app:\n    build:\n      context: .\n      secrets:\n        - npm_token\n',
      errors: [{ line: 6, text: 'npm_token' }],
    },
  ],
});
