// `exclude` globs, matched against paths relative to the folder of the file (or workspace folder)
// that declares them: `*` and `?` stay inside one path segment, `**` spans segments, `{a,b}`
// alternates, `[abc]` is a class. A pattern without `/` matches a file or folder name at any depth
// (as in .gitignore); a leading `/` or an inner `/` anchors it; a folder excludes what is inside it;
// a later `!pattern` includes again.

/** Why a pattern cannot be used, or undefined when it is fine. */
export function globProblem(pattern: string): string | undefined {
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

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  const anchored = p.startsWith('/') || p.replace(/\/+$/, '').includes('/');
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
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
  const out = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}(?:/.*)?$`);
  cache.set(pattern, out);
  return out;
}

/** The pattern that decides `relPath` (posix, relative to the patterns' base) is excluded, or undefined. */
export function excludedBy(relPath: string, patterns: readonly string[]): string | undefined {
  const rel = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!rel || rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return undefined;
  let decided: string | undefined;
  for (const pat of patterns) {
    const negate = pat.startsWith('!');
    const body = negate ? pat.slice(1) : pat;
    if (!body.trim() || globProblem(body)) continue;
    if (globToRegExp(body).test(rel)) decided = negate ? undefined : pat;
  }
  return decided;
}
