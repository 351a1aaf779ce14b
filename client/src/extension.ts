// Starts the Seaworthy language client and registers its commands; everything else lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, ExecuteCommandRequest, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerNewDockerfileCommand } from './new-dockerfile';
import { registerCoexistence } from './coexist';
import { codeActionMiddleware, handleApplyEdit, registerSaveFilesCommand } from './apply-edits';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'dockercompose' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,Containerfile,Containerfile.*}' },
  { pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
  // Configuration files: the server reports their errors at the wrong key.
  { pattern: '**/{.seaworthy.yaml,.seaworthy.yml,.hadolint.yaml,.hadolint.yml,.dclintrc,.dclintrc.json,.dclintrc.yaml,.dclintrc.yml}' },
];

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'seaworthy', fileEvents: vscode.workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.seaworthy.yaml,.seaworthy.yml,.dclintrc*,.dockerignore,*.dockerignore}') },
    // Workspace trust: the server never runs a program (ShellCheck) for an untrusted workspace.
    initializationOptions: { isTrusted: vscode.workspace.isTrusted },
    middleware: codeActionMiddleware,
  };
  client = new LanguageClient('seaworthy', 'Seaworthy', serverOptions, clientOptions);
  registerCoexistence(client, context);
  context.subscriptions.push(handleApplyEdit(client), registerSaveFilesCommand());
  context.subscriptions.push(
    vscode.commands.registerCommand('seaworthy.hardenDockerfile', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) { void vscode.window.showWarningMessage('Seaworthy: open a Dockerfile to harden.'); return; }
      await vscode.workspace.openTextDocument(target);
      return client!.sendRequest(ExecuteCommandRequest.type, { command: 'seaworthy.harden', arguments: [target.toString()] });
    }),
  );
  context.subscriptions.push(registerNewDockerfileCommand());
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => { void client?.sendNotification('seaworthy/didGrantWorkspaceTrust'); }));
  await client.start();
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
