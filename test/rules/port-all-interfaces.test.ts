import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/port-all-interfaces';

ruleTests(rule, {
  valid: [
    'services:\n  a:\n    image: nginx\n    ports:\n      - 0.0.0.0:8080:8080\n  b:\n    image: nginx\n    ports:\n      - 127.0.0.1:8081:8081\n      - "[::1]:8082:8082"\n      - target: 80\n        published: 8083\n        host_ip: 10.0.0.1\n',
    // database ports are database-port-published's
    'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n',
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: nginx\n    ports:\n      - 8080:80\n      - 8080\n  b:\n    image: nginx\n    ports:\n      - target: 1000\n        published: 8081\n        protocol: tcp\n',
      errors: [{ line: 5, text: '8080:80', message: /publishes port 8080 on all interfaces/ }, { line: 6, text: '8080' }, { line: 11, text: '8081' }],
      output: 'services:\n  a:\n    image: nginx\n    ports:\n      - 127.0.0.1:8080:80\n      - "127.0.0.1::8080"\n  b:\n    image: nginx\n    ports:\n      - target: 1000\n        published: 8081\n        protocol: tcp\n        host_ip: 127.0.0.1\n',
    },
  ],
});
