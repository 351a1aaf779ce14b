// `exclude` globs, matched against paths relative to the folder of the file (or workspace folder)
// that declares them: `*` and `?` stay inside one path segment, `**` spans segments, `{a,b}`
// alternates, `[abc]` is a class. A pattern without `/` matches a file or folder name at any depth
// (as in .gitignore); a leading `/` or an inner `/` anchors it; a folder excludes what is inside it;
// a later `!pattern` includes again.
import { trimTrailing } from '../text';

/** Unbalanced brackets and braces, or an empty pattern. */
function syntaxProblem(pattern: string): string | undefined {
  if (!pattern.trim()) return 'empty pattern';
  let braces = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '{') braces++;
    else if (c === '}') { if (--braces < 0) return 'unmatched "}"'; }
  }
  if (inClass) return 'unclosed "["';
  if (braces) return 'unclosed "{"';
  return undefined;
}

const cache = new Map<string, Glob>();
/** Longer patterns are refused: no repository path is that long, and a bound keeps every check cheap. */
const MAX_PATTERN = 1000;

/**
 * A compiled pattern. Matching runs the pattern as a set of states advanced one character at a time (a Thompson
 * NFA) instead of a backtracking regular expression: `x/**\/**\/**\/…/y` or `*a*a*a*a…` took seconds to minutes
 * against one path as a RegExp, and a character class such as `[z-a]` threw. Same language as the RegExp
 * translation it replaced: `*` is `[^/]*`, `?` is `[^/]`, `**` before a `/` at a segment start is `(?:.*\/)?`,
 * other `**` is `.*`, `{a,b}` alternates, `[…]` (`[!…]` negated) is a class, an unanchored pattern may start
 * after any `/`, and a match may be followed by `/…` (a folder excludes what is inside it).
 */
type Glob = { matches(path: string): boolean } | { problem: string };

function compileGlob(pattern: string): Glob {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let out: Glob;
  const syntax = pattern.length > MAX_PATTERN ? `longer than ${MAX_PATTERN} characters` : syntaxProblem(pattern);
  if (syntax) out = { problem: syntax };
  else {
    try {
      const nfa = toNfa(pattern);
      out = { matches: (path) => nfa.matches(path) };
    } catch (e) {
      if (e instanceof PatternProblem) out = { problem: e.message };
      else if (e instanceof SyntaxError) out = { problem: `invalid character class (${e.message.replace(/^Invalid regular expression: /, '')})` };
      else throw e;
    }
  }
  cache.set(pattern, out);
  return out;
}

/** Why a pattern cannot be used, or undefined when it is fine. */
export function globProblem(pattern: string): string | undefined {
  const g = compileGlob(pattern);
  return 'problem' in g ? g.problem : undefined;
}

class PatternProblem extends Error {}

type CharTest = (c: string) => boolean;
const ANY_BUT_SLASH: CharTest = (c) => c !== '/';
const ANY_BUT_LINE_BREAK: CharTest = (c) => c !== '\n' && c !== '\r' && c !== '\u2028' && c !== '\u2029'; // RegExp `.`
const literal = (ch: string): CharTest => (c) => c === ch;

/** States: a character state has a test and one successor; every state may also have empty moves. */
class Nfa {
  readonly tests: (CharTest | undefined)[] = [];
  readonly next: number[] = [];
  readonly empty: number[][] = [];
  start = 0;
  accept = 0;

  state(): number { this.tests.push(undefined); this.next.push(-1); this.empty.push([]); return this.tests.length - 1; }
  /** A fragment reading one character: [entry, exit]. */
  char(test: CharTest): [number, number] { const s = this.state(); const e = this.state(); this.tests[s] = test; this.next[s] = e; return [s, e]; }
  /** Zero or more characters passing `test`. */
  star(test: CharTest): [number, number] {
    const s = this.state(); const c = this.state(); const e = this.state();
    this.tests[c] = test; this.next[c] = s;
    this.empty[s].push(c, e);
    return [s, e];
  }
  seq(parts: [number, number][]): [number, number] {
    if (!parts.length) { const s = this.state(); return [s, s]; }
    for (let k = 1; k < parts.length; k++) this.empty[parts[k - 1][1]].push(parts[k][0]);
    return [parts[0][0], parts[parts.length - 1][1]];
  }
  alt(options: [number, number][]): [number, number] {
    const s = this.state(); const e = this.state();
    for (const [a, b] of options) { this.empty[s].push(a); this.empty[b].push(e); }
    return [s, e];
  }
  /** A fresh entry for the bypass: the fragment's own entry may be a loop state (`.*`), and a bypass from it would skip what follows the loop. */
  optional(f: [number, number]): [number, number] { const s = this.state(); this.empty[s].push(f[0], f[1]); return [s, f[1]]; }

