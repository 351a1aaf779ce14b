import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/curl-and-wget';

ruleTests(rule, {
  valid: [
    'FROM node as foo\nRUN wget my.xyz\n',
    'FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n',
    'FROM a:1\nRUN apt-get install -y curl wget\n',
  ],
  invalid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n', errors: [{ line: 3, text: 'curl' }], output: null },
    { code: 'FROM node as foo\nRUN wget my.xyz && curl localhost\n', errors: [{ line: 2, text: 'wget' }] },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost\n', errors: [{ line: 3 }] },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n', errors: [{ line: 3, text: 'curl' }, { line: 5, text: 'wget' }] },
  ],
});
