// The language server over stdio, driven by a real JSON-RPC client: open, diagnose, code action,
// apply the edit, diagnose again; hover; the harden command; push mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DocumentDiagnosticRequest, CodeActionRequest, HoverRequest, ExecuteCommandRequest,
  type Diagnostic, type TextDocumentEdit, type CodeAction, type TextEdit, type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { startClient } from '../helpers/lsp-client';
import { LineIndex, applyOffsetEdits } from '../../server/src/core/text';

const URI = 'file:///tmp/seaworthy-lsp-test/Dockerfile';
const TEXT = 'FROM debian:12\nMAINTAINER me\nADD app.tar.gz /\nADD src /src\n';

function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  return applyOffsetEdits(text, edits.map((e) => ({ start: idx.offset(e.range.start), end: idx.offset(e.range.end), newText: e.newText })));
}

test('pull diagnostics, quick fix, re-diagnose, hover, fix-all and harden over stdio', async () => {
  const c = await startClient({ annotations: true });
  try {
    c.open(URI, 'dockerfile', TEXT);
    const report = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } }) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    const byRule = (rule: string) => report.items.filter((d: Diagnostic) => d.code === rule);
    assert.equal(byRule('add-instead-of-copy').length, 1, 'ADD of an archive is not reported');
    const add = byRule('add-instead-of-copy')[0];
    assert.deepEqual(add.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
    assert.equal(add.source, 'seaworthy');
    assert.match(add.codeDescription!.href, /add-instead-of-copy\.md$/);

    const actions = await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI }, range: add.range, context: { diagnostics: [add], only: ['quickfix'] },
    }) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Replace ADD with COPY')!;
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable add-instead-of-copy for this line'));
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    const text2 = applyEdits(TEXT, edit.edits as TextEdit[]);
    assert.equal(text2, 'FROM debian:12\nMAINTAINER me\nADD app.tar.gz /\nCOPY src /src\n');

    c.change(URI, 2, text2);
    const again = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } }) as FullDocumentDiagnosticReport;
    assert.equal(again.items.filter((d) => d.code === 'add-instead-of-copy').length, 0);
    assert.equal(again.items.filter((d) => d.code === 'maintainer-deprecated').length, 1);

    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 3 } });
    assert.match(JSON.stringify(hover!.contents), /maintainer-deprecated/);
    assert.match(JSON.stringify(hover!.contents), /Why:/);

    const fixAll = await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.seaworthy'] },
    }) as CodeAction[];
    assert.equal(fixAll.length, 1);
    const text3 = applyEdits(text2, ((fixAll[0].edit!.documentChanges![0]) as TextDocumentEdit).edits as TextEdit[]);
    assert.equal(text3, 'FROM debian:12\nLABEL org.opencontainers.image.authors="me"\nADD app.tar.gz /\nCOPY src /src\n');

    const res = await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'seaworthy.harden', arguments: [URI] }) as { applied: boolean };
    assert.equal(res.applied, true);
    const applied = c.appliedEdits[0];
    assert.equal(applied.label, 'Harden Dockerfile');
    const notes = Object.values(applied.edit.changeAnnotations ?? {});
    assert.ok(notes.some((a) => a.needsConfirmation === false), 'safe changes are pre-approved');
    assert.ok(notes.some((a) => a.needsConfirmation === true), 'behaviour changes need confirmation');
    assert.ok(notes.some((a) => /maintainer-deprecated/.test(a.label)), `labels name the rule: ${notes.map((a) => a.label).join(' | ')}`);
    const docEdits = ((applied.edit.documentChanges![0]) as TextDocumentEdit).edits;
    assert.ok(docEdits.length > 1, 'one edit per changed run of lines');
    const hardened = applyEdits(text2, ((applied.edit.documentChanges![0]) as TextDocumentEdit).edits as TextEdit[]);
    assert.match(hardened, /LABEL org\.opencontainers\.image\.authors="me"/);
  } finally {
    await c.stop();
  }
});

test('push diagnostics for clients without pull support, for Dockerfiles and compose files', async () => {
  const c = await startClient({ pull: false, initializationOptions: { pushDelayMs: 0 } });
  try {
    c.open(URI, 'dockerfile', 'FROM alpine\nUSER app\n');
    const d1 = await c.nextDiagnostics(URI);
    assert.deepEqual(d1.diagnostics.map((d) => d.code), ['image-untagged']);
    c.change(URI, 2, 'FROM alpine:3.20\nUSER app\n');
    const d2 = await c.nextDiagnostics(URI);
    assert.equal(d2.version, 2);
    assert.deepEqual(d2.diagnostics, []);
    c.close(URI);
    assert.deepEqual((await c.nextDiagnostics(URI)).diagnostics, []);
    const untitled = 'untitled:Untitled-1';
    c.open(untitled, 'dockerfile', 'FORM x\n');
    const d3 = await c.nextDiagnostics(untitled);
    assert.equal(d3.diagnostics[0].code, 'syntax-error');
  } finally {
    await c.stop();
  }
});

test('plain YAML syntax errors in compose files step aside for Red Hat YAML (auto), compose findings stay', async () => {
  const uri = 'file:///tmp/seaworthy-lsp-test/compose.yaml';
  const text = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n  db: [unclosed\n';
  const codes = async (c: Awaited<ReturnType<typeof startClient>>) =>
    ((await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items.map((d) => d.code);
  const alone = await startClient();
  try {
    alone.open(uri, 'dockercompose', text);
    const got = await codes(alone);
    assert.ok(got.includes('syntax-error'), got.join(','));
    assert.ok(got.includes('service-privileged'), got.join(','));
  } finally { await alone.stop(); }
  const withYaml = await startClient({ initializationOptions: { otherExtensions: ['redhat.vscode-yaml'] } });
  try {
    withYaml.open(uri, 'dockercompose', text);
    const got = await codes(withYaml);
    assert.ok(!got.includes('syntax-error'), got.join(','));
    assert.ok(got.includes('service-privileged'), got.join(','));
  } finally { await withYaml.stop(); }
});
