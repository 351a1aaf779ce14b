// Applying fixes to text: the same loop serves `lint --fix`, fix-all on save and Harden.
import { lint, type LintInput } from './engine';
import type { FileEdit, Finding, Fix } from './types';
import { applyOffsetEdits } from './text';

export interface FixResult {
  text: string;
  /** Fixes applied, in order, across passes. */
  applied: { rule: string; title: string }[];
  /** Edits to other files (e.g. a new `.dockerignore`), merged by path. */
  fileEdits: FileEdit[];
  passes: number;
}

export interface FixOptions {
  /** Include unsafe fixes (Harden with confirmation). */
  unsafe?: boolean;
  /** Only fixes of these rule ids. */
  only?: (f: Finding) => boolean;
  maxPasses?: number;
}

/** Picks non-overlapping fixes from findings; edits touching the same region wait for the next pass. */
export function selectFixes(findings: readonly Finding[], opts: FixOptions = {}): { finding: Finding; fix: Fix }[] {
  const chosen: { finding: Finding; fix: Fix }[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e || (s === e && s >= a && s <= b) || (a === b && a >= s && a <= e));
  for (const f of findings) {
    const fix = f.fix;
    if (!fix || (!fix.safe && !opts.unsafe) || (opts.only && !opts.only(f))) continue;
    if (fix.offsetEdits.some((e) => overlaps(e.start, e.end))) continue;
    chosen.push({ finding: f, fix });
    for (const e of fix.offsetEdits) taken.push([e.start, e.end]);
  }
  return chosen;
}

export function fixAll(input: LintInput, opts: FixOptions = {}): FixResult {
  let text = input.text;
  const applied: FixResult['applied'] = [];
  const fileEdits = new Map<string, FileEdit>();
  const maxPasses = opts.maxPasses ?? 10;
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const { findings } = lint({ ...input, text });
    const chosen = selectFixes(findings, opts);
    if (!chosen.length) break;
    const next = applyOffsetEdits(text, chosen.flatMap((c) => c.fix.offsetEdits));
    for (const c of chosen) {
      applied.push({ rule: c.finding.rule, title: c.fix.title });
      for (const fe of c.fix.fileEdits ?? []) mergeFileEdit(fileEdits, fe);
    }
    if (next === text) break;
    text = next;
  }
  return { text, applied, fileEdits: [...fileEdits.values()], passes };
}

/** Adds `fe` to the edits by path: a second edit of the same file contributes only the lines it lacks. */
export function mergeFileEdit(map: Map<string, FileEdit>, fe: FileEdit) {
  const prev = map.get(fe.path);
  if (!prev) { map.set(fe.path, { ...fe }); return; }
  const have = new Set(prev.newText.split('\n'));
  const add = fe.newText.split('\n').filter((l) => l && !have.has(l));
  if (add.length) prev.newText = prev.newText.replace(/\n?$/, '\n') + add.join('\n') + '\n';
}
