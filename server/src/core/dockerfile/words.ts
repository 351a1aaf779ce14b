// Splitting of an instruction's joined argument text into words, flags, pairs and exec form.
import type { ExecForm, Flag, KeyValue, SourceMap, Word } from './model';
import type { Span } from '../types';

export function toSource(map: SourceMap, logical: number): number {
  const l = map.logical;
  let lo = 0;
  let hi = l.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (l[mid] <= logical) lo = mid; else hi = mid - 1;
  }
  return map.source[lo] + (logical - l[lo]);
}

export function sourceSpan(map: SourceMap, start: number, end: number): Span {
  // An end offset that falls on a segment start belongs to the previous segment's end.
  const s = toSource(map, start);
  const e = end > start ? toSource(map, end - 1) + 1 : s;
  return { start: s, end: e };
}

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

/** Splits text on unquoted whitespace; returns logical spans. */
export function splitWords(text: string, escape: string, from = 0): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const esc = escape.charCodeAt(0);
  for (let i = skipSpaces(text, from); i < text.length; i = skipSpaces(text, i)) {
    const start = i;
    i = wordEnd(text, i, esc);
    out.push({ start, end: i });
  }
  return out;
}

/** The words of `text` from `from` on (as splitWords splits it), with values and document spans. */
export function wordsOf(text: string, map: SourceMap, escape: string, from = 0): Word[] {
  const out: Word[] = [];
  const esc = escape.charCodeAt(0);
  for (let i = skipSpaces(text, from); i < text.length; i = skipSpaces(text, i)) {
    const start = i;
    i = wordEnd(text, i, esc);
    out.push(makeWord(text, map, start, i, escape));
  }
  return out;
}

const DQ = 34;
const SQ = 39;
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
  let out = '';
  let from = 0; // start of the text not yet copied to `out`
  let quote = 0;
  for (let i = 0; i < n; i++) {
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

export function makeWord(text: string, map: SourceMap, start: number, end: number, escape: string): Word {
  const raw = text.slice(start, end);
  const s = toSource(map, start);
  return { raw, value: unquote(raw, escape), start: s, end: end > start ? toSource(map, end - 1) + 1 : s };
}

/** Leading `--flag[=value]` words. Returns the flags and the logical offset where the rest starts. */
export function parseFlags(text: string, map: SourceMap, escape: string): { flags: Flag[]; rest: number } {
  const flags: Flag[] = [];
  let rest = 0;
  const n = text.length;
  const esc = escape.charCodeAt(0);
  rest = skipSpaces(text, 0);
  // Only the leading words: a RUN's script can be thousands of words long.
  while (rest < n && text.startsWith('--', rest)) {
    const start = rest;
    const end = wordEnd(text, start, esc);
    if (end - start < 3) break;
    const eq = text.indexOf('=', start);
    const nameEnd = eq >= 0 && eq < end ? eq : end;
    const span = sourceSpan(map, start, end);
    const flag: Flag = { name: text.slice(start + 2, nameEnd), nameSpan: sourceSpan(map, start, nameEnd), value: undefined, valueSpan: undefined, start: span.start, end: span.end };
    if (nameEnd < end) {
      flag.value = unquote(text.slice(nameEnd + 1, end), escape);
      flag.valueSpan = sourceSpan(map, nameEnd + 1, end);
    }
    flags.push(flag);
    rest = end;
    while (rest < n && isSpace(text.charCodeAt(rest))) rest++;
  }
  return { flags, rest };
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

/** The value of a valid JSON string's text; the text between escapes is copied as one slice, not a character at a time. */
function jsonStringValue(text: string, start: number, end: number): string {
  let value = '';
  let from = start;
  for (let i = text.indexOf('\\', start); i >= 0 && i < end; i = text.indexOf('\\', from)) {
    const e = text[i + 1];
    value += text.slice(from, i) + (e === 'u' ? String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)) : JSON_ESCAPES.get(e)!);
    from = i + (e === 'u' ? 6 : 2);
  }
  return value + text.slice(from, end);
}

/** A JSON array of strings with each element's span, or undefined when the text is not one. */
export function parseExecForm(text: string, from: number, map: SourceMap): ExecForm | undefined {
  let i = from;
  const n = text.length;
  i = skipSpaces(text, i);
  if (text[i] !== '[') return undefined;
  const open = i++;
  const values: Word[] = [];
  i = skipSpaces(text, i);
  if (text[i] === ']') {
    i++;
    i = skipSpaces(text, i);
    return i === n ? { values, span: sourceSpan(map, open, i) } : undefined;
  }
  for (;;) {
    i = skipSpaces(text, i);
    if (text[i] !== '"') return undefined;
    const start = i++;
    const close = jsonStringClose(text, i);
    if (close < 0) return undefined;
    const value = jsonStringValue(text, i, close);
    i = close + 1;
    const span = sourceSpan(map, start, i);
    values.push({ raw: text.slice(start, i), value, start: span.start, end: span.end });
    i = skipSpaces(text, i);
    if (text[i] === ',') { i++; continue; }
    if (text[i] === ']') { i++; break; }
    return undefined;
  }
  const close = i;
  i = skipSpaces(text, i);
  return i === n ? { values, span: sourceSpan(map, open, close) } : undefined;
}

/** `k=v k2="v 2"` pairs (ENV, LABEL, ARG), or the legacy `ENV k v` form. */
export function parsePairs(keyword: string, text: string, from: number, map: SourceMap, escape: string): KeyValue[] {
  const words = splitWords(text, escape, from);
  if (!words.length) return [];
  const firstRaw = text.slice(words[0].start, words[0].end);
  if ((keyword === 'ENV' || keyword === 'LABEL') && !firstRaw.includes('=')) {
    // Legacy form: the first word is the key, everything after it is the value.
    const key = words[0];
    const kspan = sourceSpan(map, key.start, key.end);
    const pair: KeyValue = { key: unquote(firstRaw, escape), keySpan: kspan, legacy: true, start: kspan.start, end: kspan.end };
    if (words.length > 1) {
      const vStart = words[1].start;
      const vEnd = words[words.length - 1].end;
      pair.value = unquote(text.slice(vStart, vEnd), escape);
      pair.valueSpan = sourceSpan(map, vStart, vEnd);
      pair.end = pair.valueSpan.end;
    }
    return [pair];
  }
  return words.map((w) => {
    const raw = text.slice(w.start, w.end);
    const eq = raw.indexOf('=');
    const span = sourceSpan(map, w.start, w.end);
    if (eq < 0) return { key: unquote(raw, escape), keySpan: span, legacy: false, start: span.start, end: span.end };
    return {
      key: unquote(raw.slice(0, eq), escape),
      keySpan: sourceSpan(map, w.start, w.start + eq),
      value: unquote(raw.slice(eq + 1), escape),
      valueSpan: sourceSpan(map, w.start + eq + 1, w.end),
      legacy: false,
      start: span.start,
      end: span.end,
    };
  });
}
