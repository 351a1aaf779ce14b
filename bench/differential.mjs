#!/usr/bin/env node
// `npm run differential -- --base REV`: is a change that should not change behaviour (an optimisation, a
// refactoring) really invisible? Bundles the core at REV (a temporary git worktree) and in the working tree and
// compares, input by input: the Dockerfile parse tree (every property a rule can read, lazily computed ones
// included), each RUN's shell reading and package readings, and the full lint output under the recommended
// profile and under all profiles.
//
//   npm run differential -- --base HEAD~3 [--fuzz 3000] [--seed 7] [--only parse|shell|lint] [--skip REGEX]
//
// Inputs: the bench corpus and its 5,000-line and 3,000-line files, the fuzz seed corpus (table tests and, when
// ../shared is there, the hadolint/BuildKit/dclint conformance cases) and --fuzz generated inputs. --skip leaves
// inputs matching REGEX out of the lint comparison (for a change that fixes a known behaviour on purpose).
// Exit status 1 when anything differs; the first differences are printed with a path into the value.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect, isDeepStrictEqual } from 'node:util';
import { makeCorpus, largeDockerfile, largeCompose } from './corpus.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(REPO, 'package.json'));
const args = process.argv.slice(2);
const opt = (name, fallback) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : fallback; };
const BASE = opt('--base');
if (!BASE) { console.error('usage: npm run differential -- --base REV [--fuzz N] [--seed S] [--only parse|shell|lint] [--skip REGEX]'); process.exit(2); }
const FUZZ = Number(opt('--fuzz', 3000));
const SEED = Number(opt('--seed', 7));
const ONLY = opt('--only', 'all');
const SKIP = opt('--skip') ? new RegExp(opt('--skip')) : undefined;

const ENTRY = [
  "export { lint } from './server/src/core/engine';",
  "export { parseDockerfile } from './server/src/core/dockerfile/parse';",
  "export { packageCommand } from './server/src/core/dockerfile/packages';",
  "export { DockerfileAnalysis } from './server/src/core/dockerfile/analysis';",
].join('\n');
const GENERATED = 'server/src/core/compose/schema/validate.generated.ts';

