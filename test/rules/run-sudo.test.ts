import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/run-sudo';

ruleTests(rule, {
  valid: ['RUN apt-get install sudo\n', 'ONBUILD RUN apt-get install sudo\n', 'FROM a:1\nRUN echo sudo\n'],
  invalid: [
    { code: 'RUN sudo apt-get update\n', errors: [{ line: 1, text: 'sudo' }], output: null },
    { code: 'ONBUILD RUN apt-get update && sudo apt-get install\n', errors: [{ line: 1, text: 'sudo' }] },
    { code: 'FROM a:1\nRUN if true; then sudo -u app make; fi\n', errors: [{ line: 2, text: 'sudo', message: /USER root/ }] },
  ],
});
