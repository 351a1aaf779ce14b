import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apt-lists-not-removed';

ruleTests(rule, {
  valid: [
    'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n',
    'FROM scratch\nRUN apt update && apt install python && rm -rf /var/lib/apt/lists/*\n',
    'FROM scratch\nRUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists\n',
    // a stage that only serves COPY --from ships nothing of its layers
    'FROM ubuntu AS foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!\n',
    'FROM ubuntu AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n',
    // cache / tmpfs mounts
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install python\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install foo\n',
    'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update\n',
    // heredoc with cleanup
    'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    // sh -c with cleanup inside
    'FROM debian:12\nRUN sh -c "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"\n',
  ],
  invalid: [
    {
      code: 'FROM scratch\nRUN apt-get update && apt-get install python\n',
      errors: [{ line: 2, text: 'apt-get update' }],
      output: 'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n',
    },
    { code: 'FROM scratch\nONBUILD RUN apt-get update && apt-get install python\n', errors: [{ line: 2, text: 'apt-get update' }] },
    { name: 'ONBUILD in a stage nobody builds on still runs downstream', code: 'FROM ubuntu AS foo\nONBUILD RUN apt-get update && apt-get install python\nFROM scratch\n', errors: [{ line: 2 }] },
    { name: 'intermediate stage another stage is built FROM', code: 'FROM ubuntu AS foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!\n', errors: [{ line: 2, text: 'apt-get update' }] },
    { code: 'FROM scratch\nRUN aptitude update && aptitude install python\n', errors: [{ line: 2, text: 'aptitude update' }] },
    { name: 'cache mount on /var/cache/apt only', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install python\n', errors: [{ line: 3, text: 'apt-get update' }] },
    { name: 'cache mount on /var/lib/apt only (hadolint: the keep-packages pattern)', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python\n', errors: [{ line: 3 }] },
    { name: 'cleanup before the update does not count', code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x\n', errors: [{ line: 2, text: 'apt-get update' }] },
    {
      name: 'leading && style, comment line inside the continuation',
      code: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y --no-install-recommends \\\n        curl \\\n        git\n',
      errors: [{ line: 2, text: 'apt-get update' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y --no-install-recommends \\\n        curl \\\n        git \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'trailing && style',
      code: 'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y git\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y git && \\\n  rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'backquote escape character',
      code: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y git\n',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y git `\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'CRLF line endings',
      code: 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y git\r\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\r\nRUN apt-get update \\\r\n    && apt-get install -y git \\\r\n    && rm -rf /var/lib/apt/lists/*\r\n',
    },
    {
      name: 'heredoc under set -e: a new line',
      code: 'FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4, text: 'apt-get update' }],
      output: 'FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'heredoc without set -e: && after the last command',
      code: 'FROM debian:12\nRUN <<-EOF\n\tapt-get update\n\tapt-get install -y curl\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM debian:12\nRUN <<-EOF\n\tapt-get update\n\tapt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'sh -c: appended after the whole command',
      code: 'FROM debian:12\nRUN sh -c "apt-get update && apt-get install -y curl"\n',
      errors: [{ line: 2, text: 'apt-get update' }],
      output: 'FROM debian:12\nRUN sh -c "apt-get update && apt-get install -y curl" && rm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'a trailing shell comment leaves no place to append', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y x # tools\n', errors: [{ line: 2 }], output: null },
    { name: 'a script ending in ; gets no fix', code: 'FROM debian:12\nRUN apt-get update; apt-get install -y x;\n', errors: [{ line: 2 }], output: null },
    { name: 'update alone: no fix, merge instead', code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', errors: [{ line: 2, message: /RUN of its own/ }], output: null },
  ],
});

test('apt-lists-not-removed: the fix is unsafe when a later RUN installs from these lists', () => {
  const [f] = findingsOf(rule, 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y a\nFROM base\nRUN apt-get install -y b\n');
  assert.equal(f.fix?.safe, false);
  const [g] = findingsOf(rule, 'FROM debian:12\nRUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n');
  assert.equal(g.fix?.safe, true);
  const [h] = findingsOf(rule, 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y a\nFROM base AS mid\nRUN true\nFROM mid\nRUN apt-get install -y b\n');
  assert.equal(h.fix?.safe, false, 'a stage built on a stage built on this one');
  const [k] = findingsOf(rule, 'FROM debian:12 AS base\nRUN apt-get install -y b\nRUN apt-get update && apt-get install -y a\nFROM base AS mid\nFROM debian:12\nRUN apt-get install -y b\n');
  assert.equal(k.fix?.safe, true, 'an earlier RUN and a stage not built on this one do not count');
});
