// Whole-string matching, in time linear in the text, for the regular expressions the core builds from patterns
// users write (exclude globs, `.dockerignore` lines). A backtracking RegExp tries every way to split the text
// between `*`s: `*a*a*a*a*a*a*a*a*a*ay` against 40 letters took 17 s, `x/**/**/…/y` 27 s. Here the pattern runs as
// a set of states advanced one character at a time (a Thompson NFA), so the cost is text × pattern at worst.
//
// The source is first compiled by RegExp (same syntax errors as before), then read with JavaScript's own rules
// (no `u` flag): atoms are characters, escapes, `.`, classes `[…]` and groups; quantifiers `*` `+` `?` (a lazy `?`
// after them changes nothing for a yes/no answer); assertions `^` `$` `\b` `\B`. Classes and escapes are tested
// by RegExp itself, one character at a time, where backtracking cannot happen. Backreferences cannot run on a
// state set and are refused (`Unsupported`), as Go's RE2, which Docker matches `.dockerignore` with, refuses them.

import { isLineBreak } from './text';

export class Unsupported extends Error {}

type CharTest = (c: string) => boolean;
type Assertion = (text: string, pos: number) => boolean;
/** A piece of the automaton: its entry state and its exit state. */
type Fragment = [number, number];

const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
const WORD_BOUNDARY: Assertion = (t, p) => isWord(t[p - 1]) !== isWord(t[p]);

class Automaton {
  readonly tests: (CharTest | undefined)[] = [];
  readonly asserts: (Assertion | undefined)[] = [];
  readonly next: number[] = [];
  readonly empty: number[][] = [];
  start = 0;
  accept = 0;

  state(): number { this.tests.push(undefined); this.asserts.push(undefined); this.next.push(-1); this.empty.push([]); return this.next.length - 1; }
  char(test: CharTest): Fragment { const s = this.state(); const e = this.state(); this.tests[s] = test; this.next[s] = e; return [s, e]; }
  assertion(test: Assertion): Fragment { const s = this.state(); const e = this.state(); this.asserts[s] = test; this.next[s] = e; return [s, e]; }
  seq(parts: Fragment[]): Fragment {
    if (!parts.length) { const s = this.state(); return [s, s]; }
    for (let k = 1; k < parts.length; k++) this.empty[parts[k - 1][1]].push(parts[k][0]);
    return [parts[0][0], parts[parts.length - 1][1]];
  }
  alt(options: Fragment[]): Fragment {
    const s = this.state(); const e = this.state();
    for (const [a, b] of options) { this.empty[s].push(a); this.empty[b].push(e); }
    return [s, e];
  }
  /** `f*`, `f+` or `f?`, with fresh entry and exit states (a bypass from a loop state would skip what follows the loop). */
  repeat([a, b]: Fragment, min: 0 | 1, loop: boolean): Fragment {
    const s = this.state(); const e = this.state();
    this.empty[s].push(a);
    if (min === 0) this.empty[s].push(e);
    this.empty[b].push(e);
    if (loop) this.empty[b].push(a);
    return [s, e];
  }

  // Two state lists and a mark per state (the step that last added it) are reused from text to text: a Set and
  // arrays per character made matching paths against `.dockerignore` lines a tenth of a keystroke's lint.
  private current: number[] = [];
  private moved: number[] = [];
  private mark = new Int32Array(0);
  private step = 0;

  matches(text: string): boolean {
    // A fresh mark array now and then: the step count must stay an Int32 (a server runs for weeks).
    if (this.mark.length !== this.next.length || this.step > 0x3fffffff - text.length) { this.mark = new Int32Array(this.next.length); this.step = 0; }
    let current = this.current;
    let moved = this.moved;
    current.length = 0;
    this.closure(current, this.start, text, 0, ++this.step);
    for (let i = 0; i < text.length && current.length; i++) {
      const c = text[i];
      const step = ++this.step;
      moved.length = 0;
      for (const s of current) if (this.tests[s]?.(c)) this.closure(moved, this.next[s], text, i + 1, step);
      const t = current; current = moved; moved = t;
    }
    this.current = current;
    this.moved = moved;
    return current.includes(this.accept);
  }

