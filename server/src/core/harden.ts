// "Harden Dockerfile": every fix, safe and behaviour-changing, as one reviewed change.
import { fixAll, mergeFileEdit, type FixResult } from './fix';
import type { LintInput } from './engine';
import type { FileEdit } from './types';

export interface HardenResult extends FixResult {
  /** Changes that alter behaviour and need the user's confirmation. */
  needsConfirmation: { rule: string; title: string }[];
  /** The text after the safe fixes alone (what fix-all would produce). */
  safeText: string;
}

/** Fixes that move whole instructions between stages: applied before fixes that add lines, so the
 * additions (a user, a HEALTHCHECK) land in the stage that ships. */
const RESTRUCTURING = new Set(['build-tools-in-final-stage', 'copy-all-before-install']);

export function harden(input: LintInput): HardenResult {
  const safe = fixAll(input);
  const structural = fixAll({ ...input, text: safe.text }, { unsafe: true, only: (f) => RESTRUCTURING.has(f.rule) });
  const rest = fixAll({ ...input, text: structural.text }, { unsafe: true });
  const unsafe = [...structural.applied, ...rest.applied];
  return {
    text: rest.text,
    applied: [...safe.applied, ...unsafe],
    fileEdits: mergeFileEdits([...safe.fileEdits, ...structural.fileEdits, ...rest.fileEdits]),
    passes: safe.passes + structural.passes + rest.passes,
    needsConfirmation: unsafe,
    safeText: safe.text,
  };
}

/** One edit per file: later passes see the workspace as it was, so they repeat earlier file edits. */
function mergeFileEdits(edits: FileEdit[]): FileEdit[] {
  const byPath = new Map<string, FileEdit>();
  for (const e of edits) mergeFileEdit(byPath, e);
  return [...byPath.values()];
}
