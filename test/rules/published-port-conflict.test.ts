import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/published-port-conflict';

ruleTests(rule, {
  valid: [
    // container-only ports get random host ports (dclint reports these; Docker does not conflict)
    'services:\n  a:\n    image: x:1\n    ports:\n      - "8080"\n  b:\n    image: x:1\n    ports:\n      - 8080\n',
    // tcp vs udp, different specific addresses
    'services:\n  a:\n    image: x:1\n    ports:\n      - "127.0.0.1:8388:8388/tcp"\n      - "127.0.0.1:8388:8388/udp"\n  b:\n    image: x:1\n    ports:\n      - "192.168.1.2:8080:80"\n  c:\n    image: x:1\n    ports:\n      - "192.168.1.3:8080:80"\n',
    // a host range for one container port: Docker picks a free port in it
    'services:\n  a:\n    image: x:1\n    ports:\n      - "8093-9000:80"\n  b:\n    image: x:1\n    ports:\n      - "8094:5432"\n',
    // services in profiles that never run together
    'services:\n  app:\n    image: x:1\n    profiles: [prod]\n    ports: ["80:80"]\n  app-dev:\n    image: x:1\n    profiles: [dev]\n    ports: ["80:8080"]\n',
    // different variables
    'services:\n  a:\n    image: x:1\n    ports: ["${A_PORT}:80"]\n  b:\n    image: x:1\n    ports: ["${B_PORT}:80"]\n',
  ],
  invalid: [
    {
      name: 'across services: short syntax, explicit 0.0.0.0, loopback vs all interfaces, long syntax',
      code: 'services:\n  c:\n    image: x:1\n    ports:\n      - 8080:8080\n  d:\n    image: x:1\n    ports:\n      - 0.0.0.0:8080:8002\n  e:\n    image: x:1\n    ports:\n      - "127.0.0.1:8080:8001"\n  f:\n    image: x:1\n    ports:\n      - target: 1000\n        published: 8080\n        protocol: tcp\n',
      errors: [
        { line: 9, text: '0.0.0.0:8080:8002', message: /Host port 8080\/tcp on 0.0.0.0 is already published by service "c" \(line 5\)/ },
        { line: 13, text: '"127.0.0.1:8080:8001"', message: /by service "c"/ },
        { line: 18, text: '8080', message: /by service "c"/ },
      ],
      output: null,
    },
    {
      name: 'ranges mapped one to one overlap a fixed port; the same variable twice in one service',
      code: 'services:\n  a:\n    image: x:1\n    ports:\n      - "9000-9010:9000-9010"\n  b:\n    image: x:1\n    ports:\n      - "9005:80"\n  g:\n    image: x:1\n    ports:\n      - "$WEB_PORT:80"\n      - "$WEB_PORT:81"\n',
      errors: [{ line: 9, text: '"9005:80"' }, { line: 14, text: '"$WEB_PORT:81"', message: /earlier in service "g"/ }],
    },
    {
      name: 'IPv6 all-interfaces collides with a plain binding',
      code: 'services:\n  a:\n    image: x:1\n    ports: ["80:80"]\n  b:\n    image: x:1\n    ports: ["[::]:80:8080"]\n',
      errors: [{ line: 7, text: '"[::]:80:8080"' }],
    },
  ],
});
