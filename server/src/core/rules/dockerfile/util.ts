// Small helpers shared by Dockerfile rules: reading the model and building edits.
import type { Instruction, Stage } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import type { ShCommand, ShWord } from '../../shell/model';
import { baseName } from '../../shell/parse';
import type { FixSpec, OffsetEdit, Span } from '../../types';
import { toSource } from '../../dockerfile/words';
import { editDistance, isLineBreakCode } from '../../text';
import { isCommentLine } from '../../dockerfile/parse';
import { setsErrexit } from '../../shell/commands';
import { own } from '../../own';
import { emptied, takeAll } from '../../shell/list-builder';

/** The `user[:group]` of a USER instruction names root. */
export function isRootUser(value: string): boolean {
  // The name compared in place, not split off: a USER without a group (most) is the name itself.
  const colon = value.indexOf(':');
  const user = colon < 0 ? value : value.slice(0, colon);
  return user === 'root' || user === '0';
}

/** JSON array text for exec form, e.g. ["node", "server.js"]. */
export function execForm(args: readonly string[]): string {
  let out = '[';
  for (let k = 0; k < args.length; k++) out += (k ? ', ' : '') + jsonString(args[k]);
  return out + ']';
}

/**
 * `JSON.stringify(s)` for a string: a string with nothing to escape (most words) is quoted as it is. JSON.stringify
 * is a call into the runtime that sets up a serializer each time: the exec-form fixes of shell-form-command and
 * healthcheck-missing spent more in it than in the rest of their fix.
 */
export function jsonString(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    // What JSON.stringify escapes: control characters, `"`, `\` and lone surrogates (any surrogate: left to it).
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return '"' + s + '"';
}

/** Replace an instruction's keyword, keeping its casing style. */
export function replaceKeyword(i: Instruction, keyword: string): OffsetEdit {
  const lower = i.keywordRaw === i.keywordRaw.toLowerCase();
  return { start: i.keywordSpan.start, end: i.keywordSpan.end, newText: lower ? keyword.toLowerCase() : keyword };
}

/** Indentation of the line an offset is on. */
export function indentAt(ctx: DockerfileContext, offset: number): string {
  const line = ctx.lines.lineText(ctx.lines.lineOf(offset));
  return /^[ \t]*/.exec(line)![0];
}

/** Insert a new line with `text` before the line holding `offset` (same indentation). */
export function insertLineBefore(ctx: DockerfileContext, offset: number, text: string): OffsetEdit {
  const line = ctx.lines.lineOf(offset);
  const at = ctx.lines.lineStarts[line];
  return { start: at, end: at, newText: indentAt(ctx, offset) + text + ctx.lines.eol() };
}

/** Insert a new line after the last line of an instruction (after any heredoc body). */
export function insertLineAfter(ctx: DockerfileContext, i: Instruction, text: string): OffsetEdit {
  const endLine = ctx.lines.lineOf(i.end);
  const at = ctx.lines.lineEnd(endLine);
  return { start: at, end: at, newText: ctx.lines.eol() + text };
}

// ---- Stage-chain facts ------------------------------------------------------------------------
// A stage built `FROM <earlier stage>` inherits its USER, WORKDIR, SHELL, ENV… Walking up the chain
// from every stage (or every instruction) is quadratic: a generated file of 2,000 chained stages took
// seconds. These helpers compute each fact once per stage per lint, memoized on the lint's analysis.

/**
 * A value made once per lint for `key`: keep `key` the same object across calls. The memo lives on the lint's
 * context (one per lint, shared by its rules): no WeakMap lookup per call, and nothing outlives the lint.
 */
export function oncePerLint<T>(ctx: DockerfileContext, key: object, make: (ctx: DockerfileContext) => T): T {
  const memo = (ctx.memo ??= new Map());
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) { value = make(ctx); memo.set(key, value); }
  return value as T;
}

/**
 * A rule's per-lint state, made by `make` on first need and kept in the lint's memo under `make` itself (a module
 * function, so the same key on every call): how rules with shared `handlers` keep state a lint may never need.
 */
export const lintState = <T>(ctx: DockerfileContext, make: (ctx: DockerfileContext) => T): T => oncePerLint(ctx, make, make);

/**
 * A fact of each stage that depends on the stage itself and on the same fact of the stage it builds on
 * (`fromParent` is undefined for a stage built on an image). Each stage is folded once per lint, so asking
 * for every stage of a chain costs one visit per stage. `fold` is the memo key: pass the same function
 * object every time (a module-level function, or one made once in `create`).
 */
