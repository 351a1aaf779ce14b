// A fix can change a file beside the document: it creates or extends `.dockerignore`. VS Code applies
// such an edit to a buffer that no editor shows and leaves it unsaved (a new file stays empty on
// disk), while `seaworthy lint --fix` and `harden --write` write the file. So once VS Code has applied
// one of our edits, the files it touched other than the document itself are saved, as VS Code does
// for refactorings (and, like them, not when `files.refactoring.autoSave` is off). Code actions get
// this as their command, which VS Code runs after their edit, on save too; Harden's edit, which the
// server sends with `workspace/applyEdit`, right after it is applied.
import * as vscode from 'vscode';
import { ApplyWorkspaceEditRequest, TextDocumentEdit, type BaseLanguageClient, type CodeActionMiddleware } from 'vscode-languageclient';

export const SAVE_FILES_COMMAND = 'seaworthy.saveChangedFiles';

async function saveFiles(uris: readonly string[]): Promise<void> {
  if (vscode.workspace.getConfiguration('files').get('refactoring.autoSave') === false) return;
  for (const uri of uris) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (doc?.isDirty) await doc.save();
  }
}

export function registerSaveFilesCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SAVE_FILES_COMMAND, (uris: string[]) => saveFiles(uris ?? []));
}

export const codeActionMiddleware: CodeActionMiddleware = {
  provideCodeActions: async (document, range, context, token, next) => {
    const actions = await next(document, range, context, token);
    for (const a of actions ?? []) {
      if (!(a instanceof vscode.CodeAction) || !a.edit || a.command) continue;
      const others = a.edit.entries().map(([uri]) => uri.toString()).filter((u) => u !== document.uri.toString());
      if (others.length) a.command = { title: 'Save the files the fix changed', command: SAVE_FILES_COMMAND, arguments: [others] };
    }
    return actions;
  },
};

/** Answers the server's `workspace/applyEdit` (Harden) in place of vscode-languageclient's own handler. */
export function handleApplyEdit(client: BaseLanguageClient): vscode.Disposable {
  return client.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
    const others: string[] = [];
    for (const change of params.edit.documentChanges ?? []) {
      if (!TextDocumentEdit.is(change)) continue;
      const uri = client.protocol2CodeConverter.asUri(change.textDocument.uri).toString();
      // The server versions the documents it has open and sends `null` for the files beside them.
      if (change.textDocument.version === null) { others.push(uri); continue; }
      // As vscode-languageclient does: an edit made for another version of an open document is refused.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (doc && doc.version !== change.textDocument.version) return { applied: false };
    }
    const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(params.edit));
    if (applied) await saveFiles(others);
    return { applied };
  });
}