  matches(text: string): boolean {
    let current = this.closure([this.start]);
    for (let i = 0; i < text.length && current.length; i++) {
      const c = text[i];
      const moved: number[] = [];
      for (const s of current) if (this.tests[s]?.(c)) moved.push(this.next[s]);
      current = this.closure(moved);
    }
    return current.includes(this.accept);
  }

  private closure(states: number[]): number[] {
    const seen = new Set<number>(states);
    const out = [...seen];
    for (let k = 0; k < out.length; k++) for (const t of this.empty[out[k]]) if (!seen.has(t)) { seen.add(t); out.push(t); }
    return out;
  }
}

function toNfa(pattern: string): Nfa {
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  const anchored = p.startsWith('/') || trimTrailing(p, '/').includes('/');
  p = trimTrailing(p.replace(/^\/+/, ''), '/');
  const nfa = new Nfa();
  /** `(?:.*\/)?`: any number of leading folders. */
  const folders = () => nfa.optional(nfa.seq([nfa.star(ANY_BUT_LINE_BREAK), nfa.char(literal('/'))]));
  let i = 0;
  // A sequence up to the end, or (inside braces) up to its `,` or `}`.
  const sequence = (depth: number): [number, number] => {
    const parts: [number, number][] = [];
    for (; i < p.length; i++) {
      const c = p[i];
      if (depth && (c === ',' || c === '}')) break;
      if (c === '*') {
        if (p[i + 1] === '*') {
          const slashAfter = p[i + 2] === '/';
          const atSegStart = i === 0 || p[i - 1] === '/';
          i += slashAfter ? 2 : 1;
          parts.push(atSegStart && slashAfter ? folders() : nfa.star(ANY_BUT_LINE_BREAK));
        } else parts.push(nfa.star(ANY_BUT_SLASH));
      } else if (c === '?') parts.push(nfa.char(ANY_BUT_SLASH));
      else if (c === '{') {
        i++;
        const options = [sequence(depth + 1)];
        while (p[i] === ',') { i++; options.push(sequence(depth + 1)); }
        if (p[i] !== '}') throw new PatternProblem('unclosed "{"'); // e.g. `\{`: the backslash became a slash, so it does not escape
        parts.push(nfa.alt(options));
      } else if (c === '[') {
        const close = p.indexOf(']', i + 1);
        if (close < 0) { parts.push(nfa.char(literal('['))); continue; }
        let cls = p.slice(i + 1, close);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        const re = new RegExp(`[${cls}]`); // one character at a time: no backtracking
        parts.push(nfa.char((ch) => re.test(ch)));
        i = close;
      } else parts.push(nfa.char(literal(c)));
    }
    return nfa.seq(parts);
  };
  const body = sequence(0);
  const inside = nfa.optional(nfa.seq([nfa.char(literal('/')), nfa.star(ANY_BUT_LINE_BREAK)]));
  const whole = nfa.seq(anchored ? [body, inside] : [folders(), body, inside]);
  nfa.start = whole[0];
  nfa.accept = whole[1];
  return nfa;
}

/** The pattern that decides `relPath` (posix, relative to the patterns' base) is excluded, or undefined. */
export function excludedBy(relPath: string, patterns: readonly string[]): string | undefined {
  const rel = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!rel || rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return undefined;
  let decided: string | undefined;
  for (const pat of patterns) {
    const negate = pat.startsWith('!');
    const body = negate ? pat.slice(1) : pat;
    const glob = compileGlob(body);
    if ('problem' in glob) continue;
    if (glob.matches(rel)) decided = negate ? undefined : pat;
  }
  return decided;
}