export function chainFact<T>(ctx: DockerfileContext, fold: (stage: Stage, fromParent: NoInfer<T> | undefined) => T, stage: Stage): T {
  const values = oncePerLint(ctx, fold, newStageMap<T>);
  // Most questions are about a stage already folded, or one whose parent is (rules ask stage after stage, in
  // file order): answered without the list of stages to fold.
  const known = values.get(stage);
  if (known !== undefined || values.has(stage)) return known as T;
  const parent = ctx.analysis.parentStage(stage);
  if (!parent || values.has(parent)) {
    const v = fold(stage, parent ? values.get(parent) : undefined);
    values.set(stage, v);
    return v;
  }
  // Parents always come earlier in the file (parentStage checks it), so the walk up ends.
  const pending: Stage[] = [stage];
  let s: Stage | undefined = parent;
  while (s && !values.has(s)) { pending.push(s); s = ctx.analysis.parentStage(s); }
  let v = s ? values.get(s) : undefined;
  for (let k = pending.length - 1; k >= 0; k--) { v = fold(pending[k], v); values.set(pending[k], v); }
  return values.get(stage) as T;
}

/** A module function, not an arrow in chainFact: asked per stage by several rules, the arrow was a new object each time. */
function newStageMap<T>(): Map<Stage, T> {
  return new Map();
}

const rootOf = (s: Stage, parentRoot: Stage | undefined): Stage => parentRoot ?? s;

/** The first stage of a stage's `FROM <stage>` chain: the one built on an image (the stage itself when it is). */
export function rootStage(ctx: DockerfileContext, stage: Stage): Stage {
  // A stage built on an image (most) is its own root: no per-lint memo (a Map per file) for it.
  return ctx.analysis.parentStage(stage) ? chainFact(ctx, rootOf, stage) : stage;
}

const lastUserOf = (s: Stage, inherited: Instruction | undefined): Instruction | undefined => {
  for (let k = s.instructions.length - 1; k >= 0; k--) if (s.instructions[k].keyword === 'USER') return s.instructions[k];
  return inherited;
};

/** The USER in effect at the end of a stage (following parent stages), or undefined for the image default. */
export function lastUser(ctx: DockerfileContext, stage: Stage): Instruction | undefined {
  // A stage built on an image (most final stages; asked once per lint by two rules) answers from its own
  // instructions, without the per-lint memo (a Map per file).
  return ctx.analysis.parentStage(stage) ? chainFact(ctx, lastUserOf, stage) : lastUserOf(stage, undefined);
}

const hasKeyword = (keyword: string) => (s: Stage, inherited: boolean | undefined): boolean => !!inherited || s.instructions.some((i) => i.keyword === keyword);
const keywordFolds = new Map<string, (s: Stage, inherited: boolean | undefined) => boolean>();

/** Whether a stage or a stage it builds on (transitively) has an instruction with this keyword (ONBUILD triggers excluded). */
export function chainHas(ctx: DockerfileContext, stage: Stage, keyword: string): boolean {
  let fold = keywordFolds.get(keyword);
  if (!fold) { fold = hasKeyword(keyword); keywordFolds.set(keyword, fold); }
  return chainFact(ctx, fold, stage);
}

/** Whether a stage the given one builds on (transitively, the stage itself excluded) has an instruction with this keyword. */
export function ancestorHas(ctx: DockerfileContext, stage: Stage, keyword: string): boolean {
  const parent = ctx.analysis.parentStage(stage);
  return !!parent && chainHas(ctx, parent, keyword);
}

const childrenKey = {};

/** The stages built FROM each stage, by stage. */
function stageChildren(ctx: DockerfileContext): Map<Stage, Stage[]> {
  return oncePerLint(ctx, childrenKey, childrenByStage);
}

function childrenByStage(ctx: DockerfileContext): Map<Stage, Stage[]> {
  const out = new Map<Stage, Stage[]>();
  for (const s of ctx.doc.stages) {
    const p = ctx.analysis.parentStage(s);
    if (p) { const list = out.get(p); if (list) list.push(s); else out.set(p, [s]); }
  }
  return out;
}

/**
 * Every stage once, depth first along `FROM <stage>` (a parent before the stages built on it): `enter`
 * before a stage's children, `leave` after them. No recursion, so a 10,000-stage chain is no deeper on
 * the stack than one stage. For facts scoped to a chain that a per-stage fold would copy (maps of names).
 */
export function walkStageTree(ctx: DockerfileContext, enter: (s: Stage) => void, leave: (s: Stage) => void): void {
  const children = stageChildren(ctx);
  const stack: { stage: Stage; next: number }[] = [];
  for (const root of ctx.doc.stages) {
    if (ctx.analysis.parentStage(root)) continue;
    enter(root);
    stack.push({ stage: root, next: 0 });
    while (stack.length) {
      const top = stack[stack.length - 1];
      const kids = children.get(top.stage);
      if (kids && top.next < kids.length) {
        const child = kids[top.next++];
        enter(child);
        stack.push({ stage: child, next: 0 });
      } else {
        stack.pop();
        leave(top.stage);
      }
    }
  }
}

/** `/`, `:` or `@` (character codes: asked for every character of every stage's image). */
const isTagEnd = (c: number) => c === 47 || c === 58 || c === 64;
const COLON = 58;
const AT = 64;


