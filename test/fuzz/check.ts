// The properties every input must satisfy: the parsers and the engine never throw, no rule throws,
// linting stays within a time bound, findings and fixes are well-formed, and fixes are safe (they
// resolve what they target, add no syntax error, touch nothing outside their edits, keep every
// comment, and fix-all is idempotent).
import { performance } from 'node:perf_hooks';
import { lint, type LintResult } from '../../server/src/core/engine';
import { fixAll } from '../../server/src/core/fix';
import { harden } from '../../server/src/core/harden';
import { isCommentLine, parseDockerfile } from '../../server/src/core/dockerfile/parse';
import { parseCompose } from '../../server/src/core/compose/parse';
import { parseShell } from '../../server/src/core/shell/parse';
import { LineIndex, applyOffsetEdits } from '../../server/src/core/text';
import type { DocumentKind, Finding, Fix, Span } from '../../server/src/core/types';
import type { RuleSettings } from '../../server/src/core/config/settings';

export type ViolationType = 'crash' | 'hang' | 'rule-error' | 'invariant';
export interface Violation { type: ViolationType; check: string; rule?: string; detail: string }
export const signature = (v: Violation) => `${v.type}:${v.check}${v.rule ? ':' + v.rule : ''}`;

export interface CheckOptions {
  /** Check every fix of the input (one finding per rule) and fix-all idempotence. */
  fixes?: boolean;
  /** Also run Harden (safe + unsafe fix-all) and check it. */
  harden?: boolean;
  /** CPU-time bound for one lint of the input, ms. */
  timeLimitMs?: number;
  /** Fix checks only for inputs up to this many characters (each fix costs a lint). */
  fixSizeLimit?: number;
  settings?: Partial<RuleSettings>;
}

export interface CheckResult { violations: Violation[]; lintMs: number; lints: number }

/** Every profile on, so opt-in rules are fuzzed too. */
export const ALL_PROFILES: Partial<RuleSettings> = { profiles: ['recommended', 'strict', 'style'] };

function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function errText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(e);
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const validSpan = (s: Span | undefined, len: number) => !!s && isInt(s.start) && isInt(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len;

/** A boundary inside a surrogate pair or between `\r` and `\n` corrupts the text when edited. */
function splitsUnit(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const a = text.charCodeAt(at - 1);
  const b = text.charCodeAt(at);
  return (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) || (a === 13 && b === 10);
}

/**
 * Comment lines (trimmed) with their multiplicity. Dockerfile: every line Docker reads as a comment
 * line, wherever it is (in a heredoc body it is content, which must survive too). Compose: the comments the YAML parser found
 * (a `#` inside a quoted or flow scalar is no comment).
 */
function commentLines(text: string, kind: DocumentKind): Map<string, number> {
  const m = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  const candidates = kind === 'compose' ? parseCompose(text).ast.comments.map((c) => lines[c.line] ?? '') : lines;
  for (const raw of candidates) {
    // Dockerfile: a comment line as Docker reads it (after Go's unicode.IsSpace, so not after U+FEFF, which JS trims).
    if (kind === 'compose' ? !raw.trim().startsWith('#') : !isCommentLine(raw)) continue;
    const t = raw.trim();
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  return m;
}

/** Suppression comments: unused-suppression removes them, possibly one pass after another. */
const SUPPRESSION = /^#\s*(seaworthy-ignore|hadolint\s|check\s*=|dclint\s)/i;

function lostComments(before: string, after: string, kind: DocumentKind, exempt: ReadonlySet<string>, suppressionsMayGo = false): string[] {
  const a = commentLines(after, kind);
  const lost: string[] = [];
  for (const [line, n] of commentLines(before, kind)) {
    if (exempt.has(line) || (suppressionsMayGo && SUPPRESSION.test(line))) continue;
    if ((a.get(line) ?? 0) < n) lost.push(line);
  }
  return lost;
}

/** Comment lines a finding is reported on: its fix may legitimately edit them (e.g. an unused suppression). */
function targetedComments(text: string, findings: readonly Finding[]): Set<string> {
  const idx = new LineIndex(text);
  const out = new Set<string>();
  for (const f of findings) {
    for (let l = f.range.start.line; l <= f.range.end.line && l < idx.lineCount; l++) {
      const t = idx.lineText(l).trim();
      if (t.startsWith('#')) out.add(t);
    }
  }
  return out;
}

/** Whether `after` (an offset in the fixed text) is where `before` (in the original) went. */
function sameSpot(edits: readonly { start: number; end: number; newText: string }[], before: number, after: number): boolean {
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.end <= before && e.start < before) { shift += e.newText.length - (e.end - e.start); continue; }
    if (e.start <= before && before <= e.end) return after >= e.start + shift && after <= e.start + shift + e.newText.length; // inside the edit
    break;
  }
  return after === before + shift;
}

