import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-restart-policy';

ruleTests(rule, {
  valid: ['services:\n  api:\n    image: x:1\n    restart: "no"\n', 'services:\n  api:\n    image: x:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n'],
  invalid: [
    // Found by the fuzzer (seed 2012): the key's span starts after its anchor, so its column is not the map's indentation.
    { name: 'no fix when the first key of the service has an anchor before it', code: 'services:\n  web:\n    &img image: nginx:1.27\n', errors: [{ line: 2, text: 'web' }], output: null },
    // Found by the fuzzer (seed 2012): the edit would land in the anchored map, shared with the anchor's other uses; fix-all alternated it with the key reorder.
    { name: 'no fix for a service written as an alias', code: 'x-base: &base\n  image: nginx:1.27\nservices:\n  web: *base\n', errors: [{ line: 4, text: 'web' }], output: null },
    {
      code: 'services:\n  api:\n    image: x:1\n    environment:\n      A: "1"\n',
      errors: [{ line: 2, text: 'api', message: /no restart policy/ }],
      output: 'services:\n  api:\n    image: x:1\n    environment:\n      A: "1"\n    restart: unless-stopped\n',
    },
  ],
});
