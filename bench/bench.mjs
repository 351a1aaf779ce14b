#!/usr/bin/env node
// `npm run bench`: Seaworthy side by side with its peers, and the performance targets of issue 10, in one run.
//
//   npm run bench [-- --quick] [--no-build] [--package] [--json FILE] [--only lint,large,lsp,server,cli,size]
//
// What it measures (corpus: bench/corpus.mjs, deterministic):
//   in-process   files/s of Seaworthy's lint() (whole rule set, recommended profile) vs dockerfile-utils' validate()
//                on the same Dockerfiles, and vs dclint's programmatic API (DCLinter.lintFiles) on the same compose files
//   large files  full lint of a 5,000-line Dockerfile and a 3,000-line compose file (p50 of many runs)
//   lsp          didChange → fresh diagnostics through the real server (`node dist/server.js --stdio`), pull
//                (textDocument/diagnostic) and push (pushDelayMs: 0) on a 100-line and a 5,000-line Dockerfile
//   server       cold start to first diagnostics; resident memory (VmRSS) after opening 200 documents;
//                activation cost (require of dist/extension.js with a stub `vscode` + server spawn→initialize)
//   size         the VSIX (`seaworthy.vsix`; built with --package or when missing)
//   cli          whole-process time on a folder of Dockerfiles vs dockerfile-utils' CLI, on a folder of compose
//                files vs dclint's CLI, and `node -e 0` as the floor
//
// Each in-process figure (throughput, large files) is taken in a fresh Node process (bench/in-process.mjs), one per
// tool, so no tool pays for the garbage of another that ran before it in the same heap.
// The machine is shared (2 cores, other processes running): every figure is a median (p50) or best of many runs,
// the load average is printed with the results, and each target is shown next to its figure with PASS/FAIL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { makeCorpus, largeDockerfile, largeCompose } from './corpus.mjs';
import { pct, p50 } from './stats.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(REPO, 'package.json'));
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
const QUICK = flag('--quick');
const ONLY = opt('--only')?.split(',');
const want = (section) => !ONLY || ONLY.includes(section);
const q = (full, quick) => (QUICK ? quick : full);
const CLI_DF = q(100, 40);
const CLI_COMPOSE = q(50, 20);

// ---- helpers --------------------------------------------------------------------------------------------------

