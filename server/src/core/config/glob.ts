// `exclude` globs, matched against paths relative to the folder of the file (or workspace folder)
// that declares them: `*` and `?` stay inside one path segment, `**` spans segments, `{a,b}`
// alternates, `[abc]` is a class. A pattern without `/` matches a file or folder name at any depth
// (as in .gitignore); a leading `/` or an inner `/` anchors it; a folder excludes what is inside it;
// a later `!pattern` includes again.
import { trimTrailing } from '../text';
import { linearRegExp, Unsupported } from '../linear-regex';

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
 * A compiled pattern, or why it cannot be used. The pattern becomes a regular expression, run by `linearRegExp`
 * (time linear in the path) rather than RegExp: as a backtracking RegExp, `x/**\/**\/…/y` or `*a*a*a*a…` took
 * seconds to minutes against one path, and a class such as `[z-a]` threw out of every lint in the folder.
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
      const re = linearRegExp(globSource(pattern));
      out = { matches: (path) => re.test(path) };
    } catch (e) {
      if (!(e instanceof SyntaxError || e instanceof Unsupported)) throw e;
      out = { problem: `invalid pattern (${e.message.replace(/^.*: /, '')})` };
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

/** The regular expression a pattern stands for (`*` is `[^/]*`, `**` before a `/` at a segment start any folders). */
function globSource(pattern: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  const anchored = p.startsWith('/') || trimTrailing(p, '/').includes('/');
  p = trimTrailing(p.replace(/^\/+/, ''), '/');
  let re = '';
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slashAfter = p[i + 2] === '/';
        const atSegStart = i === 0 || p[i - 1] === '/';
        i += slashAfter ? 2 : 1;
        re += atSegStart && slashAfter ? '(?:.*/)?' : '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { re += '(?:'; depth++; }
    else if (c === '}' && depth) { re += ')'; depth--; }
    else if (c === ',' && depth) re += '|';
    else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close < 0) { re += '\\['; continue; }
      let cls = p.slice(i + 1, close).replace(/\\/g, '\\\\');
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      re += `[${cls}]`;
      i = close;
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return `^${anchored ? '' : '(?:.*/)?'}${re}(?:/.*)?$`;
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
