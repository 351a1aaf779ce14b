// Configuration files and editor settings: text in, settings plus problems at the wrong key out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseSeaworthyConfig, SEAWORTHY_KEYS } from '../../server/src/core/config/seaworthy';
import { parseHadolintConfig } from '../../server/src/core/config/hadolint';
import { parseDclintConfig } from '../../server/src/core/config/dclint';
import { detectConfigFormat, configFormatOf, configNamesFor } from '../../server/src/core/config/project';
import { parseEditorSettings } from '../../server/src/core/config/editor';
import { excludedBy, globProblem } from '../../server/src/core/config/glob';
import { mergeSettings } from '../../server/src/core/config/settings';
import type { ConfigProblem } from '../../server/src/core/config/yaml-source';

const ROOT = path.resolve(__dirname, '../../..');
/** Each problem as `path @ text-at-span: message`. */
const at = (text: string, problems: ConfigProblem[]) => problems.map((p) => `${p.severity} ${p.path} @ ${text.slice(p.span.start, p.span.end)}: ${p.message}`);

test('.seaworthy.yaml: every key read into settings', () => {
  const text = [
    'profiles: [recommended, strict]',
    'rules:',
    '  image-untagged: error',
    '  DL3008: off',
    '  JSONArgsRecommended: warning',
    'trustedRegistries: [docker.io, ghcr.io/acme]',
    'labelSchema: { maintainer: email }',
    'strictLabels: true',
    'exclude: ["legacy/**", vendor]',
    'maxFileSize: 1000',
    'failureThreshold: warning',
    'shellcheck: { enable: false }',
  ].join('\n');
  const c = parseSeaworthyConfig(text);
  assert.deepEqual(at(text, c.problems), []);
  assert.deepEqual(c.settings, {
    profiles: ['recommended', 'strict'], rules: { 'image-untagged': 'error', DL3008: 'off', JSONArgsRecommended: 'warning' },
    trustedRegistries: ['docker.io', 'ghcr.io/acme'], labelSchema: { maintainer: 'email' }, strictLabels: true, maxFileSize: 1000,
  });
  assert.deepEqual(c.exclude, ['legacy/**', 'vendor']);
  assert.equal(c.failureThreshold, 'warning');
  assert.deepEqual(c.shellcheck, { enable: false });
});

test('.seaworthy.yaml: wrong keys and values are reported at the key or value, listing valid values', () => {
  const text = [
    'profile: strict',
    'profiles: [recommended, paranoid]',
    'rules:',
    '  imge-untagged: error',
    '  image-latest-tag: loud',
    '  DL3999: off',
    'maxFileSize: big',
    'exclude: ["{a,b"]',
    'shellcheck: { path: /tmp/evil }',
  ].join('\n');
  const c = parseSeaworthyConfig(text);
  assert.deepEqual(at(text, c.problems), [
    `error profile @ profile: unknown key "profile"; valid keys: ${SEAWORTHY_KEYS.slice(1).join(', ')} (did you mean "profiles"?)`,
    'error profiles[1] @ paranoid: unknown profile "paranoid"; valid: recommended, strict, style',
    'error rules.imge-untagged @ imge-untagged: unknown rule "imge-untagged" (did you mean "image-untagged"?); `seaworthy rules` lists every rule id and alias',
    'error rules.image-latest-tag @ loud: invalid level "loud"; valid: error, warning, info, hint, off',
    'warning rules.DL3999 @ DL3999: no Seaworthy rule covers "DL3999", so this entry has no effect',
    'error maxFileSize @ big: expected a positive whole number of bytes, not "big"',
    'error exclude[0] @ "{a,b": invalid glob "{a,b": unclosed "{"',
    'error shellcheck.path @ path: the ShellCheck program can only be chosen in user settings (`seaworthy.shellcheck.path`), never by a repository',
  ]);
  // What is valid still applies.
  assert.deepEqual(c.settings.profiles, ['recommended']);
});

test('broken YAML is one error at its place; an empty file is fine', () => {
  const text = 'rules:\n  a: [\n';
  const c = parseSeaworthyConfig(text);
  assert.equal(c.problems[0].severity, 'error');
  assert.match(c.problems[0].message, /^not valid YAML/);
  assert.deepEqual(parseSeaworthyConfig('').problems, []);
  assert.deepEqual(parseSeaworthyConfig('# only a comment\n').problems, []);
  const list = parseSeaworthyConfig('- a\n');
  assert.match(list.problems[0].message, /expected a mapping of settings/);
});

