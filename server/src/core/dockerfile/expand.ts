// Shell-style variable expansion as BuildKit does it for instruction arguments.

export interface Expansion {
  value: string;
  /** Variables referenced that had no value in scope. */
  unresolved: string[];
  /** Every variable referenced, in order. */
  referenced: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function expand(text: string, lookup: (name: string) => string | undefined, escape = '\\'): Expansion {
  const unresolved: string[] = [];
  const referenced: string[] = [];
  if (!text.includes('$')) return { value: text, unresolved, referenced };
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && i + 1 < text.length && quote !== "'") { out += c + text[++i]; continue; }
    if (c === "'" && quote !== '"') { quote = quote ? '' : "'"; out += c; continue; }
    if (c === '"' && quote !== "'") { quote = quote ? '' : '"'; out += c; continue; }
    if (c !== '$' || quote === "'") { out += c; continue; }
    if (text[i + 1] === '{') {
      const close = matchBrace(text, i + 1);
      if (close < 0) { out += text.slice(i); break; }
      const inner = text.slice(i + 2, close);
      const m = NAME.exec(inner);
      i = close;
      if (!m) { out += '${' + inner + '}'; continue; }
      const name = m[0];
      referenced.push(name);
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
    const m = NAME.exec(text.slice(i + 1));
    if (!m) { out += c; continue; }
    referenced.push(m[0]);
    const val = lookup(m[0]);
    if (val === undefined) unresolved.push(m[0]);
    out += val ?? '';
    i += m[0].length;
  }
  return { value: out, unresolved, referenced };
}

function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
