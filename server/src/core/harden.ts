// "Harden Dockerfile": every fix, safe and behaviour-changing, as one reviewed change.
import { fixAll, type FixResult } from './fix';
import type { LintInput } from './engine';
import type { FileEdit } from './types';

export interface HardenResult extends FixResult {
  /** Changes that alter behaviour and need the user's confirmation. */
  needsConfirmation: { rule: string; title: string }[];
}

export function harden(input: LintInput): HardenResult {
  const safe = fixAll(input);
  const all = fixAll({ ...input, text: safe.text }, { unsafe: true });
  return {
    text: all.text,
    applied: [...safe.applied, ...all.applied],
    fileEdits: mergeFileEdits([...safe.fileEdits, ...all.fileEdits]),
    passes: safe.passes + all.passes,
    needsConfirmation: all.applied,
  };
}

/** One edit per file: later passes see the workspace as it was, so they repeat earlier file edits. */
function mergeFileEdits(edits: FileEdit[]): FileEdit[] {
  const byPath = new Map<string, FileEdit>();
  for (const e of edits) {
    const prev = byPath.get(e.path);
    if (!prev) { byPath.set(e.path, { ...e }); continue; }
    const have = new Set(prev.newText.split('\n'));
    const extra = e.newText.split('\n').filter((l) => l && !have.has(l));
    if (extra.length) prev.newText = prev.newText.replace(/\n?$/, '\n') + extra.join('\n') + '\n';
  }
  return [...byPath.values()];
}
