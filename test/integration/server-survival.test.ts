// The language server survives what editors and broken clients do to it, over real stdio: a rule
// that throws, stale and reused document versions, out-of-order and cancelled requests, a document
// closed mid-lint, bad parameters, a client that disappears, and garbage on stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import {
  CancellationTokenSource, DocumentDiagnosticRequest, HoverRequest, CodeActionRequest, ExecuteCommandRequest, LSPErrorCodes,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, type FullDocumentDiagnosticReport, type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { SERVER, startClient, type TestClient } from '../helpers/lsp-client';

const DIR = 'file:///tmp/seaworthy-survival';
const UNTAGGED = 'FROM debian\n';
const MAINTAINER = 'FROM debian:12\nMAINTAINER me\n';

async function pull(c: TestClient, uri: string): Promise<string[]> {
  const r = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as FullDocumentDiagnosticReport;
  assert.equal(r.kind, 'full');
  return r.items.map((d) => String(d.code)).sort();
}

/** The findings that tell our test texts apart (other rules come and go). */
const MARKERS = ['image-untagged', 'maintainer-deprecated'];
const markers = (codes: string[]) => codes.filter((c) => MARKERS.includes(c));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(proc: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(undefined), ms);
    proc.once('exit', (code, signal) => { clearTimeout(t); resolve({ code, signal }); });
  });
}

