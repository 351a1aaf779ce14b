// Shell-style variable expansion as BuildKit does it for instruction arguments.

export interface Expansion {
  value: string;
  /** Variables referenced that had no value in scope. */
  unresolved: string[];
  /** Every variable referenced, in order. */
  referenced: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SQ = 39;
const DQ = 34;
const DOLLAR = 36;

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * The text with its variables replaced. Everything but an expansion is copied as written, as runs of text
 * between expansions: a concatenation per character made a string per character (a tenth of the allocation
 * of the rules that expand).
 */
export function expand(text: string, lookup: (name: string) => string | undefined, escape = '\\'): Expansion {
  const unresolved: string[] = [];
  const referenced: string[] = [];
  if (!text.includes('$')) return { value: text, unresolved, referenced };
  const esc = escape.charCodeAt(0);
  const n = text.length;
  let out = '';
  let from = 0; // start of the text not yet copied to `out`
  let quote = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === esc && i + 1 < n && quote !== SQ) { i++; continue; } // the escape and the next character stay as written
    if (c === SQ && quote !== DQ) { quote = quote ? 0 : SQ; continue; }
    if (c === DQ && quote !== SQ) { quote = quote ? 0 : DQ; continue; }
    if (c !== DOLLAR || quote === SQ) continue;
    if (text.charCodeAt(i + 1) === 123) { // ${
      const close = matchBrace(text, i + 1);
      if (close < 0) break;
      const inner = text.slice(i + 2, close);
      const m = NAME.exec(inner);
      if (!m) { i = close; continue; } // not a name: kept as written
      const name = m[0];
      referenced.push(name);
      out += text.slice(from, i);
      from = close + 1;
      i = close;
      const op = /^(:?[-+?])/.exec(inner.slice(name.length));
      const val = lookup(name);
      if (!op) {
        if (val === undefined) unresolved.push(name);
        out += val ?? '';
        continue;
      }
      const word = inner.slice(name.length + op[1].length);
      const colon = op[1].startsWith(':');
      const set = colon ? val !== undefined && val !== '' : val !== undefined;
      const kind = op[1].slice(-1);
      if (kind === '-') out += set ? val : expand(word, lookup, escape).value;
      else if (kind === '+') out += set ? expand(word, lookup, escape).value : '';
      else { if (!set) unresolved.push(name); out += val ?? ''; }
      continue;
    }
    if (!isNameStart(text.charCodeAt(i + 1))) continue; // a lone `$` stays
    let end = i + 2;
    while (end < n && isNameChar(text.charCodeAt(end))) end++;
    const name = text.slice(i + 1, end);
    referenced.push(name);
    const val = lookup(name);
    if (val === undefined) unresolved.push(name);
    out += text.slice(from, i) + (val ?? '');
    from = end;
    i = end - 1;
  }
  return { value: out + text.slice(from), unresolved, referenced };
}

function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
