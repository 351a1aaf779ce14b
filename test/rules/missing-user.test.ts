import { ruleTests } from '../helpers/rule-tester';
import missingUser from '../../server/src/core/rules/dockerfile/missing-user';

const DEBIAN_USER = 'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app\nUSER app\n';

ruleTests(missingUser, {
  valid: [
    'FROM debian:12\nUSER app\n',
    'FROM node:22-slim AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n',
    'FROM debian:12 AS build\nRUN make\nFROM alpine:3.20\nUSER 1000\n',
  ],
  invalid: [
    {
      name: 'debian: useradd before CMD',
      code: 'FROM debian:12-slim\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ line: 1, text: 'FROM', message: /runs as root/ }],
      output: 'FROM debian:12-slim\nCOPY app /app\n' + DEBIAN_USER + 'CMD ["/app"]\n',
    },
    {
      name: 'alpine: adduser -S, appended when there is no CMD',
      code: 'FROM python:3.12-alpine\nRUN pip install x',
      errors: [{ line: 1, text: 'FROM' }],
      output: 'FROM python:3.12-alpine\nRUN pip install x\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER app\n',
    },
    {
      name: 'node ships a user',
      code: 'FROM node:22-bookworm-slim AS build\nRUN npm ci\nFROM node:22-bookworm-slim\nCOPY --from=build /app /app\nENTRYPOINT ["node", "/app/server.js"]\n',
      errors: [{ line: 3, text: 'FROM', message: /ships the user "node"/ }],
      output: 'FROM node:22-bookworm-slim AS build\nRUN npm ci\nFROM node:22-bookworm-slim\nCOPY --from=build /app /app\nUSER node\nENTRYPOINT ["node", "/app/server.js"]\n',
    },
    {
      name: 'distroless without :nonroot tag',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ line: 1 }],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot:nonroot\nCMD ["/app"]\n',
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM scratch\r\nCOPY app /app\r\nCMD ["/app"]\r\n',
      errors: [{ line: 1 }],
      output: 'FROM scratch\r\nCOPY app /app\r\nUSER 10001:10001\r\nCMD ["/app"]\r\n',
    },
  ],
});

ruleTests(missingUser, {
  valid: [],
  invalid: [
    { name: 'no fix when the file ends in a dangling continuation', code: 'FROM debian:12\\', errors: [{ line: 1 }], output: null },
    { name: 'no fix when the file ends inside an unterminated heredoc', code: 'FROM debian:12\nRUN <<E\necho hi', errors: [{ line: 1 }], output: null },
    { name: 'no fix when the file ends inside an ONBUILD trigger\'s unterminated heredoc (fuzz, seed 1126)', code: 'FROM\nONBUILD RUN <<F', errors: [{ line: 1 }], output: null },
  ],
});

ruleTests(missingUser, {
  valid: [],
  invalid: [
    { name: 'no fix when the continuation runs into trailing comment or blank lines', code: 'FROM debian:12 \\\n# note\n  \n', errors: [{ line: 1 }], output: null },
  ],
});
