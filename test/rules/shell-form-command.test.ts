import { ruleTests } from '../helpers/rule-tester';
import shellForm from '../../server/src/core/rules/dockerfile/shell-form-command';

ruleTests(shellForm, {
  valid: [],
  invalid: [
    // Found by the fuzzer (seed 2006): Docker reads a `#` after a no-break space as a comment line too.
    { name: 'no fix when a comment line indented with U+00A0 sits inside the continuation', code: 'FROM a:1\nCMD node \\\n\u00a0# the entry point\n  app.js\n', errors: [{ line: 2 }], output: null },
    { name: 'no fix when a comment line sits inside the continuation (it would be lost)', code: 'FROM a:1\nCMD node \\\n# the entry point\n  app.js\n', errors: [{ line: 2 }], output: null },
  ],
});
