// Extension-host test entry (what @vscode/test-electron calls extensionTestsPath): runs every
// *.test.js beside it with mocha inside VS Code's extension host. Works the same under
// test-electron (desktop VS Code) and under code-server (run-vscode.js, through the harness).
'use strict';
const Mocha = require('mocha');
const fs = require('fs');
const path = require('path');

exports.run = () => new Promise((resolve, reject) => {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60000, color: false, grep: process.env.E2E_GREP || undefined });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  try {
    const runner = mocha.run(failures => {
      const s = runner.stats;
      console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`); // the CI closing line
      failures ? reject(new Error(`${failures} failed`)) : resolve();
    });
  } catch (e) {
    console.error(e);
    console.log('0 passed, 1 failed');
    reject(e);
  }
});
