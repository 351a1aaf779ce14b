// The language server: a thin LSP adapter over the core. Runs as `node dist/server.js --stdio`
// for any LSP client, and over IPC for VS Code.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind, DocumentDiagnosticReportKind,
  type InitializeParams, type InitializeResult, type CodeAction, type Connection, type WorkspaceEdit, MarkupKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DocumentLinter } from './lsp/documents';
import { FIX_ALL_KIND, minimalEdit, quickFixes, toDiagnostic } from './lsp/actions';
import { fixAll } from './core/fix';
import { harden } from './core/harden';
import { ruleMeta } from './core/catalog';
import { ruleHoverMarkdown } from './core/docs';
import { VERSION } from './core/meta';

export const HARDEN_COMMAND = 'seaworthy.harden';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linter = new DocumentLinter();
  let pullDiagnostics = false;
  let annotations = false;
  let pushDelay = 150;

  linter.openText = (absPath) => documents.get(pathToFileURL(absPath).toString())?.getText();
  linter.onRuleError = (rule, message) => connection.console.error(`seaworthy: rule ${rule} failed and was skipped (other rules ran): ${message}`);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    annotations = !!params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport;
    const opts = (params.initializationOptions ?? {}) as { pushDelayMs?: number };
    if (typeof opts.pushDelayMs === 'number') pushDelay = Math.max(0, opts.pushDelayMs);
    linter.workspaceFolders = (params.workspaceFolders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    if (!linter.workspaceFolders.length && params.rootUri?.startsWith('file:')) linter.workspaceFolders = [fileURLToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'seaworthy' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [HARDEN_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'seaworthy', version: VERSION },
    };
  });

  // Push mode (clients without pull diagnostics): debounce per document, never block other documents.
  // didChangeContent also fires on open, so opening a document schedules its first lint.
  const timers = new Map<string, NodeJS.Timeout>();
  const push = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const entry = linter.lint(doc);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: entry ? entry.result.findings.map(toDiagnostic) : [] });
  };
  const schedule = (uri: string) => {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => { timers.delete(uri); push(uri); }, pushDelay));
  };
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    linter.forget(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    // Yield once so a burst of requests for many documents interleaves with other messages.
    await new Promise((r) => setImmediate(r));
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const entry = linter.lint(doc);
    const resultId = `${doc.version}`;
    if (params.previousResultId === resultId && entry) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: entry ? entry.result.findings.map(toDiagnostic) : [] };
  });

  connection.onDidChangeWatchedFiles(() => {
    linter.invalidateConfig();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) schedule(d.uri);
  });

  const sibling = (uri: string) => {
    const open = documents.get(uri);
    if (open) return open.getText();
    if (!uri.startsWith('file:')) return undefined;
    try { return require('node:fs').readFileSync(fileURLToPath(uri), 'utf8') as string; } catch { return undefined; }
  };

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const entry = linter.lint(doc);
    if (!entry) return [];
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source);
    const actions: CodeAction[] = [];
    if (!only || only.some((k) => k === CodeActionKind.QuickFix || k.startsWith(CodeActionKind.QuickFix))) {
      actions.push(...quickFixes(doc.uri, doc.version, doc.getText(), entry.input.kind, entry.result.findings, params.context.diagnostics, sibling));
    }
    if (wantsFixAll || (!only && entry.result.findings.some((f) => f.fix?.safe))) {
      const fixed = fixAll(entry.input);
      const edit = minimalEdit(doc.getText(), fixed.text);
      if (edit) {
        actions.push({
          title: `Fix all auto-fixable Seaworthy problems (${fixed.applied.length})`,
          kind: FIX_ALL_KIND,
          edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [edit] }] },
        });
      }
    }
    return actions;
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const entry = linter.lint(doc);
    if (!entry) return null;
    const offset = doc.offsetAt(params.position);
    const hits = entry.result.findings.filter((f) => f.span.start <= offset && offset <= Math.max(f.span.end, f.span.start + 1));
    if (!hits.length) return null;
    const parts = hits.map((f) => {
      const meta = ruleMeta(f.rule);
      return `**${f.message}**\n\n${meta ? ruleHoverMarkdown(meta) : ''}`;
    });
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: hits[0].range };
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== HARDEN_COMMAND) return null;
    const arg = params.arguments?.[0];
    const uri = typeof arg === 'string' ? arg : (arg as { uri?: string } | undefined)?.uri;
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) { void connection.window.showErrorMessage('Seaworthy: open the Dockerfile to harden first.'); return { applied: false }; }
    const input = linter.inputFor(doc);
    if (!input) { void connection.window.showErrorMessage('Seaworthy: this document is not a Dockerfile or compose file.'); return { applied: false }; }
    const result = harden(input);
    const edit = minimalEdit(doc.getText(), result.text);
    if (!edit && !result.fileEdits.length) { void connection.window.showInformationMessage('Seaworthy: nothing to harden.'); return { applied: false, changes: 0 }; }
    const confirm = result.needsConfirmation.length > 0;
    const workspaceEdit: WorkspaceEdit = annotations
      ? {
        documentChanges: edit ? [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [{ ...edit, annotationId: 'harden' }] }] : [],
        changeAnnotations: {
          harden: {
            label: 'Harden Dockerfile',
            needsConfirmation: confirm,
            description: result.applied.map((a) => `${a.rule}: ${a.title}`).join('; '),
          },
        },
      }
      : { documentChanges: edit ? [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [edit] }] : [] };
    const res = await connection.workspace.applyEdit({ label: 'Harden Dockerfile', edit: workspaceEdit });
    return { applied: res.applied, changes: result.applied.length };
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  process.on('uncaughtException', (e) => { process.stderr.write(`seaworthy server: ${e.stack ?? e}\n`); });
  startServer(createConnection(ProposedFeatures.all));
}