  /** Adds `from` and every state its empty moves (and assertions true at `pos`) reach to `out`, once per step. */
  private closure(out: number[], from: number, text: string, pos: number, step: number): void {
    if (this.mark[from] === step) return;
    this.mark[from] = step;
    const base = out.length;
    out.push(from);
    for (let k = base; k < out.length; k++) {
      const s = out[k];
      for (const t of this.empty[s]) if (this.mark[t] !== step) { this.mark[t] = step; out.push(t); }
      const a = this.asserts[s];
      if (a && a(text, pos)) { const t = this.next[s]; if (this.mark[t] !== step) { this.mark[t] = step; out.push(t); } }
    }
  }
}

/** RegExp's `test` for a `source` anchored at both ends (`^…$`), in linear time. */
export function linearRegExp(source: string, flags = ''): { test(text: string): boolean } {
  new RegExp(source, flags); // the same SyntaxError as before for a pattern RegExp rejects
  if (/[^s]/.test(flags)) throw new Unsupported(`flags "${flags}"`);
  if (!source.startsWith('^') || !/(^|[^\\])(\\\\)*\$$/.test(source)) throw new Unsupported('a pattern not anchored at both ends');
  const dotAll = flags.includes('s');
  const groups = (source.match(/\((?!\?)/g) ?? []).length; // an over-count (a `(` in a class) only refuses more
  const a = new Automaton();
  let i = 0;

  const singleChar = (re: string): CharTest => { const r = new RegExp(re, flags); return (c) => r.test(c); };
  const literal = (ch: string): CharTest => (c) => c === ch;

  const classEnd = (from: number) => {
    let j = from + 1;
    if (source[j] === '^') j++;
    if (source[j] === ']') return j; // `[]` and `[^]`: JavaScript closes the class here
    while (source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    return j;
  };

  const escape = (): Fragment => {
    const c = source[i + 1];
    if (c === 'b' || c === 'B') { i += 2; return a.assertion(c === 'b' ? WORD_BOUNDARY : (t, p) => !WORD_BOUNDARY(t, p)); }
    if (c >= '1' && c <= '9' && groups > 0) throw new Unsupported('backreference');
    let len = 2;
    if (c === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) len = 4;
    else if (c === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 2, i + 6))) len = 6;
    else if (c === 'c') {
      if (!/[A-Za-z]/.test(source[i + 2] ?? '')) { i += 1; return a.char(literal('\\')); } // `\c` alone: a backslash, then `c`
      len = 3;
    } else if (c >= '0' && c <= '7') {
      // A legacy octal escape (no groups to refer to): up to three octal digits, at most \377.
      const m = /^[0-7]{1,3}/.exec(source.slice(i + 1))![0];
      len = 1 + (m.length === 3 && m[0] > '3' ? 2 : m.length);
    }
    const token = source.slice(i, i + len);
    i += len;
    return a.char(singleChar(`^${token}$`));
  };

  const atom = (): Fragment => {
    const c = source[i];
    if (c === '(') {
      if (source[i + 1] === '?' && source[i + 2] !== ':') throw new Unsupported('lookaround or named group');
      i += source[i + 1] === '?' ? 3 : 1;
      const inner = alternation();
      i++; // ')'
      return inner;
    }
    if (c === '[') { const end = classEnd(i); const cls = source.slice(i, end + 1); i = end + 1; return a.char(singleChar(cls)); }
    if (c === '\\') return escape();
    if (c === '.') { i++; return a.char(dotAll ? () => true : (ch) => !isLineBreak(ch)); }
    if (c === '^') { i++; return a.assertion((_, p) => p === 0); }
    if (c === '$') { i++; return a.assertion((t, p) => p === t.length); }
    if (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) throw new Unsupported('counted repetition');
    i++;
    return a.char(literal(c));
  };

  const sequence = (): Fragment => {
    const parts: Fragment[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let f = atom();
      const q = source[i];
      if (q === '*' || q === '+' || q === '?') {
        i++;
        if (source[i] === '?') i++; // lazy: the same yes/no answer
        f = a.repeat(f, q === '+' ? 1 : 0, q !== '?');
      }
      parts.push(f);
    }
    return a.seq(parts);
  };

  function alternation(): Fragment {
    const options = [sequence()];
    while (source[i] === '|') { i++; options.push(sequence()); }
    return options.length === 1 ? options[0] : a.alt(options);
  }

  // Whole-text match: text start, the pattern, text end (the pattern's own `^` and `$` are assertions inside it).
  const whole = a.seq([a.assertion((_, p) => p === 0), alternation(), a.assertion((t, p) => p === t.length)]);
  a.start = whole[0];
  a.accept = whole[1];
  return { test: (text) => a.matches(text) };
}
