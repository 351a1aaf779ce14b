import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/undefined-arg-in-from';

ruleTests(rule, {
  valid: [
    'ARG base=scratch\nFROM $base\n',
    'FROM --platform=$BUILDPLATFORM scratch\n',
    'ARG DEBUG\nFROM scra${DEBUG:-tch}\n',
    'ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder\n',
    // Single quotes and escapes keep `$` literal.
    "FROM alpine\nRUN echo '$NOPE'\n",
  ],
  invalid: [
    // Found by the fuzzer: an ARG name a `$` reference cannot spell (here with U+FFFF) is not offered as the fix.
    { code: 'ARG VERSION\uffff\nFROM $VERSION\n', errors: [{ line: 2, text: '$VERSION' }], output: null },
    {
      code: '\nFROM --platform=$BULIDPLATFORM scratch\n',
      errors: [{ line: 2, text: '$BULIDPLATFORM', message: /did you mean BUILDPLATFORM/ }],
      output: '\nFROM --platform=$BUILDPLATFORM scratch\n',
    },
    {
      code: 'ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n',
      errors: [{ line: 3, text: '${MYARCH}', message: /MY_ARCH/ }],
      output: 'ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MY_ARCH} busybox\n',
    },
    { code: 'ARG tag=latest\nFROM busybox:${tag}${version} AS b\n', errors: [{ line: 2, text: '${version}' }], output: null },
    { name: 'an ARG declared after the FROM does not count', code: 'FROM node:22${VARIANT}\nARG VARIANT=-slim\n', errors: [{ line: 1, text: '${VARIANT}' }] },
  ],
});
