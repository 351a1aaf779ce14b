import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-resource-limits';

ruleTests(rule, {
  valid: [
    'services:\n  api:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n',
    'services:\n  api:\n    image: x:1\n    mem_limit: 256m\n    cpus: 0.5\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n',
      errors: [{ line: 2, text: 'api', message: /no memory and CPU limit/ }],
      output: 'services:\n  api:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n',
    },
    {
      name: 'completes an existing deploy block',
      code: 'services:\n  api:\n    image: x:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 1G\n',
      errors: [{ line: 2, text: 'api', message: /no CPU limit/ }],
      output: 'services:\n  api:\n    image: x:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 1G\n          cpus: "1.0"\n',
    },
  ],
});
