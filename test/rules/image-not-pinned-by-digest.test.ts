import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/image-not-pinned-by-digest';

ruleTests(rule, {
  valid: ['FROM scratch\n', 'FROM python:3.12-slim@sha256:' + 'a'.repeat(64) + '\n', 'FROM a@sha256:' + 'b'.repeat(64) + ' AS x\nFROM x\n', 'ARG I\nFROM ${I}\n'],
  invalid: [{ code: 'FROM python:3.12-slim\n', errors: [{ line: 1, text: 'python:3.12-slim', message: /digest/ }], output: null }],
});
