import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/undefined-var';

ruleTests(rule, {
  valid: [
    'FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n',
    'FROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n',
    'FROM alpine\nRUN echo $PATH $UNDEFINED\n',
    'FROM python AS base\nARG VERSION=$PYTHON_VERSION\n',
    'FROM node:22-slim\nENV P=$NODE_VERSION\n',
    // An image Seaworthy does not know may set anything.
    'FROM mycompany/base:1\nCOPY $APP_HOME/x /x\n',
    "FROM alpine\nENV A='$literal' B=\\$literal\n",
    'FROM alpine\nENV PATH=$PATH:/x\n',
  ],
  invalid: [
    // Found by the fuzzer: an ARG name a `$` reference cannot spell (here with U+202E) is not offered as the fix.
    { code: 'FROM scratch\nARG foo\u202e\nCOPY $foo /x\n', errors: [{ line: 3, text: '$foo' }], output: null },
    {
      name: 'Decision: every stage is checked, like docker build --check (BuildKit build mode: only line 6)',
      code: '\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n',
      errors: [{ line: 3, text: '$foo' }, { line: 6, text: '$bar' }],
      output: null,
    },
    { code: '\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n', errors: [{ line: 3, text: '$foo' }] },
    {
      code: '\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET .\n',
      errors: [{ line: 5, text: '$DIR_ASSET', message: /did you mean \$DIR_ASSETS/ }],
      output: '\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSETS .\n',
    },
    { code: '\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n', errors: [{ line: 3, text: '$PAHT', message: /\$PATH/ }], output: '\nFROM alpine\nENV PATH=$PATH:/tmp/bin\n' },
    { code: 'FROM alpine AS base\nARG VERSION=$foo\n', errors: [{ line: 2, text: '$foo' }] },
    { name: 'a global ARG is not visible in a stage without redeclaring it', code: 'ARG V=1\nFROM debian:12\nLABEL v=${V}\n', errors: [{ line: 3, text: '${V}' }] },
    { name: 'same ENV instruction does not see its own pairs', code: 'FROM alpine\nENV A=1 B=${A:-x}\n', errors: [{ line: 2, text: '${A:-x}' }] },
  ],
});
