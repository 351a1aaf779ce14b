// Real-editor test harness: code-server 4.100.3 (VS Code 1.100.3's server, Node extension host and web
// workbench) driven by Debian's Chromium through playwright-core. Works offline: nothing is downloaded.
// Adapted from the shared e2e recipe (its README explains every flag); CommonJS so it runs uncompiled.
//
// Environment:
//   CODE_SERVER_BIN   code-server binary (default: $SEAWORTHY_E2E_DIR or ~/.cache/seaworthy-e2e, see
//                     install-code-server.sh, which ensureCodeServer() runs when no binary is given)
//   CHROMIUM_BIN      browser (default /usr/bin/chromium)
//   E2E_VERBOSE=1     relay every workbench/extension-host log line and code-server's own log
//   E2E_KEEP=1        keep each run's temp directory (profile, logs, screenshots) even when it passed
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const net = require('net');
const util = require('util');

const REPO = path.resolve(__dirname, '../..');
const CACHE_DIR = process.env.SEAWORTHY_E2E_DIR || path.join(os.homedir(), '.cache/seaworthy-e2e');
const VERBOSE = !!process.env.E2E_VERBOSE;

const log = (...a) => console.log('[e2e]', ...a);
const vlog = (...a) => { if (VERBOSE) log(...a); };

/** Path of a working code-server, installing it with the vendored script when needed. */
function ensureCodeServer() {
  if (process.env.CODE_SERVER_BIN) {
    if (!fs.existsSync(process.env.CODE_SERVER_BIN)) throw new Error(`CODE_SERVER_BIN=${process.env.CODE_SERVER_BIN} does not exist`);
    return process.env.CODE_SERVER_BIN;
  }
  const started = Date.now();
  const r = spawnSync('bash', [path.join(__dirname, 'install-code-server.sh'), CACHE_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = (r.stdout || '').trim().split('\n').pop();
  if (r.status !== 0 || !bin || !fs.existsSync(bin)) {
    throw new Error(`test/e2e/install-code-server.sh failed (exit ${r.status}); see the messages above`);
  }
  vlog(`code-server ready in ${Date.now() - started} ms: ${bin}`);
  return bin;
}

const freePort = () => new Promise((res, rej) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  s.on('error', rej);
});
const status = url => new Promise(res =>
  http.get(url, r => { r.resume(); res(r.statusCode); }).on('error', () => res(0)));

function newRunDir(prefix = 'seaworthy-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function writeConfig(root) {
  const config = path.join(root, 'config.yaml');
  if (!fs.existsSync(config)) fs.writeFileSync(config, 'auth: none\ncert: false\n'); // else it writes ~/.config/code-server
  return config;
}

/** `code-server --install-extension VSIX` into extensionsDir (a fresh directory per run). */
function installVsix(codeServer, vsix, extensionsDir, root) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(codeServer, [
    '--config', writeConfig(root), '--user-data-dir', path.join(root, 'user-data'), // else it writes ~/.local/share/code-server
    '--extensions-dir', extensionsDir, '--install-extension', vsix,
  ], {
    encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}' }, timeout: 120000,
  });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  vlog(out.trim());
  if (r.status !== 0 || !/was successfully installed/.test(out)) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  const installed = fs.readdirSync(extensionsDir).filter(d => !d.startsWith('.') && fs.statSync(path.join(extensionsDir, d)).isDirectory());
  return installed;
}

/** User settings for a test profile: no welcome page, trust prompt, telemetry, updates or auto-save. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'files.autoSave': 'off', // the web workbench defaults to afterDelay; desktop VS Code to off
  'git.enabled': false, // no git scan of the temp workspace
};

/**
 * Starts code-server on a free loopback port with a throwaway profile under `root` (new temp dir by
 * default). extensionsDir: where installVsix put VSIX installs (default: an empty one).
 */
