import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import { lint } from '../../server/src/core/engine';
import rule from '../../server/src/core/rules/dockerfile/label-value-invalid';

const schema = (labelSchema: Record<string, string>) => ({ labelSchema });

ruleTests(rule, {
  valid: [
    { name: 'no schema, no check', code: 'LABEL emptylabel=""\n' },
    { code: 'LABEL emptylabel="foo"\n', settings: schema({ emptylabel: 'text' }) },
    { code: 'LABEL other=""\n', settings: schema({ emptylabel: 'text' }) },
    { code: 'LABEL urllabel="http://example.com"\n', settings: schema({ urllabel: 'url' }) },
    { code: 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"\n', settings: schema({ datelabel: 'rfc3339' }) },
    { code: 'LABEL spdxlabel="BSD-3-Clause"\n', settings: schema({ spdxlabel: 'spdx' }) },
    { code: 'LABEL spdxlabel="MIT"\n', settings: schema({ spdxlabel: 'spdx' }) },
    { code: 'LABEL githash="2dbfae9"\n', settings: schema({ githash: 'hash' }) },
    { code: 'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"\n', settings: schema({ githash: 'hash' }) },
    { code: 'LABEL semver="1.0.0"\n', settings: schema({ semver: 'semver' }) },
    { code: 'LABEL semver="2.0.1-rc1"\n', settings: schema({ semver: 'semver' }) },
    { code: 'LABEL maintainer="abcd@google.com"\n', settings: schema({ maintainer: 'email' }) },
    { name: 'unknown variable: not checked', code: 'FROM a:1\nLABEL semver="$VERSION"\n', settings: schema({ semver: 'semver' }) },
  ],
  invalid: [
    { code: 'LABEL emptylabel=""\n', settings: schema({ emptylabel: 'text' }), errors: [{ line: 1, text: '""', message: /empty/ }], output: null },
    { code: 'LABEL urllabel="not-url"\n', settings: schema({ urllabel: 'url' }), errors: [{ line: 1, text: '"not-url"', message: /URL/ }] },
    { code: 'LABEL datelabel="not-date"\n', settings: schema({ datelabel: 'rfc3339' }), errors: [{ line: 1, text: '"not-date"' }] },
    { code: 'LABEL datelabel="2021-13-10T10:26:33Z"\n', settings: schema({ datelabel: 'rfc3339' }), errors: [{ line: 1 }] },
    { code: 'LABEL spdxlabel="not-spdx"\n', settings: schema({ spdxlabel: 'spdx' }), errors: [{ line: 1, text: '"not-spdx"' }] },
    { code: 'LABEL githash="not-git-hash"\n', settings: schema({ githash: 'hash' }), errors: [{ line: 1, text: '"not-git-hash"' }] },
    { code: 'LABEL semver="not-sem-ver"\n', settings: schema({ semver: 'semver' }), errors: [{ line: 1, text: '"not-sem-ver"' }] },
    { code: 'LABEL maintainer="not-email"\n', settings: schema({ maintainer: 'email' }), errors: [{ line: 1, text: '"not-email"' }] },
    { name: 'known variable value is checked', code: 'FROM a:1\nARG V=v1\nLABEL semver=$V\n', settings: schema({ semver: 'semver' }), errors: [{ line: 3, text: '$V', message: /not "v1"/ }] },
  ],
});

test('label-value-invalid: each finding carries the hadolint id of its check', () => {
  const labelSchema = { a: 'text', b: 'url', c: 'rfc3339', d: 'spdx', e: 'hash', f: 'semver', g: 'email' };
  const { findings } = lint({ text: 'FROM a:1\nLABEL a="" b=x c=x d=x e=x f=x g=x\n', kind: 'dockerfile', rules: [rule], settings: { labelSchema } });
  assert.deepEqual(findings.filter((f) => f.rule === rule.id).map((f) => f.aliases), [['DL3051'], ['DL3052'], ['DL3053'], ['DL3054'], ['DL3055'], ['DL3056'], ['DL3058']]);
});
