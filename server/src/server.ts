// The language server: a thin LSP adapter over the core. Runs as `node dist/server.js --stdio`
// for any LSP client, and over IPC for VS Code.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind, DocumentDiagnosticReportKind,
  type InitializeParams, type InitializeResult, type CodeAction, type Connection, type WorkspaceEdit,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DiagnosticSeverity, type Diagnostic,
  ResponseError, LSPErrorCodes,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DocumentLinter } from './lsp/documents';
import { registerEditorFeatures } from './lsp/features';
import { FIX_ALL_KIND, fileEditChanges, minimalEdit, quickFixes, toDiagnostic } from './lsp/actions';
import { hardenWorkspaceEdit } from './lsp/harden-edit';
import { fixAll } from './core/fix';
import { harden } from './core/harden';
import { PROJECT_URL, VERSION } from './core/meta';
import { LineIndex } from './core/text';
import { installTestHooks } from './lsp/test-hooks';
import { DEFAULT_EDITOR_SETTINGS, parseEditorSettings, type EditorSettings } from './core/config/editor';
import { CONFIG_FILE_NAMES, type ConfigProblem } from './core/config/project';
import type { LoadedConfigFile } from './node/config-files';

export const HARDEN_COMMAND = 'seaworthy.harden';
/** Sent by the VS Code client when the user trusts the workspace (the server starts untrusted when told so). */
export const TRUST_GRANTED_NOTIFICATION = 'seaworthy/didGrantWorkspaceTrust';
const CONFIG_DOC_URL = `${PROJECT_URL}/blob/main/docs/configuration.md`;
const WATCHED = `**/{${Object.values(CONFIG_FILE_NAMES).flat().join(',')},.dockerignore,*.dockerignore}`;

const PROBLEM_SEVERITY: Record<ConfigProblem['severity'], DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/** A problem in a configuration file, at its key or value. */
function configDiagnostic(lines: LineIndex, p: ConfigProblem): Diagnostic {
  return {
    range: lines.range(p.span), severity: PROBLEM_SEVERITY[p.severity], source: 'seaworthy', code: 'invalid-config',
    codeDescription: { href: CONFIG_DOC_URL }, message: p.path ? `${p.path}: ${p.message}` : p.message,
  };
}