const countSyntax = (r: LintResult) => r.findings.filter((f) => f.rule === 'syntax-error').length;

export class Checker {
  readonly violations: Violation[] = [];
  lintMs = 0;
  lints = 0;
  constructor(private readonly input: { text: string; kind: DocumentKind }, private readonly opts: CheckOptions) {}

  private add(v: Violation) { this.violations.push(v); }

  /** Lints, timing it and checking the result; undefined when lint threw. */
  lint(text: string, stage: string, timed = false): LintResult | undefined {
    const run = () => lint({ text, kind: this.input.kind, path: this.input.kind === 'compose' ? 'compose.yaml' : 'Dockerfile', settings: this.opts.settings ?? ALL_PROFILES });
    const t0 = performance.now();
    let res: LintResult;
    try {
      res = run();
    } catch (e) {
      this.add({ type: 'crash', check: 'lint-throws', detail: `${stage}: ${errText(e)}` });
      return undefined;
    }
    let ms = performance.now() - t0;
    this.lints++;
    if (timed) {
      const limit = this.opts.timeLimitMs ?? 2000;
      // Wall time first (cheap); over the bound, measure again in CPU time so a loaded machine is no hang.
      if (ms > limit) { const start = process.cpuUsage(); run(); ms = cpuMs(start); this.lints++; }
      this.lintMs = Math.max(this.lintMs, ms);
      if (ms > limit) this.add({ type: 'hang', check: 'lint-slow', detail: `${stage}: ${ms.toFixed(0)} ms CPU for ${text.length} characters (bound ${limit} ms)` });
    }
    for (const e of res.ruleErrors) this.add({ type: 'rule-error', check: 'rule-throws', rule: e.rule, detail: `${stage}: ${e.message.split('\n').slice(0, 4).join('\n')}` });
    this.wellFormed(text, res, stage);
    return res;
  }

