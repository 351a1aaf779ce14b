import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/healthcheck-test-invalid';

const svc = (test: string) => `services:\n  web:\n    image: x:1\n    healthcheck:\n      test: ${test}\n`;

ruleTests(rule, {
  valid: [
    svc('["CMD", "curl", "-f", "http://localhost/"]'),
    svc('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
    svc('curl -f http://localhost/ || exit 1'),
    svc('["NONE"]'),
    svc('["CMD", "/healthcheck"]'),
  ],
  invalid: [
    {
      name: 'no type: add CMD (flow)',
      code: svc('["curl", "-f", "http://localhost/"]'),
      errors: [{ line: 5, text: '"curl"', message: /must start with "CMD", "CMD-SHELL" or "NONE"/ }],
      output: svc('["CMD", "curl", "-f", "http://localhost/"]'),
    },
    {
      name: 'no type: add CMD (block)',
      code: 'services:\n  web:\n    image: x:1\n    healthcheck:\n      test:\n        - curl\n        - -f\n',
      errors: [{ line: 6, text: 'curl' }],
      output: 'services:\n  web:\n    image: x:1\n    healthcheck:\n      test:\n        - CMD\n        - curl\n        - -f\n',
    },
    {
      name: 'lower-case type: safe fix',
      code: svc('["cmd-shell", "pg_isready"]'),
      errors: [{ line: 5, text: '"cmd-shell"', message: /upper-case "CMD-SHELL"/ }],
      output: svc('["CMD-SHELL", "pg_isready"]'),
    },
    {
      name: 'CMD-SHELL with several arguments: join them',
      code: svc('["CMD-SHELL", "curl", "-f", "http://localhost/"]'),
      errors: [{ line: 5, text: '"-f", "http://localhost/"', message: /runs only its first argument/ }],
      output: svc('["CMD-SHELL", "curl -f http://localhost/"]'),
    },
    {
      name: 'CMD with a command line in one string: use CMD-SHELL',
      code: svc('["CMD", "curl -f http://localhost/"]'),
      errors: [{ line: 5, text: '"curl -f http://localhost/"', message: /as one program name/ }],
      output: svc('["CMD-SHELL", "curl -f http://localhost/"]'),
    },
    { name: 'nothing to run', code: svc('["CMD"]'), errors: [{ line: 5, text: '"CMD"', message: /no command to run/ }], output: null },
    { name: 'empty list', code: svc('[]'), errors: [{ line: 5, text: 'test', message: /empty list/ }], output: null },
    { name: 'NONE with arguments', code: svc('["NONE", "x"]'), errors: [{ line: 5, text: '"x"', message: /ignored/ }], output: null },
  ],
});
