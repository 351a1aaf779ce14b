// "Harden Dockerfile": every fix, safe and behaviour-changing, as one reviewed change.
import { fixAll, type FixResult } from './fix';
import type { LintInput } from './engine';

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
    fileEdits: [...safe.fileEdits, ...all.fileEdits],
    passes: safe.passes + all.passes,
    needsConfirmation: all.applied,
  };
}