const work = mkdtempSync(join(tmpdir(), 'seaworthy-differential-'));
const baseTree = join(work, 'base');
execFileSync('git', ['-C', REPO, 'worktree', 'add', '--detach', baseTree, BASE], { stdio: 'ignore' });
try {
  // The compose validator is generated at build time and not committed: the base uses the current one.
  if (!existsSync(join(baseTree, GENERATED))) copyFileSync(join(REPO, GENERATED), join(baseTree, GENERATED));
  const bundle = async (dir, name) => {
    const outfile = join(work, `${name}.cjs`);
    await build({ stdin: { contents: ENTRY, resolveDir: dir, loader: 'ts' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error', nodePaths: [join(REPO, 'node_modules')] });
    return require(outfile);
  };
  const A = await bundle(baseTree, 'base');
  const B = await bundle(REPO, 'new');
  process.exitCode = compare(A, B, inputs()) ? 1 : 0;
} finally {
  execFileSync('git', ['-C', REPO, 'worktree', 'remove', '--force', baseTree], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}

function inputs() {
  const c = makeCorpus({ dockerfiles: 300, composes: 150 });
  const list = [
    ...c.dockerfiles.map((text) => ({ text, kind: 'dockerfile', origin: 'bench' })),
    ...c.composes.map((text) => ({ text, kind: 'compose', origin: 'bench' })),
    { text: largeDockerfile(5000), kind: 'dockerfile', origin: 'bench 5,000 lines' },
    { text: largeCompose(3000), kind: 'compose', origin: 'bench 3,000 lines' },
  ];
  // The fuzzer's seed corpus and generators, compiled by tsc (npm test or npm run fuzz builds them).
  const fuzz = join(REPO, 'out/test/fuzz');
  if (!existsSync(join(fuzz, 'corpus.js'))) { console.warn('out/test/fuzz missing (run `npx tsc -p .`): bench corpus only'); return list; }
  const { loadCorpus } = require(join(fuzz, 'corpus.js'));
  const seeds = loadCorpus({ tableTests: true, conformance: true });
  list.push(...seeds);
  if (FUZZ > 0) {
    const fc = require('fast-check');
    const { fuzzInputs } = require(join(fuzz, 'generators.js'));
    list.push(...fc.sample(fuzzInputs(seeds), { numRuns: FUZZ, seed: SEED }));
  }
  return list;
}

/** Everything a caller can read, getters (own and inherited) included; shared objects by path, so cycles end. */
function plain(x, seen = new Map(), path = '$') {
  if (x === null || typeof x !== 'object') return x;
  if (seen.has(x)) return `<same as ${seen.get(x)}>`;
  seen.set(x, path);
  if (Array.isArray(x)) return x.map((v, k) => plain(v, seen, `${path}[${k}]`));
  if (x instanceof Set) return { set: [...x].map((v, k) => plain(v, seen, `${path}{${k}}`)) };
  if (x instanceof Map) return { map: [...x].map(([k, v], n) => [plain(k, seen, `${path}<key ${n}>`), plain(v, seen, `${path}<${n}>`)]) };
  const keys = new Set();
  for (let o = x; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor') keys.add(k);
  const out = {};
  for (const k of [...keys].sort()) { const v = x[k]; if (typeof v !== 'function' && v !== undefined) out[k] = plain(v, seen, `${path}.${k}`); }
  return out;
}

function firstDifference(a, b, path = '$') {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${inspect(a, { depth: 1 })} → ${inspect(b, { depth: 1 })}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) { const d = firstDifference(a[k], b[k], `${path}.${k}`); if (d) return d; }
  return `${path}: differs`;
}

/** The lint output as JSON; a finding's span as {start, end} (some versions passed a rule's word object through). */
function lintJson(lint, input, settings) {
  try {
    const r = lint({ text: input.text, kind: input.kind, settings });
    return JSON.stringify({ ...r, findings: r.findings.map((f) => ({ ...f, span: { start: f.span.start, end: f.span.end } })) });
  } catch (e) { return `threw ${e}`; }
}

function compare(A, B, list) {
  const counts = { parse: 0, shell: 0, lint: 0 };
  const say = (what, input, detail) => {
    if (counts[what]++ < 3) console.log(`[${what}] ${input.origin ?? ''} ${JSON.stringify(input.text.slice(0, 160))}\n    ${detail}`);
  };
  const started = Date.now();
  const want = (what) => ONLY === 'all' || ONLY === what;
  for (const input of list) {
    if (input.kind === 'dockerfile' && (want('parse') || want('shell'))) {
      const pa = A.parseDockerfile(input.text);
      const pb = B.parseDockerfile(input.text);
      if (want('parse')) { const d = firstDifference(plain(pa), plain(pb)); if (d) say('parse', input, d); }
      if (want('shell')) {
        const aa = new A.DockerfileAnalysis(pa.ast);
        const ab = new B.DockerfileAnalysis(pb.ast);
        const ra = pa.ast.instructions.filter((i) => i.keyword === 'RUN');
        const rb = pb.ast.instructions.filter((i) => i.keyword === 'RUN');
        for (let k = 0; k < Math.min(ra.length, rb.length); k++) {
          const sa = aa.shell(ra[k]);
          const sb = ab.shell(rb[k]);
          const d = firstDifference(plain(sa), plain(sb))
            ?? firstDifference(plain(sa.commands.map((c) => A.packageCommand(c))), plain(sb.commands.map((c) => B.packageCommand(c))));
          if (d) { say('shell', input, `RUN #${k}: ${d}`); break; }
        }
      }
    }
    if (want('lint') && !SKIP?.test(input.text)) {
      for (const settings of [undefined, { profiles: ['recommended', 'strict', 'style'] }]) {
        const x = lintJson(A.lint, input, settings);
        const y = lintJson(B.lint, input, settings);
        if (x !== y) { say('lint', input, x.startsWith('{') && y.startsWith('{') ? firstDifference(JSON.parse(x), JSON.parse(y)) : `${x.slice(0, 200)} → ${y.slice(0, 200)}`); break; }
      }
    }
  }
  console.log(`${list.length} inputs against ${BASE} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.parse} parse, ${counts.shell} shell and ${counts.lint} lint differences`);
  return counts.parse + counts.shell + counts.lint;
}
