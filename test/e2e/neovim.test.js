#!/usr/bin/env node
// `npm run test:nvim`: Neovim (headless) as a second LSP client. neovim.lua starts
// `node dist/server.js --stdio`, opens a Dockerfile and a compose file, collects the diagnostics
// and applies a quick fix; this script compares all of it with the CLI on the same files.
// Skips (exit 0, says why) when `nvim` is not installed: `apt-get install -y neovim` (Debian 12: 0.7.2).
//   --no-build   skip `npm run build`      E2E_KEEP=1   keep the temp dirs      NVIM=/path/to/nvim
'use strict';
const assert = require('assert');
const { spawnSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const w = require('./workspace');

const NVIM = process.env.NVIM || 'nvim';
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const lspKey = d => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity]} ${d.code} ${d.message}`;
const cliKey = d => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.rule} ${d.message}`;

function nvimVersion() {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(r.stdout);
  return m ? { text: m[0], major: +m[1], minor: +m[2] } : null;
}

function runNvim(env, timeoutMs = 60000) {
  return new Promise((resolve) => {
    const p = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(__dirname, 'neovim.lua')}`], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    p.stdout.on('data', d => { output += d; });
    p.stderr.on('data', d => { output += d; });
    const timer = setTimeout(() => { output += `\n(killed after ${timeoutMs} ms)`; p.kill('SIGKILL'); }, timeoutMs);
    p.on('exit', code => { clearTimeout(timer); resolve({ code, output }); });
  });
}

async function main() {
  const t0 = Date.now();
  const version = nvimVersion();
  if (!version) {
    console.log(`SKIP neovim: \`${NVIM}\` not found (apt-get install -y neovim, or set NVIM=/path/to/nvim)`);
    console.log('0 passed, 0 failed, 1 skipped');
    return 0;
  }
  if (version.major === 0 && version.minor < 7) {
    console.log(`SKIP neovim: ${version.text} is older than 0.7, the first with vim.lsp.start_client + vim.diagnostic`);
    console.log('0 passed, 0 failed, 1 skipped');
    return 0;
  }
  if (!process.argv.includes('--no-build')) {
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: w.REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  // Server and CLI from one snapshot, so a concurrent rebuild can't make them differ.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-nvim-'));
  // The entry points are small loaders for the *.main.js bundles beside them: copy them all.
  for (const f of fs.readdirSync(path.join(w.REPO, 'dist')).filter((n) => n.endsWith('.js'))) fs.copyFileSync(path.join(w.REPO, 'dist', f), path.join(tmp, f));
  process.env.SEAWORTHY_E2E_CLI = path.join(tmp, 'cli.js');
  const ws = w.prepareWorkspace(path.join(tmp, 'ws'));

  const dockerfile = path.join(ws, 'node-app/Dockerfile');
  const compose = path.join(ws, 'compose.yaml');
  const dfFindings = w.lintFile(dockerfile);
  const maintainer = dfFindings.find(d => d.rule === 'maintainer-deprecated');
  assert.ok(maintainer && maintainer.fix, 'the CLI reports maintainer-deprecated with a fix on the example');
  const composeFindings = w.lintFile(compose);
  const composeFix = composeFindings.find(d => d.fix);
  const plan = {
    node: process.execPath,
    server: path.join(tmp, 'server.js'),
    workspace: ws,
    files: [
      { path: dockerfile, action: { rule: 'maintainer-deprecated', title: maintainer.fix.title } },
      { path: compose, ...(composeFix ? { action: { rule: composeFix.rule, title: composeFix.fix.title } } : {}) },
    ],
  };
  fs.writeFileSync(path.join(tmp, 'plan.json'), JSON.stringify(plan));
  const outFile = path.join(tmp, 'out.json');
  const run = await runNvim({ SW_PLAN: path.join(tmp, 'plan.json'), SW_OUT: outFile });
  if (process.env.E2E_VERBOSE && run.output.trim()) console.log(run.output.trim());

  const results = [];
  const check = (name, fn) => {
    try { const note = fn(); results.push(true); console.log(`ok   ${name}${note ? ` — ${note}` : ''}`); } catch (e) {
      results.push(false);
      console.log(`FAIL ${name}\n  ${String(e.message || e).split('\n').join('\n  ')}`);
    }
  };
  let out;
  check(`${version.text} ran the client and exited`, () => {
    assert.ok(fs.existsSync(outFile), `no result file; nvim exited ${run.code}:\n${run.output}`);
    out = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    assert.ok(!out.error, `${out.error}\n${run.output}`);
    assert.strictEqual(run.code, 0, `nvim exit code ${run.code}`);
    return `${out.api}; server capabilities ${JSON.stringify(out.capabilities)}`;
  });
  if (out && !out.error) {
    const [df, cf] = out.files;
    check('Dockerfile: publishDiagnostics equal the CLI findings', () => {
      const diff = w.diffSets(dfFindings.map(cliKey), df.diagnostics.map(lspKey), 'diagnostics');
      assert.ok(!diff, diff);
      assert.ok(df.diagnostics.every(d => d.source === 'seaworthy'));
      return `${df.diagnostics.length} diagnostics, filetype ${df.filetype}`;
    });
    check(`Dockerfile: code action "${maintainer.fix.title}" offered, applied, diagnostic gone`, () => {
      assert.ok(df.actions.includes(maintainer.fix.title), JSON.stringify(df.actions));
      assert.ok(df.actions.includes('Disable maintainer-deprecated for this line'), JSON.stringify(df.actions));
      const original = fs.readFileSync(dockerfile, 'utf8');
      const expected = w.applyEdits(original, maintainer.fix.edits);
      assert.strictEqual(df.text_after_action, expected);
      const diff = w.diffSets(w.lintText(expected, dockerfile).map(cliKey), df.diagnostics_after_action.map(lspKey), 'diagnostics after the fix');
      assert.ok(!diff, diff);
      return `${df.actions.length} actions`;
    });
    check('compose file: publishDiagnostics equal the CLI findings', () => {
      const diff = w.diffSets(composeFindings.map(cliKey), cf.diagnostics.map(lspKey), 'diagnostics');
      assert.ok(!diff, diff);
      if (composeFix) {
        assert.ok(cf.actions.includes(composeFix.fix.title), JSON.stringify(cf.actions));
        assert.strictEqual(cf.text_after_action, w.applyEdits(fs.readFileSync(compose, 'utf8'), composeFix.fix.edits));
      }
      return `${cf.diagnostics.length} diagnostics, filetype ${cf.filetype}${composeFix ? `; applied "${composeFix.fix.title}"` : '; no compose finding with a fix yet'}`;
    });
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`[e2e] neovim suite in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  if (!failed && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`[e2e] kept ${tmp}`);
  return failed ? 1 : 0;
}

main().then(c => { process.exitCode = c; }, e => { console.error(e); console.log('0 passed, 1 failed'); process.exitCode = 1; });
