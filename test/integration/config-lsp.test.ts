// Configuration through the language server over stdio: config documents diagnosed at the wrong
// key, per-resource settings (workspace/configuration) in multi-root workspaces, changes applied
// without restart, inline comments and the unused-suppression hint with its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticRequest, CodeActionRequest, DidChangeConfigurationNotification, DidChangeWorkspaceFoldersNotification,
  DidChangeWatchedFilesNotification, FileChangeType, DiagnosticTag,
  type Diagnostic, type FullDocumentDiagnosticReport, type CodeAction, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from '../helpers/lsp-client';
import { LineIndex, applyOffsetEdits } from '../../server/src/core/text';
import { tempTree } from '../helpers/temp-tree';

function tree(files: Record<string, string>): string {
  return tempTree('seaworthy-lspcfg-', files);
}
const uri = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).toString();

async function pull(c: TestClient, u: string): Promise<Diagnostic[]> {
  const r = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: u } }) as FullDocumentDiagnosticReport;
  assert.equal(r.kind, 'full');
  return r.items;
}
const codes = (d: Diagnostic[]) => d.map((x) => String(x.code));
function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  return applyOffsetEdits(text, edits.map((e) => ({ start: idx.offset(e.range.start), end: idx.offset(e.range.end), newText: e.newText })));
}
const DOCKERFILE = 'FROM debian:latest\nMAINTAINER me\n';

test('config documents (.seaworthy.yaml, .hadolint.yaml, .dclintrc) get diagnostics at the wrong key, listing valid values', async () => {
  const dir = tree({});
  const c = await startClient();
  try {
    const sw = 'profiles: [strict, paranoid]\nrules:\n  imge-untagged: error\n';
    c.open(uri(dir, '.seaworthy.yaml'), 'yaml', sw);
    const d1 = await pull(c, uri(dir, '.seaworthy.yaml'));
    assert.deepEqual(d1.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['invalid-config', 1, 0, 19, 27],
      ['invalid-config', 1, 2, 2, 15],
    ]);
    assert.match(d1[0].message, /^profiles\[1\]: unknown profile "paranoid"; valid: recommended, strict, style$/);
    assert.match(d1[1].message, /did you mean "image-untagged"/);
    assert.match(d1[0].codeDescription!.href, /docs\/configuration\.md$/);

    c.open(uri(dir, '.hadolint.yaml'), 'yaml', 'override:\n  fatal: [DL3007]\n');
    const d2 = await pull(c, uri(dir, '.hadolint.yaml'));
    assert.deepEqual(d2.map((d) => [d.range.start.line, d.message]), [[1, 'override.fatal: unknown level "fatal"; valid: error, warning, info, style']]);

    c.open(uri(dir, '.dclintrc'), 'json', '{ "rules": { "no-version-field": 5 } }');
    const d3 = await pull(c, uri(dir, '.dclintrc'));
    assert.deepEqual(d3.map((d) => d.message), ['rules.no-version-field: invalid level 5; valid: 0 (off), 1 (warning), 2 (error)']);

    // Fixing the text clears them (the open buffer is what is checked).
    c.change(uri(dir, '.seaworthy.yaml'), 2, 'profiles: [strict]\n');
    assert.deepEqual(await pull(c, uri(dir, '.seaworthy.yaml')), []);
  } finally {
    await c.stop();
  }
});

test('a Dockerfile under a broken config gets a warning pointing at it; the valid part applies', async () => {
  const dir = tree({ '.seaworthy.yaml': 'rules:\n  image-latest-tag: off\n  nope: error\n', Dockerfile: DOCKERFILE });
  const c = await startClient({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }] });
  try {
    c.open(uri(dir, 'Dockerfile'), 'dockerfile', DOCKERFILE);
    const d = await pull(c, uri(dir, 'Dockerfile'));
    const warn = d.find((x) => x.code === 'invalid-config')!;
    assert.ok(warn, codes(d).join());
    assert.equal(warn.severity, 2);
    assert.match(warn.message, /^\.seaworthy\.yaml has 1 error, so part of it is not applied \(rules\.nope: unknown rule "nope"/);
    assert.equal(warn.relatedInformation![0].location.uri, uri(dir, '.seaworthy.yaml'));
    assert.equal(warn.relatedInformation![0].location.range.start.line, 2);
    assert.ok(!codes(d).includes('image-latest-tag'));
    assert.ok(codes(d).includes('maintainer-deprecated'));

    // The file is fixed on disk; the watcher notification makes the server re-read it.
    fs.writeFileSync(path.join(dir, '.seaworthy.yaml'), 'rules:\n  image-latest-tag: off\n  maintainer-deprecated: off\n');
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(dir, '.seaworthy.yaml'), type: FileChangeType.Changed }] });
    const d2 = await pull(c, uri(dir, 'Dockerfile'));
    assert.ok(!codes(d2).includes('invalid-config') && !codes(d2).includes('maintainer-deprecated'), codes(d2).join());
  } finally {
    await c.stop();
  }
});

