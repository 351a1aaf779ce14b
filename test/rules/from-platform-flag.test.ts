import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/from-platform-flag';

ruleTests(rule, {
  valid: [
    'FROM debian:jessie\n',
    'FROM --platform=$BUILDPLATFORM debian:jessie\n',
    'FROM --platform="$BUILDPLATFORM" debian:jessie\n',
    'FROM --platform=${BUILDPLATFORM} debian:jessie\n',
    'FROM --platform=${BUILDPLATFORM:-} debian:jessie\n',
    'FROM --platform="${BUILDPLATFORM:-}" debian:jessie\n',
    'FROM --platform=$TARGETPLATFORM debian:jessie\n',
  ],
  invalid: [
    { code: 'FROM --platform=linux debian:jessie\n', errors: [{ line: 1, text: 'linux' }], output: null },
    { name: 'a home-made variable pins it too (BuildKit\'s constant check does not report this)', code: 'ARG P=linux/arm64\nFROM --platform=$P debian:12\n', errors: [{ line: 2, text: '$P' }] },
  ],
});