test('.hadolint.yaml: ignored, override, trustedRegistries, label-schema, strict-labels, thresholds, pragma switch', () => {
  const text = [
    'ignored: [DL3006, SC2086]',
    'override:',
    '  error: [DL4000, DL3006]',
    '  style: [DL3059]',
    'trustedRegistries: [my.registry:5000]',
    'label-schema: { author: text, url: url }',
    'strict-labels: true',
    'disable-ignore-pragma: true',
    'failure-threshold: style',
    'no-fail: true',
  ].join('\n');
  const c = parseHadolintConfig(text);
  assert.deepEqual(at(text, c.problems), []);
  // `ignored` wins over `override`, as in hadolint.
  assert.deepEqual(c.settings.rules, { DL3006: 'off', SC2086: 'off', DL4000: 'error', DL3059: 'hint' });
  assert.deepEqual(c.settings.trustedRegistries, ['my.registry:5000']);
  assert.deepEqual(c.settings.labelSchema, { author: 'text', url: 'url' });
  assert.equal(c.settings.strictLabels, true);
  assert.equal(c.settings.disableIgnorePragma, true);
  assert.equal(c.failureThreshold, 'hint');
  assert.equal(c.noFail, true);
});

test('.hadolint.yaml: problems at the key or value', () => {
  const text = 'ignord: [DL3006]\noverride:\n  eror: [DL3007]\n  info: [DL30007]\nlabel-schema:\n  author: txt\nfailure-threshold: fatal\n';
  const c = parseHadolintConfig(text);
  assert.deepEqual(at(text, c.problems).map((s) => s.replace(/valid keys: .*/, 'valid keys: …')), [
    'error ignord @ ignord: unknown key "ignord"; valid keys: …',
    'error override.eror @ eror: unknown level "eror"; valid: error, warning, info, style',
    'error override.info @ DL30007: "DL30007" is not a hadolint rule code (DLxxxx or SCxxxx) nor a Seaworthy rule id',
    'error label-schema.author @ txt: unknown label type "txt"; valid: text, url, semver, hash, rfc3339, spdx, email',
    'error failure-threshold @ fatal: unknown value "fatal"; valid: error, warning, info, style, ignore, none',
  ]);
});

test('.dclintrc: JSON or YAML, levels 0/1/2 and [level, options], exclude', () => {
  const json = '{\n\t"rules": {\n\t\t"no-version-field": 2,\n\t\t"services-alphabetical-order": [0, {}],\n\t\t"service-keys-order": [1, { "groupOrder": [] }]\n\t},\n\t"exclude": ["legacy"],\n\t"quiet": true\n}\n';
  const c = parseDclintConfig(json);
  const rules = c.settings.rules ?? {};
  assert.deepEqual(c.exclude, ['legacy']);
  assert.ok(c.problems.every((p) => p.severity !== 'error'), JSON.stringify(at(json, c.problems)));
  // Rule options are not read: said once, as a note at the options.
  assert.ok(at(json, c.problems).some((s) => s.startsWith('info rules.service-keys-order[1] @ { "groupOrder": [] }: Seaworthy does not read dclint rule options')));
  for (const [name, level] of Object.entries(rules)) assert.ok(['off', 'warning', 'error'].includes(level), name);
  const yaml = 'rules:\n  no-version-field: 3\n  NotDclint: 1\nbogus: 1\n';
  const bad = parseDclintConfig(yaml);
  assert.deepEqual(at(yaml, bad.problems).map((s) => s.replace(/valid keys: .*/, 'valid keys: …')), [
    'error rules.no-version-field @ 3: invalid level 3; valid: 0 (off), 1 (warning), 2 (error)',
    'error rules.NotDclint @ NotDclint: "NotDclint" is not a dclint rule name (dclint names are kebab-case, e.g. no-version-field)',
    'error bogus @ bogus: unknown key "bogus"; valid keys: …',
  ]);
});

test('config file names and format detection for --config FILE', () => {
  assert.equal(configFormatOf('/x/.seaworthy.yml'), 'seaworthy');
  assert.equal(configFormatOf('.hadolint.yaml'), 'hadolint');
  assert.equal(configFormatOf('a/.dclintrc'), 'dclint');
  assert.equal(configFormatOf('seaworthy.yaml'), undefined);
  assert.deepEqual(configNamesFor('dockerfile'), ['.hadolint.yaml', '.hadolint.yml', '.seaworthy.yaml', '.seaworthy.yml']);
  assert.ok(configNamesFor('compose').includes('.dclintrc'));
  assert.equal(detectConfigFormat('ci/lint.yaml', 'ignored: [DL3008]\n'), 'hadolint');
  assert.equal(detectConfigFormat('ci/lint.yaml', 'rules:\n  DL3008: off\n'), 'seaworthy');
  assert.equal(detectConfigFormat('ci/lint.json', '{"rules": {"no-version-field": 2}}'), 'dclint');
  assert.equal(detectConfigFormat('ci/hadolint-strict.yml', 'rules: {}'), 'hadolint');
  // Only typos: hadolint's format (what --config always meant), unless the keys are near ours.
  assert.equal(detectConfigFormat('bad.yaml', 'ignord: [DL3006]\n'), 'hadolint');
  assert.equal(detectConfigFormat('bad.yaml', 'profile: strict\n'), 'seaworthy');
});

