import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/undefined-network';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    networks: [front, default]\nnetworks:\n  front: {}\n',
    'services:\n  web:\n    image: nginx:1.27\n    networks:\n      front:\n        aliases: [www]\nnetworks:\n  front:\n    external: true\n',
    'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - ${NET}\n',
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - frontend\nnetworks:\n  front-end: {}\n',
      errors: [{ line: 5, text: 'frontend', message: /uses the network "frontend", which is not declared under the top-level "networks:"; did you mean "front-end"\?/ }],
      output: null,
    },
    {
      name: 'mapping form, no networks section at all',
      code: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      back:\n        ipv4_address: 10.0.0.2\n',
      errors: [{ line: 5, text: 'back', message: /declare it there/ }],
    },
  ],
});
