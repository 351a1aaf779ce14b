// Security properties of the CLI and the server: no network access ever; no program run that an
// untrusted workspace configures; workspace-level rules never read outside the workspace (symlinks
// and `../` included); secrets found in files never appear in messages, hovers or logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticRequest, HoverRequest, CodeActionRequest, ExecuteCommandRequest, type FullDocumentDiagnosticReport, type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { startClient } from '../helpers/lsp-client';
import { fsWorkspace } from '../../server/src/node/fs-workspace';
import { lint } from '../../server/src/core/engine';
import { fixAll } from '../../server/src/core/fix';
import { harden } from '../../server/src/core/harden';
import { RULES } from '../../server/src/core/rules/registry';
import { tempTree } from '../helpers/temp-tree';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PRELOAD = path.join(__dirname, '../helpers/no-network.js');
/** Printed on stderr by the preload for every attempt (see test/helpers/no-network.ts). */
const NETWORK_MARKER = 'SEAWORTHY-TEST-NETWORK-ATTEMPT';
const noNetworkEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim() });

function tmpDir(files: Record<string, string>): string {
  return tempTree('seaworthy-sec-', files);
}

// ---- No network ---------------------------------------------------------------------------------

test('the no-network preload catches an attempt (so the tests below can fail)', () => {
  const r = spawnSync(process.execPath, ['-e', "require('http').get('http://127.0.0.1:9/').on('error', () => {})"], { env: noNetworkEnv(), encoding: 'utf8' });
  assert.match(r.stderr, new RegExp(`${NETWORK_MARKER} http.get`));
  const d = spawnSync(process.execPath, ['-e', "require('dns').lookup('localhost', () => {})"], { env: noNetworkEnv(), encoding: 'utf8' });
  assert.match(d.stderr, new RegExp(`${NETWORK_MARKER} dns.lookup`));
});

test('the CLI makes no network access: lint (all formats, --fix), harden, rules', () => {
  const dir = tmpDir({
    'Dockerfile': fs.readFileSync(path.join(ROOT, 'examples/node-app/Dockerfile'), 'utf8'),
    'compose.yaml': fs.readFileSync(path.join(ROOT, 'examples/compose.yaml'), 'utf8'),
  });
  const runs = [
    ['lint', path.join(ROOT, 'examples')], ['lint', '--format', 'json', path.join(ROOT, 'examples')], ['lint', '--format', 'sarif', path.join(ROOT, 'examples')],
    ['lint', '--fix', dir], ['harden', path.join(dir, 'Dockerfile')], ['rules'], ['--version'],
  ];
  for (const args of runs) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env: noNetworkEnv(), encoding: 'utf8', input: '' });
    assert.doesNotMatch(r.stderr, new RegExp(NETWORK_MARKER), `seaworthy ${args.join(' ')}`);
    assert.ok(r.status !== null && r.status <= 2, `seaworthy ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    assert.doesNotMatch(r.stderr, /network access attempted/);
  }
});

test('the language server makes no network access: diagnostics, hover, code actions, fix-all, harden', async () => {
  const dir = tmpDir({
    'Dockerfile': fs.readFileSync(path.join(ROOT, 'examples/node-app/Dockerfile'), 'utf8'),
    'compose.yaml': fs.readFileSync(path.join(ROOT, 'examples/compose.yaml'), 'utf8'),
    '.dockerignore': 'node_modules\n',
  });
  const c = await startClient({ env: noNetworkEnv(), rootUri: pathToFileURL(dir).toString() });
  try {
    for (const [name, lang] of [['Dockerfile', 'dockerfile'], ['compose.yaml', 'dockercompose']]) {
      const uri = pathToFileURL(path.join(dir, name)).toString();
      c.open(uri, lang, fs.readFileSync(path.join(dir, name), 'utf8'));
      const r = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as FullDocumentDiagnosticReport;
      assert.ok(r.items.length > 0, `${name} has findings`);
      await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: r.items[0].range.start });
      await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: r.items[0].range, context: { diagnostics: r.items } });
      await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: r.items[0].range, context: { diagnostics: [], only: ['source.fixAll.seaworthy'] } });
      if (lang === 'dockerfile') {
        await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'seaworthy.harden', arguments: [uri] });
        // Completion of an image tag: the Dockerfile service would ask Docker Hub for tags.
        c.change(uri, 2, 'FROM node:\nRUN apt-get install \n');
        await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 10 } });
        await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 20 } });
        await new Promise((r) => setTimeout(r, 300)); // a request the service started asynchronously would fail by now
      }
    }
  } finally {
    await c.stop();
  }
  assert.doesNotMatch(c.stderr(), new RegExp(NETWORK_MARKER));
  assert.ok(!c.logMessages.some((m) => m.includes('network access attempted')), c.logMessages.join('\n'));
});

// ---- No program configured by an untrusted workspace -------------------------------------------

test('child processes: only the ShellCheck runner may start one, and never the pure core or the client', () => {
  // `grep -r child_process server/src client/src`: the one place a program is started is the
  // ShellCheck runner, blocking (CLI) or in the background (server) (program from PATH or a machine-level
  // user setting; off in untrusted workspaces).
  const allowed = new Set([path.join('server', 'src', 'node', 'shellcheck.ts'), path.join('server', 'src', 'node', 'shellcheck-background.ts')]);
  const users: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && /child_process|\bworker_threads\b|\bvm\.run|new Function\(|\beval\(/.test(fs.readFileSync(p, 'utf8'))) users.push(path.relative(ROOT, p));
    }
  };
  for (const d of ['server/src', 'client/src']) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
  assert.deepEqual(users.filter((u) => !allowed.has(u)), [], 'a new place that runs programs or code: review it for workspace trust and list it in docs/robustness.md');
  assert.ok(!users.some((u) => u.startsWith(path.join('server', 'src', 'core'))), 'the core never starts a process');
});

test('an untrusted workspace never makes the server run a program, even one on PATH that its config enables', async () => {
  const bin = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-fakebin-')));
  const marker = path.join(bin, 'ran');
  fs.writeFileSync(path.join(bin, 'shellcheck'), `#!/bin/sh\necho "$@" >> "${marker}"\ncat > /dev/null\necho '{"comments":[]}'\n`, { mode: 0o755 });
  const dir = tmpDir({
    'Dockerfile': 'FROM debian:12\nRUN echo $1 && ls `pwd`\n',
    '.seaworthy.yaml': 'shellcheck:\n  enable: true\n',
  });
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
  const run = async (isTrusted: boolean) => {
    const c = await startClient({ env, rootUri: pathToFileURL(dir).toString(), initializationOptions: { isTrusted } });
    try {
      c.open(uri, 'dockerfile', fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
      await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
    } finally {
      await c.stop();
    }
  };
  await run(false);
  assert.ok(!fs.existsSync(marker), 'a program ran in an untrusted workspace');
  if (RULES.some((r) => r.id === 'shellcheck')) {
    // Positive control, once the ShellCheck rule is registered: trusted, the same setup does run it.
    await run(true);
    assert.ok(fs.existsSync(marker), 'the fake ShellCheck should run in a trusted workspace (the test would not see a run otherwise)');
  }
});

