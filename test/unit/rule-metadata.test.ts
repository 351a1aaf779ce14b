// Invariants over every rule's metadata: unique ids and peer aliases, docs complete, the docs'
// examples really trigger (and the corrected example really passes), generated docs in sync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/registry';
import { lint } from '../../server/src/core/engine';
import { mapWorkspace } from '../../server/src/core/workspace';
import { expectedDocs } from '../../scripts/gen-docs';

const ROOT = path.resolve(__dirname, '../../..');

test('rule ids are unique kebab-case and peer aliases belong to one rule', () => {
  const ids = new Set<string>();
  const aliasOwner = new Map<string, string>();
  for (const r of RULES) {
    assert.match(r.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, r.id);
    assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
    ids.add(r.id);
    for (const a of r.aliases) {
      assert.ok(!aliasOwner.has(a), `alias ${a} is claimed by ${aliasOwner.get(a)} and ${r.id}`);
      aliasOwner.set(a, r.id);
    }
  }
});

test('every rule has complete docs and a table test', () => {
  const tests = fs.readdirSync(path.join(ROOT, 'test/rules')).map((f) => fs.readFileSync(path.join(ROOT, 'test/rules', f), 'utf8')).join('\n');
  for (const r of RULES) {
    for (const k of ['summary', 'why', 'bad', 'good', 'fix'] as const) assert.ok(r.docs[k]?.trim(), `${r.id}: docs.${k} is empty`);
    assert.ok(r.docs.summary.length < 160, `${r.id}: summary should be one line`);
    const file = r.id;
    assert.ok(new RegExp(`rules/(dockerfile|compose)/${file}'`).test(tests), `${r.id}: no table test imports it`);
  }
});

for (const r of RULES) {
  test(`${r.id}: the docs' bad example triggers it and the good example does not`, () => {
    const run = (code: string) => lint({ text: code, kind: r.kind, rules: [r], path: r.kind === 'compose' ? 'compose.yaml' : 'Dockerfile', workspace: mapWorkspace(r.docs.files ?? {}), settings: r.docs.settings });
    const bad = run(r.docs.bad);
    assert.deepEqual(bad.ruleErrors, []);
    assert.ok(bad.findings.some((f) => f.rule === r.id), `${r.id} does not fire on its own bad example`);
    const good = run(r.docs.good);
    assert.deepEqual(good.findings.filter((f) => f.rule === r.id).map((f) => f.message), [], `${r.id} fires on its own good example`);
  });
}

test('docs/rules is generated from metadata (run `npm run docs` after changing a rule)', () => {
  const dir = path.join(ROOT, 'docs/rules');
  const want = expectedDocs();
  const have = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  assert.deepEqual([...have].sort(), [...want.keys()].sort());
  for (const [name, text] of want) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `docs/rules/${name} is stale`);
});
