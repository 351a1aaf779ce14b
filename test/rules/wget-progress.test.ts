import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/wget-progress';

ruleTests(rule, {
  valid: [
    'FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n',
    'FROM node as foo\nONBUILD RUN wget --progress=dot:giga my.xyz\n',
    'FROM node as foo\nRUN wget -q my.xyz\n',
    'FROM node as foo\nRUN wget --quiet my.xyz\n',
    'FROM node as foo\nRUN wget -nv my.xyz\n',
    'FROM node as foo\nRUN wget --no-verbose my.xyz\n',
    'FROM node as foo\nRUN wget --output-file=/tmp/wget.log my.xyz\n',
    'FROM node as foo\nRUN wget -o /tmp/wget.log my.xyz\n',
    'FROM node as foo\nRUN wget --append-output=/tmp/wget.log my.xyz\n',
    'FROM node as foo\nRUN wget -a /tmp/wget.log my.xyz\n',
    'FROM node as foo\nRUN wget -qO- my.xyz | sh\n',
  ],
  invalid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\n', errors: [{ line: 2, text: 'wget' }], output: 'FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n' },
    { code: 'FROM node as foo\nONBUILD RUN wget my.xyz\n', errors: [{ line: 2, text: 'wget' }] },
    { name: '-O is the document, not the log', code: 'FROM a:1\nRUN wget -O /tmp/x my.xyz\n', errors: [{ line: 2, text: 'wget' }] },
    { name: 'inside sh -c, quoted: the option goes into the script', code: 'FROM a:1\nRUN sh -c "wget my.xyz"\n', errors: [{ line: 2, text: 'wget' }], output: 'FROM a:1\nRUN sh -c "wget --progress=dot:giga my.xyz"\n' },
    // Found by the fuzzer (seed 3003): after an unquoted `sh -c wget` the option would go to sh as $0.
    { name: 'inside sh -c, unquoted: no fix', code: 'FROM a:1\nRUN sh -c wget\n', errors: [{ line: 2, text: 'wget' }], output: null },
  ],
});
