// Dockerfile parser: one linear pass over the lines, never throws, returns errors alongside the model.
import type { ParseError, Span } from '../types';
import {
  KEYWORDS, type Comment, type Directive, type Dockerfile, type ExecForm, type Flag, type Heredoc, type ImageRef,
  type Instruction, type KeyValue, type SourceMap, type Stage, type Word,
} from './model';
import { parseExecForm, parsePairs, readFlags, sourceSpan, toSource, wordsOf, type TextMap } from './words';
import { emptied, takeAll } from '../shell/list-builder';
import { LineIndex } from '../text';

export interface DockerfileParse { ast: Dockerfile; errors: ParseError[] }

const KNOWN = new Set<string>(KEYWORDS);
// Matched against the trimmed line, so the value has no trailing blanks to strip: a lazy `(.*?)[ \t]*$` took
// quadratic time on a directive with a long run of spaces inside it (40,000: 1.3 s).
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*)$/;

/**
 * The document's lines as offsets (line k is [start(k), end(k)), without its terminator), from the line starts
 * LineIndex found (one definition of a line). No object or string per line: a `{ start, end, text }` and a
 * sliced string for each line were an eighth of the parse's allocation.
 */
class Lines {
  readonly count: number;

  /**
   * `lfOnly`: the text has no CR, so every line but the last ends one before the next starts (looking for a CR
   * before each line's end was 3–4 % of a parse).
   */
  constructor(readonly text: string, private readonly starts: readonly number[], private readonly lfOnly: boolean) {
    this.count = starts.length;
  }

  start(k: number): number { return this.starts[k]; }

