// The editor and the CLI write the same files beside a Dockerfile: Harden's WorkspaceEdit and the
// fix-all code action, applied the way an LSP client applies them, leave the same `.dockerignore`
// on disk as `seaworthy harden --write` and `seaworthy lint --fix` on a copy of the same folder
// (both go through core/file-edits.ts). That VS Code then saves it is checked by test/e2e.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  CodeActionRequest, ExecuteCommandRequest, type CodeAction, type CreateFile, type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { startClient } from '../helpers/lsp-client';
import { LineIndex, applyOffsetEdits } from '../../server/src/core/text';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const NAIVE = path.join(REPO, 'test/fixtures/naive');

/** A copy of a fixture folder (plus extra files) in a fresh temp dir. */
function copyOf(src: string, extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-file-edits-'));
  fs.cpSync(src, dir, { recursive: true });
  for (const [f, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

/** Every file in DIR except the Dockerfile, by name. */
function siblings(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) if (f !== 'Dockerfile' && fs.statSync(path.join(dir, f)).isFile()) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

/** Applies a WorkspaceEdit to files on disk the way an LSP client does (create, then text edits). */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      const file = fileURLToPath((change as CreateFile).uri);
      if (fs.existsSync(file) && (change as CreateFile).options?.ignoreIfExists) continue;
      fs.writeFileSync(file, '');
      continue;
    }
    const tde = change as TextDocumentEdit;
    const file = fileURLToPath(tde.textDocument.uri);
    const text = fs.readFileSync(file, 'utf8');
    const idx = new LineIndex(text);
    fs.writeFileSync(file, applyOffsetEdits(text, (tde.edits as TextEdit[]).map((e) => ({ start: idx.offset(e.range.start), end: idx.offset(e.range.end), newText: e.newText }))));
  }
}

function cli(args: string[], cwd: string): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `seaworthy ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

const CASES: { name: string; fixture: string; extra?: Record<string, string> }[] = [
  ...['node', 'python', 'go'].map((s) => ({ name: s, fixture: s })),
  // An ignore file without a final newline: both append after a line break.
  { name: 'node, .dockerignore without a final newline', fixture: 'node', extra: { '.dockerignore': 'node_modules', 'node_modules/.keep': '' } },
];

for (const c of CASES) {
  for (const mode of ['harden', 'fix-all'] as const) {
    test(`${mode} (${c.name}): the editor's WorkspaceEdit writes the same files as the CLI`, async () => {
      const cliDir = copyOf(path.join(NAIVE, c.fixture), c.extra);
      const edDir = copyOf(path.join(NAIVE, c.fixture), c.extra);
      const client = await startClient({ annotations: true, rootUri: pathToFileURL(edDir).href, workspaceFolders: [{ uri: pathToFileURL(edDir).href, name: 'ws' }] })
        .catch((e) => { for (const d of [cliDir, edDir]) fs.rmSync(d, { recursive: true, force: true }); throw e; });
      try {
        cli(mode === 'harden' ? ['harden', '--write', 'Dockerfile'] : ['lint', '--fix', '--failure-threshold', 'none', 'Dockerfile'], cliDir);
        const uri = pathToFileURL(path.join(edDir, 'Dockerfile')).href;
        client.open(uri, 'dockerfile', fs.readFileSync(path.join(edDir, 'Dockerfile'), 'utf8'));
        let edit: WorkspaceEdit;
        if (mode === 'harden') {
          const res = await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'seaworthy.harden', arguments: [uri] }) as { applied: boolean };
          assert.equal(res.applied, true);
          edit = client.appliedEdits[0].edit;
        } else {
          const actions = await client.conn.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.seaworthy'] },
          }) as CodeAction[];
          assert.equal(actions.length, 1);
          edit = actions[0].edit!;
        }
        applyToDisk(edit);
        const expected = siblings(cliDir);
        assert.ok(expected['.dockerignore'], 'the CLI writes a .dockerignore');
        assert.deepEqual(siblings(edDir), expected);
        assert.equal(fs.readFileSync(path.join(edDir, 'Dockerfile'), 'utf8'), fs.readFileSync(path.join(cliDir, 'Dockerfile'), 'utf8'));
      } finally {
        await client.stop();
        for (const d of [cliDir, edDir]) fs.rmSync(d, { recursive: true, force: true });
      }
    });
  }
}
