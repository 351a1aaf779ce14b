import { ruleTests } from '../helpers/rule-tester';
import shellForm from '../../server/src/core/rules/dockerfile/shell-form-command';

ruleTests(shellForm, {
  valid: [],
  invalid: [
    { name: 'no fix when a comment line sits inside the continuation (it would be lost)', code: 'FROM a:1\nCMD node \\\n# the entry point\n  app.js\n', errors: [{ line: 2 }], output: null },
  ],
});
