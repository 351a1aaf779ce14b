import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/untrusted-registry';

const trust = (...trustedRegistries: string[]) => ({ trustedRegistries });

ruleTests(rule, {
  valid: [
    { name: 'no list, no check', code: 'FROM random.com/debian\n' },
    { code: 'FROM random.com/debian\n', settings: trust('x.com', 'random.com') },
    { code: 'FROM scratch\n', settings: trust('x.com') },
    { name: 'all forms of Docker Hub', code: 'FROM ubuntu:18.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\nFROM index.docker.io/library/ubuntu AS d\n', settings: trust('docker.io') },
    { code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', settings: trust('random.com') },
    { code: 'FROM foo.random.com/debian\n', settings: trust('x.com', '*.random.com') },
    { code: 'FROM quay.io/a/b\n', settings: trust('*') },
    { code: 'COPY --from=trusted.com/repo/image:tag /foo /bar\n', settings: trust('trusted.com') },
    { code: 'FROM trusted.com/a AS build\nFROM trusted.com/b\nCOPY --from=build /a /a\n', settings: trust('trusted.com') },
    { code: 'RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar\n', settings: trust('trusted.com') },
    { name: 'unknown variable: not checked', code: 'FROM ${IMAGE}\n', settings: trust('trusted.com') },
  ],
  invalid: [
    { code: 'FROM random.com/debian\n', settings: trust('docker.io'), errors: [{ line: 1, text: 'random.com/debian', message: /random\.com/ }], output: null },
    { code: 'FROM x.com/debian\n', settings: trust('*.random.com'), errors: [{ line: 1, text: 'x.com/debian' }] },
    { code: 'COPY --from=untrusted.com/repo/image:tag /foo /bar\n', settings: trust('trusted.com'), errors: [{ line: 1, text: 'untrusted.com/repo/image:tag' }] },
    { code: 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n', settings: trust('trusted.com'), errors: [{ line: 1, text: 'untrusted.com/repo/image:tag' }] },
    {
      code: 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n',
      settings: trust('trusted.com'),
      errors: [{ line: 1, text: 'ubuntu:18.04' }, { line: 2, text: 'zemanlx/ubuntu:18.04' }, { line: 3, text: 'docker.io/zemanlx/ubuntu:18.04' }],
    },
    { name: 'variables are expanded', code: 'ARG REG=quay.io\nFROM ${REG}/app:1\n', settings: trust('trusted.com'), errors: [{ line: 2, message: /quay\.io/ }] },
  ],
});