test('multi-root: each folder has its own .seaworthy.yaml (the walk stops at the folder) and its own settings', async () => {
  const dir = tree({
    '.seaworthy.yaml': 'rules:\n  maintainer-deprecated: off\n',
    'one/Dockerfile': DOCKERFILE,
    'two/.hadolint.yaml': 'override:\n  error: [DL3007]\n',
    'two/Dockerfile': DOCKERFILE,
  });
  const one = pathToFileURL(path.join(dir, 'one')).toString();
  const two = pathToFileURL(path.join(dir, 'two')).toString();
  let twoRules: Record<string, string> = { DL4000: 'hint' };
  const c = await startClient({
    workspaceFolders: [{ uri: one, name: 'one' }, { uri: two, name: 'two' }],
    refreshSupport: true,
    configuration: (item) => item.section === 'seaworthy' && item.scopeUri?.startsWith(two + '/') ? { rules: twoRules, profiles: null } : { rules: {} },
  });
  try {
    c.open(uri(dir, 'one/Dockerfile'), 'dockerfile', DOCKERFILE);
    c.open(uri(dir, 'two/Dockerfile'), 'dockerfile', DOCKERFILE);
    const d1 = await pull(c, uri(dir, 'one/Dockerfile'));
    // The config above folder `one` is outside the workspace folder: not read.
    assert.ok(codes(d1).includes('maintainer-deprecated'), codes(d1).join());
    assert.equal(d1.find((d) => d.code === 'image-latest-tag')!.severity, 2);
    const d2 = await pull(c, uri(dir, 'two/Dockerfile'));
    assert.equal(d2.find((d) => d.code === 'image-latest-tag')!.severity, 1, 'two/.hadolint.yaml override');
    assert.equal(d2.find((d) => d.code === 'maintainer-deprecated')!.severity, 4, 'folder setting seaworthy.rules');
    assert.ok(c.configurationRequests.some((r) => r.scopeUri === uri(dir, 'two/Dockerfile') && r.section === 'seaworthy'));

    // A settings change applies without restart: the server asks the client to re-pull.
    twoRules = { DL4000: 'off', 'image-latest-tag': 'off' };
    const before = c.refreshes();
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { seaworthy: {} } });
    const d3 = await pull(c, uri(dir, 'two/Dockerfile'));
    assert.ok(!codes(d3).includes('maintainer-deprecated') && !codes(d3).includes('image-latest-tag'), codes(d3).join());
    assert.ok(c.refreshes() > before, 'workspace/diagnostic/refresh was sent');

    // Removing folder `one` and adding the parent: the root .seaworthy.yaml now applies to one/Dockerfile.
    await c.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: pathToFileURL(dir).toString(), name: 'root' }], removed: [{ uri: one, name: 'one' }] } });
    const d4 = await pull(c, uri(dir, 'one/Dockerfile'));
    assert.ok(!codes(d4).includes('maintainer-deprecated'), codes(d4).join());
  } finally {
    await c.stop();
  }
});

test('enable and exclude settings, and .seaworthy.yaml exclude, silence documents', async () => {
  const dir = tree({ '.seaworthy.yaml': 'exclude: [generated]\n', 'generated/Dockerfile': DOCKERFILE, 'a/Dockerfile': DOCKERFILE, 'b/Dockerfile': DOCKERFILE, 'c/Dockerfile': DOCKERFILE });
  const c = await startClient({
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }],
    configuration: (item) => item.scopeUri?.includes('/a/') ? { enable: false } : { exclude: ['b/**'] },
  });
  try {
    for (const f of ['generated/Dockerfile', 'a/Dockerfile', 'b/Dockerfile']) {
      c.open(uri(dir, f), 'dockerfile', DOCKERFILE);
      assert.deepEqual(await pull(c, uri(dir, f)), [], f);
    }
    c.open(uri(dir, 'c/Dockerfile'), 'dockerfile', DOCKERFILE);
    assert.ok(codes(await pull(c, uri(dir, 'c/Dockerfile'))).includes('image-latest-tag'), 'a file neither disabled nor excluded is linted');
  } finally {
    await c.stop();
  }
});

