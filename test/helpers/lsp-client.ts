// A real JSON-RPC client for the language server over stdio (vscode-languageserver-protocol),
// shared by the integration tests and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, PublishDiagnosticsNotification, type PublishDiagnosticsParams, type ClientCapabilities,
  ApplyWorkspaceEditRequest, type ApplyWorkspaceEditParams, ShutdownRequest, ExitNotification,
  type Registration, type RegistrationParams, type UnregistrationParams, type InitializeResult, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface TestClient {
  conn: ProtocolConnection;
  proc: ChildProcess;
  stderr: () => string;
  open(uri: string, languageId: string, text: string, version?: number): void;
  /** The whole new text, or one change as an editor with incremental sync sends it (a range and its new text). */
  change(uri: string, version: number, change: string | TextDocumentContentChangeEvent): void;
  close(uri: string): void;
  /** Next publishDiagnostics for a uri (push mode). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Workspace edits the server asked the client to apply. */
  appliedEdits: ApplyWorkspaceEditParams[];
  /** How many `workspace/diagnostic/refresh` requests the server sent (with `refreshSupport`). */
  refreshes: () => number;
  /** `workspace/configuration` requests the server sent, one entry per item. */
  configurationRequests: { scopeUri?: string; section?: string }[];
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult;
  /** `window/logMessage` messages from the server, in order. */
  logMessages: string[];
  /** Capabilities the server registered dynamically and has not unregistered, by registration id. */
  registrations: Map<string, Registration>;
  /** Resolves once `registrations` satisfies `check` (the server registers asynchronously). */
  waitForRegistrations(check: (regs: Registration[]) => boolean, timeoutMs?: number): Promise<Registration[]>;
  stop(): Promise<void>;
}

export interface StartOptions {
  pull?: boolean; annotations?: boolean; rootUri?: string | null; initializationOptions?: unknown; args?: string[];
  /** Answers `workspace/configuration` per item (and announces the capability), as VS Code does per resource. */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  workspaceFolders?: { uri: string; name: string }[];
  /** Announce `workspace.diagnostics.refreshSupport` and answer refresh requests. */
  refreshSupport?: boolean;
  /** Extra `textDocument` client capabilities (editor features), merged over the defaults. */
  textDocument?: ClientCapabilities['textDocument'];
  /** Environment of the server process (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** `processId` sent in `initialize` (default: this process): the server exits when that process is gone. */
  processId?: number | null;
}

export async function startClient(opts: StartOptions = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio', ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
  let err = '';
  proc.stderr!.on('data', (d) => { err += d; });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const backlog: PublishDiagnosticsParams[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const i = waiters.findIndex((w) => w.uri === p.uri);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p); else backlog.push(p);
  });
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => { appliedEdits.push(p); return { applied: true }; });
  const configurationRequests: { scopeUri?: string; section?: string }[] = [];
  conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
    configurationRequests.push(...p.items);
    return opts.configuration ? p.items.map((it) => opts.configuration!(it) ?? null) : [];
  });
  let refreshes = 0;
  conn.onRequest('workspace/diagnostic/refresh', () => { refreshes++; return null; });
  const logMessages: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => { logMessages.push(p.message); });
  const registrations = new Map<string, Registration>();
  const registrationWaiters: (() => void)[] = [];
  conn.onRequest('client/registerCapability', (p: RegistrationParams) => {
    for (const r of p.registrations) registrations.set(r.id, r);
    for (const w of registrationWaiters.splice(0)) w();
    return null;
  });
  conn.onRequest('client/unregisterCapability', (p: UnregistrationParams) => {
    for (const u of p.unregisterations) registrations.delete(u.id);
    for (const w of registrationWaiters.splice(0)) w();
    return null;
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const capabilities: ClientCapabilities = {
    textDocument: {
      ...(opts.pull === false ? {} : { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
      publishDiagnostics: { versionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      ...opts.textDocument,
    },
    workspace: {
      applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: opts.annotations ? { groupsOnLabel: true } : undefined },
      ...(opts.configuration ? { configuration: true } : {}),
      ...(opts.workspaceFolders ? { workspaceFolders: true } : {}),
      ...(opts.refreshSupport ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
  const initializeResult = await conn.sendRequest(InitializeRequest.type, { processId: opts.processId === undefined ? process.pid : opts.processId, rootUri: opts.rootUri ?? null, capabilities, initializationOptions: opts.initializationOptions, workspaceFolders: opts.workspaceFolders ?? null });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn, proc, appliedEdits, stderr: () => err, refreshes: () => refreshes, configurationRequests, registrations, initializeResult, logMessages,
    waitForRegistrations: (check, timeoutMs = 5000) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`registrations not as expected within ${timeoutMs} ms: ${[...registrations.values()].map((r) => r.method).join(', ')}`)), timeoutMs);
      const poll = () => {
        const list = [...registrations.values()];
        if (check(list)) { clearTimeout(t); resolve(list); } else registrationWaiters.push(poll);
      };
      poll();
    }),
    open: (uri, languageId, text, version = 1) => { void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } }); },
    change: (uri, version, change) => { void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [typeof change === 'string' ? { text: change } : change] }); },
    close: (uri) => { void conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }); },
    nextDiagnostics: (uri, timeoutMs = 5000) => {
      const i = backlog.findIndex((p) => p.uri === uri);
      if (i >= 0) return Promise.resolve(backlog.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ uri, resolve: (p) => { clearTimeout(t); resolve(p); } });
      });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
      conn.dispose();
      if (proc.exitCode === null) await new Promise<void>((r) => { const t = setTimeout(() => { proc.kill(); r(); }, 2000); proc.on('exit', () => { clearTimeout(t); r(); }); });
    },
  };
}
