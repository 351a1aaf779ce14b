import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/build-path-not-found';

const FILES = { 'api/Dockerfile': 'FROM alpine:3.20\n', 'web/Dockerfile.prod': 'FROM nginx:1.27\n' };

ruleTests(rule, {
  valid: [
    { code: 'services:\n  api:\n    build: ./api\n', files: FILES },
    { code: 'services:\n  web:\n    build:\n      context: web\n      dockerfile: Dockerfile.prod\n', files: FILES },
    { code: 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile_inline: |\n        FROM nginx:1.27\n', files: FILES },
    { code: 'services:\n  a:\n    build: https://github.com/docker/rootfs.git#main\n  b:\n    build: ${CTX}\n  c:\n    build: /abs/path\n', files: FILES },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    build: ./apj\n',
      files: FILES,
      errors: [{ line: 3, text: './apj', message: /build context "\.\/apj" of service "api" does not exist/ }],
      output: null,
    },
    {
      code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n',
      files: FILES,
      errors: [{ line: 5, text: 'Dockerfile.prod', message: /builds from "api\/Dockerfile.prod", which does not exist/ }],
    },
    {
      name: 'default context (.) without a Dockerfile: reported at build',
      code: 'services:\n  api:\n    build:\n      target: prod\n',
      files: FILES,
      errors: [{ line: 3, text: 'build', message: /builds from "Dockerfile", which does not exist/ }],
    },
  ],
});