const results = { meta: {}, figures: {}, targets: [] };
const out = [];
const say = (s = '') => { out.push(s); process.stdout.write(s + '\n'); };
const ms = (x) => (x === undefined ? 'n/a' : x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const fmtRate = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function target(name, figure, pass, note = '') {
  results.targets.push({ name, figure, pass, note });
  say(`  ${pass === undefined ? 'N/A ' : pass ? 'PASS' : 'FAIL'}  ${name}: ${figure}${note ? ` — ${note}` : ''}`);
}

/** Runs `fn` (one pass over `count` files) for `rounds` rounds after a warm-up; files/s of the best and median round. */
/** One in-process figure measured in a fresh Node process (bench/in-process.mjs): see that file for why. */
function inProcess(task) {
  const r = run(process.execPath, [join(REPO, 'bench/in-process.mjs'), engineFile, task, ...(QUICK ? ['--quick'] : []), '--compose-dir', composeDir]);
  if (r.status !== 0) throw new Error(`bench/in-process.mjs ${task} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
const gcLine = (t) => `GC paused ${t.gc.runsWithPause} of ${t.gc.runs} runs (p50 ${ms(t.gc.pauseP50)} each); p50 of the runs without a pause ${ms(t.gc.cleanP50)}`;
const coldLine = (t) => `cold, in a fresh process: first lint ${ms(t.cold.first)}, p50 of the first 10 ${ms(t.cold.p50First10)} (the figures above follow ${t.cold.warmUpRuns} warm-up lints)`;

function run(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...opts });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout?.toString() ?? '', stderr: r.stderr?.toString() ?? '' };
}

/** Whole-process wall time: p50 and best of `runs`. */
function processTime(runs, fn) {
  const t = [];
  let last;
  for (let k = 0; k < runs; k++) { last = fn(); t.push(last.ms); }
  return { p50: p50(t), min: Math.min(...t), last };
}

// ---- setup ------------------------------------------------------------------------------------------------------

say(`Seaworthy benchmark — ${new Date().toISOString()}`);
say(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average at start ${load()}${QUICK ? ', --quick' : ''}`);
results.meta = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadStart: loadavg() };

if (!flag('--no-build')) {
  const b = run(process.execPath, ['scripts/build.mjs']);
  if (b.status !== 0) { say(`build failed:\n${b.stderr}`); process.exit(1); }
}
const helperJs = join(REPO, 'out/test/helpers/lsp-client.js');
const helperTs = join(REPO, 'test/helpers/lsp-client.ts');
if ((want('lsp') || want('server')) && (!existsSync(helperJs) || statSync(helperJs).mtimeMs < statSync(helperTs).mtimeMs)) {
  say('compiling test helpers (tsc -p .) for the LSP client…');
  run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', '.']); // emits even when another file has a type error
}

const work = mkdtempSync(join(tmpdir(), 'seaworthy-bench-'));
process.on('exit', () => { if (!flag('--keep')) rmSync(work, { recursive: true, force: true }); });

// The engine exactly as the bundles ship it (esbuild, same entry code), loaded in this process.
const engineFile = join(work, 'engine.cjs');
await build({
  stdin: { contents: "export { lint } from './server/src/core/engine';", resolveDir: REPO, loader: 'ts' },
  bundle: true, platform: 'node', target: 'node18', format: 'cjs', outfile: engineFile, logLevel: 'warning',
});
const { lint } = require(engineFile);

const corpus = makeCorpus({ dockerfiles: 300, composes: 150 });
const lines = (t) => t.split('\n').length - 1;
const dfDir = join(work, 'dockerfiles');
const composeDir = join(work, 'compose');
const dfPaths = corpus.dockerfiles.map((t, k) => { const d = join(dfDir, `svc-${String(k).padStart(3, '0')}`); mkdirSync(d, { recursive: true }); const f = join(d, 'Dockerfile'); writeFileSync(f, t); return f; });
const composePaths = corpus.composes.map((t, k) => { const d = join(composeDir, `app-${String(k).padStart(3, '0')}`); mkdirSync(d, { recursive: true }); const f = join(d, 'compose.yaml'); writeFileSync(f, t); return f; });
const big = largeDockerfile(5000);
const bigCompose = largeCompose(3000);
const small = largeDockerfile(100, 100);
writeFileSync(join(work, 'Dockerfile.5000'), big);
writeFileSync(join(work, 'compose.3000.yaml'), bigCompose);
const sum = (a) => a.reduce((x, y) => x + y, 0);
const services = (c) => (c.split(/^services:$/m)[1]?.split(/^\S/m)[0].match(/^  [\w.-]+:$/gm) ?? []).length;
const svc = corpus.composes.map(services);
say(`corpus: ${corpus.dockerfiles.length} Dockerfiles (${sum(corpus.dockerfiles.map(lines))} lines), ${corpus.composes.length} compose files (${sum(corpus.composes.map(lines))} lines, ${Math.min(...svc)}–${Math.max(...svc)} services each); large: ${lines(big)}-line Dockerfile, ${lines(bigCompose)}-line compose file`);
say('ShellCheck: off in every Seaworthy figure below (an external program Seaworthy runs on RUN scripts when it is installed; the peers have no such step), except the one CLI line that says so');
const findingsCount = sum(corpus.dockerfiles.map((t) => lint({ text: t, kind: 'dockerfile' }).findings.length));
const composeFindings = sum(corpus.composes.map((t) => lint({ text: t, kind: 'compose' }).findings.length));
say(`findings on the corpus (recommended profile): ${findingsCount} in the Dockerfiles, ${composeFindings} in the compose files`);
const generated = existsSync(join(REPO, 'server/src/core/compose/schema/validate.generated.ts'));
say(`compose schema: ${generated ? 'compiled once at build time (server/src/core/compose/schema/validate.generated.ts)' : 'NOT compiled at build time yet (validate.generated.ts missing)'}`);

// ---- in-process throughput ----------------------------------------------------------------------------------------

if (want('lint')) {
  say('\n## In-process throughput (files/s; best of rounds, p50 in brackets; each tool in its own fresh process)');
  const sw = inProcess('seaworthy-dockerfiles');
  const d = inProcess('dockerfile-utils');
  const ratio = sw.best / d.best;
  say(`  Dockerfiles  Seaworthy lint()        ${fmtRate(sw.best).padStart(7)} [${fmtRate(sw.p50)}]`);
  say(`               dockerfile-utils 0.16.3 ${fmtRate(d.best).padStart(7)} [${fmtRate(d.p50)}]   validate(): its own ~30 checks`);
  say(`               ratio ${ratio.toFixed(2)}× (p50 ${(sw.p50 / d.p50).toFixed(2)}×)`);
  results.figures.dockerfileThroughput = { seaworthy: sw, dockerfileUtils: d, ratio };
  target('Dockerfile throughput ≥ 3× dockerfile-utils (whole rule set)', `${ratio.toFixed(2)}×`, ratio >= 3);

  let dclint;
  try { dclint = require('dclint'); } catch { /* not installed */ }
  const swc = inProcess('seaworthy-compose');
  say(`  compose      Seaworthy lint()        ${fmtRate(swc.best).padStart(7)} [${fmtRate(swc.p50)}]   (file read included, as dclint's API reads files)`);
  if (dclint) {
    const version = JSON.parse(readFileSync(require.resolve('dclint/package.json'), 'utf8')).version;
    const dc = inProcess('dclint');
    const r = swc.best / dc.best;
    say(`               dclint ${version.padEnd(16)} ${fmtRate(dc.best).padStart(7)} [${fmtRate(dc.p50)}]   DCLinter.lintFiles(): YAML + JSON-schema + 15 rules`);
    say(`               ratio ${r.toFixed(1)}× (p50 ${(swc.p50 / dc.p50).toFixed(1)}×)`);
    results.figures.composeThroughput = { seaworthy: swc, dclint: dc, ratio: r };
    target('compose throughput ≥ 50× dclint', `${r.toFixed(1)}×`, r >= 50, generated ? 'schema compiled at build time' : 'schema not yet compiled at build time');
  } else {
    say('               dclint: not installed (npm i -D dclint@3 needs Node ≥ 20.19) — not measured');
    target('compose throughput ≥ 50× dclint', 'dclint not installed', undefined);
  }
}

// ---- large files ------------------------------------------------------------------------------------------------

if (want('large')) {
  say('\n## Large files (full lint, in process, warm: each file in its own fresh process, timed after 2 s of warm-up lints, 0.5 s with --quick; wall p50 / best, CPU p50)');
  const t5 = inProcess('large-dockerfile');
  const t3 = inProcess('large-compose');
  say(`  5,000-line Dockerfile     p50 ${ms(t5.p50)}, best ${ms(t5.min)}, CPU p50 ${ms(t5.cpuP50)}  (${t5.findings} findings)`);
  say(`                            ${gcLine(t5)}`);
  say(`                            ${coldLine(t5)}`);
  say(`  3,000-line compose file   p50 ${ms(t3.p50)}, best ${ms(t3.min)}, CPU p50 ${ms(t3.cpuP50)}  (${t3.findings} findings)`);
  say(`                            ${gcLine(t3)}`);
  say(`                            ${coldLine(t3)}`);
  results.figures.large = { dockerfile5000: t5, compose3000: t3 };
  target('5,000-line Dockerfile fully linted ≤ 15 ms (p50)', `${ms(t5.p50)} (best ${ms(t5.min)})`, t5.p50 <= 15);
}

// ---- language server --------------------------------------------------------------------------------------------

let client;
if (want('lsp') || want('server')) client = require(helperJs);
/** CPU time of a process's main thread so far, in ms (/proc/<pid>/schedstat: ns on CPU), or NaN. */
const threadCpuMs = (pid) => { try { return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; } };
const NO_SHELLCHECK = { settings: { shellcheck: { enable: false } } };
/**
 * The keystroke: a space typed at the end of the middle line (even versions, from 2) and deleted again (odd ones), sent
 * as VS Code sends it to a server that asks for incremental sync (ours does): the changed range, not the text.
 */
function keystrokes(text) {
  const ls = text.split('\n');
  const line = Math.floor(ls.length / 2);
  const character = ls[line].length;
  const at = (c) => ({ line, character: c });
  return (v) => (v % 2 === 0 ? { range: { start: at(character), end: at(character) }, text: ' ' } : { range: { start: at(character), end: at(character + 1) }, text: '' });
}

async function pullRoundTrip(text, samples) {
  const c = await client.startClient({ pull: true, rootUri: pathToFileURL(work).toString(), initializationOptions: NO_SHELLCHECK });
  const uri = pathToFileURL(join(work, `Dockerfile.rt${lines(text)}`)).toString();
  c.open(uri, 'dockerfile', text, 1);
  await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const t = [];
  const cpu = [];
  const change = keystrokes(text);
  for (let v = 2; v < samples + 2 + 5; v++) {
    const c0 = threadCpuMs(c.proc.pid);
    const t0 = performance.now();
    c.change(uri, v, change(v));
    const r = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    if (r.kind !== 'full') throw new Error('expected a full report');
    if (v >= 7) { t.push(performance.now() - t0); cpu.push(threadCpuMs(c.proc.pid) - c0); } // first 5: warm-up
  }
  await c.stop();
  return { p50: p50(t), p99: pct(t, 0.99), min: Math.min(...t), serverCpuP50: p50(cpu) };
}

async function pushRoundTrip(text, samples) {
  const c = await client.startClient({ pull: false, rootUri: pathToFileURL(work).toString(), initializationOptions: { ...NO_SHELLCHECK, pushDelayMs: 0 } });
  const uri = pathToFileURL(join(work, `Dockerfile.push${lines(text)}`)).toString();
  c.open(uri, 'dockerfile', text, 1);
  for (let p = await c.nextDiagnostics(uri, 30000); p.version !== 1; p = await c.nextDiagnostics(uri, 30000));
  const t = [];
  const change = keystrokes(text);
  for (let v = 2; v < samples + 2 + 5; v++) {
    const t0 = performance.now();
    c.change(uri, v, change(v));
    for (let p = await c.nextDiagnostics(uri, 30000); p.version !== v; p = await c.nextDiagnostics(uri, 30000));
    if (v >= 7) t.push(performance.now() - t0);
  }
  await c.stop();
  return { p50: p50(t), p99: pct(t, 0.99), min: Math.min(...t) };
}

if (want('lsp')) {
  say('\n## Keystroke → diagnostics through the server (node dist/server.js --stdio; p50 / p99 / best)');
  const n100 = q(300, 100);
  const n5000 = q(80, 30);
  const pull100 = await pullRoundTrip(small, n100);
  const pull5000 = await pullRoundTrip(big, n5000);
  const push100 = await pushRoundTrip(small, n100);
  const push5000 = await pushRoundTrip(big, n5000);
  const row = (name, r) => say(`  ${name.padEnd(34)} p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  best ${ms(r.min).padStart(9)}${r.serverCpuP50 === undefined ? '' : `  server CPU p50 ${ms(r.serverCpuP50)}`}`);
  row(`pull, ${lines(small)}-line Dockerfile (${n100}×)`, pull100);
  row(`pull, ${lines(big)}-line Dockerfile (${n5000}×)`, pull5000);
  row(`push (pushDelayMs 0), ${lines(small)} lines`, push100);
  row(`push (pushDelayMs 0), ${lines(big)} lines`, push5000);
  results.figures.lsp = { pull100, pull5000, push100, push5000 };
  target('keystroke → diagnostics ≤ 5 ms p50, 100 lines (pull)', ms(pull100.p50), pull100.p50 <= 5, `push ${ms(push100.p50)}`);
  target('keystroke → diagnostics ≤ 40 ms p50, 5,000 lines (pull)', ms(pull5000.p50), pull5000.p50 <= 40, `push ${ms(push5000.p50)}`);
}

// ---- server: cold start, memory, activation -------------------------------------------------------------------------

const vmRss = (pid) => { const s = readFileSync(`/proc/${pid}/status`, 'utf8'); const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN); return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }; };

