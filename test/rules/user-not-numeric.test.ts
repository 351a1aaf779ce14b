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
    { name: 'uid from a grandparent stage; the nearest stage that creates the user wins', code: 'FROM debian:12 AS a\nRUN useradd -u 1001 app\nFROM a AS b\nRUN useradd -u 1002 app\nFROM b AS c\nFROM c\nUSER app\n', errors: [{ line: 7 }], output: 'FROM debian:12 AS a\nRUN useradd -u 1001 app\nFROM a AS b\nRUN useradd -u 1002 app\nFROM b AS c\nFROM c\nUSER 1002\n' },
    { name: 'a sibling stage creating the user does not count', code: 'FROM debian:12 AS a\nFROM a AS b\nRUN useradd -u 1001 app\nFROM a\nUSER app\n', errors: [{ line: 5 }], output: null },
    { name: 'a user created after USER in the same stage does not count; one in the parent does', code: 'FROM debian:12 AS a\nRUN useradd -u 7 app\nFROM a\nUSER app\nRUN useradd -u 8 app\n', errors: [{ line: 4 }], output: 'FROM debian:12 AS a\nRUN useradd -u 7 app\nFROM a\nUSER 7\nRUN useradd -u 8 app\n' },
    { name: 'ONBUILD USER sees the whole stage', code: 'FROM debian:12\nONBUILD USER app\nRUN useradd -u 9 app\n', errors: [{ line: 2 }], output: 'FROM debian:12\nONBUILD USER 9\nRUN useradd -u 9 app\n' },
    { name: 'node user through a chain of stages built on node', code: 'FROM node:22 AS a\nFROM a AS b\nFROM b\nUSER node\n', errors: [{ line: 4 }], output: 'FROM node:22 AS a\nFROM a AS b\nFROM b\nUSER 1000\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot\n', errors: [{ line: 2 }], output: 'FROM gcr.io/distroless/static-debian12\nUSER 65532:65532\n' },
  ],
});
