import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/stage-name-casing';

ruleTests(rule, {
  valid: [
    'FROM alpine:3.20 AS builder-base\n',
    'FROM alpine:3.20\n',
    // BuildKit checks only the three-word form.
    'FROM alpine:3.20 AS Bad extra\n',
  ],
  invalid: [
    // Found by the fuzzer: a quoted name with a space; writing it back unquoted would add a word, so no fix.
    { code: 'FROM alpine:3.20 AS "Build x"\n', errors: [{ line: 1 }], output: null },
    {
      name: 'BuildKit StageNameCasing-1',
      code: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\nFROM scratch as base2\n',
      errors: [{ line: 4, text: 'BadStageName', message: /lowercase/ }],
      output: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS badstagename\n\nFROM scratch as base2\n',
    },
    {
      name: 'references are renamed too',
      code: 'FROM golang:1.22 AS Builder\nRUN --mount=type=cache,from=Builder,target=/x true\nFROM Builder AS test\nFROM scratch\nCOPY --from=Builder /out /app\n',
      errors: [{ line: 1, text: 'Builder' }],
      output: 'FROM golang:1.22 AS builder\nRUN --mount=type=cache,from=Builder,target=/x true\nFROM builder AS test\nFROM scratch\nCOPY --from=builder /out /app\n',
    },
  ],
});
