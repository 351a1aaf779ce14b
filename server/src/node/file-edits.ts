// Applies fixes' edits to neighbouring files on disk, for `lint --fix` and `harden`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileEdit } from '../core/types';
import { fileEditResult } from '../core/file-edits';

export interface FileChange { path: string; existed: boolean; before: string; after: string }

/** What each edit would change, relative to `dir` (the linted file's folder); unchanged files left out. */
export function fileChanges(dir: string, edits: readonly FileEdit[]): FileChange[] {
  const out: FileChange[] = [];
  for (const fe of edits) {
    const target = path.resolve(dir, fe.path);
    let before: string | undefined;
    try { before = fs.readFileSync(target, 'utf8'); } catch { before = undefined; }
    const after = fileEditResult(before, fe);
    if (after !== undefined && after !== before) out.push({ path: fe.path, existed: before !== undefined, before: before ?? '', after });
  }
  return out;
}

export function writeFileEdits(dir: string, edits: readonly FileEdit[]): void {
  for (const c of fileChanges(dir, edits)) fs.writeFileSync(path.resolve(dir, c.path), c.after);
}
