import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apt-missing-yes';

ruleTests(rule, {
  valid: [
    'RUN apt-get install -yq python\n',
    'RUN apt-get -y install python\n',
    'RUN apt-get --yes install python\n',
    'RUN apt-get --assume-yes install python\n',
    // quiet level 2 implies -y
    'RUN apt-get install -qq python\n',
    'RUN apt-get install -q -q python\n',
    'RUN apt-get install -q=2 python\n',
    'RUN apt-get install --quiet --quiet python\n',
    'RUN apt-get -o APT::Get::Assume-Yes=true install python\n',
    'RUN yes | apt-get install python\n',
    // no prompt for these
    'RUN apt-get update && apt-get clean && apt-cache policy x\n',
    'RUN <<EOF\napt-get install -y curl\nEOF\n',
    // the value of -o is not a flag cluster
    'RUN apt-get -o Dpkg::Options::=--force-confold -y install curl\n',
  ],
  invalid: [
    // Found by the fuzzer (seed 2007): after an end-of-options `--` apt-get reads an option as a package name.
    { name: 'the option goes before an end-of-options --', code: 'FROM debian:12\nRUN apt-get -- install curl\n', errors: [{ line: 2, text: 'apt-get -- install' }], output: 'FROM debian:12\nRUN apt-get -y -- install curl\n' },
    { code: 'RUN apt-get install python\n', errors: [{ line: 1, text: 'apt-get install' }], output: 'RUN apt-get install -y python\n' },
    { code: 'ONBUILD RUN apt-get install python\n', errors: [{ line: 1 }], output: 'ONBUILD RUN apt-get install -y python\n' },
    { name: '-q alone is not enough', code: 'RUN apt-get install -q python\n', errors: [{ line: 1 }], output: 'RUN apt-get install -y -q python\n' },
    { code: 'RUN apt-get install --quiet python\n', errors: [{ line: 1 }] },
    {
      name: 'continuation lines with a comment inside',
      code: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install --no-install-recommends \\\n        curl\n',
      errors: [{ line: 4, text: 'apt-get install' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y --no-install-recommends \\\n        curl\n',
    },
    {
      name: 'sh -c string',
      code: "FROM debian:12\nRUN sh -c 'apt-get update && apt-get install curl'\n",
      errors: [{ line: 2, text: 'apt-get install' }],
      output: "FROM debian:12\nRUN sh -c 'apt-get update && apt-get install -y curl'\n",
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\nDEBIAN_FRONTEND=noninteractive apt-get install curl\nEOF\n',
      errors: [{ line: 4, text: 'apt-get install' }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\nDEBIAN_FRONTEND=noninteractive apt-get install -y curl\nEOF\n',
    },
    { name: 'sudo wrapper', code: 'RUN sudo -E apt-get install curl\n', errors: [{ line: 1, text: 'apt-get install' }], output: 'RUN sudo -E apt-get install -y curl\n' },
    { name: 'other prompting subcommands', code: 'RUN apt-get remove curl && apt-get dist-upgrade\n', errors: [{ line: 1, text: 'apt-get remove' }, { line: 1, text: 'apt-get dist-upgrade' }] },
  ],
});

test('apt-missing-yes: only apt-get install carries the peer ids', () => {
  const fs = findingsOf(rule, 'RUN apt-get install a && apt-get purge b && apt install c\n');
  assert.deepEqual(fs.map((f) => f.aliases), [['DL3014', 'DS021'], [], []]);
  assert.ok(fs.every((f) => f.fix?.safe));
});
