import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apk-missing-no-cache';

ruleTests(rule, {
  valid: [
    'RUN apk add --no-cache flex=2.6.4-r1\n',
    'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n',
    'RUN --mount=type=cache,target=/etc/apk/cache apk add curl=7.77.0\n',
    // deleted in the same RUN (hadolint reports this)
    'RUN apk add curl=7.77.0 && rm -rf /var/cache/apk/*\n',
    // builder stage only used by COPY --from
    'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /out /out\n',
    'RUN <<EOF\napk add --no-cache curl\nEOF\n',
  ],
  invalid: [
    { code: 'RUN apk add flex=2.6.4-r1\n', errors: [{ line: 1, text: 'apk add' }], output: 'RUN apk add --no-cache flex=2.6.4-r1\n' },
    { code: 'ONBUILD RUN apk add flex=2.6.4-r1\n', errors: [{ line: 1, text: 'apk add' }], output: 'ONBUILD RUN apk add --no-cache flex=2.6.4-r1\n' },
    { code: 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n', errors: [{ line: 1 }] },
    { code: 'RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0\n', errors: [{ line: 1 }] },
    { name: 'cleanup before the install does not count', code: 'RUN rm -rf /var/cache/apk/* && apk add curl\n', errors: [{ line: 1 }] },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM alpine:3.20\nRUN apk update \\\n    # build deps\n    && apk add \\\n        gcc\n',
      errors: [{ line: 4, text: 'apk add' }],
      output: 'FROM alpine:3.20\nRUN apk update \\\n    # build deps\n    && apk add --no-cache \\\n        gcc\n',
    },
    { name: 'sh -c', code: "FROM alpine:3.20\nRUN sh -c 'apk add curl'\n", errors: [{ line: 2 }], output: "FROM alpine:3.20\nRUN sh -c 'apk add --no-cache curl'\n" },
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n', errors: [{ line: 3 }], output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n' },
  ],
});

test('apk-missing-no-cache: unsafe when -U refreshes the index a later RUN installs from', () => {
  const [f] = findingsOf(rule, 'FROM alpine:3.20\nRUN apk add -U curl\nRUN apk add git\n');
  assert.equal(f.fix?.safe, false);
  const [g] = findingsOf(rule, 'FROM alpine:3.20\nRUN apk add -U curl\nRUN apk add --no-cache git\n');
  assert.equal(g.fix?.safe, true);
  const [h] = findingsOf(rule, 'FROM alpine:3.20 AS a\nRUN apk add -U curl\nFROM a AS b\nFROM b\nRUN apk add git\n');
  assert.equal(h.fix?.safe, false, 'a stage built on a stage built on this one');
  const k = findingsOf(rule, 'FROM alpine:3.20 AS a\nRUN apk add git\nRUN apk add -U curl\nFROM a AS b\nFROM alpine:3.20\nRUN apk add git\n').find((f) => f.range.start.line === 2);
  assert.equal(k?.fix?.safe, true, 'an earlier RUN and a stage not built on this one do not count');
});
