// `npm run fuzz`: ≥100,000 generated inputs through the pure core on every core, with a seed to
// reproduce. Prints inputs tried, crashes, hangs, rule errors and invariant violations (each with
// a minimal input) and exits non-zero on any. See docs/robustness.md.
//
//   npm run fuzz                               # random seed, 100,000 inputs + the huge inputs
//   npm run fuzz -- --seed 42 --count 20000    # reproduce a run (same seed and count)
//   npm run fuzz -- --seed 42 --replay 1234    # print input #1234 of seed 42 and check it alone
//   options: --workers N  --time-limit-ms 2000 (CPU per lint)  --hang-ms 30000 (CPU per input)  --fix-every 4  --harden-every 20  --no-huge  --json FILE
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadCorpus, type Seed } from './corpus';
import { fuzzInputs, hugeInputs, type FuzzInput } from './generators';
import { checkInput, minimize, signature, type CheckOptions, type Violation } from './check';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';

const CHUNK = 250;

interface Args {
  seed: number; count: number; workers: number; timeLimitMs: number; hangMs: number; huge: boolean; json?: string; replay?: number;
  fixEvery: number; hardenEvery: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    seed: Math.floor(Math.random() * 0x7fffffff), count: 100_000, workers: Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
    timeLimitMs: 2000, hangMs: 30_000, huge: true, fixEvery: 4, hardenEvery: 20,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => { const x = argv[++i]; if (x === undefined || Number.isNaN(Number(x))) throw new Error(`${k} needs a number`); return Number(x); };
    if (k === '--seed') a.seed = v();
    else if (k === '--count') a.count = v();
    else if (k === '--workers') a.workers = Math.max(1, v());
    else if (k === '--time-limit-ms') a.timeLimitMs = v();
    else if (k === '--hang-ms') a.hangMs = v();
    else if (k === '--replay') a.replay = v();
    else if (k === '--fix-every') a.fixEvery = Math.max(1, v());
    else if (k === '--harden-every') a.hardenEvery = Math.max(1, v());
    else if (k === '--no-huge') a.huge = false;
    else if (k === '--json') a.json = argv[++i];
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

// ---- Inputs by index (shared by the workers, replay and the report) ---------------------------

let corpus: Seed[] | undefined;
let arb: fc.Arbitrary<FuzzInput> | undefined;
function arbitrary(): fc.Arbitrary<FuzzInput> {
  corpus ??= loadCorpus({ tableTests: true });
  return arb ??= fuzzInputs(corpus);
}

/** Generated inputs are made in chunks of CHUNK from a seed derived from the run's seed and the chunk number. */
function chunkInputs(seed: number, chunk: number): FuzzInput[] {
  return fc.sample(arbitrary(), { seed: (seed ^ Math.imul(chunk + 1, 0x9e3779b1)) | 0, numRuns: CHUNK });
}

function inputAt(a: Args, index: number): FuzzInput {
  if (index >= a.count) return hugeInputs(DEFAULT_SETTINGS.maxFileSize)[index - a.count];
  return chunkInputs(a.seed, Math.floor(index / CHUNK))[index % CHUNK];
}

function optionsFor(a: Args, index: number): CheckOptions {
  if (index >= a.count) return { timeLimitMs: a.timeLimitMs };
  return { timeLimitMs: a.timeLimitMs, fixes: index % a.fixEvery === 0, harden: index % a.hardenEvery === 0, fixSizeLimit: 20_000 };
}

// ---- Worker ------------------------------------------------------------------------------------

interface Found { sig: string; v: Violation; index: number; text: string; kind: string; origin: string }
interface ChunkResult {
  type: 'chunk'; id: string; inputs: number; lints: number; fixChecked: number; hardened: number; maxLintMs: number; maxLintIndex: number;
  kinds: Record<string, number>; found: Found[]; counts: Record<string, number>; huge: { origin: string; size: number; ms: number }[];
}
type Job = { type: 'chunk'; id: string; from: number; to: number } | { type: 'minimize'; found: Found } | { type: 'exit' };

function worker(a: Args, progressFile: string) {
  const fd = fs.openSync(progressFile, 'w');
  const buf = Buffer.alloc(8);
  const reported = new Set<string>();
  process.on('message', (job: Job) => {
    if (job.type === 'exit') { fs.closeSync(fd); process.exit(0); }
    if (job.type === 'minimize') {
      const f = job.found;
      const opts = optionsFor(a, f.index);
      const input = { text: f.text, kind: f.kind as FuzzInput['kind'] };
      const min = minimize(f.text, (t) => checkInput({ ...input, text: t }, opts).violations.some((v) => signature(v) === f.sig), 8000);
      const v = checkInput({ ...input, text: min }, opts).violations.find((x) => signature(x) === f.sig) ?? f.v;
      process.send!({ type: 'minimized', sig: f.sig, text: min, v });
      return;
    }
    const r: ChunkResult = { type: 'chunk', id: job.id, inputs: 0, lints: 0, fixChecked: 0, hardened: 0, maxLintMs: 0, maxLintIndex: -1, kinds: {}, found: [], counts: {}, huge: [] };
    const generated = job.from < a.count ? chunkInputs(a.seed, Math.floor(job.from / CHUNK)) : undefined;
    const huge = job.from >= a.count ? hugeInputs(DEFAULT_SETTINGS.maxFileSize) : undefined;
    for (let index = job.from; index < job.to; index++) {
      buf.writeDoubleLE(index, 0);
      fs.writeSync(fd, buf, 0, 8, 0);
      const input = generated ? generated[index % CHUNK] : huge![index - a.count];
      const opts = optionsFor(a, index);
      const res = checkInput(input, opts);
      r.inputs++;
      r.lints += res.lints;
      if (opts.fixes) r.fixChecked++;
      if (opts.harden) r.hardened++;
      r.kinds[input.kind] = (r.kinds[input.kind] ?? 0) + 1;
      if (huge) r.huge.push({ origin: input.origin, size: input.text.length, ms: res.lintMs });
      else if (res.lintMs > r.maxLintMs) { r.maxLintMs = res.lintMs; r.maxLintIndex = index; }
      for (const v of res.violations) {
        const sig = signature(v);
        r.counts[sig] = (r.counts[sig] ?? 0) + 1;
        if (!reported.has(sig)) { reported.add(sig); r.found.push({ sig, v, index, text: input.text, kind: input.kind, origin: input.origin }); }
      }
    }
    process.send!(r);
  });
  process.send!({ type: 'ready' });
}

// ---- Parent ------------------------------------------------------------------------------------

interface Slot { proc: ChildProcess; progress: string; busy?: Extract<Job, { type: 'chunk' }>; lastIndex: number; since: number; sinceCpu?: number }

async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  const t0 = Date.now();
  if (a.replay !== undefined) return replay(a, a.replay);