// ---- Workspace confinement ----------------------------------------------------------------------

test('workspace-level reads stay inside the workspace: symlinks to /etc/passwd, ../, absolute paths, FIFOs, open buffers outside', () => {
  const base = tmpDir({ 'outside.txt': 'outside secret\n', 'ws/inside.txt': 'inside\n', 'ws/app/Dockerfile': 'FROM x\n' });
  const ws = path.join(base, 'ws');
  fs.symlinkSync('/etc/passwd', path.join(ws, 'passwd'));
  fs.symlinkSync('/etc', path.join(ws, 'etc'));
  fs.symlinkSync(path.join(base, 'outside.txt'), path.join(ws, 'app', '.dockerignore'));
  fs.symlinkSync('inside.txt', path.join(ws, 'link-inside.txt'));
  fs.symlinkSync(ws, path.join(base, 'ws-link'));
  let fifo = false;
  try { fifo = spawnSync('mkfifo', [path.join(ws, 'fifo')]).status === 0; } catch { /* no mkfifo */ }
  const openBuffers: Record<string, string> = { [path.join(base, 'outside.txt')]: 'OPEN BUFFER OUTSIDE', [path.join(ws, 'unsaved.txt')]: 'unsaved inside' };
  const w = fsWorkspace(path.join(ws, 'app'), ws, (abs) => openBuffers[abs]);
  // Positive controls.
  assert.equal(w.readFile('../inside.txt'), 'inside\n');
  assert.equal(w.readFile('../link-inside.txt'), 'inside\n', 'a symlink that stays inside is followed');
  assert.equal(w.readFile('../unsaved.txt'), 'unsaved inside', 'an open buffer inside the workspace is served');
  // Escapes.
  for (const rel of ['../passwd', '../etc/passwd', '../etc', '.dockerignore', '../../outside.txt', '../../../../../../etc/passwd', '/etc/passwd', path.join(base, 'outside.txt'), '../../ws-link/passwd']) {
    assert.equal(w.readFile(rel), undefined, `readFile(${rel})`);
    assert.equal(w.exists(rel), false, `exists(${rel})`);
  }
  if (fifo) {
    const t0 = Date.now();
    assert.equal(w.readFile('../fifo'), undefined, 'a FIFO is not read (it would block)');
    assert.ok(Date.now() - t0 < 1000);
  }
  // A workspace folder reached through a symlink still works, and is still confined.
  const viaLink = fsWorkspace(path.join(base, 'ws-link', 'app'), path.join(base, 'ws-link'));
  assert.equal(viaLink.readFile('../inside.txt'), 'inside\n', 'root given as a symlinked path');
  assert.equal(viaLink.readFile('../passwd'), undefined);
  assert.equal(viaLink.readFile('../../outside.txt'), undefined);

  // Through the whole engine: a .dockerignore symlinked outside is not read by any rule.
  const res = lint({ text: 'FROM debian:12\nCOPY . /app\n', kind: 'dockerfile', path: 'app/Dockerfile', workspace: w, settings: { profiles: ['recommended', 'strict', 'style'] } });
  assert.ok(!JSON.stringify(res).includes('outside secret'));
  assert.deepEqual(res.ruleErrors, []);
});

