// Tells the server which other extensions are installed (and the `seaworthy.editorFeatures` setting),
// so its editor features step aside for Docker extensions that already provide them. The decision
// itself is the server's (server/src/lsp/features/coexist.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient, ClientCapabilities, FeatureState, InitializeParams, StaticFeature } from 'vscode-languageclient';

/** Keep in step with OTHER_EXTENSIONS_NOTIFICATION in server/src/lsp/features/index.ts. */
const OTHER_EXTENSIONS_NOTIFICATION = 'seaworthy/otherExtensions';

/** Installed and enabled extensions, without VS Code's own (`vscode.*`) and without Seaworthy. */
function otherExtensions(self: string): string[] {
  const me = self.toLowerCase();
  return vscode.extensions.all.map((e) => e.id).filter((id) => !id.toLowerCase().startsWith('vscode.') && id.toLowerCase() !== me);
}

function editorFeaturesSetting(): string {
  return vscode.workspace.getConfiguration('seaworthy').get<string>('editorFeatures', 'auto');
}

class CoexistenceFeature implements StaticFeature {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: BaseLanguageClient, private readonly self: string) {}

  fillInitializeParams(params: InitializeParams): void {
    const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
    params.initializationOptions = { ...options, otherExtensions: otherExtensions(this.self), editorFeatures: editorFeaturesSetting() };
  }

  fillClientCapabilities(_capabilities: ClientCapabilities): void {}

  initialize(): void {
    const send = () => { void this.client.sendNotification(OTHER_EXTENSIONS_NOTIFICATION, { extensions: otherExtensions(this.self), editorFeatures: editorFeaturesSetting() }); };
    this.disposables.push(
      vscode.extensions.onDidChange(send),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('seaworthy.editorFeatures')) send(); }),
    );
  }

  getState(): FeatureState { return { kind: 'static' }; }

  clear(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Registers the feature on the client; call before `client.start()`. */
export function registerCoexistence(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  client.registerFeature(new CoexistenceFeature(client, context.extension.id));
}
