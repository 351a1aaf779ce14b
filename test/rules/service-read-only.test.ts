import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/service-read-only';

ruleTests(rule, {
  valid: [
    'services:\n  api:\n    image: x:1\n    read_only: true\n',
    // set in the base file; this is an override
    { code: 'services:\n  api:\n    environment:\n      A: "1"\n', path: 'compose.override.yaml', files: { 'compose.yaml': 'services:\n  api:\n    image: x:1\n    read_only: true\n' } },
    // extends: keys may come from elsewhere
    'services:\n  api:\n    extends:\n      file: base.yaml\n      service: api\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n    # comment stays\n    ports:\n      - "8080:80"\n  db:\n    image: postgres:17\n    tmpfs:\n      - /run\n',
      errors: [{ line: 2, text: 'api', message: /writable filesystem/ }, { line: 7, text: 'db' }],
      output: 'services:\n  api:\n    image: x:1\n    # comment stays\n    ports:\n      - "8080:80"\n    read_only: true\n    tmpfs:\n      - /tmp\n  db:\n    image: postgres:17\n    tmpfs:\n      - /run\n    read_only: true\n',
    },
    {
      name: 'four-space indentation is followed',
      code: 'services:\n    api:\n        image: x:1\n',
      errors: [{ line: 2, text: 'api' }],
      output: 'services:\n    api:\n        image: x:1\n        read_only: true\n        tmpfs:\n            - /tmp\n',
    },
    {
      name: 'read_only: false is reported without a fix',
      code: 'services:\n  api:\n    image: x:1\n    read_only: false\n',
      errors: [{ line: 2, text: 'api' }],
      output: null,
    },
  ],
});
