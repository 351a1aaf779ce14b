// The language server does not wait for ShellCheck: a lint answers at once with what is known, the
// program runs in the background, and its findings arrive with a refresh (pull) or a new publish (push).
// A slow fake ShellCheck (the real one behind a 1.5 s sleep) makes the difference visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { findShellcheck } from '../../server/src/node/shellcheck';
import { startClient } from '../helpers/lsp-client';

const SHELLCHECK = findShellcheck();
const DOCKERFILE = 'FROM debian:12\nRUN echo $RANDOM\n';
const DELAY_S = 1.5;

function slowShellcheck(): { bin: string; log: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-sc-bg-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const log = path.join(dir, 'starts.log');
  fs.writeFileSync(path.join(bin, 'shellcheck'), `#!/bin/sh\necho x >> '${log}'\nsleep ${DELAY_S}\nexec '${SHELLCHECK}' "$@"\n`, { mode: 0o755 });
  fs.mkdirSync(path.join(dir, 'ws'));
  return { bin, log, dir };
}

const starts = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);

test('pull: the first answer does not wait for ShellCheck; a refresh brings its findings', { skip: !SHELLCHECK && 'shellcheck is not installed' }, async () => {
  const { bin, log, dir } = slowShellcheck();
  const c = await startClient({ refreshSupport: true, rootUri: pathToFileURL(path.join(dir, 'ws')).toString(), env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  try {
    const uri = pathToFileURL(path.join(dir, 'ws', 'Dockerfile')).toString();
    c.open(uri, 'dockerfile', DOCKERFILE);
    const t0 = Date.now();
    const first = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as FullDocumentDiagnosticReport;
    assert.ok(Date.now() - t0 < DELAY_S * 1000, `answered in ${Date.now() - t0} ms, before ShellCheck could`);
    assert.ok(!first.items.some((d) => d.code === 'shellcheck'), 'no ShellCheck findings yet');
    assert.ok(first.items.length > 0, 'the other rules did run');
    const deadline = Date.now() + 15000;
    while (c.refreshes() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(c.refreshes(), 1, 'one workspace/diagnostic/refresh once ShellCheck answered');
    const second = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId }) as FullDocumentDiagnosticReport;
    assert.equal(second.kind, 'full', 'the result id changed with the new findings');
    const sc = second.items.find((d) => d.code === 'shellcheck');
    assert.ok(sc, second.items.map((d) => d.code).join());
    assert.match(sc.message, /RANDOM.*\(SC3028\)/);
    assert.equal(starts(log), 1, 'ShellCheck ran once; the lint after the refresh used its answer');
  } finally {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('push: diagnostics are published at once, and again with ShellCheck findings when it has answered', { skip: !SHELLCHECK && 'shellcheck is not installed' }, async () => {
  const { bin, dir } = slowShellcheck();
  const c = await startClient({ pull: false, initializationOptions: { pushDelayMs: 0 }, rootUri: pathToFileURL(path.join(dir, 'ws')).toString(), env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  try {
    const uri = pathToFileURL(path.join(dir, 'ws', 'Dockerfile')).toString();
    const t0 = Date.now();
    c.open(uri, 'dockerfile', DOCKERFILE);
    const first = await c.nextDiagnostics(uri, 10000);
    assert.ok(Date.now() - t0 < DELAY_S * 1000, `published in ${Date.now() - t0} ms`);
    assert.ok(first.diagnostics.length > 0 && !first.diagnostics.some((d) => d.code === 'shellcheck'));
    const second = await c.nextDiagnostics(uri, 15000);
    assert.ok(second.diagnostics.some((d) => d.code === 'shellcheck'), second.diagnostics.map((d) => d.code).join());
  } finally {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