/** CPU seconds a process used so far (Linux /proc), or undefined elsewhere. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch { return undefined; }
}

test('a rule that throws is isolated: other rules still report, it is logged once, the server keeps serving', async () => {
  const c = await startClient({ env: { ...process.env, SEAWORTHY_TEST_THROWING_RULE: 'maintainer-deprecated' } });
  try {
    const uri = `${DIR}/throwing/Dockerfile`;
    c.open(uri, 'dockerfile', 'FROM debian\nMAINTAINER me\n');
    assert.deepEqual(markers(await pull(c, uri)), ['image-untagged'], 'the other rules ran, the failing one reported nothing');
    c.change(uri, 2, 'FROM debian\nMAINTAINER you\nMAINTAINER them\n');
    assert.deepEqual(markers(await pull(c, uri)), ['image-untagged']);
    const other = `${DIR}/throwing/other/Dockerfile`;
    c.open(other, 'dockerfile', 'MAINTAINER x\nFROM alpine\n');
    assert.ok((await pull(c, other)).includes('image-untagged'));
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 6 } });
    assert.ok(hover, 'hover still works');
    await sleep(200);
    const logged = c.logMessages.filter((m) => m.includes('maintainer-deprecated'));
    assert.equal(logged.length, 1, `logged once, got: ${JSON.stringify(logged)}`);
    assert.match(logged[0], /injected failure/);
    assert.doesNotMatch(c.stderr(), /seaworthy server:/, 'no uncaught exception');
    assert.equal(c.proc.exitCode, null);
  } finally {
    await c.stop();
  }
});

test('stale, reused and out-of-order document versions never serve findings of older text', async () => {
  const c = await startClient();
  try {
    const uri = `${DIR}/versions/Dockerfile`;
    c.open(uri, 'dockerfile', UNTAGGED);
    assert.deepEqual(markers(await pull(c, uri)), ['image-untagged']);
    // A client that reuses a version number for new text.
    c.change(uri, 1, MAINTAINER);
    assert.deepEqual(markers(await pull(c, uri)), ['maintainer-deprecated'], 'lint results cached by version alone would be stale');
    const actions = await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.seaworthy'] },
    }) as CodeAction[];
    assert.equal(actions.length, 1, 'fix-all computed on the current text');
    // Versions arriving out of order: the server lints whatever text it holds last.
    c.change(uri, 5, UNTAGGED);
    c.change(uri, 3, 'FROM debian:12\n');
    assert.deepEqual(markers(await pull(c, uri)), []);
    // An incremental change whose range lies past the end of the document (a stale range).
    void c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: { line: 40, character: 3 }, end: { line: 90, character: 1 } }, text: 'MAINTAINER x\n' }],
    });
    assert.ok(Array.isArray(await pull(c, uri)));
    // Changes and closes for documents never opened.
    void c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: `${DIR}/never/Dockerfile`, version: 2 }, contentChanges: [{ text: 'FROM x\n' }] });
    void c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: `${DIR}/never/Dockerfile` } });
    assert.deepEqual(await pull(c, `${DIR}/never/Dockerfile`), []);
    assert.equal(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: `${DIR}/never/Dockerfile` }, position: { line: 0, character: 0 } }), null);
    // Malformed parameters get an error response, not a dead server.
    await assert.rejects(c.conn.sendRequest('textDocument/hover', {}));
    await assert.rejects(c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri } }));
    await assert.rejects(c.conn.sendRequest('seaworthy/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: `${DIR}/bad/Dockerfile` } });
    void c.conn.sendNotification('$/cancelRequest', { id: 987654 });
    c.change(uri, 7, MAINTAINER);
    assert.deepEqual(markers(await pull(c, uri)), ['maintainer-deprecated'], 'still serving after all of the above');
    assert.doesNotMatch(c.stderr(), /seaworthy server:/);
  } finally {
    await c.stop();
  }
});

test('out-of-order and cancelled requests: every request is answered, a cancelled one never as "no problems"', async () => {
  const c = await startClient();
  try {
    const docs = Array.from({ length: 24 }, (_, i) => ({ uri: `${DIR}/burst/${i}/Dockerfile`, text: i % 2 ? MAINTAINER : UNTAGGED, expect: i % 2 ? 'maintainer-deprecated' : 'image-untagged' }));
    for (const d of docs) c.open(d.uri, 'dockerfile', d.text);
    const pending = docs.map((d, i) => {
      const src = new CancellationTokenSource();
      const p = c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: d.uri } }, src.token);
      if (i % 3 === 0) src.cancel();
      return p;
    });
    const settled = await Promise.race([Promise.allSettled(pending), sleep(15_000).then(() => undefined)]);
    assert.ok(settled, 'every request got an answer within 15 s');
    settled.forEach((s, i) => {
      if (s.status === 'rejected') {
        assert.equal((s.reason as { code?: number }).code, LSPErrorCodes.RequestCancelled, `request ${i}: ${String(s.reason)}`);
        assert.equal(i % 3, 0, `only cancelled requests fail (request ${i})`);
        return;
      }
      const r = s.value as FullDocumentDiagnosticReport;
      assert.deepEqual(markers(r.items.map((x) => String(x.code))), [docs[i].expect], `request ${i} answered for its own document`);
    });
    assert.deepEqual(markers(await pull(c, docs[0].uri)), ['image-untagged'], 'a cancelled document is diagnosed on the next request');
  } finally {
    await c.stop();
  }
});

test('a document closed mid-lint: requests in flight settle, nothing is published after the close', async () => {
  const c = await startClient();
  try {
    const uri = `${DIR}/closing/Dockerfile`;
    c.open(uri, 'dockerfile', UNTAGGED);
    const inFlight = c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const hover = c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 6 } });
    c.close(uri);
    const r = await inFlight as FullDocumentDiagnosticReport;
    assert.equal(r.kind, 'full');
    await hover; // answered either way
    assert.deepEqual(await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    const harden = await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'seaworthy.harden', arguments: [uri] }) as { applied: boolean };
    assert.equal(harden.applied, false);
    c.open(uri, 'dockerfile', MAINTAINER);
    assert.deepEqual(markers(await pull(c, uri)), ['maintainer-deprecated'], 'reopened with the same version: the new text is linted');
  } finally {
    await c.stop();
  }
  const p = await startClient({ pull: false, initializationOptions: { pushDelayMs: 0 } });
  try {
    const uri = `${DIR}/closing-push/Dockerfile`;
    for (let i = 0; i < 5; i++) {
      p.open(uri, 'dockerfile', UNTAGGED, 1);
      p.change(uri, 2, MAINTAINER);
      p.close(uri);
    }
    await sleep(500);
    const published: string[][] = [];
    for (;;) {
      try { published.push((await p.nextDiagnostics(uri, 300)).diagnostics.map((d) => String(d.code))); } catch { break; }
    }
    assert.ok(published.length > 0);
    assert.deepEqual(published[published.length - 1], [], `the last publish clears the closed document: ${JSON.stringify(published)}`);
  } finally {
    await p.stop();
  }
});

test('a client that disappears: closed stdin or a dead parent process ends the server promptly', async () => {
  const c = await startClient();
  c.open(`${DIR}/gone/Dockerfile`, 'dockerfile', UNTAGGED);
  await pull(c, `${DIR}/gone/Dockerfile`);
  const t0 = Date.now();
  c.proc.stdin!.end();
  const e = await exited(c.proc, 5000);
  assert.ok(e, 'the server exits within 5 s of its stdin closing');
  assert.ok(Date.now() - t0 < 5000);
  c.conn.dispose();

  // The editor process dies but the pipe stays open (e.g. inherited by a grandchild): the server
  // watches the processId from initialize and exits on its own.
  const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1000)'], { stdio: 'ignore' });
  const orphan = await startClient({ processId: parent.pid! });
  try {
    await exited(parent, 5000);
    const e2 = await exited(orphan.proc, 8000);
    assert.ok(e2, 'the server exits within 8 s of its client process dying (no orphan)');
  } finally {
    if (orphan.proc.exitCode === null) orphan.proc.kill('SIGKILL');
    orphan.conn.dispose();
  }
});

test('garbage on stdin: no crash loop, no busy loop, no log flood, and the server still exits with its stdin', async () => {
  const garbage: (string | Buffer)[] = [
    'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n',
    'Content-Length: abc\r\n\r\n{}',
    'Content-Length: 99999999999\r\n\r\n{',
    Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)),
  ];
  for (const g of garbage) {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr!.on('data', (d) => { err += d; });
    proc.stdout!.resume();
    proc.stdin!.write(g);
    await sleep(1500);
    const cpu0 = cpuSeconds(proc.pid!);
    await sleep(1000);
    const cpu1 = cpuSeconds(proc.pid!);
    const label = JSON.stringify(g.toString().slice(0, 30));
    if (cpu0 !== undefined && cpu1 !== undefined) assert.ok(cpu1 - cpu0 < 0.5, `${label}: idle after garbage (${(cpu1 - cpu0).toFixed(2)} s CPU in 1 s)`);
    assert.ok(err.length < 10_000, `${label}: stderr stays small (${err.length} bytes)`);
    proc.stdin!.end();
    const e = await exited(proc, 5000);
    if (!e) proc.kill('SIGKILL');
    assert.ok(e, `${label}: exits within 5 s once stdin closes`);
    assert.doesNotMatch(err, /seaworthy server:.*\n.*seaworthy server:/s, `${label}: not a loop of uncaught exceptions`);
  }

  // A well-framed message whose body is not JSON is skipped; the next message is served.
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  proc.stdin!.write(frame('{not json'));
  proc.stdin!.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
  const deadline = Date.now() + 10_000;
  while (!/"id":1,"result"/.test(out) && Date.now() < deadline) await sleep(50);
  assert.match(out, /"id":1,"result":\{"capabilities"/);
  proc.stdin!.end();
  if (!(await exited(proc, 5000))) proc.kill('SIGKILL');
});