  const hugeCount = a.huge ? hugeInputs(16).length : 0;
  const queue: Extract<Job, { type: 'chunk' }>[] = [];
  for (let from = 0; from < a.count; from += CHUNK) queue.push({ type: 'chunk', id: `c${from}`, from, to: Math.min(a.count, from + CHUNK) });
  // Huge inputs first, one per job, so the slow ones overlap with the rest.
  for (let k = hugeCount - 1; k >= 0; k--) queue.unshift({ type: 'chunk', id: `h${k}`, from: a.count + k, to: a.count + k + 1 });
  const total = { inputs: 0, lints: 0, fixChecked: 0, hardened: 0, maxLintMs: 0, maxLintIndex: -1, kinds: {} as Record<string, number> };
  const counts = new Map<string, number>();
  const found = new Map<string, Found>();
  const huge: ChunkResult['huge'] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-fuzz-'));
  const corpusSize = loadCorpus({ tableTests: true }).length;
  process.stdout.write(`Seaworthy fuzz: seed ${a.seed}, ${a.count} generated inputs${hugeCount ? ` + ${hugeCount} huge` : ''}, ${a.workers} workers, corpus of ${corpusSize} real inputs\n`);

  const record = (f: Found, n = 1) => {
    counts.set(f.sig, (counts.get(f.sig) ?? 0) + n);
    if (!found.has(f.sig)) found.set(f.sig, f);
  };

