// Splitting of an instruction's joined argument text into words, flags, pairs and exec form.
import type { ExecForm, Flag, KeyValue, SourceMap, Word } from './model';
import type { Span } from '../types';
import { emptied, takeAll } from '../shell/list-builder';

/**
 * Where a joined argument text comes from: its SourceMap, or, for text that is one run of the document (a
 * one-line instruction, most of them), the document offset of its first character. A map object and two
 * arrays for each one-line instruction were about a seventh of what the parse keeps (`ParsedInstruction.map`
 * builds one when a caller reads it).
 */
export type TextMap = SourceMap | number;

export function toSource(map: TextMap, logical: number): number {
  if (typeof map === 'number') return map + logical;
  const l = map.logical;
  let lo = 0;
  let hi = l.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (l[mid] <= logical) lo = mid; else hi = mid - 1;
  }
  return map.source[lo] + (logical - l[lo]);
}

export function sourceSpan(map: TextMap, start: number, end: number): Span {
  return { start: toSource(map, start), end: sourceEnd(map, start, end) };
}

/** The document end of the logical span [start, end), without making a span object for it. */
function sourceEnd(map: TextMap, start: number, end: number): number {
  // An end offset that falls on a segment start belongs to the previous segment's end.
  return end > start ? toSource(map, end - 1) + 1 : toSource(map, start);
}

const DQ = 34;
const SQ = 39;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;

/** End of the word starting at `i` (unquoted whitespace ends it; quotes and escapes keep it going). */
function wordEnd(text: string, i: number, esc: number): number {
  const n = text.length;
  let quote = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === esc && quote === 34 && i + 1 < n) i++;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === esc && i + 1 < n) i++;
    else if (isSpace(c)) break;
    i++;
  }
  return i;
}

const skipSpaces = (text: string, i: number) => { while (i < text.length && isSpace(text.charCodeAt(i))) i++; return i; };

const wordList: Word[] = [];

/** The words of `text` from `from` on (split on unquoted white space), with values and document spans. */
export function wordsOf(text: string, map: TextMap, escape: string, from = 0): Word[] {
  const esc = escape.charCodeAt(0);
  const n = text.length;
  const words = emptied(wordList);
  for (let i = skipSpaces(text, from); i < n; i = skipSpaces(text, i)) {
    const start = i;
    // Most words have no quote or escape: their value is their text, which unquote need not read again.
    let c = 0;
    while (i < n && !isSpace(c = text.charCodeAt(i)) && c !== DQ && c !== SQ && c !== esc) i++;
    const plain = i === n || isSpace(c);
    if (!plain) i = wordEnd(text, i, esc); // from its first quote or escape, with no quote open before it
    const raw = text.slice(start, i);
    const value = plain ? raw : unquote(raw, escape);
    // A word of a one-line instruction (most of them) is at a fixed shift from the document.
    words.push(typeof map === 'number' ? { raw, value, start: map + start, end: map + i } : { raw, value, start: toSource(map, start), end: sourceEnd(map, start, i) });
  }
  return takeAll(words);
}

const DOLLAR = 36;

const isEscapableInDoubleQuotes = (c: number, esc: number) => c === DQ || c === esc || c === DOLLAR;

/**
 * Removes quotes and resolves escapes the way BuildKit's word processing does (no expansion). The text
 * between two removed characters is copied as one slice: a concatenation per character was 14 % of the
 * parse's allocation.
 */
