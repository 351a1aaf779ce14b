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
    // Fuzz, seed 1126: moving `:` last would put the tab line under a key with no value, which YAML rejects.
    { name: 'no fix when the reordered text would not parse (a tab in the last blank line)', code: ':\nname: x\n\t', errors: [{ line: 2, text: 'name' }], output: null },
    // Fuzz, seed 1126: `*common` means the latest `&common` before it; moving `x-` first would make it the scalar's.
    { name: 'no fix when two anchors share the name an alias in the moved keys uses', code: ': &common\nx-: &common\n :\nr:\n <<: *common', errors: [{ line: 2, text: 'x-' }], output: null },
    {
      name: 'a unique anchor that stays before its alias keeps the fix',
      code: 'x-b: &b\n  k: v\nservices:\n  web:\n    <<: *b\n    image: nginx\nname: x\n',
      errors: [{ line: 7, text: 'name' }],
      output: 'x-b: &b\n  k: v\nname: x\nservices:\n  web:\n    <<: *b\n    image: nginx\n',
    },
    {
      name: 'a tab in a blank line elsewhere still gets the fix',
      code: 'services:\n  web:\n    image: nginx\n\t\nname: x\n',
      errors: [{ line: 5, text: 'name' }],
      output: 'name: x\n\t\nservices:\n  web:\n    image: nginx\n',
    },
  ],
});
