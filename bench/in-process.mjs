#!/usr/bin/env node
// One in-process measurement in a fresh Node process, for bench.mjs: each tool and each figure gets a heap of its
// own, so no tool pays for the garbage another left behind (dclint's schema compile, for one, leaves tens of MB for
// the next major GC). Prints one JSON line.
//
//   node bench/in-process.mjs ENGINE_BUNDLE TASK [--quick] [--compose-dir DIR]
//   TASK: seaworthy-dockerfiles | dockerfile-utils | seaworthy-compose | dclint | large-dockerfile | large-compose
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeCorpus, largeDockerfile, largeCompose } from './corpus.mjs';
import { pct, p50 } from './stats.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(REPO, 'package.json'));
const [engineFile, task, ...rest] = process.argv.slice(2);
const QUICK = rest.includes('--quick');
const composeDir = rest[rest.indexOf('--compose-dir') + 1];
const q = (full, quick) => (QUICK ? quick : full);

const cpuMs = (u) => (u.user + u.system) / 1000;

/** Files per second over rounds of at least `minMs`, after a warm-up: best and p50. */
function throughput(fn, count, rounds, minMs = 300) {
  for (let k = 0; k < 2; k++) fn();
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    do { fn(); n += count; } while (performance.now() - t0 < minMs);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return { best: Math.max(...rates), p50: p50(rates) };
}

/**
 * Wall and CPU time of `fn` over `runs` runs once the process is warm, and how garbage collection fell on those runs.
 * Warm means after `warmMs` of runs: the first ~25 lints of the 5,000-line file run while V8 still compiles the
 * engine and grows its young generation (to 32 MB, from 8), at 2–10× the steady time, and a warm-up of 3 runs
 * left most of them inside the timed runs. The peers' figures in issue #10 are warm, in-process figures too. The
 * cold start is reported beside them: the first run, and the p50 of the first 10.
 */
async function timings(fn, runs, warmMs) {
  const cold = [];
  const warmUntil = performance.now() + warmMs;
  do {
    const t0 = performance.now();
    fn();
    cold.push(performance.now() - t0);
  } while (performance.now() < warmUntil || cold.length < 10);
  const wall = [], cpu = [], spans = [];
  const gc = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) gc.push({ start: e.startTime, end: e.startTime + e.duration }); });
  observer.observe({ entryTypes: ['gc'] });
  for (let k = 0; k < runs; k++) {
    const u = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    wall.push(t1 - t0);
    spans.push([t0, t1]);
    cpu.push(cpuMs(process.cpuUsage(u)));
  }
  await new Promise((r) => setTimeout(r, 20)); // GC entries arrive after the synchronous loop
  observer.disconnect();
  // A pause that started inside a run was paid by that run (on this thread; helper threads also work meanwhile).
  const paused = spans.map(([a, b]) => gc.filter((g) => g.start >= a && g.start < b).reduce((ms, g) => ms + (g.end - g.start), 0));
  const clean = wall.filter((_, k) => paused[k] === 0);
  return {
    p50: p50(wall), min: Math.min(...wall), p90: pct(wall, 0.9), cpuP50: p50(cpu),
    cold: { first: cold[0], p50First10: p50(cold.slice(0, 10)), warmUpRuns: cold.length },
    gc: { runsWithPause: paused.filter((x) => x > 0).length, runs, pauseP50: p50(paused.filter((x) => x > 0)) ?? 0, cleanP50: clean.length ? p50(clean) : undefined },
  };
}

const corpus = () => makeCorpus({ dockerfiles: 300, composes: 150 });
const composePaths = () => readdirSync(composeDir).sort().map((d) => join(composeDir, d, 'compose.yaml'));
const lint = () => require(engineFile).lint;
const rounds = q(9, 4);
const WARM_MS = q(2000, 500);

const tasks = {
  'seaworthy-dockerfiles': () => {
    const files = corpus().dockerfiles, run = lint();
    return throughput(() => { for (const t of files) run({ text: t, kind: 'dockerfile' }); }, files.length, rounds);
  },
  'dockerfile-utils': () => {
    const files = corpus().dockerfiles, du = require('dockerfile-utils');
    return throughput(() => { for (const t of files) du.validate(t); }, files.length, rounds);
  },
  'seaworthy-compose': () => {
    const paths = composePaths(), run = lint();
    return throughput(() => { for (const f of paths) run({ text: readFileSync(f, 'utf8'), kind: 'compose', path: 'compose.yaml' }); }, paths.length, rounds);
  },
  dclint: () => {
    const paths = composePaths(), dclint = require('dclint');
    const linter = new dclint.DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
    return throughput(() => { linter.lintFiles(paths, false); }, paths.length, rounds, 1000);
  },
  'large-dockerfile': async () => {
    const text = largeDockerfile(5000), run = lint();
    return { ...(await timings(() => run({ text, kind: 'dockerfile' }), q(41, 15), WARM_MS)), findings: run({ text, kind: 'dockerfile' }).findings.length };
  },
  'large-compose': async () => {
    const text = largeCompose(3000), run = lint();
    return { ...(await timings(() => run({ text, kind: 'compose' }), q(41, 15), WARM_MS)), findings: run({ text, kind: 'compose' }).findings.length };
  },
};

if (!tasks[task]) { process.stderr.write(`unknown task ${task}; one of ${Object.keys(tasks).join(', ')}\n`); process.exit(2); }
process.stdout.write(JSON.stringify(await tasks[task]()) + '\n');
