// Compose rules working together: every finding at its place on one file, Docker-style examples
// staying quiet, the schema validator built without ajv at run time, and syntax-error coexistence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lint } from '../../server/src/core/engine';
import { mapWorkspace } from '../../server/src/core/workspace';
import { reportYamlSyntaxErrors } from '../../server/src/core/compose/coexist';
import { fixAll } from '../../server/src/core/fix';

const ROOT = path.resolve(__dirname, '../../..');

function findings(text: string, opts: { files?: Record<string, string>; profiles?: ('recommended' | 'strict' | 'style')[]; path?: string } = {}) {
  const res = lint({ text, kind: 'compose', path: opts.path ?? 'compose.yaml', workspace: mapWorkspace(opts.files ?? {}), settings: opts.profiles ? { profiles: opts.profiles } : undefined });
  assert.deepEqual(res.ruleErrors, [], 'no rule threw');
  return res.findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1, text: text.slice(f.span.start, f.span.end), severity: f.severity, message: f.message }));
}

test('a schema error, an undefined network and a privileged service are all reported, each at its exact place', () => {
  const text = [
    'services:', //                         1
    '  web:', //                            2
    '    image: nginx:1.27-alpine', //      3
    '    restrat: always', //               4  schema: unknown key
    '    privileged: true', //              5  security
    '    networks:', //                     6
    '      - frontend', //                  7  undefined network
    '',
  ].join('\n');
  const got = findings(text).map(({ rule, line, text: t }) => `${rule}@${line}:${t}`);
  assert.deepEqual(got, ['compose-schema@4:restrat', 'service-privileged@5:privileged', 'undefined-network@7:frontend']);
});

test('other rules still run on a file with YAML syntax errors and schema errors', () => {
  const text = 'services:\n  web:\n    image: nginx\n    ports: [ "80:80"\n  db:\n    image: postgres:17\n    privileged: true\n';
  const rules = new Set(findings(text).map((f) => f.rule));
  assert.ok(rules.has('syntax-error'));
});

