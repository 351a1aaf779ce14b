import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apt-dist-upgrade';

ruleTests(rule, {
  valid: [
    // Decision: plain upgrade is fine (hadolint deprecated DL3005).
    'FROM debian\nRUN apt-get update && apt-get upgrade -y\n',
    'FROM debian\nRUN echo dist-upgrade\n',
  ],
  invalid: [
    { code: 'FROM debian\nRUN apt-get update && apt-get -y dist-upgrade\n', errors: [{ line: 2, text: 'dist-upgrade' }], output: null },
    { code: 'FROM ubuntu\nRUN sudo apt full-upgrade -y\n', errors: [{ line: 2, text: 'full-upgrade' }] },
  ],
});
