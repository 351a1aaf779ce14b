import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/duplicate-mount-target';

ruleTests(rule, {
  valid: [
    'services:\n  app:\n    image: x:1\n    volumes:\n      - ./a:/etc/app\n      - data:/var/lib/app\n    tmpfs:\n      - /tmp\n',
    // the same target in two services is fine
    'services:\n  a:\n    image: x:1\n    volumes: ["./c:/c"]\n  b:\n    image: x:1\n    volumes: ["./c:/c"]\n',
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: x:1\n    volumes:\n      - ./config:/etc/app\n      - app-config:/etc/app/\n',
      errors: [{ line: 6, text: '/etc/app/', message: /already mounts something at "\/etc\/app" \(line 5\)/ }],
      output: null,
    },
    {
      name: 'long syntax and tmpfs',
      code: 'services:\n  app:\n    image: x:1\n    volumes:\n      - type: tmpfs\n        target: /tmp\n    tmpfs:\n      - /tmp:size=64m\n',
      errors: [{ line: 8, text: '/tmp:size=64m' }],
    },
  ],
});
