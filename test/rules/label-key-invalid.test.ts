import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import { lint } from '../../server/src/core/engine';
import rule from '../../server/src/core/rules/dockerfile/label-key-invalid';

ruleTests(rule, {
  valid: ['LABEL org.valid-key.label3="foo"\n', 'LABEL validlabel="foo"\n', 'FROM a:1\nARG NS=org.example\nLABEL $NS.name="x"\n'],
  invalid: [
    { code: 'LABEL com.docker.label="foo"\n', errors: [{ line: 1, text: 'com.docker.label', message: /reserved/ }], output: null },
    { code: 'LABEL io.docker.label="foo"\n', errors: [{ line: 1, text: 'io.docker.label' }] },
    { code: 'LABEL org.dockerproject.label="foo"\n', errors: [{ line: 1, text: 'org.dockerproject.label' }] },
    { name: 'unset variable in the key (hadolint: `$` is an invalid character)', code: 'LABEL invalid$character="foo"\n', errors: [{ line: 1, text: 'invalid$character', message: /\$character has no value/ }] },
    { code: 'LABEL .invalid ="foo"\n', errors: [{ line: 1, text: '.invalid' }] },
    { code: 'LABEL -invalid="foo"\n', errors: [{ line: 1, text: '-invalid' }] },
    { code: 'LABEL 1invalid="foo"\n', errors: [{ line: 1, text: '1invalid' }] },
    { code: 'LABEL invalid..character="foo"\n', errors: [{ line: 1, text: 'invalid..character', message: /repeat/ }] },
    { code: 'LABEL invalid--character="foo"\n', errors: [{ line: 1, text: 'invalid--character' }] },
    { code: 'LABEL Version="1" ok="2" bad.="3"\n', errors: [{ line: 1, text: 'Version' }, { line: 1, text: 'bad.' }] },
  ],
});

test('label-key-invalid: reserved namespace is a warning, a format slip a hint', () => {
  const { findings } = lint({ text: 'FROM a:1\nLABEL com.docker.x="1" Version="1"\n', kind: 'dockerfile', rules: [rule] });
  assert.deepEqual(findings.filter((f) => f.rule === rule.id).map((f) => f.severity), ['warning', 'hint']);
});
