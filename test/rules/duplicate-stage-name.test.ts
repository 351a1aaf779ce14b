import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/duplicate-stage-name';

ruleTests(rule, {
  valid: ['FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz\n', 'FROM scratch AS b1\nFROM scratch AS b2\n'],
  invalid: [
    { code: 'FROM node as foo\nRUN something\nFROM scratch as foo\nRUN something\n', errors: [{ line: 3, text: 'foo', message: /line 1/ }], output: null },
    { name: 'case-insensitive, like BuildKit', code: '\nFROM scratch AS b\nFROM scratch AS B\nFROM scratch AS b\n', errors: [{ line: 3, text: 'B' }, { line: 4, text: 'b' }] },
  ],
});
