import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/copy-whole-filesystem';

ruleTests(rule, {
  valid: ['COPY / /\n', 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /app /\n', 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build / /app\n'],
  invalid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build / /\n', errors: [{ line: 3, text: '/ /' }], output: null },
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build "/" "/"\n', errors: [{ line: 3, text: '"/" "/"' }] },
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build ["/", "/"]\n', errors: [{ line: 3, text: '"/", "/"' }] },
  ],
});