export function unquote(raw: string, escape = '\\'): string {
  const esc = escape.charCodeAt(0);
  const n = raw.length;
  // Up to the first quote or escape nothing is removed (and most texts have none: then the text is the value).
  let i = 0;
  for (let c = 0; i < n && (c = raw.charCodeAt(i)) !== DQ && c !== SQ && c !== esc;) i++;
  if (i === n) return raw;
  let out = '';
  let from = 0; // start of the text not yet copied to `out`
  let quote = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    let drop: boolean; // whether `c` is removed (a quote, or an escape whose next character is kept as is)
    if (quote === SQ) drop = c === SQ;
    else if (quote === DQ) drop = c === DQ || (c === esc && i + 1 < n && isEscapableInDoubleQuotes(raw.charCodeAt(i + 1), esc));
    else drop = c === DQ || c === SQ || (c === esc && i + 1 < n);
    if (!drop) continue;
    out += raw.slice(from, i);
    from = i + 1;
    if (c === esc && quote !== SQ) i++; // the escaped character is text, even a quote
    else quote = quote ? 0 : c;
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/**
 * A flag as readFlags reads it. No rule reads `nameSpan` in a default lint: it is made on each read from where
 * the name ends, a number where it was a span object per flag (a parse keeps every flag until the lint ends).
 */
class ParsedFlag implements Flag {
  value: string | undefined = undefined;
  valueSpan: Span | undefined = undefined;
  readonly #nameEnd: number;

  constructor(public name: string, public start: number, public end: number, nameEnd: number) {
    this.#nameEnd = nameEnd;
  }

  get nameSpan(): Span { return { start: this.start, end: this.#nameEnd }; }
}

const flagList: Flag[] = [];

/** Where readFlags puts what it reads (an instruction). */
export interface FlagsOf { flags: Flag[]; restOffset: number }

/**
 * Leading `--flag[=value]` words: sets the flags and the logical offset where the rest starts on `into` (no
 * result object per instruction).
 */
export function readFlags(text: string, map: TextMap, escape: string, into: FlagsOf): void {
  const flags = emptied(flagList);
  const n = text.length;
  const esc = escape.charCodeAt(0);
  let rest = skipSpaces(text, 0);
  // Only the leading words: a RUN's script can be thousands of words long.
  while (rest < n && text.startsWith('--', rest)) {
    const start = rest;
    // Most flags have no quote or escape (`--mount=type=cache,target=/root/.npm`): the value is its text as written.
    let i = start;
    let c = 0;
    while (i < n && !isSpace(c = text.charCodeAt(i)) && c !== DQ && c !== SQ && c !== esc) i++;
    const plain = i === n || isSpace(c);
    const end = plain ? i : wordEnd(text, i, esc); // from its first quote or escape, with no quote open before it
    if (end - start < 3) break;
    const eq = indexIn(text, 61, start, end); // `=`
    const nameEnd = eq >= 0 ? eq : end;
    const flag = new ParsedFlag(text.slice(start + 2, nameEnd), toSource(map, start), sourceEnd(map, start, end), sourceEnd(map, start, nameEnd));
    if (nameEnd < end) {
      const value = text.slice(nameEnd + 1, end);
      flag.value = plain ? value : unquote(value, escape);
      flag.valueSpan = sourceSpan(map, nameEnd + 1, end);
    }
    flags.push(flag);
    rest = end;
    while (rest < n && isSpace(text.charCodeAt(rest))) rest++;
  }
  into.flags = takeAll(flags);
  into.restOffset = rest;
}

const JSON_ESCAPES = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Index of the closing quote of the JSON string whose text starts at `i` (after its opening quote), or -1 when it is not one. */
function jsonStringClose(text: string, i: number): number {
  for (const n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DQ) return i;
    if (c === 92) {
      const e = text[i + 1];
      if (JSON_ESCAPES.has(e)) i++;
      else if (e === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 5;
      else return -1;
    } else if (c < 0x20 && c !== 9) return -1;
  }
  return -1;
}

/**
 * The value of a valid JSON string's text; the text between escapes is copied as one slice, not a character at a
 * time. Escapes are looked for up to the string's end only: indexOf looked through the rest of the text for each
 * string without one (an exec form of 40,000 strings took 150 ms to parse).
 */
function jsonStringValue(text: string, start: number, end: number): string {
  let value = '';
  let from = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    const e = text[i + 1];
    value += text.slice(from, i) + (e === 'u' ? String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)) : JSON_ESCAPES.get(e)!);
    i += e === 'u' ? 5 : 1;
    from = i + 1;
  }
  return value + text.slice(from, end);
}

const execList: Word[] = [];

/** A JSON array of strings with each element's span, or undefined when the text is not one. */
export function parseExecForm(text: string, from: number, map: TextMap): ExecForm | undefined {
  if (text.charCodeAt(skipSpaces(text, from)) !== 91) return undefined; // most arguments are no JSON array: no `[`
  const values = emptied(execList);
  const form = readExecForm(text, from, map, values);
  if (form === undefined) emptied(values); // the scratch list must not keep the values of a text that is no JSON array
  return form;
}

/**
 * parseExecForm collecting the values in `values`, given to the form as an exact-size list: a list grown by
 * push had room for 17 values, and a lint keeps every exec form until it ends.
 */
function readExecForm(text: string, from: number, map: TextMap, values: Word[]): ExecForm | undefined {
  let i = from;
  const n = text.length;
  i = skipSpaces(text, i);
  if (text[i] !== '[') return undefined;
  const open = i++;
  i = skipSpaces(text, i);
  if (text[i] === ']') {
    i++;
    i = skipSpaces(text, i);
    return i === n ? { values: [], span: sourceSpan(map, open, i) } : undefined;
  }
  for (;;) {
    i = skipSpaces(text, i);
    if (text[i] !== '"') return undefined;
    const start = i++;
    const close = jsonStringClose(text, i);
    if (close < 0) return undefined;
    const value = jsonStringValue(text, i, close);
    i = close + 1;
    values.push({ raw: text.slice(start, i), value, start: toSource(map, start), end: sourceEnd(map, start, i) });
    i = skipSpaces(text, i);
    if (text[i] === ',') { i++; continue; }
    if (text[i] === ']') { i++; break; }
    return undefined;
  }
  const close = i;
  i = skipSpaces(text, i);
  return i === n ? { values: takeAll(values), span: sourceSpan(map, open, close) } : undefined;
}

