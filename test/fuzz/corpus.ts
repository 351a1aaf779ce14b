// Real inputs the fuzzer mutates: the examples, every rule's documented bad/good example, the
// templates (snippets and "New Dockerfile…" files), and, when present, the peers' conformance
// cases and the rule table tests. Every source is optional: a missing one is skipped, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';
import type { DocumentKind } from '../../server/src/core/types';
import { RULES } from '../../server/src/core/rules/registry';
import { SCAFFOLD_LAYOUTS, STACKS, TEMPLATES, expandBody, scaffold } from '../../server/src/core/templates';
import { kindFromName } from '../../server/src/core/kind';

export interface Seed { text: string; kind: DocumentKind; origin: string }

/** The repository root, wherever this file was compiled to (out/test/fuzz, or a bundle run from the repo). */
export function findRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const pkg = path.join(dir, 'package.json');
      try { if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'seaworthy') return dir; } catch { /* keep looking */ }
      if (path.dirname(dir) === dir) break;
    }
  }
  return path.resolve(__dirname, '../../..');
}

function walk(dir: string, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out); else if (e.isFile()) out.push(p);
  }
  return out;
}

function examples(root: string): Seed[] {
  const seeds: Seed[] = [];
  for (const file of walk(path.join(root, 'examples'))) {
    const kind = kindFromName(file);
    if (!kind) continue;
    try { seeds.push({ text: fs.readFileSync(file, 'utf8'), kind, origin: path.relative(root, file) }); } catch { /* unreadable: skip */ }
  }
  return seeds;
}

function ruleDocs(): Seed[] {
  const seeds: Seed[] = [];
  for (const r of RULES) {
    seeds.push({ text: r.docs.bad, kind: r.kind, origin: `docs of ${r.id} (bad)` });
    seeds.push({ text: r.docs.good, kind: r.kind, origin: `docs of ${r.id} (good)` });
  }
  return seeds;
}

function templates(): Seed[] {
  const seeds: Seed[] = [];
  for (const t of TEMPLATES) {
    const kind: DocumentKind | undefined = t.language === 'dockerfile' ? 'dockerfile' : t.language === 'dockercompose' ? 'compose' : undefined;
    if (!kind) continue;
    try { seeds.push({ text: expandBody(t.body), kind, origin: `template ${t.prefix}` }); } catch { /* a template in flux */ }
  }
  for (const s of STACKS) {
    for (const layout of SCAFFOLD_LAYOUTS) {
      try {
        for (const f of scaffold({ stack: s.id, devTarget: layout.devTarget, compose: layout.compose })) {
          const kind = kindFromName(f.path);
          if (kind) seeds.push({ text: f.text, kind, origin: `scaffold ${s.id}/${layout.label}: ${f.path}` });
        }
      } catch { /* skip */ }
    }
  }
  return seeds;
}

/** `../shared/conformance/*-cases.json` beside the repository, when present. */
function conformance(root: string): Seed[] {
  const seeds: Seed[] = [];
  const dir = path.resolve(root, '../shared/conformance');
  let files: string[];
  try { files = fs.readdirSync(dir).filter((f) => f.endsWith('-cases.json')); } catch { return seeds; }
  for (const f of files) {
    try {
      const cases = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { id?: string; dockerfile?: unknown; compose?: unknown }[];
      if (!Array.isArray(cases)) continue;
      for (const c of cases) {
        if (typeof c.dockerfile === 'string') seeds.push({ text: c.dockerfile, kind: 'dockerfile', origin: `${f} ${c.id}` });
        if (typeof c.compose === 'string') seeds.push({ text: c.compose, kind: 'compose', origin: `${f} ${c.id}` });
      }
    } catch { /* malformed or in flux: skip */ }
  }
  return seeds;
}

/**
 * The inputs of the rule table tests (`test/rules/*.test.ts`, compiled beside this file): each file
 * is loaded with `node:test` replaced by a no-op and `ruleTests` by a collector, so no test runs.
 * Only for the standalone fuzz runner, never inside the test runner.
 */
function tableTests(): Seed[] {
  const seeds: Seed[] = [];
  const rulesDir = path.resolve(__dirname, '../rules');
  let files: string[];
  try { files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.test.js')); } catch { return seeds; }
  const M = Module as unknown as { _load: (req: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = M._load;
  const noop = () => undefined;
  const fakeTest = Object.assign(noop, { test: noop, describe: noop, it: noop, before: noop, after: noop, beforeEach: noop, afterEach: noop, mock: {} });
  let tester: { ruleTests: unknown } | undefined;
  try {
    M._load = function (req: string, parent: unknown, isMain: boolean) {
      if (req === 'node:test' || req === 'test') return fakeTest;
      return originalLoad.call(this, req, parent, isMain);
    };
    tester = require('../helpers/rule-tester') as { ruleTests: unknown };
    const original = tester.ruleTests;
    tester.ruleTests = (rule: { id: string; kind: DocumentKind }, cases: { valid?: unknown[]; invalid?: unknown[] }) => {
      for (const c of [...(cases.valid ?? []), ...(cases.invalid ?? [])]) {
        const code = typeof c === 'string' ? c : (c as { code?: unknown })?.code;
        if (typeof code === 'string') seeds.push({ text: code, kind: rule.kind, origin: `table test of ${rule.id}` });
      }
    };
    for (const f of files) {
      try { require(path.join(rulesDir, f)); } catch { /* a test in flux: skip */ }
    }
    tester.ruleTests = original;
  } catch { /* no compiled tests: skip */ } finally {
    M._load = originalLoad;
  }
  return seeds;
}

export interface CorpusOptions { tableTests?: boolean; conformance?: boolean }

/** Deduplicated seeds, in a stable order (so a seed number reproduces the same run). */
export function loadCorpus(opts: CorpusOptions = {}): Seed[] {
  const root = findRoot();
  const all = [
    ...examples(root), ...ruleDocs(), ...templates(),
    ...(opts.conformance === false ? [] : conformance(root)),
    ...(opts.tableTests ? tableTests() : []),
  ];
  const seen = new Set<string>();
  const out: Seed[] = [];
  for (const s of all) {
    const key = s.kind + '\0' + s.text;
    if (seen.has(key) || !s.text.trim() || s.text.startsWith('(')) continue; // `(a 5 MB file)` placeholders in docs
    seen.add(key);
    out.push(s);
  }
  return out;
}
