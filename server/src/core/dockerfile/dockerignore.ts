// `.dockerignore` semantics as Docker applies them (moby/patternmatcher + ignorefile): comment and
// blank lines skipped, each pattern cleaned like Go's filepath.Clean with a leading `/` dropped,
// `*` `?` `[...]` within one path segment, `**` across segments, `!` re-includes, the last match wins,
// and a path is also excluded when one of its parent directories is.
import type { WorkspaceHost } from '../workspace';
import { linearRegExp } from '../linear-regex';

export interface IgnorePattern {
  /** The cleaned pattern (without `!`). */
  pattern: string;
  exclusion: boolean;
  /** 0-based line in the ignore file. */
  line: number;
  type: 'exact' | 'prefix' | 'suffix' | 'regexp';
  re?: { test(path: string): boolean };
}

export interface DockerIgnore {
  patterns: IgnorePattern[];
  /** Any `!pattern` line. */
  hasExclusions: boolean;
  /** Lines Docker would reject (e.g. an unclosed `[`); Docker then fails the build. */
  errors: { line: number; message: string }[];
  /** Answers of `ignoredBy` so far, by path: a file's COPYs name the same sources again and again. */
  decided?: Map<string, IgnorePattern | undefined>;
}

/** Go's path.Clean for slash-separated paths. */
/** `.` or `..` segments, doubled slashes or a trailing slash (after something). */
const NEEDS_CLEANING = /(^|\/)\.{1,2}(\/|$)|\/\/|.\/$/;

export function cleanPath(p: string): string {
  if (p === '') return '.';
  if (!NEEDS_CLEANING.test(p)) return p; // most paths are already clean: no split and join
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body || '.';
}

const REGEX_ESCAPE = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

function compile(pattern: string): Pick<IgnorePattern, 'type' | 're'> | string {
  let re = '^';
  let type: IgnorePattern['type'] = 'exact';
  const chars = [...pattern];
  for (let k = 0, i = 0; k < chars.length; i++) {
    const ch = chars[k++];
    if (ch === '*') {
      if (chars[k] === '*') {
        k++;
        if (chars[k] === '/') k++;
        if (k >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else { re += '.*'; type = 'regexp'; }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (i === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (REGEX_ESCAPE.has(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      if (k < chars.length) { re += '\\' + chars[k++]; type = 'regexp'; } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else {
      re += ch;
    }
  }
  if (type !== 'regexp') return { type };
  try {
    // Linear-time matching: as a backtracking RegExp, `*a*a*a*a…` or `**/**/**/…` lines took seconds per path.
    return { type, re: linearRegExp(re + '$', 's') };
  } catch {
    return 'syntax error in pattern'; // also for a backreference (`\\1` after `**`), which Docker's Go regexp rejects too
  }
}

/** Checks the bracket syntax the way Go's filepath.Match does before a pattern is accepted. */
function badPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { if (i + 1 >= p.length) return true; i++; continue; }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      let first = true;
      for (;; first = false) {
        if (j >= p.length) return true;
        if (p[j] === ']' && !first) break;
        if (p[j] === '\\') j++;
        j++;
        if (p[j] === '-') { j++; if (j >= p.length || p[j] === ']') return true; if (p[j] === '\\') j++; j++; }
      }
      i = j;
    }
  }
  return false;
}

export function parseDockerignore(text: string): DockerIgnore {
  const patterns: IgnorePattern[] = [];
  const errors: DockerIgnore['errors'] = [];
  let hasExclusions = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, line) => {
    if (raw.startsWith('#')) return;
    let p = raw.trim();
    if (!p) return;
    const exclusion = p[0] === '!';
    if (exclusion) p = p.slice(1).trim();
    if (!p) { errors.push({ line, message: 'illegal exclusion pattern: "!"' }); return; }
    p = cleanPath(p);
    if (p.length > 1 && p[0] === '/') p = p.slice(1);
    if (badPattern(p)) { errors.push({ line, message: `syntax error in pattern "${p}"` }); return; }
    const c = compile(p);
    if (typeof c === 'string') { errors.push({ line, message: c }); return; }
    if (exclusion) hasExclusions = true;
    patterns.push({ pattern: p, exclusion, line, ...c });
  });
  return { patterns, hasExclusions, errors };
}

function matchOne(p: IgnorePattern, path: string): boolean {
  switch (p.type) {
    case 'exact': return path === p.pattern;
    case 'prefix': return path.startsWith(p.pattern.slice(0, -2));
    case 'suffix': {
      const suffix = p.pattern.slice(2);
      if (path.endsWith(suffix)) return true;
      return suffix[0] === '/' && path === suffix.slice(1);
    }
    default: return p.re!.test(path);
  }
}

/** The pattern that decides `path` is left out (the last one that matched), or undefined when it is sent. */
export function ignoredBy(di: DockerIgnore, path: string): IgnorePattern | undefined {
  const memo = (di.decided ??= new Map());
  if (memo.has(path)) return memo.get(path);
  const decided = decide(di, path);
  memo.set(path, decided);
  return decided;
}

function decide(di: DockerIgnore, path: string): IgnorePattern | undefined {
  const file = cleanPath(path.replace(/^\/+/, ''));
  const slash = file.lastIndexOf('/');
  const parent = slash < 0 ? '.' : file.slice(0, slash) || '/';
  const parentDirs = parent.split('/');
  let decided: IgnorePattern | undefined;
  for (const p of di.patterns) {
    if (p.exclusion !== (decided !== undefined)) continue;
    let match = matchOne(p, file);
    if (!match && parent !== '.') {
      for (let i = 0; i < parentDirs.length && !match; i++) match = matchOne(p, parentDirs.slice(0, i + 1).join('/'));
    }
    if (match) decided = p.exclusion ? undefined : p;
  }
  return decided;
}

/** Whether Docker leaves `path` (relative to the context, slash-separated) out of the build context. */
export function isIgnored(di: DockerIgnore, path: string): boolean {
  return ignoredBy(di, path) !== undefined;
}

/** Whether the ignore file leaves out the whole context (what `COPY . .` would copy). */
export function ignoresWholeContext(di: DockerIgnore): boolean {
  return isIgnored(di, '.') && isIgnored(di, 'a') && isIgnored(di, 'Z9');
}

export interface LoadedIgnore {
  /** File name beside the Dockerfile: `<Dockerfile>.dockerignore` wins over `.dockerignore`, as in BuildKit. */
  path: string;
  text: string;
  ignore: DockerIgnore;
}

/** The ignore file BuildKit would use for a Dockerfile at `docPath` (relative path; only its base name matters). */
export function loadDockerignore(ws: WorkspaceHost, docPath?: string): LoadedIgnore | undefined {
  const base = docPath ? docPath.replace(/^.*[\\/]/, '') : '';
  const candidates = base ? [`${base}.dockerignore`, '.dockerignore'] : ['.dockerignore'];
  for (const path of candidates) {
    const text = ws.readFile(path);
    if (text !== undefined) return { path, text, ignore: parseDockerignore(text) };
  }
  return undefined;
}
