import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/legacy-key-value-format';

ruleTests(rule, {
  valid: [
    'FROM scratch\nENV testkey=value\nLABEL key=value\n',
    'ENV DEPS="\\\n    curl \\\n    git"\n',
    // Decision: `ARG foo bar` declares two ARGs (BuildKit does not report it either, despite its docs example).
    'FROM alpine\nARG foo bar\n',
    'FROM alpine\nARG TARGETOS TARGETARCH\n',
  ],
  invalid: [
    {
      code: '\nFROM scratch\nENV testkey value\nLABEL key value\n',
      errors: [{ line: 3, text: 'testkey', message: /ENV testkey=value/ }, { line: 4, text: 'key', message: /LABEL key=value/ }],
      output: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n',
    },
    {
      name: 'a value with spaces is quoted, continuations kept',
      code: 'ENV DEPS \\\n    curl \\\n    git \\\n    make\n',
      errors: [{ line: 1, text: 'DEPS' }],
      output: 'ENV DEPS="curl \\\n    git \\\n    make"\n',
    },
    { code: 'FROM a\nENV MSG hello world\n', errors: [{ line: 2 }], output: 'FROM a\nENV MSG="hello world"\n' },
    { code: 'FROM a\nENV P $HOME/bin\n', errors: [{ line: 2 }], output: 'FROM a\nENV P=$HOME/bin\n' },
    { name: 'quotes mixed with spaces: no fix', code: 'FROM a\nENV MSG "hello" world\n', errors: [{ line: 2 }], output: null },
    // Found by the fuzzer (seed 3007): Docker reads a `#` after no-break spaces as a comment line, and so does the parser now.
    { name: 'a comment line indented with Unicode spaces stays out of the value', code: 'FROM a\nENV DEPS \\\n\u00a0\u00a0 #note\n  curl\n', errors: [{ line: 2, text: 'DEPS' }], output: null },
  ],
});
