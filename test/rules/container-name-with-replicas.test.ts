import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/container-name-with-replicas';

ruleTests(rule, {
  valid: [
    'services:\n  w:\n    image: x:1\n    container_name: w\n    deploy:\n      replicas: 1\n',
    'services:\n  w:\n    image: x:1\n    deploy:\n      replicas: 3\n',
    'services:\n  w:\n    image: x:1\n    container_name: w\n    deploy:\n      replicas: ${N}\n',
  ],
  invalid: [
    {
      code: 'services:\n  worker:\n    image: x:1\n    container_name: worker\n    deploy:\n      replicas: 3\n',
      errors: [{ line: 4, text: 'container_name', message: /runs 3 replicas \(deploy.replicas\)/ }],
      output: null,
    },
    {
      code: 'services:\n  worker:\n    image: x:1\n    container_name: worker\n    scale: 2\n',
      errors: [{ line: 4, text: 'container_name', message: /\(scale\)/ }],
    },
  ],
});
