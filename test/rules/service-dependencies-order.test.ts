import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-dependencies-order';

ruleTests(rule, {
  valid: ['services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n      - redis\n', 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_started\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - redis\n      - db\n',
      errors: [{ line: 4, text: 'depends_on', message: /expected: db, redis/ }],
      output: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n      - redis\n',
    },
    {
      code: 'services:\n  web:\n    image: nginx\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n        condition: service_healthy\n',
      errors: [{ line: 4, text: 'depends_on' }],
      output: 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_started\n',
    },
    {
      name: 'flow list',
      code: 'services:\n  web:\n    image: nginx\n    depends_on: [redis, db, cache]\n',
      errors: [{ line: 4, text: 'depends_on' }],
      output: 'services:\n  web:\n    image: nginx\n    depends_on: [cache, db, redis]\n',
    },
  ],
});
