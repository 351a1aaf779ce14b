import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/depends-on-without-healthy-condition';

const DB = '  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n  cache:\n    image: redis:7.4\n';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n' + DB,
    // an explicit service_started is a choice
    'services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_started\n' + DB,
    // no healthcheck on the dependency
    'services:\n  web:\n    image: x:1\n    depends_on: [cache]\n' + DB,
  ],
  invalid: [
    {
      name: 'block list: converted to long syntax, per-dependency condition',
      code: 'services:\n  web:\n    image: x:1\n    depends_on:\n      - db\n      - cache\n' + DB,
      errors: [{ line: 5, text: 'db', message: /starts as soon as "db" has started, although "db" has a healthcheck/ }],
      output: 'services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n' + DB,
    },
    {
      name: 'flow list and an indentless block list',
      code: 'services:\n  web:\n    image: x:1\n    depends_on: [db]\n  worker:\n    image: x:1\n    depends_on:\n    - db\n' + DB,
      errors: [{ line: 4, text: 'db' }, { line: 8, text: 'db' }],
      output: 'services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n  worker:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n' + DB,
    },
    {
      name: 'a comment above the list stays above it',
      code: 'services:\n  web:\n    image: x:1\n    depends_on:\n      # the database\n      - db\n' + DB,
      errors: [{ line: 6, text: 'db' }],
      output: 'services:\n  web:\n    image: x:1\n    depends_on:\n      # the database\n      db:\n        condition: service_healthy\n' + DB,
    },
    {
      name: 'a comment between items: reported, no fix (it would be lost)',
      code: 'services:\n  web:\n    image: x:1\n    depends_on:\n      - db\n      # and the cache\n      - cache\n' + DB,
      errors: [{ line: 5, text: 'db' }],
      output: null,
    },
  ],
});
