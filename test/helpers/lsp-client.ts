// A real JSON-RPC client for the language server over stdio (vscode-languageserver-protocol),
// shared by the integration tests and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, PublishDiagnosticsNotification, type PublishDiagnosticsParams, type ClientCapabilities,
  ApplyWorkspaceEditRequest, type ApplyWorkspaceEditParams, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface TestClient {
  conn: ProtocolConnection;
  proc: ChildProcess;
  stderr: () => string;
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  close(uri: string): void;
  /** Next publishDiagnostics for a uri (push mode). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Workspace edits the server asked the client to apply. */
  appliedEdits: ApplyWorkspaceEditParams[];
  stop(): Promise<void>;
}

export async function startClient(opts: { pull?: boolean; annotations?: boolean; rootUri?: string | null; initializationOptions?: unknown; args?: string[] } = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio', ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  conn.onRequest('workspace/configuration', () => []);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const capabilities: ClientCapabilities = {
    textDocument: {
      ...(opts.pull === false ? {} : { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
      publishDiagnostics: { versionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
    },
    workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: opts.annotations ? { groupsOnLabel: true } : undefined } },
  };
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: opts.rootUri ?? null, capabilities, initializationOptions: opts.initializationOptions, workspaceFolders: null });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn, proc, appliedEdits, stderr: () => err,
    open: (uri, languageId, text, version = 1) => { void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } }); },
    change: (uri, version, text) => { void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] }); },
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
