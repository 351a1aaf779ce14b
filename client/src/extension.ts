// Starts the Seaworthy language client and registers its commands; everything else lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, ExecuteCommandRequest, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerNewDockerfileCommand } from './new-dockerfile';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'dockercompose' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,Containerfile,Containerfile.*}' },
  { pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
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
    diagnosticCollectionName: 'seaworthy',
  };
  client = new LanguageClient('seaworthy', 'Seaworthy', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('seaworthy.hardenDockerfile', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) { void vscode.window.showWarningMessage('Seaworthy: open a Dockerfile to harden.'); return; }
      await vscode.workspace.openTextDocument(target);
      return client!.sendRequest(ExecuteCommandRequest.type, { command: 'seaworthy.harden', arguments: [target.toString()] });
    }),
  );
  context.subscriptions.push(registerNewDockerfileCommand());
  await client.start();
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