  end(k: number): number {
    if (k + 1 >= this.count) return this.text.length;
    let end = this.starts[k + 1] - 1;
    if (this.lfOnly) return end;
    if (this.text.charCodeAt(end) === 10 && end > this.starts[k] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  textOf(k: number): string { return this.text.slice(this.start(k), this.end(k)); }
}

/** The first offset in [from, to) that is not a tab. */
function skipTabs(s: string, from: number, to: number): number {
  while (from < to && s.charCodeAt(from) === 9) from++;
  return from;
}

/** The first offset in [from, to) that is not a space or tab (`to` when there is none). */
function skipSpaceTab(s: string, from: number, to: number): number {
  while (from < to && (s.charCodeAt(from) === 32 || s.charCodeAt(from) === 9)) from++;
  return from;
}

/**
 * Go's unicode.IsSpace: ASCII white space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000 (compares, not a regular expression: this runs on every line).
 */
function isGoSpace(c: number): boolean {
  if (c < 0x85) return c === 32 || (c >= 9 && c <= 13);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Where a `#` in [from, to) would make it a comment: BuildKit trims leading white space as Go's unicode.IsSpace sees it. */
function commentLead(s: string, from: number, to: number): number {
  while (from < to && isGoSpace(s.charCodeAt(from))) from++;
  return from;
}

/** Whether Docker reads the line [from, to) of `s` as a comment line (also inside a continuation). */
function isCommentAt(s: string, from: number, to: number): boolean {
  const k = commentLead(s, from, to);
  return k < to && s.charCodeAt(k) === 35;
}

/** Whether Docker reads a line as a comment line (also inside a continuation). */
export const isCommentLine = (s: string) => isCommentAt(s, 0, s.length);

/**
 * isCommentAt for a line whose leading spaces and tabs end at `first` (the caller skipped them already): only a
 * `#` or other white space there can make it a comment, so most lines are answered by one character.
 */
function isCommentFrom(s: string, first: number, to: number): boolean {
  if (first >= to) return false;
  const c = s.charCodeAt(first);
  return c === 35 || (isGoSpace(c) && isCommentAt(s, first, to));
}

/** The comment on the line [from, end) (a comment line). */
function commentOn(text: string, line: number, from: number, end: number): Comment {
  const hash = commentLead(text, from, end);
  return { text: text.slice(hash + 1, end).trim(), line, start: hash, end };
}

/**
 * Where the segment [from, to) of `s` ends with the escape character (trailing blanks allowed), a line
 * continuation; -1 when it does not.
 */
function continuationAt(s: string, from: number, to: number, esc: number): number {
  let i = to - 1;
  while (i >= from && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i--;
  if (i < from || s.charCodeAt(i) !== esc) return -1;
  // An escaped escape (`\\` at end) is not a continuation for the backslash escape.
  let k = i - 1;
  let n = 0;
  while (k >= from && s.charCodeAt(k) === esc) { n++; k--; }
  return n % 2 === 0 ? i : -1;
}

/** An instruction continued over several lines: its joined text, the map back to the document, its last line. */
interface Continued { joined: string; map: SourceMap; last: number }

/**
 * Joins an instruction whose first segment [segStart, segEnd) on line `li` ends with a continuation: the escape
 * character and line break vanish; comment lines inside are recorded and dropped, blank lines dropped.
 */
function joinContinued(lines: Lines, li: number, segStart: number, segEnd: number, esc: number, comments: Comment[]): Continued {
  const text = lines.text;
  const logical = emptied(logicalList);
  const source = emptied(sourceList);
  let joined = '';
  let cur = li;
  for (;;) {
    const cont = continuationAt(text, segStart, segEnd, esc);
    logical.push(joined.length);
    source.push(segStart);
    if (cont < 0) { joined += text.slice(segStart, segEnd); break; }
    joined += text.slice(segStart, cont);
    cur++;
    while (cur < lines.count) {
      const le = lines.end(cur);
      const first = skipSpaceTab(text, lines.start(cur), le);
      if (isCommentFrom(text, first, le)) { comments.push(commentOn(text, cur, first, le)); cur++; continue; }
      if (first === le && cur + 1 < lines.count) { cur++; continue; }
      break;
    }
    if (cur >= lines.count) { cur--; break; }
    segStart = lines.start(cur);
    segEnd = lines.end(cur);
  }
  return { joined, map: { logical: takeAll(logical), source: takeAll(source) }, last: cur };
}

const logicalList: number[] = [];
const sourceList: number[] = [];

interface HeredocMarker { name: string; stripTabs: boolean; quoted: boolean; start: number; end: number }

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` outside quotes, in order. */
export function findHeredocMarkers(text: string, escape: string): HeredocMarker[] {
  const out: HeredocMarker[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === escape && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === escape) { i++; continue; }
    if (c !== '<' || text[i + 1] !== '<' || text[i + 2] === '<' || text[i - 1] === '<') continue;
    let j = i + 2;
    const stripTabs = text[j] === '-';
    if (stripTabs) j++;
    let q = '';
    if (text[j] === '"' || text[j] === "'") q = text[j++];
    const m = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(text.slice(j));
    if (!m) continue;
    let end = j + m[0].length;
    if (q) { if (text[end] !== q) continue; end++; }
    out.push({ name: m[0], stripTabs, quoted: q !== '', start: i, end });
    i = end - 1;
  }
  return out;
}

function parseImage(raw: string, span: Span): ImageRef {
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  let registry: string | undefined;
  const first = rest.indexOf('/');
  if (first >= 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost') { registry = head; rest = rest.slice(first + 1); }
  }
  return { raw, span, registry, name: rest, tag, digest, scratch: raw.length === 7 && raw.toLowerCase() === 'scratch' };
}

/** `index`: the text's LineIndex when the caller has one already (the engine), so lines are found once. */
export function parseDockerfile(text: string, index?: LineIndex): DockerfileParse {
  const errors: ParseError[] = [];
  const lineIndex = index?.text === text ? index : new LineIndex(text);
  const lines = new Lines(text, lineIndex.lineStarts, lineIndex.lfOnly);
  const directives: Directive[] = [];
  // Comments, instructions and stages are collected in scratch lists and taken as exact-size lists: lists grown
  // by push (room for 17, then half as much again each time full, the old backing stores left as garbage) were
  // 3 % of what parsing the bench corpus allocated, 7 % on the 5,000-line file.
  const comments = emptied(commentList);
  const found = emptied(instructionList);
  let escape = '\\';

  // Parser directives: only at the very top, before any other comment, blank line or instruction.
  let li = 0;
  for (; li < lines.count; li++) {
    if (!mayBeDirective(text, lines.start(li), lines.end(li))) break; // most files start with FROM: no line copy, no regex
    const t = lines.textOf(li).trim();
    const m = DIRECTIVE.exec(t);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (directives.some((d) => d.name === name)) break; // (a Set made for every file was 1.5 % of parsing the corpus)
    const start = skipSpaceTab(text, lines.start(li), lines.end(li));
    const valueStart = start + t.lastIndexOf(m[2]);
    const d: Directive = {
      name, value: m[2], line: li, start, end: lines.end(li),
      valueSpan: { start: valueStart, end: valueStart + m[2].length },
    };
    directives.push(d);
    comments.push({ text: t.slice(1).trim(), line: li, start: d.start, end: d.end });
    if (name === 'escape') {
      if (m[2] === '\\' || m[2] === '`') escape = m[2];
      else errors.push({ message: `invalid escape token '${m[2]}': it must be \\ or \``, span: d.valueSpan });
    }
  }

  const esc = escape.charCodeAt(0);
  while (li < lines.count) {
    const lineEnd = lines.end(li);
    const first = skipSpaceTab(text, lines.start(li), lineEnd);
    if (first === lineEnd) { li++; continue; }
    if (isCommentFrom(text, first, lineEnd)) { comments.push(commentOn(text, li, first, lineEnd)); li++; continue; }
    const startLine = li;
    // A one-line instruction is read from the document itself: no joined copy, and its map is its offset.
    let instr: ParsedInstruction;
    if (continuationAt(text, first, lineEnd, esc) < 0) {
      instr = buildInstruction(text, first, lineEnd, first, escape, startLine, startLine, errors);
    } else {
      const c = joinContinued(lines, li, first, lineEnd, esc, comments);
      instr = buildInstruction(c.joined, 0, c.joined.length, c.map, escape, startLine, c.last, errors);
      li = c.last;
    }
    instr.end = Math.max(instr.end, lines.end(li));
    li++;

    // Heredoc bodies follow the instruction's last line, one after the other.
    const target = instr.trigger ?? instr;
    if (takesHeredocs(target.keyword) && target.argsText.includes('<<')) li = readHeredocs(lines, li, instr, target, escape, errors);
    found.push(instr);
  }
  const instructions = takeAll(found);

  // Stages.
  const stages = emptied(stageList);
  const globalArgs: Instruction[] = [];
  // Each stage's instructions are collected here and given to it as an exact-size list when the stage ends: a
  // list grown by push had room for 17 or more, twice what the 5,000-line file's stages hold on average.
  const inStage = emptied(stageInstructionList);
  for (const instr of instructions) {
    if (instr.keyword === 'FROM') {
      if (stages.length) stages[stages.length - 1].instructions = takeAll(inStage);
      const stage = makeStage(instr, stages.length, errors);
      stages.push(stage);
      instr.stage = stage.index;
      continue;
    }
    if (!stages.length) {
      instr.stage = -1;
      // Other instructions before FROM are the `instruction-before-from` rule's finding (an error), not a parse error.
      if (instr.keyword === 'ARG') globalArgs.push(instr);
      continue;
    }
    const stage = stages[stages.length - 1];
    instr.stage = stage.index;
    if (instr.trigger) instr.trigger.stage = stage.index;
    inStage.push(instr);
  }
  if (stages.length) stages[stages.length - 1].instructions = takeAll(inStage);
  return { ast: { text, escape, directives, comments: takeAll(comments), instructions, globalArgs, stages: takeAll(stages) }, errors };
}

/**
 * Reads the heredoc bodies of `instr` (whose `target` is itself or its trigger) from line `li` on, one after the
 * other, and returns the line after the last one.
 */
function readHeredocs(lines: Lines, li: number, instr: ParsedInstruction, target: ParsedInstruction, escape: string, errors: ParseError[]): number {
  const text = lines.text;
  for (const mk of findHeredocMarkers(target.argsText, escape)) {
    const markerSpan = sourceSpan(ParsedInstruction.textMapOf(target), mk.start, mk.end);
    const bodyStartLine = li;
    let terminated = false;
    while (li < lines.count) {
      const ls = mk.stripTabs ? skipTabs(text, lines.start(li), lines.end(li)) : lines.start(li);
      if (lines.end(li) - ls === mk.name.length && text.startsWith(mk.name, ls)) { terminated = true; break; }
      li++;
    }
    const bodyStart = bodyStartLine < lines.count ? lines.start(bodyStartLine) : text.length;
    const bodyEnd = li > bodyStartLine ? lines.end(li - 1) : bodyStart;
    const body = text.slice(bodyStart, bodyEnd);
    const hd: Heredoc = {
      name: mk.name, markerSpan, stripTabs: mk.stripTabs, quoted: mk.quoted,
      body: mk.stripTabs ? body.replace(/^\t+/gm, '') : body,
      bodySpan: { start: bodyStart, end: bodyEnd }, terminated,
      start: markerSpan.start, end: terminated ? lines.end(li) : bodyEnd,
    };
    if (!terminated) errors.push({ message: `unterminated heredoc <<${mk.name}: no line '${mk.name}' ends it`, span: markerSpan });
    target.addHeredoc(hd);
    instr.end = Math.max(instr.end, hd.end);
    instr.endLine = terminated ? li : Math.max(li - 1, instr.endLine);
    if (terminated) li++;
  }
  return li;
}

const commentList: Comment[] = [];
const instructionList: Instruction[] = [];
const stageList: Stage[] = [];
const stageInstructionList: Instruction[] = [];

// Shared empty lists for instructions without flags, words or pairs (frozen: the model is read-only).
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** `/\s/` on one character code, without making a string of it for ASCII. */
const isWhitespace = (c: number) => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(String.fromCharCode(c)));