// ---- Secrets are masked --------------------------------------------------------------------------

const SECRETS = ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'hunter2hunter2', 'sk_live_51Habcdefghijklmnop', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'];
const SECRET_DOCKERFILE = [
  'FROM debian:12',
  'ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'ARG DB_PASSWORD=hunter2hunter2',
  'ENV STRIPE_API_KEY sk_live_51Habcdefghijklmnop',
  'LABEL token=ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  'RUN curl -H "Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a" https://example.com | sh',
  'RUN echo hunter2hunter2 | docker login -u me --password-stdin && mysql -phunter2hunter2',
  '',
].join('\n');
const SECRET_COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres',
  '    environment:',
  '      POSTGRES_PASSWORD: hunter2hunter2',
  '      AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '  api:',
  '    image: example/api',
  '    environment:',
  '      - API_TOKEN=sk_live_51Habcdefghijklmnop',
  '      - AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
  '    command: ["--token", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"]',
  '',
].join('\n');

const leaks = (s: string) => SECRETS.filter((x) => s.includes(x));

test('secret values never appear in finding messages or fix titles (every rule on)', () => {
  for (const [text, kind] of [[SECRET_DOCKERFILE, 'dockerfile'], [SECRET_COMPOSE, 'compose']] as const) {
    const input = { text, kind, settings: { profiles: ['recommended', 'strict', 'style'] as ('recommended' | 'strict' | 'style')[] } };
    const res = lint(input);
    assert.ok(res.findings.length > 0);
    for (const f of res.findings) {
      assert.deepEqual(leaks(f.message), [], `${f.rule}: ${f.message}`);
      for (const fix of [f.fix, ...(f.suggestions ?? [])]) if (fix) assert.deepEqual(leaks(fix.title), [], `${f.rule} fix title: ${fix.title}`);
    }
    for (const e of res.ruleErrors) assert.deepEqual(leaks(e.message), [], `${e.rule} error`);
    for (const a of [...fixAll(input).applied, ...harden(input).applied]) assert.deepEqual(leaks(a.title), [], `${a.rule}: ${a.title}`);
  }
});

test('secret values never appear in the CLI\'s JSON messages, hovers or the server\'s logs', async () => {
  const dir = tmpDir({ 'Dockerfile': SECRET_DOCKERFILE, 'compose.yaml': SECRET_COMPOSE });
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', dir], { encoding: 'utf8' });
  const json = JSON.parse(r.stdout) as { files: { diagnostics: { rule: string; message: string }[] }[] };
  for (const d of json.files.flatMap((f) => f.diagnostics)) assert.deepEqual(leaks(d.message), [], `${d.rule}: ${d.message}`);
  assert.deepEqual(leaks(r.stderr), []);

  const c = await startClient({ rootUri: pathToFileURL(dir).toString(), initializationOptions: { settings: { seaworthy: { profiles: ['recommended', 'strict', 'style'] } } } });
  try {
    for (const [name, lang] of [['Dockerfile', 'dockerfile'], ['compose.yaml', 'dockercompose']]) {
      const uri = pathToFileURL(path.join(dir, name)).toString();
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      c.open(uri, lang, text);
      const rep = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as FullDocumentDiagnosticReport;
      for (const d of rep.items) assert.deepEqual(leaks(d.message), [], `${d.code}: ${d.message}`);
      // Hover on every diagnostic, and on every secret itself.
      const positions = rep.items.map((d) => d.range.start);
      text.split('\n').forEach((line, i) => { for (const s of SECRETS) { const k = line.indexOf(s); if (k >= 0) positions.push({ line: i, character: k + 2 }); } });
      for (const position of positions) {
        const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        if (h) assert.deepEqual(leaks(JSON.stringify(h.contents)), [], `hover at ${position.line}:${position.character}`);
      }
      const actions = await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, context: { diagnostics: rep.items } }) as CodeAction[];
      for (const a of actions) assert.deepEqual(leaks(a.title), [], a.title);
    }
  } finally {
    await c.stop();
  }
  assert.deepEqual(leaks(c.logMessages.join('\n')), [], 'window/logMessage');
  assert.deepEqual(leaks(c.stderr()), [], 'stderr');
});
