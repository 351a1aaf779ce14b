// Shell-style variable expansion as BuildKit does it for instruction arguments.
import { dropFrom, takeFrom } from '../shell/list-builder';

export interface Expansion {
  value: string;
  /** Variables referenced that had no value in scope. */
  unresolved: string[];
  /** Every variable referenced, in order. */
  referenced: string[];
}

const SQ = 39;
const DQ = 34;
const DOLLAR = 36;
const COLON = 58;

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
/** `-`, `+` or `?`: the operators of `${name-word}`, `${name+word}`, `${name?}`. */
const isOperator = (c: number) => c === 45 || c === 43 || c === 63;

/**
 * The names an expansion referenced and found unset, collected on stacks and taken as exact-size lists when it
 * returns (an expansion of a word in braces expands that word first, and a lookup may expand too: each call
 * takes only what it pushed). A list grown by push had room for 17 names, and most expansions reference one.
 */
const referencedStack: string[] = [];
const unresolvedStack: string[] = [];

/**
 * The text with its variables replaced. Everything but an expansion is copied as written, as runs of text
 * between expansions: a concatenation per character made a string per character (a tenth of the allocation
 * of the rules that expand).
 */
export function expand(text: string, lookup: (name: string) => string | undefined, escape = '\\'): Expansion {
  if (!text.includes('$')) return { value: text, unresolved: [], referenced: [] };
  const referencedBase = referencedStack.length;
  const unresolvedBase = unresolvedStack.length;
  try {
    const value = expandInto(text, lookup, escape);
    return { value, unresolved: takeFrom(unresolvedStack, unresolvedBase), referenced: takeFrom(referencedStack, referencedBase) };
  } finally {
    // Nothing left behind by a lookup that threw: no names kept after the lint.
    dropFrom(unresolvedStack, unresolvedBase);
    dropFrom(referencedStack, referencedBase);
  }
}

/** expand's value; the names it references and finds unset are pushed on the stacks. */
function expandInto(text: string, lookup: (name: string) => string | undefined, escape: string): string {
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
      // The name and operator are read in place (a match array and two slices each were most of what an
      // expansion allocated).
      const nameStart = i + 2;
      if (nameStart >= close || !isNameStart(text.charCodeAt(nameStart))) { i = close; continue; } // not a name: kept as written
      let nameEnd = nameStart + 1;
      while (nameEnd < close && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
      const name = text.slice(nameStart, nameEnd);
      referencedStack.push(name);
      out += text.slice(from, i);
      from = close + 1;
      i = close;
      const colon = text.charCodeAt(nameEnd) === COLON && nameEnd + 1 < close;
      const opAt = colon ? nameEnd + 1 : nameEnd;
      const val = lookup(name);
      if (opAt >= close || !isOperator(text.charCodeAt(opAt))) {
        if (val === undefined) unresolvedStack.push(name);
        out += val ?? '';
        continue;
      }
      const word = text.slice(opAt + 1, close);
      const set = colon ? val !== undefined && val !== '' : val !== undefined;
      const kind = text.charCodeAt(opAt);
      if (kind === 45) out += set ? val : expand(word, lookup, escape).value; // -
      else if (kind === 43) out += set ? expand(word, lookup, escape).value : ''; // +
      else { if (!set) unresolvedStack.push(name); out += val ?? ''; } // ?
      continue;
    }
    if (!isNameStart(text.charCodeAt(i + 1))) continue; // a lone `$` stays
    let end = i + 2;
    while (end < n && isNameChar(text.charCodeAt(end))) end++;
    const name = text.slice(i + 1, end);
    referencedStack.push(name);
    const val = lookup(name);
    if (val === undefined) unresolvedStack.push(name);
    out += text.slice(from, i) + (val ?? '');
    from = end;
    i = end - 1;
  }
  return out + text.slice(from);
}

function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