/** On a linted document whose nearest configuration has errors: a warning pointing at them. */
function brokenConfigDiagnostic(f: LoadedConfigFile): Diagnostic {
  const lines = new LineIndex(f.text);
  const uri = pathToFileURL(f.file).toString();
  const name = f.file.replace(/^.*[\\/]/, '');
  const first = f.errors[0];
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: 'seaworthy', code: 'invalid-config',
    codeDescription: { href: CONFIG_DOC_URL },
    message: `${name} has ${f.errors.length} error${f.errors.length === 1 ? '' : 's'}, so part of it is not applied (${first.path ? `${first.path}: ` : ''}${first.message}). Fix ${f.file}.`,
    relatedInformation: f.errors.map((p) => ({ location: { uri, range: lines.range(p.span) }, message: p.path ? `${p.path}: ${p.message}` : p.message })),
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linter = new DocumentLinter();
  let pullDiagnostics = false;
  let annotations = false;
  let pushDelay = 150;
  // Configuration: editor settings are pulled per document (`workspace/configuration`, so folder-level
  // settings apply in multi-root workspaces) or, for clients without it, taken from
  // initializationOptions.settings / didChangeConfiguration.
  let configurationPull = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let folderEvents = false;
  let globalSettings: unknown;
  const editorSettings = new Map<string, EditorSettings>();
  const reportedSettingProblems = new Set<string>();
  const noteSettingProblems = (s: EditorSettings) => {
    const fresh = s.problems.filter((p) => !reportedSettingProblems.has(p));
    if (!fresh.length) return;
    for (const p of fresh) reportedSettingProblems.add(p);
    connection.console.warn(`seaworthy: settings: ${fresh.join('; ')}`);
    void connection.window.showWarningMessage(`Seaworthy settings: ${fresh.join('; ')}`);
  };
  const parsedGlobal = () => {
    const s = globalSettings === undefined ? DEFAULT_EDITOR_SETTINGS : parseEditorSettings(globalSettings);
    noteSettingProblems(s);
    return s;
  };
  linter.editorSettings = (uri) => editorSettings.get(uri) ?? parsedGlobal();
  const ensureSettings = async (uri: string) => {
    if (!configurationPull || editorSettings.has(uri)) return;
    const generation = linter.generation;
    let value: unknown;
    try { value = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'seaworthy' }); } catch { value = undefined; }
    const s = value === undefined || value === null ? parsedGlobal() : parseEditorSettings(value);
    noteSettingProblems(s);
    if (generation === linter.generation) editorSettings.set(uri, s);
  };

  linter.openText = (absPath) => documents.get(pathToFileURL(absPath).toString())?.getText();
  linter.onRuleError = (rule, message) => connection.console.error(`seaworthy: rule ${rule} failed and was skipped (other rules ran): ${message}`);
  // Editor features (completion, formatting, outline…) and the hover, which also shows findings.
  const editor = registerEditorFeatures(connection, documents, linter, { prepare: ensureSettings });
  linter.otherExtensions = () => editor.otherExtensions();
  editor.onOtherExtensions(() => {
    linter.invalidateResults();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) schedule(d.uri);
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    annotations = !!params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport;
    const opts = (params.initializationOptions ?? {}) as { pushDelayMs?: number; isTrusted?: boolean; settings?: unknown };
    if (typeof opts.pushDelayMs === 'number') pushDelay = Math.max(0, opts.pushDelayMs);
    const ws = params.capabilities.workspace;
    configurationPull = !!ws?.configuration;
    refreshSupport = !!ws?.diagnostics?.refreshSupport;
    // ShellCheck in the background when late findings can reach the client; otherwise a lint waits for it.
    linter.shellcheckReady = !pullDiagnostics || refreshSupport ? () => { linter.invalidateResults(); refresh(); } : undefined;
    dynamicConfiguration = !!ws?.didChangeConfiguration?.dynamicRegistration;
    dynamicWatchers = !!ws?.didChangeWatchedFiles?.dynamicRegistration;
    folderEvents = !!ws?.workspaceFolders;
    // Workspace trust (VS Code): an untrusted workspace never makes the server run a program. Clients
    // without the notion (other editors) are trusted.
    linter.trusted = opts.isTrusted !== false;
    if (opts.settings !== undefined) globalSettings = (opts.settings as { seaworthy?: unknown }).seaworthy ?? opts.settings;
    linter.workspaceFolders = (params.workspaceFolders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    if (!linter.workspaceFolders.length && params.rootUri?.startsWith('file:')) linter.workspaceFolders = [fileURLToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'seaworthy' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
        ...editor.initialize(params),
        executeCommandProvider: { commands: [HARDEN_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'seaworthy', version: VERSION },
    };
  });

  // Push mode (clients without pull diagnostics): debounce per document, never block other documents.
  // didChangeContent also fires on open, so opening a document schedules its first lint.
  const timers = new Map<string, NodeJS.Timeout>();
  /** Diagnostics of a document: findings (plus a warning when its configuration is broken), or a config file's problems. */
  const diagnosticsFor = async (doc: TextDocument): Promise<Diagnostic[]> => {
    const problems = linter.configProblems(doc);
    if (problems) {
      const lines = new LineIndex(doc.getText());
      return problems.map((p) => configDiagnostic(lines, p));
    }
    await ensureSettings(doc.uri);
    const entry = linter.lint(doc);
    if (!entry) return [];
    const diags = entry.result.findings.map(toDiagnostic);
    if (entry.brokenConfig) diags.unshift(brokenConfigDiagnostic(entry.brokenConfig));
    return diags;
  };
  const push = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const diagnostics = await diagnosticsFor(doc);
    if (documents.get(uri)?.version !== doc.version) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };
  const schedule = (uri: string) => {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => { timers.delete(uri); void push(uri); }, pushDelay));
  };
  /** Settings or configuration changed: re-lint everything open. */
  const refresh = () => {
    if (!pullDiagnostics) { for (const d of documents.all()) schedule(d.uri); return; }
    if (refreshSupport) void connection.languages.diagnostics.refresh();
  };
  const settingsChanged = () => {
    editorSettings.clear();
    linter.invalidateConfig();
    refresh();
  };
  connection.onDidChangeConfiguration((p) => {
    const s = (p.settings as { seaworthy?: unknown } | null | undefined)?.seaworthy;
    if (s !== undefined) globalSettings = s;
    settingsChanged();
  });
  connection.onNotification(TRUST_GRANTED_NOTIFICATION, () => {
    linter.trusted = true;
    settingsChanged();
  });
  connection.onInitialized(() => {
    editor.initialized();
    if (dynamicConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'seaworthy' }).catch(() => undefined);
    if (dynamicWatchers) connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] }).catch(() => undefined);
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const gone = new Set(e.removed.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)));
        const added = e.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
        linter.workspaceFolders = [...linter.workspaceFolders.filter((f) => !gone.has(f)), ...added];
        settingsChanged();
      });
    }
  });
  documents.onDidSave((e) => { if (linter.configFormatOf(e.document)) { linter.invalidateConfig(); refresh(); } });
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
    // Cancelled: say so (an empty full report would claim the document has no problems). Closed: nothing to report.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await ensureSettings(doc.uri);
    // The settings generation is part of the id: after a settings or config change the client gets a full report.
    const resultId = `${linter.generation}:${doc.version}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: await diagnosticsFor(doc) };
  });

  connection.onDidChangeWatchedFiles(() => {
    linter.invalidateConfig();
    refresh();
  });

  const sibling = (uri: string) => {
    const open = documents.get(uri);
    if (open) return open.getText();
    if (!uri.startsWith('file:')) return undefined;
    try { return require('node:fs').readFileSync(fileURLToPath(uri), 'utf8') as string; } catch { return undefined; }
  };

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    await ensureSettings(doc.uri);
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
      if (edit || fixed.fileEdits.length) {
        actions.push({
          title: `Fix all auto-fixable Seaworthy problems (${fixed.applied.length})`,
          kind: FIX_ALL_KIND,
          edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edit ? [edit] : [] }, ...fileEditChanges(doc.uri, fixed.fileEdits, sibling)] },
        });
      }
    }
    return actions;
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== HARDEN_COMMAND) return null;
    const arg = params.arguments?.[0];
    const uri = typeof arg === 'string' ? arg : (arg as { uri?: string } | undefined)?.uri;
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) { void connection.window.showErrorMessage('Seaworthy: open the Dockerfile to harden first.'); return { applied: false }; }
    await ensureSettings(doc.uri);
    const input = linter.inputFor(doc);
    if (!input) { void connection.window.showErrorMessage('Seaworthy: this document is not a Dockerfile or compose file.'); return { applied: false }; }
    const result = harden(input);
    const findings = linter.lint(doc)?.result.findings ?? [];
    const workspaceEdit = hardenWorkspaceEdit(doc.uri, doc.version, doc.getText(), result, findings, annotations, sibling);
    if (!workspaceEdit) { void connection.window.showInformationMessage('Seaworthy: nothing to harden.'); return { applied: false, changes: 0 }; }
    const res = await connection.workspace.applyEdit({ label: 'Harden Dockerfile', edit: workspaceEdit });
    return { applied: res.applied, changes: result.applied.length };
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  installTestHooks(); // no-op unless SEAWORTHY_TEST_THROWING_RULE is set (integration tests only)
  process.on('uncaughtException', (e) => { process.stderr.write(`seaworthy server: ${e.stack ?? e}\n`); });
  // Started as `seaworthy-lsp` with no transport flag: speak LSP over stdio, as editors expect.
  if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');
  startServer(createConnection(ProposedFeatures.all));
}