async function startCodeServer({ codeServer, workspace, root, extensionsDir, settings = {}, env = {} }) {
  codeServer = codeServer || ensureCodeServer();
  root = root || newRunDir();
  const userData = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const port = await freePort();
  const logFile = path.join(root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  const proc = spawn(codeServer, [
    '--config', writeConfig(root), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir || path.join(root, 'extensions'),
    workspace,
  ], {
    stdio: ['ignore', logFd, logFd],
    detached: true, // own process group: stop() kills the server, its extension host and language servers
    // No marketplace (open-vsx) lookups; TMPDIR inside the run dir, so the IPC sockets of the server
    // and its extension host go away with it.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: tmp, ...env },
  });
  fs.closeSync(logFd);
  proc.on('error', e => console.error('code-server:', e.message));
  const url = `http://127.0.0.1:${port}`;
  for (const end = Date.now() + 30000; await status(`${url}/healthz`) !== 200;) {
    if (proc.exitCode !== null || Date.now() > end) {
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
      throw new Error('code-server did not start:\n' + fs.readFileSync(logFile, 'utf8'));
    }
    await new Promise(r => setTimeout(r, 200));
  }
  let stopped = false;
  return {
    url, root, workspace, logFile, pid: proc.pid,
    authority: `127.0.0.1:${port}`, // the workbench's remote authority, for vscode-remote:// URIs
    async stop() {
      if (stopped) return;
      stopped = true;
      if (proc.exitCode !== null) return;
      const exited = new Promise(r => proc.once('exit', r));
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
      const t = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(t);
      if (VERBOSE) process.stdout.write(`---- code-server log (${logFile})\n${fs.readFileSync(logFile, 'utf8')}\n----\n`);
    },
  };
}

// The workbench URL; devPaths/testsPath become the "payload" query parameter that VS Code's web
// workbench reads (extensionDevelopmentPath, extensionTestsPath), as vscode-remote:// URIs.
function workbenchUrl(server, { devPaths = [], testsPath } = {}) {
  const payload = devPaths.map(p => ['extensionDevelopmentPath', `vscode-remote://${server.authority}${path.resolve(p)}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${server.authority}${path.resolve(testsPath)}`]);
  let url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

async function launchBrowser(server) {
  const { chromium } = require('playwright-core');
  const executablePath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: run test/e2e/install-code-server.sh (or set CHROMIUM_BIN)`);
  return chromium.launchPersistentContext(path.join(server.root, 'chromium'), {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
}

const NOISE = /^(Resolv|Creating a socket|Updating additional|\[Service Worker|Ignoring fetching|ChatSessionStore|Extension host \(Remote\) is (un)?responsive)/;

// Runs an extension's test module (exports run(): Promise) inside code-server's Node extension
// host and resolves with { code, root } (code 0 = all passed). Output is relayed to stdout.
async function runExtensionTests({ devPath, testsPath, workspace, env, settings, timeoutMs = 240000 }) {
  const server = await startCodeServer({ workspace, env, settings });
  let ctx;
  let code = 'not started';
  try {
    ctx = await launchBrowser(server);
    const page = ctx.pages()[0] || await ctx.newPage();
    let finish;
    const exited = new Promise(r => (finish = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []));
      if (VERBOSE || !NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', c => finish(c));
    await page.goto(workbenchUrl(server, { devPaths: [devPath], testsPath }));
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    code = await exited;
    clearTimeout(timer);
    if (code !== 0) {
      const shot = path.join(server.root, 'failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`[e2e] extension-host tests ended with ${code}; screenshot ${shot}, logs in ${server.root}`);
    }
    return { code, root: server.root };
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    await server.stop();
    if (code === 0 && !process.env.E2E_KEEP) fs.rmSync(server.root, { recursive: true, force: true });
  }
}

// ---- UI helpers -------------------------------------------------------------------------------
// Text of the active editor's rendered lines (Monaco renders spaces as U+00A0, and only
// the lines in view: for long files save and read the file instead).
const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance';
const editorText = page => page.$$eval(`${ACTIVE_EDITOR} .view-lines .view-line`, els => els
  .map(e => ({ top: parseFloat(e.style.top), text: e.textContent.replace(/\u00a0/g, ' ') }))
  .sort((a, b) => a.top - b.top).map(l => l.text).join('\n'));
const waitForEditorText = (page, needle, { timeout = 15000, absent = false } = {}) => page.waitForFunction(([sel, n, gone]) => {
  const t = (document.querySelector(`${sel} .view-lines`)?.textContent || '').replace(/\u00a0/g, ' ');
  return gone ? !t.includes(n) : t.includes(n);
}, [ACTIVE_EDITOR, needle, absent], { timeout });

/** Waits until the workbench has opened the folder (explorer rows rendered). */
async function waitForWorkbench(page, timeout = 90000) {
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
}

async function quickOpen(page, relPath) { // Ctrl+P, type the path, Enter once the best match is the focused row
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(relPath);
  const base = path.basename(relPath);
  const dir = path.dirname(relPath) === '.' ? '' : path.basename(path.dirname(relPath));
  await page.waitForFunction(([b, d]) => {
    const row = document.querySelector('.quick-input-list .monaco-list-row.focused');
    const label = row?.querySelector('.label-name')?.textContent || '';
    const desc = row?.querySelector('.label-description')?.textContent || '';
    return label === b && (!d || desc.split(/[\\/]/).includes(d));
  }, [base, dir]);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  await page.waitForSelector(`.tab.active[aria-label*="${base}"]`);
}
async function runCommand(page, title) { // F1, type the command's "Category: Title", Enter
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(title);
  // Enter runs the focused row: wait until the list has settled on exactly this command (the
  // filter also matches longer titles, e.g. "View: Close All Editors in Group").
  await page.waitForFunction(t => document.querySelector('.quick-input-list .monaco-list-row.focused .label-name')?.textContent === t, title);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}
async function applyQuickFix(page, title) { // cursor must be on the diagnostic; Ctrl+. then Enter
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  // Right after an edit VS Code can ask for actions before the fresh diagnostics reach it and show
  // "No code actions available": close that and ask again (seen once in about ten CI runs).
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try { await row.waitFor({ timeout: 10_000 }); break; } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  const titles = await page.$$eval('.action-widget .monaco-list-row', rs => rs.map(r => r.textContent));
  for (let i = 0; i < 30 && !(await row.evaluate(e => e.classList.contains('focused'))); i++) {
    await page.keyboard.press('ArrowDown'); // rows can't be clicked: .context-view-pointerBlock covers them
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('.action-widget', { state: 'hidden' }).catch(() => {});
  return titles;
}
/** Moves the cursor to a 1-based line/column with "Go to Line" (Ctrl+G, "line:col"). */
async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  await page.waitForFunction(([l, c]) => {
    const s = document.querySelector('.statusbar-item[id="status.editor.selection"]')?.textContent || '';
    return s.includes(`Ln ${l}, Col ${c}`);
  }, [line, column]);
}
/** Saves the active editor (only once it is dirty) and waits until the save is done. */
async function save(page, { withoutParticipants = false } = {}) {
  await page.waitForSelector('.tab.active.dirty'); // saving before the model is marked dirty is a no-op
  if (withoutParticipants) await runCommand(page, 'File: Save without Formatting'); // skips codeActionsOnSave
  else await page.keyboard.press('Control+S');
  await page.waitForSelector('.tab.active.dirty', { state: 'detached', timeout: 20000 });
}

module.exports = {
  REPO, BASE_SETTINGS, log, vlog, ensureCodeServer, newRunDir, installVsix,
  startCodeServer, workbenchUrl, launchBrowser, runExtensionTests,
  ACTIVE_EDITOR, editorText, waitForEditorText, waitForWorkbench, quickOpen, runCommand, applyQuickFix, goTo, save,
};
