import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/from-as-casing';

ruleTests(rule, {
  valid: [
    'FROM debian:latest AS deb-builder\n',
    'from debian:latest as deb-builder\n',
    // Mixed-case FROM is instruction-casing's business, as in BuildKit.
    'From scratch as base\n',
    'FROM scratch\n',
  ],
  invalid: [
    { code: 'FROM debian:latest as builder\n', errors: [{ line: 1, text: 'as', message: /"AS"/ }], output: 'FROM debian:latest AS builder\n' },
    { name: 'BuildKit FromAsCasing-10', code: '\nfrom scratch AS base\n\nfrom scratch as base2\n', errors: [{ line: 2, text: 'AS' }], output: '\nfrom scratch as base\n\nfrom scratch as base2\n' },
  ],
});
