import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/docker-socket-mounted';

ruleTests(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    volumes:\n      - ./docker.sock.bak:/backup/docker.sock\n      - /var/run/other.sock:/var/run/other.sock\n'],
  invalid: [
    {
      code: 'services:\n  runner:\n    image: x:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - type: bind\n        source: /run/docker.sock\n        target: /docker.sock\n',
      errors: [{ line: 5, text: '/var/run/docker.sock', message: /":ro" does not limit the API/ }, { line: 7, text: '/run/docker.sock' }],
      output: null,
    },
  ],
});
