import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-healthcheck-missing';

ruleTests(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
    'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      disable: true\n',
    { code: 'services:\n  app:\n    build: .\n', files: { Dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q -O- http://localhost/\n' } },
  ],
  invalid: [
    {
      name: 'known image: the standard check is offered',
      code: 'services:\n  cache:\n    image: redis:7.4-alpine\n',
      errors: [{ line: 2, text: 'cache', message: /has no healthcheck/ }],
      output: 'services:\n  cache:\n    image: redis:7.4-alpine\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
    },
    {
      name: 'postgres keeps $$ so Compose leaves the shell variable alone',
      code: 'services:\n  db:\n    image: docker.io/library/postgres:17\n',
      errors: [{ line: 2, text: 'db' }],
      output: 'services:\n  db:\n    image: docker.io/library/postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U \\"$${POSTGRES_USER:-postgres}\\""]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
    },
    { name: 'unknown image: no fix', code: 'services:\n  api:\n    image: example/api:1.4\n', errors: [{ line: 2, text: 'api', message: /add a healthcheck that exercises it/ }], output: null },
  ],
});
