import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/build-target-unknown';

const DF = 'FROM node:22-slim AS build\nRUN npm ci\nFROM node:22-slim AS Production\nCOPY --from=build /app /app\n';

ruleTests(rule, {
  valid: [
    { code: 'services:\n  api:\n    build:\n      context: .\n      target: production\n', files: { Dockerfile: DF } },
    { code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.dev\n      target: build\n', files: { 'api/Dockerfile.dev': DF } },
    // unreadable Dockerfile or variable target: not checked
    { code: 'services:\n  api:\n    build:\n      context: .\n      target: whatever\n' },
    { code: 'services:\n  api:\n    build:\n      context: .\n      target: ${TARGET}\n', files: { Dockerfile: DF } },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build:\n      context: .\n      target: prod\n',
      files: { Dockerfile: DF },
      errors: [{ line: 5, text: 'prod', message: /"Dockerfile" has no stage named "prod" \(stages: build, production\)/ }],
      output: null,
    },
    {
      code: 'services:\n  api:\n    build:\n      context: ./api\n      target: biuld\n',
      files: { 'api/Dockerfile': DF },
      errors: [{ line: 5, text: 'biuld', message: /did you mean "build"\?/ }],
    },
  ],
});
