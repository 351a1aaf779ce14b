import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-ports-order';

const SORTED = 'services:\n  web:\n    image: nginx\n    ports:\n      - "$WEB_PORT:80"\n      - "79"\n      - 80:80\n      - \'81\'\n      - 1001:443\n      - "3000-3005"\n      - "127.0.0.1:8001:8001"\n      - 0.0.0.0:8002:8002\n      - 8080:8080\n      - target: 1000\n        published: 8082\n        protocol: tcp\n        mode: host\n      - "9090-9091:8080-8081"\n';

ruleTests(rule, {
  valid: [SORTED],
  invalid: [
    {
      name: 'dclint\'s own example: numeric order of host ports, address ignored, variables first',
      code: 'services:\n  web:\n    image: nginx\n    ports:\n      - \'81\'\n      - "79"\n      - 80:80\n      - 8080:8080\n      - "3000-3005"\n      - 0.0.0.0:8002:8002\n      - "9090-9091:8080-8081"\n      - "127.0.0.1:8001:8001"\n      - 1001:443\n      - target: 1000\n        published: 8082\n        protocol: tcp\n        mode: host\n      - "$WEB_PORT:80"\n',
      errors: [{ line: 4, text: 'ports', message: /not sorted by host port/ }],
      output: SORTED,
    },
  ],
});
