import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/platform-flag-constant';

ruleTests(rule, {
  valid: [
    'FROM --platform=linux/amd64 scratch AS my_amd64_stage\n',
    'FROM --platform=linux/amd64 scratch AS linux\n',
    'FROM --platform=${BUILDPLATFORM} alpine AS base\n',
    'FROM --platform=linux/aarch64 alpine AS build-arm64\n',
    'FROM alpine AS base\n',
    // Not a platform BuildKit can parse: it fails later, the check stays quiet.
    'FROM --platform=foobar alpine\n',
  ],
  invalid: [
    { code: '\nFROM --platform=linux/amd64 scratch\n', errors: [{ line: 2, text: 'linux/amd64', message: /BUILDPLATFORM/ }], output: null },
    { code: 'FROM --platform=linux/amd64 alpine AS base\n', errors: [{ line: 1 }] },
  ],
});
