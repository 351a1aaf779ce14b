import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apt-install-recommends';

ruleTests(rule, {
  valid: [
    'RUN apt-get install --no-install-recommends python\n',
    'ONBUILD RUN apt-get install --no-install-recommends python\n',
    'RUN apt-get -o APT::Install-Recommends=false install python\n',
    'RUN apt-get --option=APT::Install-Recommends=0 install python\n',
    'RUN apt-get update && apt-get remove -y python\n',
    'RUN <<EOF\napt-get install -y --no-install-recommends curl\nEOF\n',
  ],
  invalid: [
    // Found by the fuzzer (seed 2007): after an end-of-options `--` apt-get reads an option as a package name.
    { name: 'the option goes before an end-of-options --', code: 'FROM debian:12\nRUN apt-get -- install curl\n', errors: [{ line: 2, text: 'apt-get -- install' }], output: 'FROM debian:12\nRUN apt-get --no-install-recommends -- install curl\n' },
    { code: 'RUN apt-get install python\n', errors: [{ line: 1, text: 'apt-get install' }], output: 'RUN apt-get install --no-install-recommends python\n' },
    { code: 'RUN apt-get -y install python\n', errors: [{ line: 1, text: 'apt-get -y install' }], output: 'RUN apt-get -y install --no-install-recommends python\n' },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y \\\n        curl\n',
      errors: [{ line: 4, text: 'apt-get install' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install --no-install-recommends -y \\\n        curl\n',
    },
    {
      name: 'sh -c',
      code: 'FROM debian:12\nRUN bash -c "apt-get install -y curl"\n',
      errors: [{ line: 2, text: 'apt-get install' }],
      output: 'FROM debian:12\nRUN bash -c "apt-get install --no-install-recommends -y curl"\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, text: 'apt-get install' }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
  ],
});

test('apt-install-recommends: the fix is unsafe (a recommended package may be needed)', () => {
  const [f] = findingsOf(rule, 'RUN apt-get install -y curl\n');
  assert.equal(f.fix?.safe, false);
  assert.deepEqual(findingsOf(rule, 'RUN apt install -y curl\n').map((x) => x.aliases), [[]]);
});