/**
 * An instruction as the parser builds it: every field set in the constructor (one object shape for all
 * instructions, so rules' property reads stay fast), and what few callers read computed on first read. No rule
 * reads the words of a RUN, whose script the shell parser reads instead: building them for every instruction
 * was about a third of the parse's allocation on the 5,000-line file. Only a few rules read `argsSpan`,
 * `restSpan` and `keywordSpan` (one more object each per instruction), and only rules about continued
 * instructions read the `map` of a one-line one (a map object and two arrays). The getters read only what the
 * parse never changes later (argsText, the map, restOffset, trigger, start), so a late read gives what an eager
 * parse would have.
 *
 * The instructions are much of what a lint keeps until it ends (a slot is 8 bytes on each of the ~3,000
 * instructions of the 5,000-line file), so the lazy fields share slots: a slot holds what its getter needs
 * until the first read, then the result (`#map`, `#words`), and the spans few callers read live in a side
 * object made on first read (`#spans`). `rest` is a slice of argsText made on each read (the same string when
 * there are no flags; a RUN's is read about once). From 24 slots to 19: 216 to 176 bytes an instruction.
 */
class ParsedInstruction implements Instruction {
  keyword: string;
  keywordRaw: string;
  known: boolean;
  argsText: string;
  flags: Flag[] = NONE;
  restOffset = 0;
  exec: ExecForm | undefined = undefined;
  pairs: KeyValue[] = NONE;
  startLine: number;
  endLine: number;
  stage = -1;
  trigger: ParsedInstruction | undefined = undefined;
  start: number;
  end: number;
  parent: Instruction | undefined;
  /** The map of argsText, a plain offset until `map` is read (see TextMap). */
  #map: TextMap;
  /** The escape character (all that reading words needs) until `words` is read, then the words. */
  #words: string | Word[];
  /** The keyword's document end until one of the spans is read (see Spans), then a Spans holding it. */
  #spans: number | Spans;
  #heredocs: Heredoc[] | undefined = undefined;

