import type { Position, Range, Span } from './types';

/** Offset <-> position conversion for one text; built once per document. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  /** Whether the text has no CR (its lines end with LF only). */
  readonly lfOnly: boolean;

  constructor(readonly text: string) {
    this.lfOnly = text.indexOf('\r') < 0;
    this.lineStarts = this.lfOnly ? lineFeedStarts(text) : lineStarts(text);
  }

  get lineCount(): number { return this.lineStarts.length; }

  /**
   * The line lineOf answered last. Findings are mostly reported in document order and each asks for its start's
   * and end's lines, so the next offset is usually on that line or the next (the ~3,100 lookups of a lint of the
   * 5,000-line file took 30 µs instead of 53 µs of binary searches).
   */
  private lastLine = 0;

  lineOf(offset: number): number {
    const s = this.lineStarts;
    const k = this.lastLine;
    if (s[k] <= offset) {
      if (k + 1 === s.length || offset < s[k + 1]) return k;
      if (k + 2 === s.length || offset < s[k + 2]) return this.lastLine = k + 1;
    }
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return this.lastLine = lo;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.lineStarts[line] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  offset(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    return Math.min(start + pos.character, this.lineEnd(pos.line));
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string { return this.text.slice(this.lineStarts[line], this.lineEnd(line)); }

  private eolCache?: string;

  /** The line break the document mostly uses, for inserted lines. Cached: rules ask once per finding. */
  eol(): string { return this.eolCache ??= this.text.includes('\r\n') ? '\r\n' : '\n'; }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line starts of a text without CR: indexOf finds each LF in a quarter of the time of a loop over every character. */
/**
 * Line starts are gathered in a scratch list kept between calls (numbers only, nothing of the text) and copied out
 * at their exact size: a list grown by push for the 5,000-line benchmark file copied itself a dozen times on the
 * way (0.16 MB allocated for 40 KB kept), and counting the line feeds first took longer than the copies.
 */
const scratchStarts: number[] = [0];
function lineFeedStarts(text: string): number[] {
  const starts = scratchStarts;
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  const exact = starts.slice(0, k);
  if (starts.length > 1 << 16) starts.length = 1; // a huge file's list is not kept for the life of the process
  return exact;
}

/**
 * The text with the edits applied. Lint reads a BOM as a space (to keep offsets), so text inserted at
 * offset 0 belongs after the BOM: before it, a new first line would push the BOM into the next one.
 */
export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const bom = text.charCodeAt(0) === 0xfeff;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    const e = bom && edit.end === 0 ? { start: 1, end: 1, newText: edit.newText } : edit;
    if (e.start < at) continue; // overlapping edit: the earlier one wins, the rest waits for the next pass
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Runs of code units beyond ASCII: most texts have few, and a regular expression skips ASCII in a quarter of a loop's time. */
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

/** Size of the text in UTF-8 bytes (what the file takes on disk), without encoding it. */
export function utf8Length(text: string): number {
  let n = text.length;
  NON_ASCII_RUN.lastIndex = 0;
  for (let m = NON_ASCII_RUN.exec(text); m; m = NON_ASCII_RUN.exec(text)) {
    for (let i = m.index, end = m.index + m[0].length; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 2; i++; } // a pair: 4 bytes for 2 units
      else n += 2;
    }
  }
  return n;
}

/** Levenshtein distance, for "did you mean" suggestions; above `max` it stops early and returns `max + 1`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let k = 0; k <= b.length; k++) prev[k] = k;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let k = 1; k <= b.length; k++) {
      cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (ca === b.charCodeAt(k - 1) ? 0 : 1));
      if (cur[k] < rowMin) rowMin = cur[k];
    }
    // A row's minimum never decreases further down: past `max` the distance is too.
    if (rowMin > max) return max + 1;
    const t = prev; prev = cur; cur = t;
  }
  return Math.min(prev[b.length], max + 1);
}

/**
 * `s` without the run of `ch` at its end: what `s.replace(/\/+$/, '')` gives for `ch` = '/', in linear time.
 * That pattern is quadratic on a long run followed by another character (a COPY source of 100,000 slashes and
 * a letter took 15 s to lint).
 */
export function trimTrailing(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * `s` cut before the first of `chars` that has no line break after it: what `s.replace(/[=:].*$/, '')` gives for
 * `chars` = '=:' (`.` stops at a line break, so the match is on the last line), in linear time. That pattern is
 * quadratic when the characters repeat on an earlier line.
 */
export function cutLastLineAt(s: string, chars: string): string {
  for (let k = lastLineBreak(s) + 1; k < s.length; k++) if (chars.includes(s[k])) return s.slice(0, k);
  return s;
}

/** A line terminator as RegExp's `.` and `$` see them. */
export const isLineBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
/** isLineBreak by character code (for loops over charCodeAt). */
export const isLineBreakCode = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** Index of the last line terminator in `s`, or -1. */
export function lastLineBreak(s: string): number {
  for (let k = s.length - 1; k >= 0; k--) if (isLineBreak(s[k])) return k;
  return -1;
}
