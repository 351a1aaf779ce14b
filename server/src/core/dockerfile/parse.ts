// Dockerfile parser: one linear pass over the lines, never throws, returns errors alongside the model.
import type { ParseError, Span } from '../types';
import {
  KEYWORDS, type Comment, type Directive, type Dockerfile, type ExecForm, type Flag, type Heredoc, type ImageRef,
  type Instruction, type KeyValue, type SourceMap, type Stage, type Word,
} from './model';
import { parseExecForm, parseFlags, parsePairs, sourceSpan, toSource, wordsOf } from './words';
import { LineIndex } from '../text';

export interface DockerfileParse { ast: Dockerfile; errors: ParseError[] }

const KNOWN = new Set<string>(KEYWORDS);
/**
 * Keywords as usually written (all upper or all lower case) to the upper-cased constant: upper-casing each
 * keyword and looking the new string up in a Set were half of buildInstruction's time, and rules compare the
 * constant strings faster than new ones.
 */
const KEYWORD_OF = new Map<string, string>(KEYWORDS.flatMap((k) => [[k, k], [k.toLowerCase(), k]]));
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
// Matched against the trimmed line, so the value has no trailing blanks to strip: a lazy `(.*?)[ \t]*$` took
// quadratic time on a directive with a long run of spaces inside it (40,000: 1.3 s).
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*)$/;

interface Line { start: number; end: number; text: string }

/** The lines of the text, without their terminators, from the line starts LineIndex found (one definition of a line). */
function splitLines(text: string, starts: readonly number[]): Line[] {
  const lines: Line[] = new Array(starts.length);
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    let end = text.length;
    if (k + 1 < starts.length) {
      end = starts[k + 1] - 1;
      if (text.charCodeAt(end) === 10 && end > start && text.charCodeAt(end - 1) === 13) end--;
    }
    lines[k] = { start, end, text: text.slice(start, end) };
  }
  return lines;
}

const firstNonSpace = (s: string) => { let i = 0; while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++; return i; };

/**
 * Go's unicode.IsSpace: ASCII white space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000 (compares, not a regular expression: this runs on every line).
 */
