import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/volume-quoted';

ruleTests(rule, {
  valid: [
    'services:\n  web:\n    volumes:\n      - data\n      - type: volume\n        source: "db-data"\n        target: \'/data\'\n',
    // quotes that are needed stay
    'services:\n  web:\n    volumes:\n      - "./a #b:/data"\n      - "true"\n',
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    volumes:\n      - "data"\n      - \'./site:/usr/share/nginx/html:ro\'\n',
      errors: [{ line: 4, text: '"data"', message: /does not need quotes/ }, { line: 5, text: "'./site:/usr/share/nginx/html:ro'" }],
      output: 'services:\n  web:\n    volumes:\n      - data\n      - ./site:/usr/share/nginx/html:ro\n',
    },
  ],
});
