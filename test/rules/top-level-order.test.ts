import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/top-level-order';

ruleTests(rule, {
  valid: [
    "x-a:\n  k: v\nx-b:\n  k: v\nversion: '3'\nservices:\n  web:\n    image: nginx\nnetworks:\n  default:\n    driver: bridge\nvolumes:\n  db-data:\n    driver: local\n",
    "version: '3'\nservices:\n  web:\n    image: nginx\nnetworks:\n  default:\n    driver: bridge\n",
  ],
  invalid: [
    {
      code: "version: '3'\nservices:\n  web:\n    image: nginx\nx-b:\n  some-key: some-value\nvolumes:\n  db-data:\n    driver: local\nx-a:\n  some-other-key: some-other-value\nnetworks:\n  default:\n    driver: bridge\n",
      errors: [
        { line: 5, text: 'x-b', message: /"x-b" should come before "version"/ },
        { line: 10, text: 'x-a' },
        { line: 12, text: 'networks', message: /before "volumes"/ },
      ],
      output: "x-a:\n  some-other-key: some-other-value\nx-b:\n  some-key: some-value\nversion: '3'\nservices:\n  web:\n    image: nginx\nnetworks:\n  default:\n    driver: bridge\nvolumes:\n  db-data:\n    driver: local\n",
    },
  ],
});
