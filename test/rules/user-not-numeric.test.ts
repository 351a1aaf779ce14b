import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/user-not-numeric';

ruleTests(rule, {
  valid: ['FROM a:1\nUSER 12345\n', 'FROM a:1\nUSER 1234:5678\n', 'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n'],
  invalid: [
    { code: 'FROM a:1\nUSER foobar\n', errors: [{ line: 2, text: 'foobar' }], output: null },
    { code: 'FROM a:1\nUSER foobar:barfoo\n', errors: [{ line: 2, text: 'foobar:barfoo' }], output: null },
    { name: 'uid from useradd', code: 'FROM debian:12\nRUN useradd --system --uid 10001 app\nUSER app\n', errors: [{ line: 3, text: 'app' }], output: 'FROM debian:12\nRUN useradd --system --uid 10001 app\nUSER 10001\n' },
    { name: 'uid:gid from adduser -u, same-named group', code: 'FROM alpine:3\nRUN addgroup -S app && adduser -S -u 2000 -G app app\nUSER app:app\n', errors: [{ line: 3, text: 'app:app' }], output: 'FROM alpine:3\nRUN addgroup -S app && adduser -S -u 2000 -G app app\nUSER 2000:2000\n' },
    { name: 'node image ships uid 1000', code: 'FROM node:22-slim\nUSER node\n', errors: [{ line: 2 }], output: 'FROM node:22-slim\nUSER 1000\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot\n', errors: [{ line: 2 }], output: 'FROM gcr.io/distroless/static-debian12\nUSER 65532:65532\n' },
  ],
});