test('editor settings: null means "use the project", wrong values are named', () => {
  const none = parseEditorSettings({ enable: true, profiles: null, rules: {}, trustedRegistries: null, exclude: [], maxFileSize: null, shellcheck: { enable: null, path: '' } });
  assert.deepEqual(none.settings, {});
  assert.deepEqual(none.problems, []);
  const some = parseEditorSettings({ enable: false, profiles: ['strict'], rules: { DL3008: 'off', nope: 'error', 'image-untagged': 'loud' }, exclude: ['x/**'], shellcheck: { enable: true, path: '/usr/bin/shellcheck' } });
  assert.equal(some.enable, false);
  assert.deepEqual(some.settings, { profiles: ['strict'], rules: { DL3008: 'off' } });
  assert.deepEqual(some.exclude, ['x/**']);
  assert.deepEqual(some.shellcheck, { enable: true, path: '/usr/bin/shellcheck' });
  assert.deepEqual(some.problems, [
    'seaworthy.rules.nope: unknown rule "nope"; `seaworthy rules` lists every rule id and alias',
    'seaworthy.rules.image-untagged: invalid level "loud"; valid: error, warning, info, hint, off',
  ]);
});

test('settings layers: later wins, rules merge by key', () => {
  assert.deepEqual(mergeSettings({ profiles: ['strict'], rules: { a: 'off', b: 'error' } }, undefined, { rules: { b: 'hint' }, trustedRegistries: ['x'] }),
    { profiles: ['strict'], rules: { a: 'off', b: 'hint' }, trustedRegistries: ['x'] });
});

test('exclude globs', () => {
  const ex = (p: string, ...pats: string[]) => excludedBy(p, pats);
  assert.equal(ex('vendor/x/Dockerfile', 'vendor'), 'vendor');
  assert.equal(ex('a/vendor/Dockerfile', 'vendor'), 'vendor');
  assert.equal(ex('a/vendor/Dockerfile', '/vendor'), undefined);
  assert.equal(ex('legacy/a/b/compose.yaml', 'legacy/**'), 'legacy/**');
  assert.equal(ex('x/Dockerfile.dev', '**/Dockerfile.{dev,test}'), '**/Dockerfile.{dev,test}');
  assert.equal(ex('Dockerfile.dev', '**/Dockerfile.{dev,test}'), '**/Dockerfile.{dev,test}');
  assert.equal(ex('x/Dockerfile.prod', '**/Dockerfile.{dev,test}'), undefined);
  assert.equal(ex('a/Dockerfile', '*/Dockerfile'), '*/Dockerfile');
  assert.equal(ex('a/b/Dockerfile', '*/Dockerfile'), undefined);
  assert.equal(ex('test/keep/Dockerfile', 'test', '!test/keep'), undefined);
  assert.equal(ex('../outside/Dockerfile', '**'), undefined);
  assert.equal(globProblem('a[b'), 'unclosed "["');
  assert.equal(globProblem('a}'), 'unmatched "}"');
  // These threw out of excludedBy (a RegExp syntax error), failing every lint in the folder.
  assert.equal(globProblem('[z-a]'), 'invalid pattern (Range out of order in character class)');
  assert.equal(globProblem('\\{a'), 'invalid pattern (Unterminated group)'); // the backslash is a path separator, not an escape
  assert.equal(ex('a/b', '[z-a]', 'b'), 'b');
  assert.equal(ex('x/y/z', 'x/{y,w}/*'), 'x/{y,w}/*');
  assert.equal(ex('ab/c', '*b'), '*b');
  assert.equal(ex('b', '*/b'), undefined);
});

test('schemas/seaworthy.schema.json accepts what the parser accepts and knows every key', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/seaworthy.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties).sort(), [...SEAWORTHY_KEYS].sort());
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const good = { profiles: ['strict'], rules: { DL3008: 'off' }, exclude: ['a/**'], maxFileSize: 10, failureThreshold: 'none', shellcheck: { enable: true } };
  assert.ok(validate(good), JSON.stringify(validate.errors));
  assert.ok(!validate({ rules: { DL3008: 'loud' } }));
  assert.ok(!validate({ shellcheck: { path: '/bin/sh' } }));
  assert.ok(!validate({ profile: 'strict' }));
});

test('the examples in docs/configuration.md are valid', () => {
  const md = fs.readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');
  const blocks = [...md.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
  const [seaworthy, hadolint] = blocks.filter((b) => b.lang === 'yaml');
  const dclint = blocks.find((b) => b.lang === 'json')!;
  const serious = (ps: ConfigProblem[]) => ps.filter((p) => p.severity !== 'info').map((p) => `${p.path}: ${p.message}`);
  assert.deepEqual(serious(parseSeaworthyConfig(seaworthy.text).problems), []);
  assert.ok(Object.keys(parseSeaworthyConfig(seaworthy.text).settings.rules ?? {}).length >= 3);
  assert.deepEqual(serious(parseHadolintConfig(hadolint.text).problems), []);
  assert.deepEqual(serious(parseDclintConfig(dclint.text).problems), []);
});