function isGoSpace(c: number): boolean {
  if (c < 0x85) return c === 32 || (c >= 9 && c <= 13);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Where a `#` would make the line a comment: BuildKit trims leading white space as Go's unicode.IsSpace sees it. */
function commentLead(s: string): number {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}
/** Whether Docker reads a line as a comment line (also inside a continuation). */
export const isCommentLine = (s: string) => { const k = commentLead(s); return k < s.length && s.charCodeAt(k) === 35; };

/** True when the line ends with the escape character (trailing whitespace allowed). Returns its index or -1. */
function continuationAt(s: string, escape: string): number {
  const esc = escape.charCodeAt(0);
  let i = s.length - 1;
  while (i >= 0 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i--;
  if (i < 0 || s.charCodeAt(i) !== esc) return -1;
  // An escaped escape (`\\` at end) is not a continuation for the backslash escape.
  let k = i - 1;
  let n = 0;
  while (k >= 0 && s.charCodeAt(k) === esc) { n++; k--; }
  return n % 2 === 0 ? i : -1;
}

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
  return { raw, span, registry, name: rest, tag, digest, scratch: raw.toLowerCase() === 'scratch' };
}

/** `index`: the text's LineIndex when the caller has one already (the engine), so lines are found once. */
export function parseDockerfile(text: string, index?: LineIndex): DockerfileParse {
  const errors: ParseError[] = [];
  const lines = splitLines(text, (index?.text === text ? index : new LineIndex(text)).lineStarts);
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  let escape = '\\';

  // Parser directives: only at the very top, before any other comment, blank line or instruction.
  let li = 0;
  const seen = new Set<string>();
  for (; li < lines.length; li++) {
    const ln = lines[li];
    const t = ln.text.trim();
    const m = DIRECTIVE.exec(t);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (seen.has(name)) break;
    seen.add(name);
    const lead = firstNonSpace(ln.text);
    const valueStart = ln.start + lead + t.lastIndexOf(m[2]);
    const d: Directive = {
      name, value: m[2], line: li, start: ln.start + lead, end: ln.end,
      valueSpan: { start: valueStart, end: valueStart + m[2].length },
    };
    directives.push(d);
    comments.push({ text: t.slice(1).trim(), line: li, start: d.start, end: d.end });
    if (name === 'escape') {
      if (m[2] === '\\' || m[2] === '`') escape = m[2];
      else errors.push({ message: `invalid escape token '${m[2]}': it must be \\ or \``, span: d.valueSpan });
    }
  }

  while (li < lines.length) {
    const ln = lines[li];
    const lead = firstNonSpace(ln.text);
    if (lead === ln.text.length) { li++; continue; }
    if (isCommentLine(ln.text)) {
      const hash = commentLead(ln.text);
      comments.push({ text: ln.text.slice(hash + 1).trim(), line: li, start: ln.start + hash, end: ln.end });
      li++;
      continue;
    }
    const startLine = li;
    // Join continuation lines: the escape char and line break vanish; comment and blank lines inside are dropped.
    let logical: number[] | undefined;
    let source: number[] | undefined;
    let joined = '';
    let cur = li;
    let segStart = ln.start + lead;
    let segText = ln.text.slice(lead);
    for (;;) {
      const cont = continuationAt(segText, escape);
      // Most instructions are one line: exact one-element arrays (a `[]` grown by push reserves 17 slots). The
      // first segment starts at 0: a constant `[0]` shares the literal's elements until written.
      if (!logical || !source) { logical = [0]; source = [segStart]; }
      else { logical.push(joined.length); source.push(segStart); }
      if (cont < 0) { joined += segText; break; }
      joined += segText.slice(0, cont);
      cur++;
      while (cur < lines.length) {
        const t = lines[cur].text;
        const l2 = firstNonSpace(t);
        if (isCommentLine(t)) { const hash = commentLead(t); comments.push({ text: t.slice(hash + 1).trim(), line: cur, start: lines[cur].start + hash, end: lines[cur].end }); cur++; continue; }
        if (l2 === t.length && cur + 1 < lines.length) { cur++; continue; }
        break;
      }
      if (cur >= lines.length) { cur--; break; }
      segStart = lines[cur].start;
      segText = lines[cur].text;
    }
    const map: SourceMap = { logical: logical!, source: source! };
    const instr = buildInstruction(joined, map, escape, startLine, cur, errors);
    const lastLine = lines[cur];
    instr.end = Math.max(instr.end, lastLine.end);
    li = cur + 1;

    // Heredoc bodies follow the instruction's last line, one after the other.
    const target = instr.trigger ?? instr;
    if (HEREDOC_KEYWORDS.has(target.keyword) && joined.includes('<<')) {
      for (const mk of findHeredocMarkers(target.argsText, escape)) {
        const markerSpan = sourceSpan(target.map, mk.start, mk.end);
        const bodyStartLine = li;
        let terminated = false;
        while (li < lines.length) {
          const t = mk.stripTabs ? lines[li].text.replace(/^\t+/, '') : lines[li].text;
          if (t === mk.name) { terminated = true; break; }
          li++;
        }
        const bodyStart = bodyStartLine < lines.length ? lines[bodyStartLine].start : text.length;
        const bodyEnd = li > bodyStartLine ? lines[li - 1].end : bodyStart;
        const body = text.slice(bodyStart, bodyEnd);
        const hd: Heredoc = {
          name: mk.name, markerSpan, stripTabs: mk.stripTabs, quoted: mk.quoted,
          body: mk.stripTabs ? body.replace(/^\t+/gm, '') : body,
          bodySpan: { start: bodyStart, end: bodyEnd }, terminated,
          start: markerSpan.start, end: terminated ? lines[li].end : bodyEnd,
        };
        if (!terminated) errors.push({ message: `unterminated heredoc <<${mk.name}: no line '${mk.name}' ends it`, span: markerSpan });
        target.heredocs.push(hd);
        instr.end = Math.max(instr.end, hd.end);
        instr.endLine = terminated ? li : Math.max(li - 1, instr.endLine);
        if (terminated) li++;
      }
    }
    instructions.push(instr);
  }

  // Stages.
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  for (const instr of instructions) {
    if (instr.keyword === 'FROM') {
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
    stage.instructions.push(instr);
  }
  return { ast: { text, escape, directives, comments, instructions, globalArgs, stages }, errors };
}

// Shared empty lists for instructions without flags, words or pairs (frozen: the model is read-only).
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NO_FLAGS = Object.freeze({ flags: NONE, rest: 0 });

/** `/\s/` on one character code, without making a string of it for ASCII. */
const isWhitespace = (c: number) => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(String.fromCharCode(c)));

/**
 * An instruction as the parser builds it: every field set in the constructor (one object shape for all
 * instructions, so rules' property reads stay fast), and what few callers read computed on first read. No rule
 * reads the words of a RUN, whose script the shell parser reads instead: building them for every instruction
 * was about a third of the parse's allocation on the 5,000-line file. Only a few rules read `argsSpan` and
 * `restSpan` (two more objects per instruction). The getters read only fields the parse never changes later
 * (argsText, map, restOffset, trigger), so a late read gives what an eager parse would have.
 */
class ParsedInstruction implements Instruction {
  keyword: string;
  keywordRaw: string;
  keywordSpan: Span;
  known: boolean;
  argsText: string;
  map: SourceMap;
  flags: Flag[] = NONE;
  rest = '';
  restOffset = 0;
  exec: ExecForm | undefined = undefined;
  heredocs: Heredoc[] = [];
  pairs: KeyValue[] = NONE;
  startLine: number;
  endLine: number;
  stage = -1;
  trigger: Instruction | undefined = undefined;
  start: number;
  end: number;
  parent: Instruction | undefined;
  readonly #escape: string;
  #words: Word[] | undefined = undefined;
  #argsSpan: Span | undefined = undefined;
  #restSpan: Span | undefined = undefined;

  constructor(keyword: string, keywordRaw: string, keywordSpan: Span, known: boolean, argsText: string, map: SourceMap,
    startLine: number, endLine: number, escape: string, parent: Instruction | undefined) {
    this.keyword = keyword;
    this.keywordRaw = keywordRaw;
    this.keywordSpan = keywordSpan;
    this.known = known;
    this.argsText = argsText;
    this.map = map;
    this.startLine = startLine;
    this.endLine = endLine;
    this.start = keywordSpan.start;
    this.end = argsText.length ? toSource(map, argsText.length - 1) + 1 : keywordSpan.end;
    this.parent = parent;
    this.#escape = escape;
  }

  /** An ONBUILD with a trigger has no words of its own: its arguments are the trigger's. */
  get words(): Word[] {
    return this.#words ??= this.trigger ? NONE : wordsOf(this.argsText, this.map, this.#escape, this.restOffset);
  }

  get argsSpan(): Span {
    if (this.#argsSpan) return this.#argsSpan;
    const { argsText, keywordSpan } = this;
    return this.#argsSpan = argsText.length ? sourceSpan(this.map, 0, argsText.length) : { start: keywordSpan.end, end: keywordSpan.end };
  }

  /** An ONBUILD with a trigger has no rest of its own: its rest span is its arguments' span. */
  get restSpan(): Span {
    if (this.#restSpan) return this.#restSpan;
    if (this.trigger) return this.#restSpan = this.argsSpan;
    const { argsText, restOffset } = this;
    return this.#restSpan = restOffset < argsText.length ? sourceSpan(this.map, restOffset, argsText.length) : { start: this.argsSpan.end, end: this.argsSpan.end };
  }
}

function buildInstruction(joined: string, map: SourceMap, escape: string, startLine: number, endLine: number, errors: ParseError[], parent?: Instruction): Instruction {
  let kwEnd = 0;
  while (kwEnd < joined.length && !isWhitespace(joined.charCodeAt(kwEnd))) kwEnd++;
  const keywordRaw = joined.slice(0, kwEnd);
  const written = KEYWORD_OF.get(keywordRaw);
  const keyword = written ?? keywordRaw.toUpperCase();
  let argStart = kwEnd;
  while (argStart < joined.length && isWhitespace(joined.charCodeAt(argStart))) argStart++;
  const argsText = joined.slice(argStart);
  const keywordSpan = sourceSpan(map, 0, kwEnd);
  // A trigger's map is its ONBUILD's argument map, which the ONBUILD keeps: only a top-level map is ours to shift.
  const argsMap = shiftMap(map, argStart, parent === undefined);
  const known = written !== undefined || KNOWN.has(keyword);
  const instr = new ParsedInstruction(keyword, keywordRaw, keywordSpan, known, argsText, argsMap, startLine, endLine, escape, parent);
  if (!known) {
    errors.push({ message: `unknown instruction: ${keywordRaw}`, span: keywordSpan });
  }
  if (keyword === 'ONBUILD' && argsText.length) {
    // Triggers Docker rejects (ONBUILD ONBUILD, FROM, MAINTAINER) are the `onbuild-invalid-trigger` rule's finding.
    instr.trigger = buildInstruction(argsText, argsMap, escape, startLine, endLine, errors, instr);
    return instr;
  }
  const withFlags = keyword === 'FROM' || keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'HEALTHCHECK';
  const { flags, rest } = withFlags ? parseFlags(argsText, argsMap, escape) : NO_FLAGS;
  instr.flags = flags;
  instr.restOffset = rest;
  instr.rest = argsText.slice(rest);
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
    errors.push({ message: `${keyword} requires at least one argument`, span: keywordSpan });
  }
  return instr;
}

/**
 * The map of the text from logical offset `by` on: the segments that end by then dropped, the first one kept
 * starting at 0. A map the caller no longer needs (`owned`) is shifted in place: a second map per
 * instruction was 7 % of the parse's allocation.
 */
function shiftMap(map: SourceMap, by: number, owned: boolean): SourceMap {
  if (by === 0) return map;
  const logical = owned ? map.logical : map.logical.slice();
  const source = owned ? map.source : map.source.slice();
  let first = 0; // the last segment that starts at or before `by`
  while (first + 1 < logical.length && logical[first + 1] <= by) first++;
  if (first > 0) { logical.splice(0, first); source.splice(0, first); }
  source[0] += by - logical[0];
  if (logical[0] !== 0) logical[0] = 0; // writing would copy a one-line map's constant `[0]`
  for (let i = 1; i < logical.length; i++) logical[i] -= by;
  return owned ? map : { logical, source };
}

function makeStage(from: Instruction, index: number, errors: ParseError[]): Stage {
  const words = from.words;
  const imageWord = words[0];
  const image = imageWord
    ? parseImage(imageWord.value, { start: imageWord.start, end: imageWord.end })
    : parseImage('', from.keywordSpan);
  const stage: Stage = { index, from, image, name: undefined, nameSpan: undefined, instructions: [], platform: from.flags.find((f) => f.name === 'platform') };
  if (words.length >= 3 && words[1].value.toLowerCase() === 'as') {
    stage.name = words[2].value.toLowerCase();
    stage.nameSpan = { start: words[2].start, end: words[2].end };
    if (words.length > 3) errors.push({ message: 'FROM takes an image and an optional AS name; extra words follow', span: { start: words[3].start, end: words[words.length - 1].end } });
  } else if (words.length === 2 || (words.length >= 3)) {
    errors.push({ message: `FROM expects "FROM image [AS name]"`, span: { start: words[1].start, end: words[words.length - 1].end } });
  }
  return stage;
}