test('examples/compose (Docker sample style) has no errors and only justified findings', () => {
  const dir = path.join(ROOT, 'examples/compose');
  const text = fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
  const files: Record<string, string> = {};
  for (const rel of ['backend/Dockerfile', 'backend/requirements.txt', 'proxy/default.conf']) files[rel] = fs.readFileSync(path.join(dir, rel), 'utf8');
  const got = findings(text, { files });
  assert.deepEqual(got.filter((f) => f.severity === 'error'), []);
  // The one finding is deliberate and true: nginx waits only for the API container to start, although
  // the API's Dockerfile has a HEALTHCHECK it could wait for.
  assert.deepEqual(got.map((f) => `${f.rule}@${f.line}`), ['depends-on-without-healthy-condition@16']);
  // The strict profile has suggestions, but still no errors or warnings.
  const strict = findings(text, { files, profiles: ['recommended', 'strict'] });
  assert.ok(strict.length > 5);
  assert.deepEqual(strict.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
});

test('the naive examples/compose.yaml shows the classic mistakes', () => {
  const text = fs.readFileSync(path.join(ROOT, 'examples/compose.yaml'), 'utf8');
  const rules = findings(text).map((f) => f.rule);
  for (const r of ['version-obsolete', 'service-image-explicit-tag', 'service-privileged', 'secret-in-environment', 'database-port-published']) assert.ok(rules.includes(r), r);
});

test('fix-all on a compose file: safe fixes only, comments kept', () => {
  const text = '# stack\nversion: "3.8" # old\nservices:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["cmd", "true"]\n    ports:\n      - "5432:5432"\n';
  const out = fixAll({ text, kind: 'compose', path: 'compose.yaml' }).text;
  assert.equal(out, '# stack\nservices:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n    ports:\n      - "5432:5432"\n');
});

test('style profile: sorting fixes compose with each other and keep comments', () => {
  const text = 'services:\n  # the web front\n  web:\n    ports:\n      - "8443:443"\n      - "8080:80"\n    image: nginx:1.27\n  api:\n    image: example/api:1.4\n    depends_on: [web, db]\n  db:\n    image: postgres:17\n';
  const out = fixAll({ text, kind: 'compose', path: 'compose.yaml', settings: { profiles: ['style'] } }).text;
  assert.equal(out, 'services:\n  api:\n    image: example/api:1.4\n    depends_on: [db, web]\n  db:\n    image: postgres:17\n  # the web front\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "8443:443"\n');
});

test('dclint suppression comments use dclint rule names', () => {
  const text = "# dclint disable no-version-field\nversion: '3'\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true # dclint disable-line service-privileged\n";
  assert.deepEqual(findings(text).map((f) => f.rule), []);
});

test('reportYamlSyntaxErrors: setting × Red Hat YAML active', () => {
  const table: [string | undefined, boolean, boolean][] = [
    ['auto', false, true],
    ['auto', true, false],
    ['on', false, true],
    ['on', true, true],
    ['off', false, false],
    ['off', true, false],
    [undefined, false, true],
    [undefined, true, false],
    ['bogus', true, false],
  ];
  for (const [setting, active, want] of table) assert.equal(reportYamlSyntaxErrors(setting, active), want, `${setting} / ${active}`);
});

test('a compose file starting with a BOM parses as without it (the BOM is not indentation)', () => {
  const text = 'name: y\nservices:\n  web:\n    image: nginx:1.27\n';
  const withBom = findings('\ufeff' + text).map(({ rule, line, text: t }) => ({ rule, line, t }));
  assert.ok(!withBom.some((f) => f.rule === 'syntax-error'), JSON.stringify(withBom));
  assert.deepEqual(withBom, findings(text).map(({ rule, line, text: t }) => ({ rule, line, t })));
});

test('the engine drops only plain YAML syntax errors when told', () => {
  const text = 'services:\n  web:\n    image: nginx:1.27\n    ports: [ "80:80"\n    privileged: true\n';
  const all = lint({ text, kind: 'compose' }).findings.map((f) => f.rule);
  const without = lint({ text, kind: 'compose', composeSyntaxErrors: false }).findings.map((f) => f.rule);
  assert.ok(all.includes('syntax-error'));
  assert.ok(!without.includes('syntax-error'));
  assert.deepEqual(without, all.filter((r) => r !== 'syntax-error'));
  // Dockerfiles are not affected
  assert.ok(lint({ text: 'FORM x\n', kind: 'dockerfile', composeSyntaxErrors: false }).findings.some((f) => f.rule === 'syntax-error'));
});

test('the generated schema validator is current and the bundles do not load ajv at run time', () => {
  const script = path.join(ROOT, 'scripts/gen-compose-validator.mjs').replace(/\\/g, '/');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { isComposeValidatorCurrent } from 'file://${script}'; process.exit(isComposeValidatorCurrent() ? 0 : 1);`], { encoding: 'utf8' });
  assert.equal(r.status, 0, `validate.generated.ts is stale: run npm run build (${r.stderr})`);
  const generated = fs.readFileSync(path.join(ROOT, 'server/src/core/compose/schema/validate.generated.ts'), 'utf8');
  assert.deepEqual([...new Set(generated.match(/require\("[^"]+"\)/g) ?? [])], ['require("ajv/dist/runtime/equal")']);
  for (const bundle of ['dist/server.main.js', 'dist/cli.main.js']) { // the bundles (dist/server.js and dist/cli.js load them)
    const file = path.join(ROOT, bundle);
    if (!fs.existsSync(file)) continue; // `npm test` builds first; a bare tsc run may not have
    const code = fs.readFileSync(file, 'utf8');
    assert.ok(!/[^'"]require\("ajv/.test(code), `${bundle} requires ajv at run time`);
    assert.ok(code.includes('compose_spec.json'), `${bundle} contains the compiled schema`);
  }
});