test('push mode: settings from initializationOptions and didChangeConfiguration; re-pushed on change', async () => {
  const dir = tree({ Dockerfile: DOCKERFILE });
  const c = await startClient({ pull: false, initializationOptions: { pushDelayMs: 0, settings: { seaworthy: { rules: { 'image-latest-tag': 'off' } } } } });
  try {
    c.open(uri(dir, 'Dockerfile'), 'dockerfile', DOCKERFILE);
    const d1 = await c.nextDiagnostics(uri(dir, 'Dockerfile'));
    assert.ok(!codes(d1.diagnostics).includes('image-latest-tag'), codes(d1.diagnostics).join());
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { seaworthy: { rules: { 'maintainer-deprecated': 'off' } } } });
    const d2 = await c.nextDiagnostics(uri(dir, 'Dockerfile'));
    assert.ok(codes(d2.diagnostics).includes('image-latest-tag') && !codes(d2.diagnostics).includes('maintainer-deprecated'), codes(d2.diagnostics).join());
  } finally {
    await c.stop();
  }
});

test('inline comments through the server; an unused one is a faded hint with a fix that removes it', async () => {
  const dir = tree({});
  const c = await startClient();
  try {
    const text = '# hadolint ignore=DL3007\nFROM debian:latest\n# check=skip=MaintainerDeprecated\nMAINTAINER me\n# seaworthy-ignore image-untagged\nUSER 1000\n';
    const u = uri(dir, 'Dockerfile');
    c.open(u, 'dockerfile', text);
    const d = await pull(c, u);
    assert.ok(!codes(d).includes('image-latest-tag') && !codes(d).includes('maintainer-deprecated'), codes(d).join());
    const unused = d.filter((x) => x.code === 'unused-suppression');
    assert.deepEqual(unused.map((x) => x.range.start.line), [4]);
    assert.equal(unused[0].severity, 4);
    assert.deepEqual(unused[0].tags, [DiagnosticTag.Unnecessary]);
    const actions = await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: unused[0].range, context: { diagnostics: unused, only: ['quickfix'] } }) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Remove the unused suppression comment')!;
    assert.ok(fix, actions.map((a) => a.title).join());
    assert.ok(!actions.some((a) => a.title === 'Disable unused-suppression for this line'));
    const after = applyEdits(text, (fix.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
    assert.equal(after, '# hadolint ignore=DL3007\nFROM debian:latest\n# check=skip=MaintainerDeprecated\nMAINTAINER me\nUSER 1000\n');

    const compose = uri(dir, 'compose.yaml');
    const ctext = 'services:\n  web:\n    image: nginx # dclint disable-line service-image-require-explicit-tag\n  db:\n    image: redis:7 # dclint disable-line\n';
    c.open(compose, 'dockercompose', ctext);
    const cd = await pull(c, compose);
    assert.ok(!codes(cd).includes('service-image-explicit-tag'), codes(cd).join());
    assert.deepEqual(cd.filter((x) => x.code === 'unused-suppression').map((x) => x.range.start.line), [4]);
  } finally {
    await c.stop();
  }
});

const HAS_SHELLCHECK = (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'shellcheck')));

test('workspace trust: an untrusted workspace never runs ShellCheck; granting trust turns it on without restart', { skip: !HAS_SHELLCHECK && 'shellcheck is not installed' }, async () => {
  const dir = tree({});
  const c = await startClient({ initializationOptions: { isTrusted: false }, refreshSupport: true });
  try {
    const u = uri(dir, 'Dockerfile');
    c.open(u, 'dockerfile', 'FROM debian:12\nRUN echo $RANDOM\n');
    assert.ok(!codes(await pull(c, u)).includes('shellcheck'));
    await c.conn.sendNotification('seaworthy/didGrantWorkspaceTrust');
    // ShellCheck runs in the background: its findings come with a later pull (the server sends a refresh).
    let d = await pull(c, u);
    for (const deadline = Date.now() + 10000; !d.some((x) => x.code === 'shellcheck') && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      d = await pull(c, u);
    }
    const sc = d.find((x) => x.code === 'shellcheck')!;
    assert.ok(sc, codes(d).join());
    assert.deepEqual(sc.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 16 } });
    assert.match(sc.message, /RANDOM.*\(SC3028\)/);
  } finally {
    await c.stop();
  }
});

test('seaworthy.shellcheck settings: enable false, or a path that is not a program, mean no ShellCheck', { skip: !HAS_SHELLCHECK && 'shellcheck is not installed' }, async () => {
  const dir = tree({});
  let sc: Record<string, unknown> = { enable: false };
  const c = await startClient({ configuration: () => ({ shellcheck: sc }) });
  try {
    const u = uri(dir, 'Dockerfile');
    c.open(u, 'dockerfile', 'FROM debian:12\nRUN echo $RANDOM\n');
    assert.ok(!codes(await pull(c, u)).includes('shellcheck'));
    sc = { enable: true, path: path.join(dir, 'no-such-shellcheck') };
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.ok(!codes(await pull(c, u)).includes('shellcheck'));
    sc = { enable: null, path: '' };
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.ok(codes(await pull(c, u)).includes('shellcheck'));
  } finally {
    await c.stop();
  }
});