  private wellFormed(text: string, res: LintResult, stage: string) {
    const idx = new LineIndex(text);
    for (const f of res.findings) {
      const bad = (check: string, detail: string) => this.add({ type: 'invariant', check, rule: f.rule, detail: `${stage}: ${detail}` });
      if (!validSpan(f.span, text.length)) { bad('finding-span', `span ${JSON.stringify(f.span)} outside 0..${text.length}`); continue; }
      const r = idx.range(f.span);
      if (JSON.stringify(r) !== JSON.stringify(f.range)) bad('finding-range', `range ${JSON.stringify(f.range)} does not match span ${JSON.stringify(f.span)}`);
      if (typeof f.message !== 'string' || f.message.trim().length < 5 || /\b(undefined|NaN)\b|\[object Object\]/.test(f.message.replace(/`[^`]*`|"[^"]*"/g, ''))) {
        bad('finding-message', `malformed message ${JSON.stringify(f.message)}`);
      }
      if (!['error', 'warning', 'info', 'hint'].includes(f.severity)) bad('finding-severity', `severity ${String(f.severity)}`);
      for (const fix of [f.fix, ...(f.suggestions ?? [])]) if (fix) this.fixWellFormed(text, fix, bad);
    }
  }

  private fixWellFormed(text: string, fix: Fix, bad: (check: string, detail: string) => void) {
    if (typeof fix.title !== 'string' || !fix.title.trim()) bad('fix-title', 'fix without a title');
    const edits = [...fix.offsetEdits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      if (!validSpan(e, text.length) || typeof e.newText !== 'string') { bad('fix-edit-range', `edit ${JSON.stringify(e)} outside 0..${text.length}`); continue; }
      if (i > 0 && e.start < edits[i - 1].end) bad('fix-edits-overlap', `edits ${JSON.stringify(edits[i - 1])} and ${JSON.stringify(e)} overlap: one would be dropped`);
      if (splitsUnit(text, e.start) || splitsUnit(text, e.end)) bad('fix-splits-character', `edit ${JSON.stringify({ start: e.start, end: e.end })} splits a surrogate pair or a CRLF`);
    }
  }

  run(): CheckResult {
    const { text, kind } = this.input;
    this.parsers(text, kind);
    const res = this.lint(text, 'lint', true);
    if (res && this.opts.fixes && text.length <= (this.opts.fixSizeLimit ?? Infinity)) {
      this.eachFix(text, res);
      this.fixAllChecks(text, res, false);
      if (this.opts.harden) this.fixAllChecks(text, res, true);
    }
    return { violations: this.violations, lintMs: this.lintMs, lints: this.lints };
  }

  private parsers(text: string, kind: DocumentKind) {
    const guard = (name: string, fn: () => { errors: { span: Span }[] }) => {
      try {
        const r = fn();
        for (const e of r.errors) if (!validSpan(e.span, text.length)) { this.add({ type: 'invariant', check: `${name}-error-span`, detail: `error span ${JSON.stringify(e.span)} outside 0..${text.length}` }); break; }
      } catch (e) {
        this.add({ type: 'crash', check: `${name}-throws`, detail: errText(e) });
      }
    };
    if (kind === 'dockerfile') guard('parseDockerfile', () => parseDockerfile(text));
    else guard('parseCompose', () => parseCompose(text));
    if (text.length <= 200_000) {
      guard('parseShell', () => {
        const r = parseShell(text);
        for (const c of r.commands) if (!validSpan(c, text.length)) { this.add({ type: 'invariant', check: 'parseShell-command-span', detail: `command span ${JSON.stringify({ start: c.start, end: c.end })}` }); break; }
        return r;
      });
    }
  }

  /** One fix per rule (its first finding with a fix), and that finding's suggestions. */
  private eachFix(text: string, res: LintResult) {
    const seen = new Set<string>();
    const byRule = (r: LintResult, rule: string) => r.findings.filter((f) => f.rule === rule);
    const syntaxBefore = countSyntax(res);
    for (const f of res.findings) {
      if (seen.has(f.rule) || (!f.fix && !f.suggestions?.length)) continue;
      seen.add(f.rule);
      const before = byRule(res, f.rule);
      for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
        if (!fix || fix.offsetEdits.some((e) => !validSpan(e, text.length))) continue;
        const out = applyOffsetEdits(text, fix.offsetEdits);
        const stage = `after the fix "${fix.title}" of ${f.rule}`;
        const bad = (check: string, detail: string) => this.add({ type: 'invariant', check, rule: f.rule, detail: `${stage}: ${detail}` });
        if (out === text && !fix.fileEdits?.length) { bad('fix-no-change', 'the fix changes nothing'); continue; }
        const after = this.lint(out, stage);
        if (!after) continue;
        const now = byRule(after, f.rule);
        const stillThere = now.some((x) => x.message === f.message && sameSpot(fix.offsetEdits, f.span.start, x.span.start));
        if (out !== text && stillThere && now.length >= before.length && now.filter((x) => x.fix).length >= before.filter((x) => x.fix).length) {
          bad('fix-not-resolving', `${f.rule} still reports ${now.length} finding(s) (${before.length} before): ${JSON.stringify(now.map((x) => x.message).slice(0, 2))}`);
        }
        if (syntaxBefore === 0 && countSyntax(after) > 0) bad('fix-adds-syntax-error', after.findings.filter((x) => x.rule === 'syntax-error').map((x) => x.message).slice(0, 2).join('; '));
        const lost = lostComments(text, out, this.input.kind, targetedComments(text, [f]));
        if (lost.length) bad('fix-loses-comment', `comment line(s) gone: ${JSON.stringify(lost.slice(0, 3))}`);
      }
    }
  }

  private fixAllChecks(text: string, res: LintResult, unsafe: boolean) {
    const what = unsafe ? 'harden' : 'fixAll';
    const settings = this.opts.settings ?? ALL_PROFILES;
    const input = { text, kind: this.input.kind, path: this.input.kind === 'compose' ? 'compose.yaml' : 'Dockerfile', settings };
    const run = (t: string) => unsafe ? harden({ ...input, text: t }) : fixAll({ ...input, text: t });
    let once: ReturnType<typeof run>;
    let twice: ReturnType<typeof run>;
    try {
      once = run(text);
      this.lints += once.passes + 1;
      if (once.text === text) return;
      twice = run(once.text);
      this.lints += twice.passes + 1;
    } catch (e) {
      this.add({ type: 'crash', check: `${what}-throws`, detail: errText(e) });
      return;
    }
    const rules = [...new Set(once.applied.map((a) => a.rule))];
    const rule = rules.length === 1 ? rules[0] : undefined;
    const bad = (check: string, detail: string, r = rule) => this.add({ type: 'invariant', check, rule: r, detail: `${what} (applied: ${rules.join(', ')}): ${detail}` });
    if (twice.text !== once.text) {
      const again = [...new Set(twice.applied.map((a) => a.rule))];
      bad(`${what}-not-idempotent`, `a second run still changes the text, applying ${again.join(', ')}`, again.length === 1 ? again[0] : rule);
    }
    const after = this.lint(once.text, `after ${what}`);
    if (after && countSyntax(res) === 0 && countSyntax(after) > 0) bad(`${what}-adds-syntax-error`, after.findings.filter((x) => x.rule === 'syntax-error').map((x) => x.message).slice(0, 2).join('; '));
    const exempt = targetedComments(text, res.findings.filter((f) => rules.includes(f.rule)));
    const lost = lostComments(text, once.text, this.input.kind, exempt, rules.includes('unused-suppression'));
    if (lost.length) bad(`${what}-loses-comment`, `comment line(s) gone: ${JSON.stringify(lost.slice(0, 3))}`);
  }
}

export function checkInput(input: { text: string; kind: DocumentKind }, opts: CheckOptions = {}): CheckResult {
  return new Checker(input, opts).run();
}

/**
 * Shrinks an input while `stillFails` holds: whole lines first, then characters (ddmin-style),
 * within a time budget. Returns the smallest input found.
 */
export function minimize(text: string, stillFails: (t: string) => boolean, budgetMs = 5000): string {
  const deadline = Date.now() + budgetMs;
  let best = text;
  const shrink = (units: string[], join: string): string[] => {
    let chunk = Math.max(1, units.length >> 1);
    while (chunk >= 1 && Date.now() < deadline) {
      let changed = false;
      for (let i = 0; i < units.length && Date.now() < deadline;) {
        const cand = [...units.slice(0, i), ...units.slice(i + chunk)];
        const t = cand.join(join);
        if (cand.length < units.length && stillFails(t)) { units = cand; best = t; changed = true; } else i += chunk;
      }
      if (!changed) chunk >>= 1;
    }
    return units;
  };
  const lines = shrink(best.split(/(?<=\n)/), '');
  best = lines.join('');
  if (best.length <= 2000) shrink([...best], '');
  return best;
}