if (want('server')) {
  say('\n## Server');
  const starts = [];
  const inits = [];
  const startCpu = [];
  const sampleDoc = corpus.dockerfiles[7];
  for (let k = 0; k < q(11, 5); k++) {
    const t0 = performance.now();
    const c = await client.startClient({ pull: true, rootUri: pathToFileURL(work).toString(), initializationOptions: NO_SHELLCHECK });
    inits.push(performance.now() - t0);
    const uri = pathToFileURL(join(work, `cold${k}/Dockerfile`)).toString();
    c.open(uri, 'dockerfile', sampleDoc, 1);
    const r = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    starts.push(performance.now() - t0);
    startCpu.push(threadCpuMs(c.proc.pid));
    if (!r.items.length) say('  (warning: cold-start document produced no diagnostics)');
    await c.stop();
  }
  const cold = { p50: p50(starts), min: Math.min(...starts), initP50: p50(inits), serverCpuP50: p50(startCpu) };
  say(`  cold start → first diagnostics   p50 ${ms(cold.p50)}, best ${ms(cold.min)} (spawn → initialize result p50 ${ms(cold.initP50)}; server main thread on CPU p50 ${ms(cold.serverCpuP50)})`);
  target('cold start ≤ 300 ms', ms(cold.p50), cold.p50 <= 300);

  // 200 open documents, each linted once (pull), then the server's resident memory.
  const c = await client.startClient({ pull: true, rootUri: pathToFileURL(work).toString(), initializationOptions: NO_SHELLCHECK, workspaceFolders: [{ uri: pathToFileURL(work).toString(), name: 'bench' }] });
  const docs = [...dfPaths.slice(0, 130).map((f) => [f, 'dockerfile']), ...composePaths.slice(0, 70).map((f) => [f, 'dockercompose'])];
  const before = vmRss(c.proc.pid);
  for (const [f, lang] of docs) c.open(pathToFileURL(f).toString(), lang, readFileSync(f, 'utf8'), 1);
  await Promise.all(docs.map(([f]) => c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: pathToFileURL(f).toString() } })));
  await new Promise((r) => setTimeout(r, 200));
  const mem = vmRss(c.proc.pid);
  await c.stop();
  say(`  resident memory, 200 open documents (130 Dockerfiles, 70 compose, all linted): VmRSS ${mem.rss.toFixed(1)} MB (peak ${mem.hwm.toFixed(1)} MB; ${before.rss.toFixed(1)} MB before opening)`);
  results.figures.server = { cold, memory: { ...mem, before: before.rss } };
  target('200 open documents ≤ 150 MB RSS', `${mem.rss.toFixed(1)} MB`, mem.rss <= 150);

  // Activation: no VS Code here, so the two parts of the cost are measured separately and added.
  const stub = `
    const Module = require('module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode' : resolve.call(this, req, ...rest); };
    const fake = () => new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : k === Symbol.toPrimitive ? () => '' : fake()), construct: () => fake(), apply: () => fake() });
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake() };
    const t0 = performance.now();
    require(${JSON.stringify(join(REPO, 'dist/extension.js'))});
    process.stdout.write(String(performance.now() - t0));`;
  const req = [];
  for (let k = 0; k < q(9, 4); k++) { const r = run(process.execPath, ['-e', stub]); if (r.status === 0) req.push(Number(r.stdout)); }
  const requireMs = req.length ? p50(req) : undefined;
  const activation = requireMs === undefined ? undefined : requireMs + cold.initP50;
  say(`  activation ≈ ${ms(activation)}: require(dist/extension.js) p50 ${ms(requireMs)} (stub vscode module) + server spawn → initialize p50 ${ms(cold.initP50)}`);
  say('               (not VS Code\'s own activation timer: no VS Code on this machine; client start-up inside VS Code is not included)');
  results.figures.server.activation = { requireMs, spawnToInitialize: cold.initP50, total: activation };
}

