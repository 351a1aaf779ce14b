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

const syntaxErrors = (findings: readonly Finding[]) => findings.filter((f) => f.rule === 'syntax-error').length;

export function fixAll(input: LintInput, opts: FixOptions = {}): FixResult {
  let text = input.text;
  const applied: FixResult['applied'] = [];
  const fileEdits = new Map<string, FileEdit>();
  const maxPasses = opts.maxPasses ?? 10;
  // Syntax errors counted even where the editor leaves plain YAML errors to another extension.
  const lintText = (t: string) => lint({ ...input, text: t, composeSyntaxErrors: true }).findings;
  let findings = lintText(text);
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    let chosen = selectFixes(findings, opts);
    if (!chosen.length) break;
    const apply = (n: number) => applyOffsetEdits(text, chosen.slice(0, n).flatMap((c) => c.fix.offsetEdits));
    let next = apply(chosen.length);
    let nextFindings = lintText(next);
    // Each fix keeps the syntax on its own, but two together may not (removing both lines around a
    // line YAML then misreads): keep the longest prefix of the fixes that adds no syntax error; the
    // rest are offered again, and checked, against the text that prefix leaves.
    const before = syntaxErrors(findings);
    if (chosen.length > 1 && syntaxErrors(nextFindings) > before) {
      let good = 1;
      let goodText = apply(1);
      let goodFindings = lintText(goodText);
      let bad = chosen.length;
      while (bad - good > 1) {
        const mid = (good + bad) >> 1;
        const t = apply(mid);
        const f = lintText(t);
        if (syntaxErrors(f) > before) bad = mid;
        else { good = mid; goodText = t; goodFindings = f; }
      }
      chosen = chosen.slice(0, good);
      next = goodText;
      nextFindings = goodFindings;
    }
    for (const c of chosen) {
      applied.push({ rule: c.finding.rule, title: c.fix.title });
      for (const fe of c.fix.fileEdits ?? []) mergeFileEdit(fileEdits, fe);
    }
    if (next === text) break;
    text = next;
    findings = nextFindings;
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
