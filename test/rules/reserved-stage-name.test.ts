import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/reserved-stage-name';

ruleTests(rule, {
  valid: ['FROM alpine AS builder\n', 'FROM scratch\nFROM scratch AS a\n'],
  invalid: [
    {
      code: '\nFROM scratch AS scratch\nFROM scratch AS Context\n',
      errors: [{ line: 2, text: 'scratch', message: /reserved/ }, { line: 3, text: 'Context' }],
      output: null,
    },
  ],
});