  await new Promise<void>((resolve) => {
    const slots: Slot[] = [];
    let done = 0;
    const totalJobs = queue.length;
    let lastPrint = Date.now();
    const next = (s: Slot) => {
      const job = queue.shift();
      if (!job) { s.busy = undefined; s.lastIndex = -2; s.proc.send({ type: 'exit' }); if (slots.every((x) => !x.busy)) resolve(); return; }
      s.busy = job;
      s.lastIndex = -1;
      s.since = Date.now();
      s.sinceCpu = cpuMsOf(s.proc.pid);
      s.proc.send(job);
    };
    const spawn = (i: number) => {
      const progress = path.join(dir, `w${i}-${Date.now()}`);
      const proc = fork(__filename, ['--worker', progress, ...argv, '--seed', String(a.seed)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--stack-size=984'] });
      const s: Slot = { proc, progress, lastIndex: -1, since: Date.now() };
      slots[i] = s;
      proc.on('message', (m: ChunkResult | { type: 'ready' }) => {
        if (m.type === 'ready') { next(s); return; }
        total.inputs += m.inputs; total.lints += m.lints; total.fixChecked += m.fixChecked; total.hardened += m.hardened;
        for (const [k, n] of Object.entries(m.kinds)) total.kinds[k] = (total.kinds[k] ?? 0) + n;
        if (m.maxLintMs > total.maxLintMs) { total.maxLintMs = m.maxLintMs; total.maxLintIndex = m.maxLintIndex; }
        huge.push(...m.huge);
        for (const f of m.found) if (!found.has(f.sig)) found.set(f.sig, f);
        for (const [sig, n] of Object.entries(m.counts)) counts.set(sig, (counts.get(sig) ?? 0) + n);
        done++;
        if (Date.now() - lastPrint > 10_000) {
          lastPrint = Date.now();
          process.stdout.write(`  ${total.inputs} inputs, ${done}/${totalJobs} jobs, ${[...counts.values()].reduce((x, y) => x + y, 0)} violations, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
        }
        next(s);
      });
      proc.on('exit', (code) => {
        if (!s.busy && s.lastIndex === -2) return;
        if (!s.busy) { process.stderr.write(`fuzz: a worker exited with ${code} before taking a job\n`); process.exit(2); }
        if (slots[i] === s) {
          // Died mid-job (out of memory, killed as hung): record it, requeue the rest of the job, start a new worker.
          const job = s.busy;
          const at = readProgress(s.progress) ?? job.from;
          const input = inputAt(a, at);
          const hung = (s as Slot & { killed?: boolean }).killed;
          record({ sig: hung ? 'hang:no-progress' : 'crash:worker-died', index: at, text: input.text, kind: input.kind, origin: input.origin,
            v: { type: hung ? 'hang' : 'crash', check: hung ? 'no-progress' : 'worker-died', detail: hung ? `no result after ${a.hangMs} ms of CPU time` : `worker exited with ${code} (out of memory or stack?)` } });
          total.inputs++;
          // The job's results so far died with the worker: redo the inputs before and after this one.
          if (at + 1 < job.to) queue.unshift({ type: 'chunk', id: job.id + '+', from: at + 1, to: job.to });
          if (at > job.from) queue.unshift({ type: 'chunk', id: job.id + '-', from: job.from, to: at });
          spawn(i);
        }
      });
    };
    for (let i = 0; i < a.workers; i++) spawn(i);
    const watchdog = setInterval(() => {
      for (const s of slots) {
        if (!s?.busy) continue;
        const at = readProgress(s.progress);
        const cpu = cpuMsOf(s.proc.pid);
        if (at !== undefined && at !== s.lastIndex) { s.lastIndex = at; s.since = Date.now(); s.sinceCpu = cpu; continue; }
        // CPU time where the OS tells it (a loaded machine stretches wall time), else ten times the bound in wall time.
        const stuck = cpu !== undefined && s.sinceCpu !== undefined ? cpu - s.sinceCpu > a.hangMs : Date.now() - s.since > 10 * a.hangMs;
        if (stuck) { (s as Slot & { killed?: boolean }).killed = true; s.proc.kill('SIGKILL'); }
      }
      if (slots.every((s) => !s?.busy) && !queue.length) clearInterval(watchdog);
    }, 1000);
    watchdog.unref();
  });

  // Minimize each distinct violation (in parallel, one worker per violation at a time).
  const minimized = new Map<string, { text: string; v: Violation }>();
  const toMinimize = [...found.values()].filter((f) => f.v.type !== 'hang' && f.text.length < 300_000);
  if (toMinimize.length) {
    process.stdout.write(`minimizing ${toMinimize.length} distinct violation(s)…\n`);
    await new Promise<void>((resolve) => {
      let active = 0;
      const take = () => {
        const f = toMinimize.shift();
        if (!f) { if (!active) resolve(); return; }
        active++;
        const proc = fork(__filename, ['--worker', path.join(dir, `m-${f.index}`), ...argv, '--seed', String(a.seed)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
        proc.on('message', (m: { type: string; sig?: string; text?: string; v?: Violation }) => {
          if (m.type === 'ready') proc.send({ type: 'minimize', found: f });
          else if (m.type === 'minimized') { minimized.set(m.sig!, { text: m.text!, v: m.v! }); proc.send({ type: 'exit' }); }
        });
        proc.on('exit', () => { clearTimeout(timer); active--; take(); });
      };
      for (let i = 0; i < a.workers; i++) take();
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });

  const seconds = (Date.now() - t0) / 1000;
  const by = (t: string) => [...counts].filter(([k]) => k.startsWith(t + ':')).reduce((x, [, n]) => x + n, 0);
  const slowestHuge = huge.sort((x, y) => y.ms - x.ms)[0];
  const lines = [
    '',
    `inputs tried:          ${total.inputs} (${Object.entries(total.kinds).map(([k, n]) => `${k} ${n}`).join(', ')})`,
    `  fix safety checked:  ${total.fixChecked} (every rule's fix applied alone, fix-all twice); harden checked: ${total.hardened}`,
    `  lint calls:          ${total.lints}`,
    `crashes:               ${by('crash')}`,
    `hangs:                 ${by('hang')} (bound: ${a.timeLimitMs} ms CPU per lint; slowest generated input ${total.maxLintMs.toFixed(0)} ms (#${total.maxLintIndex})${slowestHuge ? `; slowest huge input ${slowestHuge.ms.toFixed(0)} ms (${slowestHuge.origin}, ${slowestHuge.size} chars)` : ''})`,
    `rule errors:           ${by('rule-error')}`,
    `invariant violations:  ${by('invariant')}`,
    `duration:              ${seconds.toFixed(0)} s`,
    `reproduce:             npm run fuzz -- --seed ${a.seed}${a.count !== 100_000 ? ` --count ${a.count}` : ''}`,
  ];
  if (huge.length) {
    lines.push('', 'huge inputs (lint only, CPU ms):');
    for (const h of huge) lines.push(`  ${h.ms.toFixed(0).padStart(6)} ms  ${h.size} chars  ${h.origin}`);
  }
  if (found.size) {
    lines.push('', 'violations (one example each, minimized):');
    for (const [sig, f] of [...found].sort(([x], [y]) => x.localeCompare(y))) {
      const m = minimized.get(sig);
      const text = m?.text ?? f.text;
      const v = m?.v ?? f.v;
      lines.push(`- ${sig}  ×${counts.get(sig)}  first at #${f.index} (${f.origin})`);
      lines.push(`    input (${f.kind}, ${text.length} chars): ${text.length > 600 ? JSON.stringify(text.slice(0, 600)) + '…' : JSON.stringify(text)}`);
      lines.push(`    ${v.detail.split('\n').join('\n    ')}`);
      lines.push(`    replay: npm run fuzz -- --seed ${a.seed}${a.count !== 100_000 ? ` --count ${a.count}` : ''} --replay ${f.index}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (a.json) {
    fs.writeFileSync(a.json, JSON.stringify({
      seed: a.seed, count: a.count, seconds, ...total, crashes: by('crash'), hangs: by('hang'), ruleErrors: by('rule-error'), invariantViolations: by('invariant'), huge,
      violations: [...found].map(([sig, f]) => ({ sig, count: counts.get(sig), index: f.index, origin: f.origin, kind: f.kind, input: minimized.get(sig)?.text ?? f.text, detail: (minimized.get(sig)?.v ?? f.v).detail })),
    }, null, 2));
  }
  return found.size ? 1 : 0;
}

/** CPU time of a process in ms (Linux /proc; clock ticks of 10 ms), or undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch { return undefined; }
}

function readProgress(file: string): number | undefined {
  try {
    const b = fs.readFileSync(file);
    return b.length >= 8 ? b.readDoubleLE(0) : undefined;
  } catch { return undefined; }
}

function replay(a: Args, index: number): number {
  const input = inputAt(a, index);
  if (!input) { process.stderr.write(`no input #${index}\n`); return 2; }
  const opts = optionsFor(a, index);
  process.stdout.write(`input #${index} of seed ${a.seed} (${input.kind}, ${input.origin}, ${input.text.length} chars):\n${JSON.stringify(input.text.length > 4000 ? input.text.slice(0, 4000) + '…' : input.text)}\n`);
  const res = checkInput(input, opts);
  process.stdout.write(`${res.lints} lint calls, slowest ${res.lintMs.toFixed(0)} ms CPU\n`);
  for (const v of res.violations) process.stdout.write(`- ${signature(v)}\n  ${v.detail.split('\n').join('\n  ')}\n`);
  if (!res.violations.length) process.stdout.write('no violation\n');
  return res.violations.length ? 1 : 0;
}

// `node --test out/test/` runs every file under test/: do nothing there, only when run directly.
if (require.main === module && !process.env.NODE_TEST_CONTEXT) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--worker') {
    worker(parseArgs(argv.slice(2)), argv[1]);
  } else {
    main(argv).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`fuzz: ${e instanceof Error ? e.stack : e}\n`); process.exitCode = 2; });
  }
}
