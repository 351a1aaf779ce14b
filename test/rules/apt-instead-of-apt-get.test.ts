import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf } from '../helpers/findings';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/apt-instead-of-apt-get';

ruleTests(rule, {
  valid: [
    'FROM ubuntu\nRUN apt-get install -y python\n',
    'FROM ubuntu\nRUN apt-cache search python\n',
    'FROM ubuntu\nRUN echo "apt install is not run here"\n',
    'FROM ubuntu\nRUN ["apt-get", "install", "-y", "python"]\n',
  ],
  invalid: [
    { code: 'FROM ubuntu\nRUN apt install python\n', errors: [{ line: 2, text: 'apt' }], output: 'FROM ubuntu\nRUN apt-get install python\n' },
    { code: 'FROM ubuntu\nONBUILD RUN apt install python\n', errors: [{ line: 2, text: 'apt' }], output: 'FROM ubuntu\nONBUILD RUN apt-get install python\n' },
    {
      name: 'continuation lines with a comment inside, full path, full-upgrade',
      code: 'FROM ubuntu\nRUN apt update \\\n    # upgrade first\n    && /usr/bin/apt full-upgrade -y\n',
      errors: [{ line: 2, text: 'apt' }, { line: 4, text: '/usr/bin/apt' }],
      output: 'FROM ubuntu\nRUN apt-get update \\\n    # upgrade first\n    && /usr/bin/apt-get dist-upgrade -y\n',
    },
    { name: 'sh -c', code: "FROM ubuntu\nRUN sh -c 'apt install -y curl'\n", errors: [{ line: 2, text: 'apt' }], output: "FROM ubuntu\nRUN sh -c 'apt-get install -y curl'\n" },
    { name: 'heredoc', code: 'FROM ubuntu\nRUN <<EOF\napt remove -y curl\nEOF\n', errors: [{ line: 3, text: 'apt' }], output: 'FROM ubuntu\nRUN <<EOF\napt-get remove -y curl\nEOF\n' },
    { name: 'apt list has no equivalent: no fix', code: 'FROM ubuntu\nRUN apt list --installed\n', errors: [{ line: 2, message: /apt-get or apt-cache/ }], output: null },
  ],
});

test('apt-instead-of-apt-get: upgrade and queries get unsafe fixes', () => {
  const [up] = findingsOf(rule, 'FROM ubuntu\nRUN apt upgrade -y\n');
  assert.equal(up.fix?.safe, false);
  assert.equal(up.fix?.offsetEdits[0].newText, 'apt-get');
  const [show] = findingsOf(rule, 'FROM ubuntu\nRUN apt show curl\n');
  assert.equal(show.fix?.safe, false);
  assert.equal(show.fix?.offsetEdits[0].newText, 'apt-cache');
  const [inst] = findingsOf(rule, 'FROM ubuntu\nRUN apt install -y curl\n');
  assert.equal(inst.fix?.safe, true);
});