/**
 * Where the tag of an image reference starts (after its `:`) as `/^(.*?)(?::([^/:@]+))?(?:@.*)?$/` splits it, or -1
 * when that pattern finds no tag or does not match; the tag runs to the next `/`, `:` or `@` (tagEnd). In linear
 * time: that pattern tried the rest of the text from every position, quadratic on a long run of `@` or `:` before
 * a line break. Offsets, not the name and tag: most images' tags are then read in place (knownTagFor).
 */
function tagStart(s: string): number {
  const n = s.length;
  let firstBreak = n;
  let lastBreak = -1;
  for (let k = 0; k < n; k++) if (isLineBreakCode(s.charCodeAt(k))) { if (firstBreak === n) firstBreak = k; lastBreak = k; }
  let tagEnd = 0; // the first `/`, `:` or `@` at or after the tag's start (moves forward only)
  for (let p = 0; p <= firstBreak; p++) { // the name holds no line break
    const c = p < n ? s.charCodeAt(p) : -1;
    if (c === COLON) {
      if (tagEnd < p + 1) tagEnd = p + 1;
      while (tagEnd < n && !isTagEnd(s.charCodeAt(tagEnd))) tagEnd++;
      if (tagEnd > p + 1 && (tagEnd === n || (s.charCodeAt(tagEnd) === AT && tagEnd > lastBreak))) return p + 1;
    }
    if (p === n || (c === AT && p > lastBreak)) return -1;
  }
  return -1;
}

/** The end of a tag starting at `start`: the next `/`, `:` or `@`, or the end of the text. */
function tagEnd(s: string, start: number): number {
  let end = start;
  while (end < s.length && !isTagEnd(s.charCodeAt(end))) end++;
  return end;
}

/** Docker's tag grammar, `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`, tested in place: only such a tag is worth offering as a replacement. */
function isValidTag(s: string, start: number, end: number): boolean {
  if (end <= start || end - start > 128) return false;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!word && (k === start || (c !== 46 && c !== 45))) return false;
  }
  return true;
}

const knownTagsKey = {};

/** Same tag used for the same image elsewhere in this file: a tag the user already chose (first stage wins). */
export function knownTagFor(ctx: DockerfileContext, name: string): string | undefined {
  return oncePerLint(ctx, knownTagsKey, tagsByImageName).get(name);
}

function tagsByImageName(ctx: DockerfileContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of ctx.doc.stages) {
    // Without a `$` the image is as written (nothing to expand, nothing unresolved): the stage's resolved image,
    // kept for the rest of the lint, is made only for the stages that need one.
    const raw = s.image.raw;
    const r = raw.includes('$') ? ctx.analysis.resolvedImage(s) : undefined;
    if (r?.unresolved.length) continue;
    const image = r ? r.image : raw;
    const start = tagStart(image);
    if (start < 0) continue;
    const end = tagEnd(image, start);
    if (!isValidTag(image, start, end) || (end - start === 6 && image.startsWith('latest', start))) continue;
    const named = image.slice(0, start - 1);
    if (!out.has(named)) out.set(named, image.slice(start, end));
  }
  return out;
}

/** An absolute path on Linux (`/x`) or Windows (`C:\x`, `C:/x`, `\x`). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || WINDOWS_DRIVE.test(p);
}

/** `C:\` or `C:/` at the start (module-level: a regular expression literal is a new object each time it is evaluated). */
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

/** A word's text without one pair of surrounding quotes, as written (escapes kept: `"C:\"` gives `C:\`). */
export function stripQuotes(raw: string): string {
  // What `/^(["']).*\1$/s` tests, on the two ends only.
  const q = raw[0];
  return raw.length >= 2 && (q === '"' || q === "'") && raw[raw.length - 1] === q ? raw.slice(1, -1) : raw;
}

/** A base image that has no shell or package tools to speak of (`scratch`, distroless, chiselled). */
export function isMinimalImage(image: string): boolean {
  const s = image.toLowerCase();
  // (`(^|/)distroless/` was also tested: any text it matches includes `distroless`.)
  return s === 'scratch' || s.includes('distroless') || CHISELLED.test(s);
}

// Module constants: a regular expression literal in a function is a new object each time it runs.
const CHISELLED = /(^|[-_.:/])(chiseled|chiselled)([-_.:]|$)/;
const ALPINE_LIKE = /(^|[/:_.-])(alpine|busybox)([-_.:@]|$)/i;

/** Whether a base image is Alpine or BusyBox based, going by its name and tag (`node:22-alpine`). */
export function isAlpineLike(image: string): boolean {
  return ALPINE_LIKE.test(image);
}

/**
 * Every stage a stage inherits from through `FROM <stage>`, nearest first (the stage itself excluded).
 * As long as the chain: for one stage (the final one), not for each stage — use chainFact for that.
 */