/** `k=v k2="v 2"` pairs (ENV, LABEL, ARG), or the legacy `ENV k v` form. Words are read in place, not split into a list first. */
export function parsePairs(keyword: string, text: string, from: number, map: TextMap, escape: string): KeyValue[] {
  const esc = escape.charCodeAt(0);
  const first = skipSpaces(text, from);
  if (first >= text.length) return [];
  if (keyword === 'ENV' || keyword === 'LABEL') {
    const firstEnd = wordEnd(text, first, esc);
    if (indexIn(text, 61, first, firstEnd) < 0) return [legacyPair(text, first, firstEnd, map, escape)]; // no `=`
  }
  const pairs = emptied(pairList);
  const n = text.length;
  for (let i = first; i < n; i = skipSpaces(text, i)) {
    const start = i;
    // Most pairs have no quote or escape (`k=v`): read in one pass, key and value are their text as written.
    let c = 0;
    while (i < n && !isSpace(c = text.charCodeAt(i)) && c !== DQ && c !== SQ && c !== esc) i++;
    if (i === n || isSpace(c)) { pairs.push(plainPair(text, start, i, map)); continue; }
    i = wordEnd(text, i, esc); // from its first quote or escape, with no quote open before it
    pairs.push(pairOf(text, start, i, map, escape));
  }
  return takeAll(pairs);
}

/** A pair word at [start, end) without quotes or escapes: pairOf without unquoting. */
function plainPair(text: string, start: number, end: number, map: TextMap): KeyValue {
  const eq = indexIn(text, 61, start, end); // `=`
  const docStart = toSource(map, start);
  const docEnd = sourceEnd(map, start, end);
  if (eq < 0) return new Pair(text.slice(start, end), false, docStart, docEnd, docEnd);
  const pair = new Pair(text.slice(start, eq), false, docStart, docEnd, sourceEnd(map, start, eq));
  pair.value = text.slice(eq + 1, end);
  pair.valueSpan = sourceSpan(map, eq + 1, end);
  return pair;
}

const pairList: KeyValue[] = [];

/**
 * The first offset in [from, to) of the code `c`, or -1. indexOf would look on past `to`, through the rest of
 * the text for every word without one: a COPY with 80,000 bare `--link` flags took 0.4 s to parse.
 */
function indexIn(text: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) return i;
  return -1;
}

/**
 * An ENV, LABEL or ARG pair. No rule reads `keySpan` in a default lint: it is made on each read from where the
 * key ends, a number where it was a span object per pair (a parse keeps every pair until the lint ends).
 */
class Pair implements KeyValue {
  value: string | undefined = undefined;
  valueSpan: Span | undefined = undefined;
  readonly #keyEnd: number;

  constructor(public key: string, public legacy: boolean, public start: number, public end: number, keyEnd: number) {
    this.#keyEnd = keyEnd;
  }

  get keySpan(): Span { return { start: this.start, end: this.#keyEnd }; }
}

/** `ENV key the value`: the first word is the key, everything after it is the value. */
function legacyPair(text: string, keyStart: number, keyEnd: number, map: TextMap, escape: string): KeyValue {
  const start = toSource(map, keyStart);
  const end = sourceEnd(map, keyStart, keyEnd);
  const pair = new Pair(unquote(text.slice(keyStart, keyEnd), escape), true, start, end, end);
  const vStart = skipSpaces(text, keyEnd);
  if (vStart < text.length) {
    const esc = escape.charCodeAt(0);
    let vEnd = vStart;
    for (let i = vStart; i < text.length; i = skipSpaces(text, i)) vEnd = i = wordEnd(text, i, esc);
    pair.value = unquote(text.slice(vStart, vEnd), escape);
    pair.valueSpan = sourceSpan(map, vStart, vEnd);
    pair.end = pair.valueSpan.end;
  }
  return pair;
}

/** One `key=value` (or bare `key`) word at [start, end). */
function pairOf(text: string, start: number, end: number, map: TextMap, escape: string): KeyValue {
  const raw = text.slice(start, end);
  const eq = raw.indexOf('=');
  const docStart = toSource(map, start);
  const docEnd = sourceEnd(map, start, end);
  if (eq < 0) return new Pair(unquote(raw, escape), false, docStart, docEnd, docEnd);
  const pair = new Pair(unquote(raw.slice(0, eq), escape), false, docStart, docEnd, sourceEnd(map, start, start + eq));
  pair.value = unquote(raw.slice(eq + 1), escape);
  pair.valueSpan = sourceSpan(map, start + eq + 1, end);
  return pair;
}
