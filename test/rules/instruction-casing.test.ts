import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/instruction-casing';

ruleTests(rule, {
  valid: [
    'from scratch\ncopy Dockerfile /foo\n',
    'FROM scratch\nCOPY Dockerfile /foo\n',
    // Heredoc bodies are not instructions.
    'FROM alpine\nRUN <<\'EOT\'\nenv\nEOT\n',
  ],
  invalid: [
    {
      name: 'mixed-case keyword, uppercase majority',
      code: '\nFrom scratch as base\nFROM scratch AS base2\n',
      errors: [{ line: 2, text: 'From', message: /mixes upper and lower/ }],
      output: '\nFROM scratch as base\nFROM scratch AS base2\n',
    },
    {
      name: 'lowercase majority',
      code: '\nfrom scratch\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n',
      errors: [{ line: 3, text: 'COPY', message: /lowercase/ }],
      output: '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n',
    },
    {
      name: 'a tie goes to uppercase; ONBUILD triggers are checked too',
      code: 'FROM alpine\nrun x\nONBUILD run y\nexpose 1\n',
      errors: [{ line: 2, text: 'run' }, { line: 3, text: 'run' }, { line: 4, text: 'expose' }],
      output: 'FROM alpine\nRUN x\nONBUILD RUN y\nEXPOSE 1\n',
    },
  ],
});
