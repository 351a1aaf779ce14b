import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/instruction-before-from';

ruleTests(rule, {
  valid: ['FROM foo\nLABEL foo=bar\n', 'ARG A=B\nFROM foo\nLABEL foo=bar\n', '# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13\n', 'FROM foo\nARG A=B\nRUN echo bla\n'],
  invalid: [
    { code: 'LABEL foo=bar\nFROM foo\n', errors: [{ line: 1, text: 'LABEL' }], output: null },
    { code: 'ARG A\nRUN x\nonbuild RUN y\nFROM foo\n', errors: [{ line: 2, text: 'RUN' }, { line: 3, text: 'onbuild' }] },
  ],
});