// ---- package size -----------------------------------------------------------------------------------------------

if (want('size')) {
  say('\n## Package');
  const vsix = join(REPO, 'seaworthy.vsix');
  if (flag('--package') || !existsSync(vsix)) {
    const r = run('npm', ['run', '--silent', 'package']);
    if (r.status !== 0) say(`  npm run package failed: ${r.stderr.split('\n').slice(-5).join(' ')}`);
    else if (!flag('--no-build')) run(process.execPath, ['scripts/build.mjs']); // back to the development build for the CLI runs below
  }
  if (existsSync(vsix)) {
    const st = statSync(vsix);
    const mb = st.size / 1024 / 1024;
    say(`  seaworthy.vsix ${(st.size / 1024).toFixed(0)} KB (${mb.toFixed(2)} MB), built ${st.mtime.toISOString()}${flag('--package') ? '' : ' (pass --package to rebuild it)'}`);
    results.figures.vsix = { bytes: st.size, mtime: st.mtime.toISOString() };
    target('VSIX ≤ 1.5 MB', `${mb.toFixed(2)} MB`, mb <= 1.5);
  } else target('VSIX ≤ 1.5 MB', 'no seaworthy.vsix', false);
}

// ---- CLI whole process ------------------------------------------------------------------------------------------

if (want('cli')) {
  say('\n## CLI, whole process (wall; p50 / best; ShellCheck off: --no-shellcheck)');
  const node = process.execPath;
  const cli = join(REPO, 'dist/cli.js');
  const SW = ['--format', 'json', '--no-shellcheck'];
  const floor = processTime(q(15, 5), () => run(node, ['-e', '0']));
  say(`  node -e 0 (the floor: starting Node)                         p50 ${ms(floor.p50)}, best ${ms(floor.min)}`);
  // The peers are slow (dockerfile-utils starts a process per file, dclint compiles its schema per file), so the
  // compared folders hold CLI_DF Dockerfiles and CLI_COMPOSE compose files; Seaworthy also runs on the whole corpus.
  const sub = (paths, n, name) => { const d = join(work, name); for (const f of paths.slice(0, n)) { const t = join(d, f.split('/').slice(-2).join('/')); mkdirSync(dirname(t), { recursive: true }); writeFileSync(t, readFileSync(f)); } return d; };
  const dfSub = sub(dfPaths, CLI_DF, 'cli-dockerfiles');
  const composeSub = sub(composePaths, CLI_COMPOSE, 'cli-compose');
  const swDf = processTime(q(9, 3), () => run(node, [cli, 'lint', dfSub, ...SW]));
  const nDf = JSON.parse(swDf.last.stdout).files.length;
  say(`  seaworthy lint <folder of ${CLI_DF} Dockerfiles> (one process)        p50 ${ms(swDf.p50)}, best ${ms(swDf.min)}${nDf === CLI_DF ? '' : ` (only ${nDf} files linted!)`}`);
  // dockerfile-utils' CLI lints one file per invocation: a folder costs one process per file.
  const duBin = join(REPO, 'node_modules/dockerfile-utils/bin/dockerfile-utils');
  const du = processTime(q(2, 1), () => { const t0 = performance.now(); for (const f of dfPaths.slice(0, CLI_DF)) run(node, [duBin, 'lint', '-j', f]); return { ms: performance.now() - t0 }; });
  say(`  dockerfile-utils lint, same ${CLI_DF} files (one process per file)   p50 ${ms(du.p50)}, best ${ms(du.min)}`);
  const r1 = du.p50 / swDf.p50;
  target('CLI ≥ 2× faster than dockerfile-utils on a folder of Dockerfiles', `${r1.toFixed(1)}×`, r1 >= 2, 'its CLI takes one file per process');
  const swAll = processTime(q(5, 2), () => run(node, [cli, 'lint', dfDir, ...SW]));
  const swSc = processTime(q(3, 1), () => run(node, [cli, 'lint', dfDir, '--format', 'json']));
  say(`  seaworthy lint <all ${dfPaths.length} Dockerfiles>: p50 ${ms(swAll.p50)} (${ms(swAll.p50 / dfPaths.length)} per file); with ShellCheck${spawnSync('sh', ['-c', 'command -v shellcheck']).status === 0 ? '' : ' (not installed: same run)'} p50 ${ms(swSc.p50)}`);
  // Like for like: one file, one process each.
  const sw1 = processTime(q(9, 3), () => run(node, [cli, 'lint', dfPaths[0], ...SW]));
  const du1 = processTime(q(9, 3), () => run(node, [duBin, 'lint', '-j', dfPaths[0]]));
  say(`  one Dockerfile, one process each: seaworthy p50 ${ms(sw1.p50)}, dockerfile-utils p50 ${ms(du1.p50)} (${(du1.p50 / sw1.p50).toFixed(2)}×)`);
  const swBig = processTime(q(7, 3), () => run(node, [cli, 'lint', join(work, 'Dockerfile.5000'), ...SW]));
  const duBig = processTime(q(7, 3), () => run(node, [duBin, 'lint', '-j', join(work, 'Dockerfile.5000')]));
  say(`  the 5,000-line Dockerfile:        seaworthy p50 ${ms(swBig.p50)}, dockerfile-utils p50 ${ms(duBig.p50)} (${(duBig.p50 / swBig.p50).toFixed(2)}×)`);

  const swC = processTime(q(9, 3), () => run(node, [cli, 'lint', composeSub, ...SW]));
  say(`  seaworthy lint <folder of ${CLI_COMPOSE} compose files> (one process)      p50 ${ms(swC.p50)}, best ${ms(swC.min)}`);
  const dclintBin = join(REPO, 'node_modules/dclint/bin/dclint.cjs');
  results.figures.cli = { floor, seaworthyDockerfiles: swDf, dockerfileUtils: du, seaworthyAll: swAll, seaworthyAllShellcheck: swSc, seaworthyOne: sw1, dockerfileUtilsOne: du1, seaworthyBig: swBig, dockerfileUtilsBig: duBig, seaworthyCompose: swC };
  if (existsSync(dclintBin)) {
    const dc = processTime(q(3, 1), () => run(node, [dclintBin, composeSub, '-r', '-f', 'json']));
    say(`  dclint -r <same ${CLI_COMPOSE} compose files> (one process)            p50 ${ms(dc.p50)}, best ${ms(dc.min)}`);
    const r2 = dc.p50 / swC.p50;
    target('CLI ≥ 10× faster than dclint on a folder of compose files', `${r2.toFixed(1)}×`, r2 >= 10);
    results.figures.cli.dclint = dc;
  } else {
    say('  dclint: not installed — not measured');
    target('CLI ≥ 10× faster than dclint on a folder of compose files', 'dclint not installed', undefined);
  }
}

// ---- summary ----------------------------------------------------------------------------------------------------

results.meta.loadEnd = loadavg();
say(`\nload average at end ${load()}`);
const failed = results.targets.filter((t) => t.pass === false);
say(`targets: ${results.targets.filter((t) => t.pass).length} pass, ${failed.length} fail${results.targets.some((t) => t.pass === undefined) ? `, ${results.targets.filter((t) => t.pass === undefined).length} not measured` : ''}`);
if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(results, (k, v) => (k === 'last' ? undefined : v), 2));
