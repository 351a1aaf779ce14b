#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (suite/*.test.js) inside real VS Code.
//   default     code-server 4.100.3 (VS Code 1.100.3) + Debian Chromium, offline, via harness.js
//   --electron  desktop VS Code through @vscode/test-electron (run-electron.js; downloads VS Code,
//               so only where that is allowed, e.g. the GitHub workflow .github/workflows/vscode.yml)
//   --no-build  skip `npm run build` (dist/ must be current)
// Env: E2E_VERBOSE=1 (every log line), E2E_KEEP=1 (keep the temp dirs), E2E_GREP=pattern (mocha grep).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const w = require('./workspace');

const args = process.argv.slice(2);

function build() {
  if (args.includes('--no-build')) return;
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: w.REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/**
 * The extension as it is now (package.json, dist/, snippets/) copied to a temp dir and loaded from
 * there, so a concurrent `npm run build` in the tree can't swap the server under a running test.
 */
function snapshotExtension() {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'seaworthy-ext-'));
  for (const f of ['package.json', 'LICENSE', 'dist', 'snippets', 'schemas']) {
    const src = path.join(w.REPO, f);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(dir, f), { recursive: true });
  }
  // dist/extension.js requires vscode-languageclient etc. only through the bundle; nothing else to copy.
  return dir;
}

async function main() {
  const t0 = Date.now();
  build();
  if (args.includes('--electron')) return require('./run-electron').main();
  const h = require('./harness');
  const workspace = w.prepareWorkspace();
  const devPath = snapshotExtension();
  const { code, root } = await h.runExtensionTests({
    devPath,
    testsPath: path.join(__dirname, 'suite/index.js'),
    workspace,
    env: { SEAWORTHY_E2E_CLI: path.join(devPath, 'dist/cli.js') },
  });
  console.log(`[e2e] extension-host suite under code-server: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code === 'timeout') console.log('0 passed, 1 failed (timed out)');
  if (code === 0 && !process.env.E2E_KEEP) for (const d of [workspace, devPath]) fs.rmSync(d, { recursive: true, force: true });
  else console.log(`[e2e] workspace ${workspace}, extension ${devPath}, run dir ${root}`);
  return code === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(c => { process.exitCode = c; }, e => { console.error(e.message || e); console.log('0 passed, 1 failed'); process.exitCode = 1; });
}
