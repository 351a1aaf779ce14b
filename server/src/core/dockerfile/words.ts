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

/** Removes quotes and resolves escapes the way BuildKit's word processing does (no expansion). */
export function unquote(raw: string, escape = '\\'): string {
  if (!/["'\\`]/.test(raw)) return raw;
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = ''; else out += c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === escape && i + 1 < raw.length && (raw[i + 1] === '"' || raw[i + 1] === escape || raw[i + 1] === '$')) out += raw[++i];
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === escape && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
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
  while (rest < n) {
    const w = { start: rest, end: wordEnd(text, rest, esc) };
    if (!text.startsWith('--', w.start) || w.end - w.start < 3) break;
    const raw = text.slice(w.start, w.end);
    const eq = raw.indexOf('=');
    const nameEnd = eq < 0 ? w.end : w.start + eq;
    const span = sourceSpan(map, w.start, w.end);
    const flag: Flag = { name: text.slice(w.start + 2, nameEnd), nameSpan: sourceSpan(map, w.start, nameEnd), value: undefined, valueSpan: undefined, start: span.start, end: span.end };
    if (eq >= 0) {
      flag.value = unquote(raw.slice(eq + 1), escape);
      flag.valueSpan = sourceSpan(map, nameEnd + 1, w.end);
    }
    flags.push(flag);
    rest = w.end;
    while (rest < n && isSpace(text.charCodeAt(rest))) rest++;
  }
  return { flags, rest };
}

/** A JSON array of strings with each element's span, or undefined when the text is not one. */
export function parseExecForm(text: string, from: number, map: SourceMap): ExecForm | undefined {
  let i = from;
  const n = text.length;
  const ws = () => { while (i < n && isSpace(text.charCodeAt(i))) i++; };
  ws();
  if (text[i] !== '[') return undefined;
  const open = i++;
  const values: Word[] = [];
  ws();
  if (text[i] === ']') {
    i++;
    ws();
    return i === n ? { values, span: sourceSpan(map, open, i) } : undefined;
  }
  for (;;) {
    ws();
    if (text[i] !== '"') return undefined;
    const start = i++;
    let value = '';
    for (;;) {
      if (i >= n) return undefined;
      const c = text[i];
      if (c === '"') break;
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) { value += simple[e]; i += 2; continue; }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        return undefined;
      }
      if (c.charCodeAt(0) < 0x20 && c !== '\t') return undefined;
      value += c;
      i++;
    }
    i++;
    const span = sourceSpan(map, start, i);
    values.push({ raw: text.slice(start, i), value, start: span.start, end: span.end });
    ws();
    if (text[i] === ',') { i++; continue; }
    if (text[i] === ']') { i++; break; }
    return undefined;
  }
  const close = i;
  ws();
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
