import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/redundant-target-platform';

ruleTests(rule, {
  valid: ['FROM alpine AS builder\n', 'FROM --platform=$BUILDPLATFORM alpine\n', 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine\n'],
  invalid: [
    // Found by the fuzzer: two --platform flags; removing one would not settle it, so no fix.
    { code: 'FROM --platform=${TARGETPLATFORM} --platform=${TARGETPLATFORM} alpine:3.20\n', errors: [{ line: 1 }], output: null },
    // Found by the fuzzer: with no image after the flag, removing it would leave an empty FROM.
    { code: 'FROM --platform=$TARGETPLATFORM\n', errors: [{ line: 1, text: '--platform=$TARGETPLATFORM' }], output: null },
    { code: '\nFROM --platform=$TARGETPLATFORM scratch\n', errors: [{ line: 2, text: '--platform=$TARGETPLATFORM' }], output: '\nFROM scratch\n' },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine AS b\n', errors: [{ line: 1 }], output: 'FROM alpine AS b\n' },
  ],
});
