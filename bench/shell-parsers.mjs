#!/usr/bin/env node
// Compares Seaworthy's own shell parser with third-party candidates for analysing Dockerfile RUN scripts:
// parse throughput, shipped size, tolerance of half-typed input, sync/async API and browser support.
//
//   node bench/shell-parsers.mjs [--candidates /tmp/shbench/node_modules] [--time 1000] [--json]
//
// Only our parser is a project dependency. Candidates (sh-syntax, mvdan-sh, web-tree-sitter + tree-sitter-bash)
// are resolved from the repository, from NODE_PATH, or from the --candidates folder (a scratch install such as
// `mkdir /tmp/shbench && cd /tmp/shbench && npm init -y && npm i sh-syntax mvdan-sh web-tree-sitter tree-sitter-bash`);
// those that cannot be resolved are reported as "not installed".
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 && i + 1 < argv.length ? argv[i + 1] : def; };
const candidatesDir = opt('--candidates', undefined);
const timeMs = Number(opt('--time', '1000'));
const asJson = argv.includes('--json');

// ---- resolution -------------------------------------------------------------------------------------------

const requirers = [createRequire(join(repo, 'package.json'))];
if (candidatesDir) requirers.push(createRequire(join(resolve(candidatesDir), '..', 'noop.js')));
for (const p of (process.env.NODE_PATH ?? '').split(/[:;]/).filter(Boolean)) requirers.push(createRequire(join(resolve(p), '..', 'noop.js')));

function resolvePkg(spec) {
  for (const r of requirers) {
    try { return { path: r.resolve(spec), require: r }; } catch { /* next */ }
  }
  return undefined;
}

/** The package folder of a resolved entry file (package.json is not always in "exports"). */
function pkgRoot(found, name) {
  const marker = join('node_modules', name);
  const i = found.path.lastIndexOf(marker);
  return i >= 0 ? found.path.slice(0, i + marker.length) : dirname(found.path);
}
const pkgVersion = (root) => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

// ---- corpus -------------------------------------------------------------------------------------------------

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ~2,000 realistic RUN scripts (continuations already joined, as the Dockerfile parser hands them over). */
function makeCorpus(count = 2000) {
  const rnd = mulberry32(42);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const pkgs = ['curl', 'ca-certificates', 'git', 'build-essential', 'python3', 'python3-pip', 'libssl-dev', 'gnupg', 'unzip', 'jq', 'tzdata', 'openssh-client', 'make', 'gcc', 'g++', 'libpq-dev'];
  const somePkgs = () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(pkgs) + (rnd() < 0.3 ? `=1.${Math.floor(rnd() * 9)}.*` : '')).join(' ');
  const parts = [
    () => `apt-get update && apt-get install -y --no-install-recommends ${somePkgs()} && rm -rf /var/lib/apt/lists/*`,
    () => `apk add --no-cache ${somePkgs()}`,
    () => `pip install --no-cache-dir -r requirements.txt "${pick(['flask', 'django', 'requests'])}>=2.0"`,
    () => `npm ci --omit=dev && npm cache clean --force`,
    () => `curl -fsSL https://example.com/install-${Math.floor(rnd() * 100)}.sh | bash -s -- --prefix=/usr/local`,
    () => `set -eux; groupadd -r app && useradd -r -g app -d /home/app -s /sbin/nologin app`,
    () => `if [ "$(uname -m)" = "x86_64" ]; then ARCH=amd64; else ARCH=arm64; fi && echo "arch=\${ARCH}"`,
    () => `for f in /etc/app/*.conf; do sed -i "s/__HOST__/\${HOST:-localhost}/g" "$f"; done`,
    () => `case "\${TARGETPLATFORM}" in linux/amd64) A=x86_64;; linux/arm64) A=aarch64;; *) exit 1;; esac`,
    () => `wget -qO- "https://dl.example.com/v\${VERSION}/tool-\${VERSION}.tar.gz" | tar -xz -C /opt && ln -s /opt/tool/bin/tool /usr/local/bin/tool`,
    () => `mkdir -p /app/{logs,tmp} && chown -R app:app /app && chmod 0755 /app`,
    () => `sh -c 'echo "$(date +%s)" > /build-time' && bash -o pipefail -c "cat /etc/os-release | grep -q ID=debian"`,
    () => `export PATH="/opt/bin:$PATH" && cd /src && ./configure --prefix=/usr && make -j"$(nproc)" && make install`,
    () => `git clone --depth 1 https://github.com/example/repo.git /src/repo && cd /src/repo && git checkout \`git describe --tags\``,
    () => `test -f /etc/passwd || { echo "missing passwd" >&2; exit 1; }`,
    () => `echo 'deb http://deb.example.org/debian stable main' > /etc/apt/sources.list.d/x.list 2>/dev/null`,
  ];
  const scripts = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rnd() * 4);
    const chosen = Array.from({ length: n }, () => pick(parts)());
    scripts.push(chosen.join(rnd() < 0.8 ? ' && ' : ' ; '));
  }
  return scripts;
}

const TOLERANCE_INPUTS = ['apt-get install -y curl &&', 'echo "unterminated', 'if true; then echo', 'echo $(date'];

