#!/usr/bin/env node
// The extension-host suite (suite/index.js) in desktop VS Code through @vscode/test-electron.
// test-electron downloads VS Code from Microsoft's update service, which only some machines may
// reach: it runs when one of these holds, and otherwise stops at once (exit 2) without any network
// access, pointing at `npm run test:vscode` (the same suite in code-server, offline):
//   VSCODE_EXECUTABLE_PATH=/path/to/code     use an installed VS Code, no download
//   GITHUB_ACTIONS=true                      GitHub's runners (.github/workflows/vscode.yml)
//   SEAWORTHY_ALLOW_VSCODE_DOWNLOAD=1        any other machine that may download
// VSCODE_TEST_VERSION picks the version to download (default: stable; e.g. 1.100.3, the minimum
// that engines.vscode allows). On Linux it needs a display: run it under `xvfb-run -a`.
// Usage: npm run test:vscode -- --electron   (or node test/e2e/run-electron.js after npm run build)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const w = require('./workspace');
const { BASE_SETTINGS } = require('./harness');

function refuse(msg) {
  console.error(`run-electron: ${msg}`);
  return 2;
}

async function main() {
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  const mayDownload = process.env.GITHUB_ACTIONS === 'true' || process.env.SEAWORTHY_ALLOW_VSCODE_DOWNLOAD === '1';
  if (executable && !fs.existsSync(executable)) return refuse(`VSCODE_EXECUTABLE_PATH=${executable} does not exist`);
  if (!executable && !mayDownload) {
    return refuse([
      '@vscode/test-electron would download VS Code, and this machine may only reach package registries.',
      '  Here, run the same suite in code-server instead:  npm run test:vscode',
      '  Or point at an installed VS Code:                 VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:vscode -- --electron',
      '  Or allow the download (machines with internet):   SEAWORTHY_ALLOW_VSCODE_DOWNLOAD=1 npm run test:vscode -- --electron',
      '  (GitHub Actions sets GITHUB_ACTIONS=true: .github/workflows/vscode.yml runs it under xvfb.)',
    ].join('\n'));
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return refuse('no display: run it under `xvfb-run -a`');
  }
  if (!fs.existsSync(path.join(w.REPO, 'dist/extension.js'))) return refuse('dist/extension.js missing: run `npm run build` first');

  const { runTests } = require('@vscode/test-electron');
  const workspace = w.prepareWorkspace();
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-vscode-ud-'));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(BASE_SETTINGS, null, 2));
  const t0 = Date.now();
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_TEST_VERSION || 'stable' }),
      extensionDevelopmentPath: w.REPO,
      extensionTestsPath: path.join(__dirname, 'suite/index.js'),
      extensionTestsEnv: { SEAWORTHY_E2E_CLI: path.join(w.REPO, 'dist/cli.js') },
      launchArgs: [
        workspace,
        `--user-data-dir=${userData}`,
        `--extensions-dir=${path.join(userData, 'extensions')}`,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        ...(process.platform === 'linux' ? ['--no-sandbox'] : []), // Ubuntu 24.04's AppArmor blocks Chromium's sandbox
      ],
    });
    console.log(`[e2e] extension-host suite under VS Code desktop: passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    console.error(`[e2e] extension-host suite under VS Code desktop failed: ${e && e.message ? e.message : e}`);
    return 1;
  } finally {
    if (!process.env.E2E_KEEP) for (const d of [workspace, userData]) fs.rmSync(d, { recursive: true, force: true });
  }
}

module.exports = { main };
if (require.main === module) main().then(c => { process.exitCode = c; });
