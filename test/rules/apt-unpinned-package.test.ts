import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apt-unpinned-package';

ruleTests(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y python=2.7.18-1\n',
    'FROM debian:12\nRUN apt-get -yqq --no-install-recommends install nodejs=0.10 && rm -rf /var/lib/apt/lists/*\n',
    // release pin, local .deb, target release value is not a package
    'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports ./tool_1.0_amd64.deb\n',
    'FROM debian:12\nRUN apt-get install -y -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1\n',
    // glob versions
    'FROM debian:12\nRUN apt-get install -y \\\n  wget=1.16.1* \\\n  git=1:2.5.0*\n',
    // version from a variable: ENV in scope, ARG (set at build time)
    'FROM debian:12\nENV CURL_VERSION=7.88.1-10\nRUN apt-get install -y curl=$CURL_VERSION\n',
    'FROM debian:12\nARG PKGS\nRUN apt-get install -y $PKGS\n',
    // not an install
    'FROM debian:12\nRUN apt-get update && apt-cache policy curl\n',
    // heredoc script, pinned
    'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl=7.88.1-10\nEOF\n',
  ],
  invalid: [
    { code: 'RUN apt-get update && apt-get install python\n', errors: [{ line: 1, text: 'python', message: /python=<version>/ }], output: null },
    { code: 'ONBUILD RUN apt-get update && apt-get install python\n', errors: [{ line: 1, text: 'python' }] },
    {
      name: 'one finding per unpinned package, continuation lines with a comment inside',
      code: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y \\\n        curl=7.88.1-10 \\\n        git \\\n        jq\n',
      errors: [{ line: 6, text: 'git' }, { line: 7, text: 'jq' }],
      output: null,
    },
    { name: 'sh -c', code: 'FROM debian:12\nRUN sh -c "apt-get install -y curl"\n', errors: [{ line: 2, text: 'curl' }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\n', errors: [{ line: 3, text: 'curl' }] },
    { name: 'sudo and apt (without the hadolint id)', code: 'FROM debian:12\nRUN sudo apt install -y curl\n', errors: [{ line: 2, text: 'curl' }] },
    {
      name: 'a variable defined only by ENV in an unrelated stage is empty here',
      code: 'FROM debian:12 AS a\nENV V=1.0\nFROM debian:12\nRUN apt-get install -y "curl$V"\n',
      errors: [{ line: 4, text: '"curl$V"' }],
    },
  ],
});

test('apt-unpinned-package: `apt install` findings do not carry the hadolint id', () => {
  assert.deepEqual(findingsOf(rule, 'FROM debian:12\nRUN apt install -y curl\n').map((f) => f.aliases), [[]]);
  assert.deepEqual(findingsOf(rule, 'FROM debian:12\nRUN apt-get install -y curl\n').map((f) => f.aliases), [['DL3008']]);
});