  constructor(keyword: string, keywordRaw: string, keywordStart: number, keywordEnd: number, known: boolean, argsText: string,
    map: TextMap, startLine: number, endLine: number, escape: string, parent: Instruction | undefined) {
    this.keyword = keyword;
    this.keywordRaw = keywordRaw;
    this.known = known;
    this.argsText = argsText;
    this.startLine = startLine;
    this.endLine = endLine;
    this.start = keywordStart;
    this.end = argsText.length ? toSource(map, argsText.length - 1) + 1 : keywordEnd;
    this.parent = parent;
    this.#map = map;
    this.#words = escape;
    this.#spans = keywordEnd;
  }

  /** The map as the parse uses it (no object made for a one-line instruction; not a property callers see). */
  static textMapOf(i: ParsedInstruction): TextMap { return i.#map; }

  get map(): SourceMap {
    const m = this.#map;
    return typeof m === 'number' ? this.#map = { logical: [0], source: [m] } : m;
  }

  /** The Spans of this instruction, made on first need. */
  static #spansOf(i: ParsedInstruction): Spans {
    const r = i.#spans;
    return typeof r === 'number' ? i.#spans = new Spans(r) : r;
  }

  get keywordSpan(): Span {
    const spans = ParsedInstruction.#spansOf(this);
    return spans.keywordSpan ??= { start: this.start, end: spans.keywordEnd };
  }