// ---- candidates ---------------------------------------------------------------------------------------------

const fileSize = (paths) => {
  let raw = 0;
  let gz = 0;
  for (const p of paths) {
    const buf = readFileSync(p);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gz };
};

async function ours() {
  const dir = mkdtempSync(join(tmpdir(), 'seaworthy-shbench-'));
  try {
    const outfile = join(dir, 'parse.mjs');
    // Everything rules would ship: the parser and the helpers. platform 'browser' with no externals: the
    // build fails if the parser uses any Node API.
    const contents = "export * from './server/src/core/shell/parse';\nexport * from './server/src/core/shell/commands';\n";
    await build({
      stdin: { contents, resolveDir: repo, loader: 'ts', sourcefile: 'shell-entry.ts' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', outfile, logLevel: 'silent',
    });
    const size = fileSize([outfile]);
    const t0 = performance.now();
    const mod = await import(pathToFileURL(outfile).href);
    const loadMs = performance.now() - t0;
    return {
      name: 'seaworthy (own)', version: 'src', loadMs, api: 'sync', browser: 'yes (no Node APIs; esbuild platform=browser)',
      files: ['server/src/core/shell/{parse,commands}.ts (one minified ESM bundle)'], size,
      parse: (s) => mod.parseShell(s),
      commands: (r) => r.commands.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mvdanSh() {
  const found = resolvePkg('mvdan-sh');
  if (!found) return undefined;
  const t0 = performance.now();
  const sh = found.require('mvdan-sh');
  const parser = sh.syntax.NewParser();
  const loadMs = performance.now() - t0;
  return {
    name: 'mvdan-sh', version: pkgVersion(pkgRoot(found, 'mvdan-sh')), loadMs, api: 'sync (throws on syntax errors)', browser: 'yes (GopherJS output, plain JS)',
    files: ['index.js'], size: fileSize([found.path]),
    parse: (s) => parser.Parse(s, 'run.sh'),
    commands: (f) => { let n = 0; sh.syntax.Walk(f, (node) => { if (sh.syntax.NodeType(node) === 'CallExpr') n++; return true; }); return n; },
    errorText: (e) => (e && typeof e.Error === 'function' ? e.Error() : e?.message ?? String(e)),
  };
}

async function shSyntax() {
  const found = resolvePkg('sh-syntax');
  if (!found) return undefined;
  const t0 = performance.now();
  const mod = found.require('sh-syntax');
  const loadMs = performance.now() - t0;
  const root = pkgRoot(found, 'sh-syntax');
  const files = [join(root, 'lib/browser.js'), join(root, 'lib/processor.js'), join(root, 'vendors/wasm_exec.cjs'), join(root, 'main.wasm')];
  return {
    name: 'sh-syntax', version: pkgVersion(root), loadMs,
    api: 'async only (Promise per parse; a new Go WASM instance per call); JSON AST keeps only Pos/End of each Cmd',
    browser: 'yes (getProcessor + fetch main.wasm)',
    files: ['lib/browser.js', 'lib/processor.js', 'vendors/wasm_exec.cjs', 'main.wasm'], size: fileSize(files),
    // recoverErrors (mvdan/sh RecoverErrors) lets it return a partial AST for some half-typed input.
    parse: (s) => mod.parse(s, { recoverErrors: 10 }),
    async: true,
    // Statements (objects with a Cmd), counted recursively: the JSON does not say what the command is.
    commands: (ast) => { let n = 0; const walk = (x) => { if (x && typeof x === 'object') { if ('Cmd' in x) n++; for (const k in x) walk(x[k]); } }; walk(ast); return n; },
  };
}

async function treeSitter() {
  const found = resolvePkg('web-tree-sitter');
  const grammar = resolvePkg('tree-sitter-bash/package.json') ?? resolvePkg('tree-sitter-bash/tree-sitter-bash.wasm');
  if (!found) return undefined;
  if (!grammar) return { name: 'web-tree-sitter + tree-sitter-bash', missing: 'tree-sitter-bash not installed' };
  const grammarRoot = pkgRoot(grammar, 'tree-sitter-bash');
  const wasm = join(grammarRoot, 'tree-sitter-bash.wasm');
  try { statSync(wasm); } catch { return { name: 'web-tree-sitter + tree-sitter-bash', missing: 'tree-sitter-bash ships no .wasm (would need a download/build)' }; }
  const { Parser, Language } = found.require('web-tree-sitter');
  const t0 = performance.now();
  await Parser.init();
  const lang = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(lang);
  const loadMs = performance.now() - t0;
  const wtsRoot = pkgRoot(found, 'web-tree-sitter');
  return {
    name: 'web-tree-sitter + tree-sitter-bash', version: `${pkgVersion(wtsRoot)} + ${pkgVersion(grammarRoot)}`, loadMs, api: 'async init (WASM), then sync parse', browser: 'yes (fetch 2 .wasm files)',
    files: ['web-tree-sitter.js', 'web-tree-sitter.wasm', 'tree-sitter-bash.wasm'],
    size: fileSize([join(wtsRoot, 'web-tree-sitter.js'), join(wtsRoot, 'web-tree-sitter.wasm'), wasm]),
    parse: (s) => parser.parse(s),
    dispose: (t) => t.delete(),
    commands: (t) => t.rootNode.descendantsOfType('command').length,
    partial: (t) => (t.rootNode.hasError ? 'tree with ERROR/MISSING nodes' : 'tree'),
  };
}

// ---- measurements -------------------------------------------------------------------------------------------

/**
 * Parses the scripts one by one (as the linter does, one RUN at a time) in rounds of 100, for about timeMs
 * after a warm-up; reports the median MB/s over rounds. Slow candidates just get fewer rounds.
 */
async function throughput(c, scripts) {
  const chunk = 100;
  let next = 0;
  const round = async () => {
    let bytes = 0;
    const t = performance.now();
    for (let i = 0; i < chunk; i++) {
      const s = scripts[next];
      next = (next + 1) % scripts.length;
      bytes += s.length;
      if (c.async) await c.parse(s);
      else { const r = c.parse(s); if (c.dispose) c.dispose(r); }
    }
    return { bytes, ms: performance.now() - t };
  };
  const warm = performance.now();
  while (performance.now() - warm < Math.min(300, timeMs / 3)) await round(); // JIT, WASM tiering
  const rates = [];
  let bytes = 0;
  let ms = 0;
  const end = performance.now() + timeMs;
  do { const r = await round(); rates.push(r.bytes / 1e6 / (r.ms / 1000)); bytes += r.bytes; ms += r.ms; } while (performance.now() < end);
  rates.sort((a, b) => a - b);
  return { mbps: rates[rates.length >> 1], scriptsPerMs: (rates.length * chunk) / ms, usPerScript: (ms * 1000) / (rates.length * chunk), rounds: rates.length, bytes };
}

async function tolerance(c) {
  const out = [];
  for (const src of TOLERANCE_INPUTS) {
    try {
      const r = await c.parse(src);
      const cmds = c.commands(r);
      const note = c.partial ? c.partial(r) : r?.errors ? `${r.errors.length} error(s) reported` : 'no error reported';
      if (c.dispose) c.dispose(r);
      out.push({ src, result: `returns (${cmds} cmd, ${note})` });
    } catch (e) {
      const msg = c.errorText ? c.errorText(e) : e?.message ?? String(e);
      out.push({ src, result: `throws: ${String(msg).slice(0, 60)}` });
    }
  }
  return out;
}

const scripts = makeCorpus();
const corpusBytes = scripts.reduce((s, x) => s + x.length, 0);
const results = [];
const loaders = [['seaworthy (own)', ours], ['sh-syntax', shSyntax], ['mvdan-sh', mvdanSh], ['web-tree-sitter + tree-sitter-bash', treeSitter]];
for (const [label, load] of loaders) {
  let c;
  try { c = await load(); } catch (e) { results.push({ name: label, missing: `failed to load: ${e?.message ?? e}` }); continue; }
  if (!c) { results.push({ name: label, missing: 'not installed' }); continue; }
  if (c.missing) { results.push(c); continue; }
  const first = performance.now();
  const warmResult = await c.parse(scripts[0]);
  if (c.dispose) c.dispose(warmResult);
  const coldMs = c.loadMs + (performance.now() - first);
  const tp = await throughput(c, scripts);
  const tol = await tolerance(c);
  results.push({ name: c.name, version: c.version, api: c.api, browser: c.browser, files: c.files, size: c.size, coldMs, ...tp, tolerance: tol });
}

if (asJson) {
  console.log(JSON.stringify({ corpus: { scripts: scripts.length, bytes: corpusBytes }, node: process.version, results }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Corpus: ${scripts.length} RUN scripts, ${(corpusBytes / 1024).toFixed(0)} KB (avg ${(corpusBytes / scripts.length).toFixed(0)} B); Node ${process.version}; ~${timeMs} ms per candidate, one parse call per script\n`);
  console.log('| Parser | Version | Throughput (median of rounds) | Per script | Cold start (load+init+1st parse) | Shipped size (raw / gzip) | API | Browser |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    if (r.missing) { console.log(`| ${r.name} | – | ${r.missing} | | | | | |`); continue; }
    console.log(`| ${r.name} | ${r.version} | ${r.mbps.toFixed(2)} MB/s | ${r.usPerScript.toFixed(1)} µs | ${r.coldMs.toFixed(0)} ms | ${kb(r.size.raw)} / ${kb(r.size.gz)} | ${r.api} | ${r.browser} |`);
  }
  console.log('\nTolerance of half-typed input:\n');
  const present = results.filter((r) => !r.missing);
  console.log(`| Input | ${present.map((r) => r.name).join(' | ')} |`);
  console.log(`|---|${present.map(() => '---').join('|')}|`);
  for (let i = 0; i < TOLERANCE_INPUTS.length; i++) {
    console.log(`| \`${TOLERANCE_INPUTS[i]}\` | ${present.map((r) => r.tolerance[i].result.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  console.log('\nShipped files:');
  for (const r of present) console.log(`- ${r.name}: ${r.files.join(', ')}`);
}
