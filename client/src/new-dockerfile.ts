// "Seaworthy: New Dockerfile…": asks for the stack and the files wanted, then writes what the
// pure core's `scaffold()` produces (the snippet templates with their defaults) into a folder.
import * as vscode from 'vscode';
import { SCAFFOLD_LAYOUTS, STACKS, scaffold } from '../../server/src/core/templates';

export function registerNewDockerfileCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('seaworthy.newDockerfile', newDockerfile);
}

async function newDockerfile(target?: vscode.Uri): Promise<void> {
  const title = 'Seaworthy: New Dockerfile';
  const stack = await vscode.window.showQuickPick(
    STACKS.map((s) => ({ label: s.label, detail: s.detail, id: s.id })),
    { title: `${title} (1/2)`, placeHolder: 'Which stack is the app written in?', ignoreFocusOut: true },
  );
  if (!stack) return;
  const layout = await vscode.window.showQuickPick(
    SCAFFOLD_LAYOUTS.map((l) => ({ ...l })),
    { title: `${title} (2/2)`, placeHolder: 'Which files? (a .dockerignore is always written)', ignoreFocusOut: true },
  );
  if (!layout) return;
  const folder = await chooseFolder(target);
  if (!folder) return;

  let files = scaffold({ stack: stack.id, devTarget: layout.devTarget, compose: layout.compose });
  const existing: string[] = [];
  for (const f of files) if (await exists(vscode.Uri.joinPath(folder, f.path))) existing.push(f.path);
  if (existing.length) {
    const overwrite = 'Overwrite';
    const keep = 'Keep Existing';
    const answer = await vscode.window.showWarningMessage(
      `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${vscode.workspace.asRelativePath(folder, true)}.`,
      { modal: true, detail: 'Overwrite replaces them; Keep Existing writes only the missing files.' },
      overwrite,
      keep,
    );
    if (!answer) return;
    if (answer === keep) files = files.filter((f) => !existing.includes(f.path));
  }
  for (const f of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, f.path), Buffer.from(f.text, 'utf8'));
  const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
  if (files.some((f) => f.path === 'Dockerfile') || existing.includes('Dockerfile')) {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile));
  }
  if (files.length) void vscode.window.showInformationMessage(`Seaworthy wrote ${files.map((f) => f.path).join(', ')}.`);
}

/** The folder clicked in the explorer (or a clicked file's folder), else the workspace folder, else ask. */
async function chooseFolder(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(target).then((s) => s, () => undefined);
    if (stat) return stat.type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Write the files into which folder?' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Write Files Here' });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}
