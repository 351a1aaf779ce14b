import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-keys-order';

ruleTests(rule, {
  valid: ['services:\n  web:\n    image: nginx\n    volumes:\n      - ./data:/data\n    environment:\n      - NODE_ENV=production\n    ports:\n      - 80:80\n    annotations:\n      - com.example.foo=bar\n    cpu_rt_period: \'1400us\'\n    cpu_rt_runtime: \'400ms\'\n'],
  invalid: [
    // Found by the fuzzer: with duplicate keys in the file the blocks to move are ambiguous, so no fix.
    { code: 'services:\n  web:\n    ports: ["80:80"]\n    image: nginx:1.27\n  web:\n    image: nginx:1.27\n', errors: [{ line: 4, text: 'image' }], output: null },
    {
      code: 'services:\n  web:\n    image: nginx\n    annotations:\n      - com.example.foo=bar\n    ports:\n      - 80:80\n    environment:\n      - NODE_ENV=production\n    volumes:\n      - ./data:/data\n    cpu_rt_runtime: \'400ms\'\n    cpu_rt_period: \'1400us\'\n',
      errors: [
        { line: 6, text: 'ports', message: /Key "ports" of service "web" should come before "annotations"/ },
        { line: 8, text: 'environment', message: /before "ports"/ },
        { line: 10, text: 'volumes' },
        { line: 13, text: 'cpu_rt_period', message: /before "cpu_rt_runtime"/ },
      ],
      output: 'services:\n  web:\n    image: nginx\n    volumes:\n      - ./data:/data\n    environment:\n      - NODE_ENV=production\n    ports:\n      - 80:80\n    annotations:\n      - com.example.foo=bar\n    cpu_rt_period: \'1400us\'\n    cpu_rt_runtime: \'400ms\'\n',
    },
    {
      name: 'a comment above a key moves with it',
      code: 'services:\n  web:\n    # published for the proxy\n    ports:\n      - "8080:80"\n    image: nginx:1.27\n',
      errors: [{ line: 6, text: 'image' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    # published for the proxy\n    ports:\n      - "8080:80"\n',
    },
  ],
});