  /** An ONBUILD with a trigger has no words of its own: its arguments are the trigger's. */
  get words(): Word[] {
    const w = this.#words;
    if (typeof w !== 'string') return w;
    return this.#words = this.trigger ? NONE : wordsOf(this.argsText, this.#map, w, this.restOffset);
  }

  /** An ONBUILD with a trigger has no rest of its own (its arguments are the trigger's). */
  get rest(): string { return this.trigger ? '' : this.argsText.slice(this.restOffset); }

  get argsSpan(): Span {
    const spans = ParsedInstruction.#spansOf(this);
    if (spans.argsSpan) return spans.argsSpan;
    const { argsText } = this;
    return spans.argsSpan = argsText.length ? sourceSpan(this.#map, 0, argsText.length) : { start: spans.keywordEnd, end: spans.keywordEnd };
  }

  /** An ONBUILD with a trigger has no rest of its own: its rest span is its arguments' span. */
  get restSpan(): Span {
    const spans = ParsedInstruction.#spansOf(this);
    if (spans.restSpan) return spans.restSpan;
    if (this.trigger) return spans.restSpan = this.argsSpan;
    const { argsText, restOffset } = this;
    return spans.restSpan = restOffset < argsText.length ? sourceSpan(this.#map, restOffset, argsText.length) : { start: this.argsSpan.end, end: this.argsSpan.end };
  }

  /** Most instructions have no heredoc, and few callers ask about them but a RUN's, COPY's or ADD's. */
  get heredocs(): Heredoc[] { return this.#heredocs ??= []; }

  addHeredoc(h: Heredoc): void { this.heredocs.push(h); }
}

/**
 * The keyword's, arguments' and rest's spans of an instruction, which few callers read (one slot on each
 * instruction instead of four): made on the first read of one of them, with the keyword's end they need, which
 * is all the instruction keeps for them until then.
 */
class Spans {
  keywordSpan: Span | undefined = undefined;
  argsSpan: Span | undefined = undefined;
  restSpan: Span | undefined = undefined;

  constructor(readonly keywordEnd: number) {}
}

/**
 * False when the line [from, to) cannot be a directive: its first character is neither `#` nor one that JavaScript's
 * trim() might remove (white space, control characters and non-ASCII are left to DIRECTIVE).
 */
function mayBeDirective(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  return from < to && (c === 35 || c <= 32 || c >= 0x80);
}

/**
 * How deep ONBUILD triggers are parsed: below that an ONBUILD keeps its text with no trigger. Each level is a frame
 * here and in the walk, and 3,000 nested `ONBUILD ONBUILD …` overflowed the stack (found by the fuzzer); Docker
 * rejects any ONBUILD inside an ONBUILD, which onbuild-invalid-trigger reports at every level that is parsed.
 */
const MAX_TRIGGER_DEPTH = 100;

/** How many ONBUILDs enclose an instruction whose parent is `parent` (counted up to MAX_TRIGGER_DEPTH). */
function triggerDepth(parent: Instruction | undefined): number {
  let depth = 0;
  for (let p = parent; p !== undefined && depth < MAX_TRIGGER_DEPTH; p = p.parent) depth++;
  return depth;
}

/** RUN, COPY and ADD read heredocs (the keyword is one of the constants: compared, not hashed for a Set lookup). */
const takesHeredocs = (keyword: string) => keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD';

/** An instruction's argument map as the parse keeps it (see TextMap): reading `map` would build one for a one-line instruction. */
export function textMapOf(i: Instruction): TextMap {
  return i instanceof ParsedInstruction ? ParsedInstruction.textMapOf(i) : i.map;
}

/**
 * Keywords as usually written (all upper or all lower case), by the code of their first character: each
 * spelling and its upper-cased constant. Matching the text against these in place instead of slicing the
 * keyword and looking it up in a Map saves a string per instruction, and rules compare the constant strings
 * faster than new ones.
 */
const SPELLINGS: (readonly [string, string])[][] = Array.from({ length: 128 }, () => []);
for (const k of KEYWORDS) for (const w of [k, k.toLowerCase()]) SPELLINGS[w.charCodeAt(0)].push([w, k]);

/**
 * The usual spelling that starts at `from` and ends at white space or `to`, with its keyword, or undefined. Tried
 * before looking for the keyword's end, which it then gives without a loop over the keyword's characters.
 */
function spellingAt(source: string, from: number, to: number): readonly [string, string] | undefined {
  const c = source.charCodeAt(from);
  if (!(c < 128)) return undefined;
  for (const sp of SPELLINGS[c]) {
    const end = from + sp[0].length;
    if (end <= to && spelledAt(source, from, sp[0]) && (end === to || isWhitespace(source.charCodeAt(end)))) return sp;
  }
  return undefined;
}

/**
 * Whether `word` is written at `from` (whose first character the caller matched), compared code by code: the
 * builtin call of startsWith was a quarter of buildInstruction's own time in a profile.
 */
function spelledAt(source: string, from: number, word: string): boolean {
  for (let k = 1; k < word.length; k++) if (source.charCodeAt(from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The instruction written at [from, to) of `source` (the document for a one-line instruction, else its joined
 * text), whose offset `from` the map takes to 0.
 */
function buildInstruction(source: string, from: number, to: number, map: TextMap, escape: string, startLine: number, endLine: number,
  errors: ParseError[], parent?: Instruction): ParsedInstruction {
  const spelling = spellingAt(source, from, to);
  let kwEnd = from;
  if (spelling !== undefined) kwEnd += spelling[0].length;
  else while (kwEnd < to && !isWhitespace(source.charCodeAt(kwEnd))) kwEnd++;
  const keywordRaw = spelling !== undefined ? spelling[0] : source.slice(from, kwEnd);
  const keyword = spelling !== undefined ? spelling[1] : keywordRaw.toUpperCase();
  let argStart = kwEnd;
  while (argStart < to && isWhitespace(source.charCodeAt(argStart))) argStart++;
  const argsText = source.slice(argStart, to);
  const keywordStart = toSource(map, 0);
  const keywordEnd = kwEnd > from ? toSource(map, kwEnd - from - 1) + 1 : keywordStart;
  // A trigger's map is its ONBUILD's argument map, which the ONBUILD keeps: only a top-level map is ours to shift.
  const argsMap = shiftMap(map, argStart - from, parent === undefined);
  const known = spelling !== undefined || KNOWN.has(keyword);
  const instr = new ParsedInstruction(keyword, keywordRaw, keywordStart, keywordEnd, known, argsText, argsMap, startLine, endLine, escape, parent);
  if (!known) {
    errors.push({ message: `unknown instruction: ${keywordRaw}`, span: instr.keywordSpan });
  }
  if (keyword === 'ONBUILD' && argsText.length && triggerDepth(parent) < MAX_TRIGGER_DEPTH) {
    // Triggers Docker rejects (ONBUILD ONBUILD, FROM, MAINTAINER) are the `onbuild-invalid-trigger` rule's finding.
    instr.trigger = buildInstruction(argsText, 0, argsText.length, argsMap, escape, startLine, endLine, errors, instr);
    return instr;
  }
  const withFlags = keyword === 'FROM' || keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'HEALTHCHECK';
  // argsText starts at a character that is not white space: without a leading `--` there are no flags, and the
  // rest is all of argsText (an instruction that takes flags gets a list of its own, as readFlags gives it).
  if (withFlags) {
    if (argsText.startsWith('--')) readFlags(argsText, argsMap, escape, instr);
    else instr.flags = [];
  }
  const rest = instr.restOffset;
  if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL' || keyword === 'COPY'
      || keyword === 'ADD' || keyword === 'VOLUME' || keyword === 'HEALTHCHECK') {
    let from = rest;
    if (keyword === 'HEALTHCHECK' && instr.words[0]?.value.toUpperCase() === 'CMD') {
      from = rest + 3;
    }
    instr.exec = parseExecForm(argsText, from, argsMap);
  }
  if (keyword === 'ENV' || keyword === 'LABEL' || keyword === 'ARG') instr.pairs = parsePairs(keyword, argsText, rest, argsMap, escape);
  if (known && !argsText.length && keyword !== 'ONBUILD') { // argsText starts after all white space: empty or not blank
    errors.push({ message: `${keyword} requires at least one argument`, span: instr.keywordSpan });
  }
  return instr;
}

/**
 * The map of the text from logical offset `by` on: the segments that end by then dropped, the first one kept
 * starting at 0. A map the caller no longer needs (`owned`) is shifted in place: a second map per
 * instruction was 7 % of the parse's allocation.
 */
function shiftMap(map: TextMap, by: number, owned: boolean): TextMap {
  if (typeof map === 'number') return map + by;
  if (by === 0) return map;
  const logical = owned ? map.logical : map.logical.slice();
  const source = owned ? map.source : map.source.slice();
  let first = 0; // the last segment that starts at or before `by`
  while (first + 1 < logical.length && logical[first + 1] <= by) first++;
  if (first > 0) { logical.splice(0, first); source.splice(0, first); }
  source[0] += by - logical[0];
  logical[0] = 0;
  for (let i = 1; i < logical.length; i++) logical[i] -= by;
  return owned ? map : { logical, source };
}

function makeStage(from: Instruction, index: number, errors: ParseError[]): Stage {
  const words = from.words;
  const imageWord = words[0];
  const image = imageWord
    ? parseImage(imageWord.value, { start: imageWord.start, end: imageWord.end })
    : parseImage('', from.keywordSpan);
  const stage: Stage = { index, from, image, name: undefined, nameSpan: undefined, instructions: NONE /* given when the stage ends */, platform: platformFlag(from.flags) };
  if (words.length >= 3 && isAs(words[1].value)) {
    stage.name = words[2].value.toLowerCase();
    stage.nameSpan = { start: words[2].start, end: words[2].end };
    if (words.length > 3) errors.push({ message: 'FROM takes an image and an optional AS name; extra words follow', span: { start: words[3].start, end: words[words.length - 1].end } });
  } else if (words.length === 2 || (words.length >= 3)) {
    errors.push({ message: `FROM expects "FROM image [AS name]"`, span: { start: words[1].start, end: words[words.length - 1].end } });
  }
  return stage;
}

/** The first `--platform` flag. */
function platformFlag(flags: readonly Flag[]): Flag | undefined {
  for (const f of flags) if (f.name === 'platform') return f;
  return undefined;
}

/** `AS` in any case (the length first: no lower-cased copy of an image name that cannot be it). */
const isAs = (word: string) => word.length === 2 && word.toLowerCase() === 'as';