export function ancestorStages(ctx: DockerfileContext, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s = ctx.analysis.parentStage(stage); s; s = ctx.analysis.parentStage(s)) out.push(s);
  return out;
}

/** Comment lines between two instructions (exclusive), with their line numbers, for edits that must keep them. */
export function commentLinesBetween(ctx: DockerfileContext, afterLine: number, beforeLine: number): string[] {
  const comments = ctx.doc.comments;
  if (!oncePerLint(ctx, commentsInOrder, commentsOfLintInOrder)) {
    return comments.filter((c) => c.line > afterLine && c.line < beforeLine).map((c) => ctx.lines.lineText(c.line));
  }
  // Comments come in line order: start at the first one after `afterLine` instead of testing every comment of the
  // file (asked for each pair of consecutive RUNs: 0.6 % of a 5,000-line lint).
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (comments[mid].line > afterLine) hi = mid; else lo = mid + 1; }
  const out: string[] = [];
  for (let k = lo; k < comments.length && comments[k].line < beforeLine; k++) out.push(ctx.lines.lineText(comments[k].line));
  return out;
}

const commentsOfLintInOrder = (ctx: DockerfileContext) => commentsInOrder(ctx.doc.comments);

/** Whether the comments are sorted by line (the parser lists them in document order). */
function commentsInOrder(comments: readonly { line: number }[]): boolean {
  for (let k = 1; k < comments.length; k++) if (comments[k - 1].line > comments[k].line) return false;
  return true;
}

/** A `$NAME` / `${NAME…}` reference in instruction text (logical offsets into the text scanned). */
/** A name a `$NAME` reference can spell: only these are worth suggesting in place of an undefined one. */
export const isVariableName = (n: string) => n.length > 0 && variableNameEnd(n, 0, n.length) === n.length;

export interface VariableRef {
  name: string;
  /** The whole reference, `$` to the closing brace. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** `${NAME:-x}`, `${NAME+x}`…: the operator after the name, if any. */
  modifier?: string;
}

/**
 * Variable references BuildKit expands in an instruction's arguments: not inside single quotes, not after the
 * escape character; names inside `${A:-$B}` included.
 */
export function variableRefs(text: string, escape = '\\', from = 0, to = text.length): readonly VariableRef[] {
  // Most instructions reference no variable: no list for them (undefined-var asks for every instruction). The others
  // collect into a scratch list and get an exact-size copy (a list grown by push reserves 17 slots).
  const dollar = text.indexOf('$', from);
  if (dollar < 0 || dollar >= to) return NO_REFS;
  collectRefs(text, escape, from, to, emptied(refScratch));
  return takeAll(refScratch);
}

const NO_REFS: readonly VariableRef[] = Object.freeze([]);
const refScratch: VariableRef[] = [];

// Names and operators are read in place, not by a regex over a slice of the text: every instruction's
// arguments are scanned (undefined-var), and the slices and match arrays were most of what the scan allocated.
function collectRefs(text: string, escape: string, from: number, to: number, out: VariableRef[]): void {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === escape && quote !== "'") { i++; continue; }
    if (c === "'" && quote !== '"') { quote = quote ? '' : "'"; continue; }
    if (c === '"' && quote !== "'") { quote = quote ? '' : '"'; continue; }
    if (c !== '$' || quote === "'") continue;
    if (text[i + 1] === '{') {
      let depth = 0;
      let close = -1;
      for (let k = i + 1; k < to; k++) {
        if (text[k] === escape) { k++; continue; }
        if (text[k] === '{') depth++;
        else if (text[k] === '}' && --depth === 0) { close = k; break; }
      }
      if (close < 0) return;
      const nameEnd = variableNameEnd(text, i + 2, close);
      if (nameEnd > i + 2) {
        out.push({ name: text.slice(i + 2, nameEnd), start: i, end: close + 1, nameStart: i + 2, nameEnd, modifier: modifierAt(text, nameEnd, close) });
        collectRefs(text, escape, nameEnd, close, out);
      }
      i = close;
      continue;
    }
    const nameEnd = variableNameEnd(text, i + 1, Math.min(to, i + 257));
    if (nameEnd === i + 1) continue;
    out.push({ name: text.slice(i + 1, nameEnd), start: i, end: nameEnd, nameStart: i + 1, nameEnd });
    i = nameEnd - 1;
  }
}

