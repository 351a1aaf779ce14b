// Inline suppression comments: hadolint's, BuildKit's `check=` directive, dclint's and our own.
import type { Comment, Directive, Dockerfile } from './dockerfile/model';

export interface Suppressions {
  /** Rule ids/aliases suppressed for the whole file; '*' means every rule. */
  file: Set<string>;
  /** Line -> ids suppressed on that line ('*' = all). */
  lines: Map<number, Set<string>>;
  /** BuildKit `# check=error=true`: BuildKit-aliased findings become errors. */
  checksAreErrors: boolean;
}

const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*([\w,\s-]+)$/i;
const SEAWORTHY = /^seaworthy-ignore(-file)?(?:\s+([^-].*?))?(?:\s+--\s.*)?$/i;

const ids = (list: string) => list.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

function addLine(map: Map<number, Set<string>>, line: number, names: string[]) {
  const set = map.get(line) ?? new Set<string>();
  for (const n of names) set.add(n);
  map.set(line, set);
}

/** Suppressions in a Dockerfile: a line comment covers the next instruction, all its lines. */
export function dockerfileSuppressions(doc: Dockerfile): Suppressions {
  const s: Suppressions = { file: new Set(), lines: new Map(), checksAreErrors: false };
  for (const d of doc.directives) if (d.name === 'check') applyCheckDirective(d, s);
  if (!doc.comments.length) return s;
  const byLine = new Map<number, Comment>();
  for (const c of doc.comments) byLine.set(c.line, c);
  let ci = 0;
  const comments = doc.comments;
  for (const instr of doc.instructions) {
    // Comments directly above the instruction (only other comments or blank lines between).
    const pending: string[] = [];
    while (ci < comments.length && comments[ci].line < instr.startLine) {
      const parsed = parseComment(comments[ci].text);
      if (parsed?.scope === 'file') for (const n of parsed.ids) s.file.add(n);
      else if (parsed) pending.push(...parsed.ids);
      ci++;
    }
    while (ci < comments.length && comments[ci].line <= instr.endLine) ci++;
    if (!pending.length) continue;
    for (let l = instr.startLine; l <= instr.endLine; l++) addLine(s.lines, l, pending);
  }
  for (; ci < comments.length; ci++) {
    const parsed = parseComment(comments[ci].text);
    if (parsed?.scope === 'file') for (const n of parsed.ids) s.file.add(n);
  }
  return s;
}

function parseComment(text: string): { scope: 'next' | 'file'; ids: string[] } | undefined {
  let m = HADOLINT.exec(text);
  if (m) return { scope: m[1] ? 'file' : 'next', ids: ids(m[2]) };
  m = SEAWORTHY.exec(text);
  if (m) {
    const list = m[2] ? ids(m[2]) : ['*'];
    return { scope: m[1] ? 'file' : 'next', ids: list };
  }
  return undefined;
}

function applyCheckDirective(d: Directive, s: Suppressions) {
  for (const part of d.value.split(';')) {
    const [k, v = ''] = part.split('=').map((x) => x.trim());
    if (k === 'skip') for (const n of v.split(',').map((x) => x.trim()).filter(Boolean)) s.file.add(n.toLowerCase() === 'all' ? '*buildkit' : n);
    else if (k === 'error') s.checksAreErrors = v === 'true';
  }
}

/** Compose: `# dclint disable-line [rules]` (same line or next), `# dclint disable [rules]` / `disable-file`
 * (whole file), `# seaworthy-ignore [rules]` (next line), `# seaworthy-ignore-file [rules]`. */
export function lineCommentSuppressions(comments: readonly { text: string; line: number }[], lineHasCode: (line: number) => boolean): Suppressions {
  const s: Suppressions = { file: new Set(), lines: new Map(), checksAreErrors: false };
  for (const c of comments) {
    const dclint = /^dclint\s+(disable-line|disable-next-line|disable-file|disable)\b\s*(.*)$/i.exec(c.text);
    if (dclint) {
      const list = dclint[2].trim() ? ids(dclint[2]) : ['*'];
      const kind = dclint[1].toLowerCase();
      if (kind === 'disable-file' || kind === 'disable') for (const n of list) s.file.add(n);
      else if (kind === 'disable-line' && lineHasCode(c.line)) addLine(s.lines, c.line, list);
      else addLine(s.lines, c.line + 1, list);
      continue;
    }
    const sw = parseComment(c.text);
    if (!sw) continue;
    if (sw.scope === 'file') for (const n of sw.ids) s.file.add(n);
    else addLine(s.lines, lineHasCode(c.line) ? c.line : c.line + 1, sw.ids);
  }
  return s;
}

export function isSuppressed(s: Suppressions, line: number, rule: string, aliases: readonly string[], isBuildkit: boolean): boolean {
  const hit = (set: Set<string> | undefined) => !!set && (set.has('*') || set.has(rule) || aliases.some((a) => set.has(a)));
  if (hit(s.file)) return true;
  if (isBuildkit && s.file.has('*buildkit')) return true;
  return hit(s.lines.get(line));
}
