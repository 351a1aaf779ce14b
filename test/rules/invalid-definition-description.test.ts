import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import { lint } from '../../server/src/core/engine';
import rule from '../../server/src/core/rules/dockerfile/invalid-definition-description';

ruleTests(rule, {
  valid: [
    '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n',
    '# a non-descriptive comment\n\nFROM scratch AS base\n\n# another non-descriptive comment\n\nARG VERSION=1\n',
    '# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n',
    '# a plain comment\nFROM scratch\n',
  ],
  invalid: [
    {
      name: 'BuildKit InvalidDefinitionDescription-2',
      code: '# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n',
      errors: [
        { line: 3, text: 'foo', message: /# foo <description>/ }, { line: 5, text: 'base' },
        { line: 7, text: 'version' }, { line: 9, text: 'foo', message: /<arg_key>/ },
      ],
      output: null,
    },
  ],
});

test('off by default; `# check=experimental=` switches it on for the file', () => {
  const code = 'FROM scratch AS base\n# the version\nARG VERSION=1\n';
  assert.equal(lint({ text: code, kind: 'dockerfile' }).findings.filter((f) => f.rule === rule.id).length, 0);
  const on = lint({ text: '# check=experimental=InvalidDefinitionDescription\n' + code, kind: 'dockerfile' });
  assert.deepEqual(on.findings.filter((f) => f.rule === rule.id).map((f) => f.range.start.line + 1), [4]);
  const all = lint({ text: '# check=experimental=all;skip=JSONArgsRecommended\n' + code, kind: 'dockerfile' });
  assert.equal(all.findings.filter((f) => f.rule === rule.id).length, 1);
  const off = lint({ text: '# check=experimental=InvalidDefinitionDescription\n' + code, kind: 'dockerfile', settings: { rules: { InvalidDefinitionDescription: 'off' } } });
  assert.equal(off.findings.filter((f) => f.rule === rule.id).length, 0);
});