/** End of the name `[A-Za-z_][A-Za-z0-9_]*` starting at `start` (before `limit`); `start` when there is none. */
function variableNameEnd(text: string, start: number, limit: number): number {
  let k = start;
  while (k < limit) {
    const ch = text.charCodeAt(k);
    const letter = (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
    if (!letter && (k === start || ch < 48 || ch > 57)) break;
    k++;
  }
  return k;
}

/** The operator right after a name in `${NAME…}` (`:-`, `+`, `##`, `%`, `//`…), or undefined. */
function modifierAt(text: string, at: number, close: number): string | undefined {
  if (at >= close) return undefined;
  const c = text[at];
  const next = at + 1 < close ? text[at + 1] : '';
  switch (c) {
    case ':': return next === '-' ? ':-' : next === '+' ? ':+' : next === '?' ? ':?' : undefined;
    case '-': case '+': case '?': return c;
    case '#': return next === '#' ? '##' : '#';
    case '%': return next === '%' ? '%%' : '%';
    case '/': return next === '/' ? '//' : '/';
    default: return undefined;
  }
}

/** The closest candidate within edit distance 2 (as BuildKit suggests names), or undefined. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let dist = 3;
  for (const c of candidates) {
    if (c === name) return undefined;
    // Bounds of the distance first: editDistance would give the same answer after allocating two typed-array rows
    // (0.12 MB of a 5,000-line lint, where undefined ARGs are compared with every global ARG).
    if (Math.abs(name.length - c.length) >= dist || letterCountDistance(name, c) >= dist) continue;
    const d = editDistance(name, c, dist - 1);
    if (d < dist) { dist = d; best = c; }
  }
  return best;
}

const letterCounts = new Int32Array(128);

/**
 * A lower bound of the edit distance of two ASCII strings: each edit changes the count of at most one character
 * on each side, so it is at least the larger total excess of either side's characters (0 for non-ASCII text).
 */
function letterCountDistance(a: string, b: string): number {
  for (let k = 0; k < a.length; k++) if (a.charCodeAt(k) >= 128) return 0;
  for (let k = 0; k < b.length; k++) if (b.charCodeAt(k) >= 128) return 0;
  for (let k = 0; k < a.length; k++) letterCounts[a.charCodeAt(k)]++;
  for (let k = 0; k < b.length; k++) letterCounts[b.charCodeAt(k)]--;
  // Each character's balance is read once (then cleared for the next call): positive ones are excess in a.
  let moreInA = 0;
  let moreInB = 0;
  for (let k = 0; k < a.length; k++) { const n = letterCounts[a.charCodeAt(k)]; if (n > 0) moreInA += n; else moreInB -= n; letterCounts[a.charCodeAt(k)] = 0; }
  for (let k = 0; k < b.length; k++) { const n = letterCounts[b.charCodeAt(k)]; if (n > 0) moreInA += n; else moreInB -= n; letterCounts[b.charCodeAt(k)] = 0; }
  return Math.max(moreInA, moreInB);
}

/**
 * Whether a stage's layers reach an image someone uses: the final stage, a stage another stage is built FROM,
 * and ONBUILD triggers (they run in whatever image is built from this one). A stage only used by
 * `COPY --from` ships nothing but the files copied.
 */
export function layersShipped(ctx: DockerfileContext, i: Instruction): boolean {
  if (i.parent) return true;
  const stage = ctx.analysis.stageOf(i);
  if (!stage || stage === ctx.analysis.finalStage) return true;
  return ctx.analysis.hasChildStage(stage);
}

/**
 * Whether a RUN after `i` in its stage, or in a stage built FROM that stage (transitively), satisfies
 * `matches`. Each RUN of the file is tested once per lint for each `matches` (the memo key: pass the same
 * function object every time), so asking it for every RUN stays linear.
 */
export function laterRunMatches(ctx: DockerfileContext, i: Instruction, matches: (run: Instruction) => boolean): boolean {
  const stage = ctx.analysis.stageOf(i);
  if (!stage || i.parent) return false;
  const facts = oncePerLint(ctx, matches, () => {
    /** Start of the last matching RUN of each stage (-1: none). */
    const lastStart = new Map<Stage, number>();
    /** Stages some stage built on them (transitively) has a matching RUN. */
    const below = new Set<Stage>();
    // Children come after their parent in the file: one pass from the end settles every subtree.
    for (let k = ctx.doc.stages.length - 1; k >= 0; k--) {
      const s = ctx.doc.stages[k];
      let last = -1;
      for (const x of s.instructions) if (x.keyword === 'RUN' && matches(x)) last = x.start;
      lastStart.set(s, last);
      const parent = ctx.analysis.parentStage(s);
      if (parent && (last >= 0 || below.has(s))) below.add(parent);
    }
    return { lastStart, below };
  });
  return (facts.lastStart.get(stage) ?? -1) > i.start || facts.below.has(stage);
}

/**
 * A fix inserting an option (` -y`) right after a word of a command (`install` → `install -y`), inside
 * `sh -c '…'` and heredocs too. Past an end-of-options `--` the command would read it as an operand (a
 * package named `-y`), so when one comes before the word the option goes in front of the `--`.
 * Undefined where the option would fall outside an `sh -c` script (see insideShCScript).
 */
export function optionFix(ctx: DockerfileContext, i: Instruction, cmd: ShCommand, word: Span, option: string, fix: { title: string; safe: boolean }): FixSpec | undefined {
  let endOfOptions: ShWord | undefined;
  for (const a of cmd.args) if (a.start < word.start && a.value === '--') { endOfOptions = a; break; }
  const edit = endOfOptions
    ? { start: endOfOptions.start, end: endOfOptions.start, newText: `${option.trimStart()} ` }
    : { start: word.end, end: word.end, newText: option };
  // Fields copied by name, not spread: an object spread takes a slower generic copy, once per finding.
  return insideShCScript(ctx, i, cmd, edit.start) ? { title: fix.title, safe: fix.safe, edits: [edit] } : undefined;
}

/**
 * Whether text inserted at `at`, in a command of an `sh -c` script, stays inside that script: its word
 * must be quoted there (`sh -c 'pip instal'l`: after the unquoted `l`, a space ends the word and the
 * option would go to sh as `$0`). One level of `sh -c` only.
 */
function insideShCScript(ctx: DockerfileContext, i: Instruction, cmd: ShCommand, at: number): boolean {
  let depth = 0;
  for (const k of cmd.context) if (k === 'sh-c') depth++;
  if (depth !== 1) return depth === 0;
  let script: ShWord | undefined;
  for (const c of ctx.analysis.shell(i).commands) {
    if (c.context.includes('sh-c')) continue;
    for (const w of c.args) if (w.start <= cmd.start && at <= w.end) script = w;
  }
  if (!script) return false;
  const src = ctx.text.slice(script.start, at);
  if (/\n[ \t]*#/.test(src)) return false; // a comment line in the continuation: its quotes do not count
  let quote = '';
  for (let k = 0; k < src.length; k++) {
    const ch = src[k];
    if (quote === "'") { if (ch === "'") quote = ''; continue; }
    if (ch === '\\') { k++; continue; }
    if (quote === '"') { if (ch === '"') quote = ''; continue; }
    if (ch === "'" || ch === '"') quote = ch;
  }
  return quote !== '';
}

/**
 * An edit that appends `command` to a RUN so it runs after everything else, only when the script succeeded:
 * ` && command` on a one-line RUN; on a continued RUN a new continuation line in the instruction's own style
 * (leading `&& ` or trailing ` && \`), indentation and escape character; in a heredoc script a new line when
 * the script runs under `set -e`, else ` && command` after its last command. Undefined when there is no such
 * place (exec form, a trailing comment or `;`, a script ending inside a compound command).
 */
export function appendCommandToRun(ctx: DockerfileContext, i: Instruction, command: string): OffsetEdit | undefined {
  if (i.exec) return undefined;
  // Half-typed shell (an open quote, `${`, `((`): an appended command would land inside it.
  if (ctx.analysis.shell(i).errors.length || i.heredocs.some((h) => !h.terminated)) return undefined;
  const commands = ctx.analysis.shell(i).commands;
  if (!commands.length) return undefined;
  let lastEnd = 0; // a loop, not Math.max(...): a long RUN has more commands than a call takes arguments
  for (const c of commands) if (c.end > lastEnd) lastEnd = c.end;
  const eol = ctx.lines.eol();
  const heredoc = i.heredocs.find((h) => lastEnd > h.bodySpan.start && lastEnd <= h.bodySpan.end);
  if (heredoc) {
    const body = ctx.text.slice(heredoc.bodySpan.start, heredoc.bodySpan.end);
    const lines = body.split(/\r?\n/);
    let k = lines.length - 1;
    while (k >= 0 && (!lines[k].trim() || lines[k].trim().startsWith('#'))) k--;
    if (k < 0) return undefined;
    const inBody = commands.filter((c) => c.start >= heredoc.bodySpan.start && c.end <= heredoc.bodySpan.end);
    if (inBody.some((c) => c.context.length === 0 && setsErrexit(c))) {
      const indent = /^[ \t]*/.exec(lines[k])![0];
      return { start: heredoc.bodySpan.end, end: heredoc.bodySpan.end, newText: eol + indent + command };
    }
    const lineEnd = heredoc.bodySpan.start + lines.slice(0, k + 1).join('\n').length + (body.includes('\r\n') ? k : 0);
    const last = inBody.reduce((a, b) => (b.end > a.end ? b : a));
    if (last.context.length || ctx.text.slice(last.end, lineEnd).trim()) return undefined;
    return { start: last.end, end: last.end, newText: ` && ${command}` };
  }
  // Shell form: the script ends where the instruction's argument text ends.
  // Shell whitespace only: `\s` also takes U+2028/U+2029, which the shell reads as part of the last word.
  const rest = i.rest.slice(0, endBeforeShellBlanks(i.rest));
  if (!rest || /[;&|\\]$/.test(rest)) return undefined;
  const end = toSource(i.map, i.restOffset + rest.length - 1) + 1;
  // Dockerfile comment lines inside the continuation are not the shell's; a `#` on a script line is.
  const between = ctx.text.slice(lastEnd, end).split(/\r?\n/).filter((l, k) => k === 0 || !/^\s*#/.test(l)).join('\n');
  if (between.includes('#')) return undefined;
  const esc = ctx.doc.escape;
  const first = ctx.lines.lineOf(i.start);
  const lastLine = ctx.lines.lineOf(end);
  if (first === lastLine) return { start: end, end, newText: ` && ${command}` };
  let leading: string | undefined;
  let trailing: string | undefined;
  let firstIndent: string | undefined;
  const trailingJoin = esc === '\\' ? JOIN_THEN_BACKSLASH : JOIN_THEN_BACKTICK;
  for (let l = first; l <= lastLine; l++) {
    const t = ctx.lines.lineText(l);
    if (/^\s*#/.test(t) || !t.trim()) continue;
    const indent = /^[ \t]*/.exec(t)![0];
    if (l > first) {
      firstIndent ??= indent;
      if (/^\s*(&&|\|\|)/.test(t)) leading = indent;
    }
    if (l < lastLine && trailingJoin.test(t)) trailing = /^[ \t]*/.exec(ctx.lines.lineText(l + 1))![0];
  }
  if (leading === undefined && trailing !== undefined) return { start: end, end, newText: ` && ${esc}${eol}${trailing}${command}` };
  return { start: end, end, newText: ` ${esc}${eol}${leading ?? firstIndent ?? '    '}&& ${command}` };
}

/** A line ending in `&& \`, `|| \` or `; \` (with the file's escape character): the next line continues the list. */
const JOIN_THEN_BACKSLASH = /(&&|\|\||;)\s*\\\s*$/;
const JOIN_THEN_BACKTICK = /(&&|\|\||;)\s*`\s*$/;

/** Where `text` ends without its trailing spaces, tabs and line breaks (not `\s`: see appendCommandToRun). */
function endBeforeShellBlanks(text: string): number {
  let end = text.length;
  while (end > 0) {
    const ch = text.charCodeAt(end - 1);
    if (ch !== 32 && ch !== 9 && ch !== 13 && ch !== 10) break;
    end--;
  }
  return end;
}

/** Offset where a new line before `i` goes so that the comment block directly above `i` stays attached to it. */
export function startAboveComments(ctx: DockerfileContext, i: Instruction): number {
  const commentLines = new Set(ctx.doc.comments.map((c) => c.line));
  let line = i.startLine;
  while (line > 0 && commentLines.has(line - 1) && !ctx.doc.directives.some((d) => d.line === line - 1)) line--;
  return ctx.lines.lineStarts[line];
}

/** A shell command with wrappers such as `sudo`, `env VAR=x` or `python -m pip` peeled off. */
export interface EffectiveCommand {
  /** Basename of the command that really runs (`pip` for `python3 -m pip`). */
  name: string;
  nameWord: ShWord;
  args: ShWord[];
  cmd: ShCommand;
  /** `withArgs` of this reading, made once: rules ask for it per command. */
  withArgs?: ShCommand;
}

const WRAPPER_VALUE_OPTS: Record<string, string> = { sudo: 'ugpCDrtUh', env: 'uC', nice: 'n', doas: 'uC', timeout: 'sk', stdbuf: 'ioe' };

const WRAPPER_NAMES = new Set([...Object.keys(WRAPPER_VALUE_OPTS), 'nohup', 'time', 'command', 'exec']);

/** A program that runs the command in its arguments (`sudo`, `env`, `nohup`…). */
const isWrapperName = (base: string) => WRAPPER_NAMES.has(base);

/** `python -m module`: the module is what runs. */
// The `-m` test first: it answers most commands (asked for every command of every RUN) without the name tests.
const runsPythonModule = (base: string, args: readonly ShWord[]) => args.length > 1 && args[0].value === '-m' && base.startsWith('python') && /^python[0-9.]*$/.test(base);

/** Whether a command named `base` runs another command (a wrapper, or `python -m`): only those need reading. */
const wrapsAnother = (base: string, args: readonly ShWord[]) => isWrapperName(base) || runsPythonModule(base, args);

const effective = new WeakMap<ShCommand, EffectiveCommand | null>();

/**
 * The command that really runs, wrappers peeled off (read-only). A command that wraps another is read once and
 * rules share the reading; a command that wraps nothing (most) gets a new small object on each call instead: its
 * WeakMap lookups and insertions were 2-3 % of a lint, and the short-lived object costs the collector less than a
 * memo entry kept until the lint ends.
 */
export function effectiveCommand(cmd: ShCommand): EffectiveCommand | undefined {
  if (!cmd.name) return undefined;
  const base = baseName(cmd.name.value);
  if (!wrapsAnother(base, cmd.args)) return { name: base, nameWord: cmd.name, args: cmd.args, cmd, withArgs: undefined };
  let e = effective.get(cmd);
  if (e === undefined) { e = readEffectiveCommand(cmd) ?? null; effective.set(cmd, e); }
  return e ?? undefined;
}

/**
 * `effectiveCommand(cmd)?.name`, answered from the command's own name when it wraps nothing (most commands), with
 * no reading object made: a rule looking for one program tests this first and reads the command only where it is
 * that program.
 */
export function effectiveName(cmd: ShCommand): string | undefined {
  if (!cmd.name) return undefined;
  const base = baseName(cmd.name.value);
  return wrapsAnother(base, cmd.args) ? effectiveCommand(cmd)?.name : base;
}

/**
 * `withArgs(effectiveCommand(cmd))`: the command that really runs, with its own name and arguments. A command that
 * wraps nothing (most) is its own answer, with no reading object made: rules that only need the arguments ask this
 * (an object per command checked by each rule was most of what their RUN handlers allocated).
 */
export function effectiveShCommand(cmd: ShCommand): ShCommand | undefined {
  if (!cmd.name) return undefined;
  if (!wrapsAnother(baseName(cmd.name.value), cmd.args)) return cmd;
  const e = effectiveCommand(cmd);
  return e && withArgs(e);
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const DIGIT_FIRST = /^\d/;

function readEffectiveCommand(cmd: ShCommand): EffectiveCommand | undefined {
  if (!cmd.name) return undefined;
  let nameWord = cmd.name;
  let args = cmd.args;
  for (let depth = 0; depth < 4; depth++) {
    const base = baseName(nameWord.value);
    const withValue = own(WRAPPER_VALUE_OPTS, base);
    if (isWrapperName(base)) {
      let k = 0;
      while (k < args.length) {
        const v = args[k].value;
        if (v === '--') { k++; break; }
        if (v.startsWith('-') && v.length > 1) {
          const last = v[v.length - 1];
          k += !v.startsWith('--') && (withValue ?? '').includes(last) && v.length === 2 ? 2 : 1;
          continue;
        }
        if ((base === 'env' || base === 'sudo') && ASSIGNMENT.test(v)) { k++; continue; }
        if (base === 'timeout' && DIGIT_FIRST.test(v)) { k++; continue; }
        break;
      }
      if (k >= args.length) return undefined;
      nameWord = args[k];
      args = args.slice(k + 1);
      continue;
    }
    if (runsPythonModule(base, args)) {
      nameWord = args[1];
      args = args.slice(2);
      continue;
    }
    return { name: base, nameWord, args, cmd, withArgs: undefined };
  }
  return undefined;
}

/** `cmd` with its arguments replaced (for the getopt helpers in shell/commands). */
export function withArgs(e: EffectiveCommand): ShCommand {
  return (e.withArgs ??= e.nameWord === e.cmd.name && e.args === e.cmd.args ? e.cmd : { ...e.cmd, name: e.nameWord, args: e.args });
}

/** Edit removing one word of a command together with the whitespace before it. */
export function removeWordEdit(ctx: DockerfileContext, w: Span): OffsetEdit {
  let start = w.start;
  while (start > 0 && (ctx.text[start - 1] === ' ' || ctx.text[start - 1] === '\t')) start--;
  return { start, end: w.end, newText: '' };
}

/**
 * Edit deleting whole lines of an instruction (from its first line to the end of its last, line break
 * included); undefined when comment lines sit inside its continuation: they would go with it.
 */
export function deleteInstructionEdit(ctx: DockerfileContext, i: Instruction): OffsetEdit | undefined {
  if (hasEmbeddedComments(ctx, i)) return undefined;
  const first = ctx.lines.lineOf(i.start);
  const last = ctx.lines.lineOf(i.end);
  const end = last + 1 < ctx.lines.lineCount ? ctx.lines.lineStarts[last + 1] : ctx.text.length;
  return { start: ctx.lines.lineStarts[first], end, newText: '' };
}

/** Whether new lines can safely go at the end of the file: the last instruction is complete (no
 * dangling continuation, no unterminated heredoc) so an appended line starts a new instruction. */
export function canAppendLines(ctx: DockerfileContext): boolean {
  // `ONBUILD RUN <<EOF` keeps its heredoc on the trigger: an unterminated one swallows appended lines too.
  for (let x: Instruction | undefined = ctx.doc.instructions[ctx.doc.instructions.length - 1]; x; x = x.trigger) if (x.heredocs.some((h) => !h.terminated)) return false;
  // Blank and comment lines do not end a continuation: find the last line of real content.
  for (let line = ctx.lines.lineCount - 1; line >= 0; line--) {
    const t = ctx.lines.lineText(line).trim();
    if (!t || t.startsWith('#')) continue;
    return !t.endsWith(ctx.doc.escape);
  }
  return true;
}

/** Whether an instruction's lines hold comment lines (inside a continuation): rewriting its
 * arguments as one line would drop them. */
export function hasEmbeddedComments(ctx: DockerfileContext, i: Instruction): boolean {
  for (let line = i.startLine + 1; line <= i.endLine; line++) if (isCommentLine(ctx.lines.lineText(line))) return true;
  return false;
}
