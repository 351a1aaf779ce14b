// Inline suppression comments: hadolint's, BuildKit's `check=` directive, dclint's and our own.
// Each comment is kept with its span and the span of every id it lists, and records which ids
// suppressed a finding, so that a comment that suppresses nothing can be reported and removed.
import type { Comment, Dockerfile } from './dockerfile/model';
import type { Span } from './types';

export type SuppressionSource = 'hadolint' | 'seaworthy' | 'buildkit' | 'dclint';
/** next: the next Dockerfile instruction; line: one line of a compose file; stage: the rest of a stage; file: everything. */
export type SuppressionScope = 'next' | 'line' | 'stage' | 'file';

export interface SuppressionId { name: string; span: Span }

export interface SuppressionComment {
  source: SuppressionSource;
  scope: SuppressionScope;
  /** From `#` to the end of the comment. */
  span: Span;
  line: number;
  /** Ids listed; empty means every rule. */
  ids: SuppressionId[];
  /** Names of the ids that suppressed a finding ('*' for an all-rules comment). */
  used: Set<string>;
  /** Set when the comment cannot have any effect where it is written: why. */
  ineffective?: string;
  /** The list shares the comment with other options (BuildKit `check=skip=…;error=true`): never remove the whole comment. */
  keepComment?: boolean;
  /** First line the comment covers (scope next/line), for messages. */
  target?: number;
}

export interface Suppressions {
  comments: SuppressionComment[];
  /** Comments covering the whole file. */
  file: SuppressionComment[];
  /** Line -> comments covering it. */
  lines: Map<number, SuppressionComment[]>;
  /** BuildKit `# check=error=true`: BuildKit-aliased findings become errors. */
  checksAreErrors: boolean;
  /** BuildKit `# check=experimental=Name,…|all`: opt-in checks the file switches on. */
  experimental: Set<string>;
}

export interface SuppressOptions {
  /** hadolint's `disable-ignore-pragma`: `# hadolint ignore=` comments are not honoured. */
  disableHadolintPragmas?: boolean;
}

/** hadolint accepts only rule codes in its lists (`DL3008`, `SC2086`); anything else makes the comment not a pragma. */
const HADOLINT_CODE = /^[DLSC0-9]+$/;

const empty = (): Suppressions => ({ comments: [], file: [], lines: new Map(), checksAreErrors: false, experimental: new Set() });

/** Ids separated by commas and/or spaces in text[start, end), with their document spans. */
function idsIn(text: string, start: number, end: number): SuppressionId[] {
  const out: SuppressionId[] = [];
  const seg = text.slice(start, end);
  const re = /[^\s,]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) out.push({ name: m[0], span: { start: start + m.index, end: start + m.index + m[0].length } });
  return out;
}

const skipSpaces = (text: string, i: number, end: number) => { while (i < end && (text[i] === ' ' || text[i] === '\t')) i++; return i; };
const trimEnd = (text: string, start: number, end: number) => { while (end > start && /\s/.test(text[end - 1])) end--; return end; };

interface Parsed { source: SuppressionSource; kind: 'next' | 'file' | 'stage' | 'line' | 'next-line' | 'disable' | 'disable-file'; ids: SuppressionId[]; keepComment?: boolean; all?: boolean }

/** BuildKit `check=skip=A,B;error=true;experimental=C // note`, `at` = offset of `check`. */
function parseCheck(text: string, at: number, end: number, flags?: Suppressions): Parsed | undefined {
  const note = text.slice(at, end).indexOf('//');
  const stop = note >= 0 ? at + note : end;
  const eq = text.indexOf('=', at);
  let ids: SuppressionId[] | undefined;
  let parts = 0;
  let i = eq + 1;
  while (i <= stop) {
    let semi = text.indexOf(';', i);
    if (semi < 0 || semi > stop) semi = stop;
    const part = text.slice(i, semi);
    if (part.trim()) parts++;
    const pe = part.indexOf('=');
    if (pe >= 0) {
      const k = part.slice(0, pe).trim().toLowerCase();
      const vStart = i + pe + 1;
      const v = text.slice(vStart, semi).trim();
      if (k === 'skip') ids = idsIn(text, vStart, semi);
      else if (k === 'error' && flags) flags.checksAreErrors = /^(true|1|t)$/i.test(v);
      else if (k === 'experimental' && flags) for (const n of v.split(',').map((x) => x.trim()).filter(Boolean)) flags.experimental.add(n.toLowerCase() === 'all' ? '*' : n);
    }
    i = semi + 1;
  }
  if (!ids?.length) return undefined;
  return { source: 'buildkit', kind: 'next', ids, keepComment: parts > 1 };
}

/** A suppression comment; `c.start` is at `#`. */
function parseSuppression(text: string, c: { start: number; end: number }, opts: SuppressOptions, compose: boolean): Parsed | undefined {
  const b = skipSpaces(text, c.start + 1, c.end);
  const body = text.slice(b, c.end);
  let m: RegExpExecArray | null;
  if (!compose && (m = /^check\s*=/i.exec(body))) return parseCheck(text, b, c.end);
  if (!compose && (m = /^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*/i.exec(body))) {
    if (opts.disableHadolintPragmas) return undefined;
    const listStart = b + m[0].length;
    const hash = text.slice(listStart, c.end).indexOf('#');
    const ids = idsIn(text, listStart, hash >= 0 ? listStart + hash : c.end);
    if (!ids.length || !ids.every((x) => HADOLINT_CODE.test(x.name))) return undefined;
    const scope = m[1]?.toLowerCase();
    return { source: 'hadolint', kind: scope === 'global' ? 'file' : scope === 'stage' ? 'stage' : 'next', ids };
  }
  if ((m = /^seaworthy-ignore(-file)?(?=\s|$)/i.exec(body))) {
    const listStart = b + m[0].length;
    // `-- reason` ends the list.
    const rest = text.slice(listStart, c.end);
    const reason = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const ids = idsIn(text, listStart, reason ? listStart + reason.index : c.end);
    if (ids.length && ids[0].name.startsWith('-')) return undefined;
    return { source: 'seaworthy', kind: m[1] ? 'file' : compose ? 'line' : 'next', ids };
  }
  if (compose && (m = /^dclint\s+(disable-line|disable-next-line|disable-file|disable)(?=\s|$)/i.exec(body))) {
    const listStart = b + m[0].length;
    const ids = idsIn(text, listStart, c.end);
    const k = m[1].toLowerCase();
    return { source: 'dclint', kind: k === 'disable-line' ? 'line' : k === 'disable-next-line' ? 'next-line' : k === 'disable-file' ? 'disable-file' : 'disable', ids: k === 'disable-file' ? [] : ids };
  }
  return undefined;
}

function cover(s: Suppressions, line: number, c: SuppressionComment) {
  const list = s.lines.get(line);
  if (list) { if (!list.includes(c)) list.push(c); } else s.lines.set(line, [c]);
}

function make(p: Parsed, scope: SuppressionScope, c: { start: number; end: number; line: number }): SuppressionComment {
  return { source: p.source, scope, span: { start: c.start, end: c.end }, line: c.line, ids: p.ids, used: new Set(), keepComment: p.keepComment };
}

/** Suppressions in a Dockerfile: a line comment covers the next instruction, all its lines. */
export function dockerfileSuppressions(doc: Dockerfile, opts: SuppressOptions = {}): Suppressions {
  const s = empty();
  const text = doc.text;
  const directiveLines = new Set<number>();
  for (const d of doc.directives) {
    directiveLines.add(d.line);
    if (d.name !== 'check') continue;
    const parsed = parseCheck(text, d.start, d.end, s);
    if (!parsed) continue;
    const c = make(parsed, 'file', d);
    s.comments.push(c);
    s.file.push(c);
  }
  if (!doc.comments.length) return s;
  const comments = doc.comments;
  let ci = 0;
  let stage: SuppressionComment[] = [];
  const take = (cm: Comment): { p: Parsed; c: SuppressionComment } | undefined => {
    if (directiveLines.has(cm.line)) return undefined;
    const p = parseSuppression(text, cm, opts, false);
    if (!p) return undefined;
    const c = make(p, p.kind === 'file' ? 'file' : p.kind === 'stage' ? 'stage' : 'next', cm);
    s.comments.push(c);
    if (c.scope === 'file') s.file.push(c);
    return { p, c };
  };
  // Arrays only where comments are: most instructions have none above them (this runs for every instruction).
  const NONE: SuppressionComment[] = [];
  for (const instr of doc.instructions) {
    // Comments directly above the instruction (only other comments or blank lines between).
    let pending = NONE;
    let stagePending = NONE;
    while (ci < comments.length && comments[ci].line < instr.startLine) {
      const t = take(comments[ci]);
      if (t?.c.scope === 'stage') (stagePending === NONE ? (stagePending = []) : stagePending).push(t.c);
      else if (t?.c.scope === 'next') (pending === NONE ? (pending = []) : pending).push(t.c);
      ci++;
    }
    while (ci < comments.length && comments[ci].line <= instr.endLine) ci++;
    // `# hadolint stage ignore=…` covers the stage whose FROM follows it (or the rest of the current stage).
    stage = instr.keyword === 'FROM' ? stagePending : stagePending.length ? stage.concat(stagePending) : stage;
    for (const c of pending) c.target = instr.startLine;
    for (const c of pending) for (let l = instr.startLine; l <= instr.endLine; l++) cover(s, l, c);
    for (const c of stage) for (let l = instr.startLine; l <= instr.endLine; l++) cover(s, l, c);
  }
  // After the last instruction: file-wide comments still count; a next-instruction one has nothing to cover.
  for (; ci < comments.length; ci++) {
    const t = take(comments[ci]);
    if (t && t.c.scope !== 'file') t.c.ineffective = 'no instruction follows it';
  }
  return s;
}

/** Compose: `# dclint disable-line [rules]` (the line it ends, or the next line when it stands alone),
 * `# dclint disable [rules]` / `# dclint disable-file` (whole file, only as the file's first line, as in
 * dclint), `# dclint disable-next-line [rules]`, `# seaworthy-ignore [rules]` (like disable-line),
 * `# seaworthy-ignore-file [rules]` (anywhere). */
export function composeSuppressions(text: string, comments: readonly { text: string; line: number; start: number; end: number }[]): Suppressions {
  const s = empty();
  // dclint reads file-wide comments on the first line that is not blank and not `---`.
  let firstLine = -1;
  {
    let line = 0;
    let i = 0;
    while (i <= text.length) {
      let nl = text.indexOf('\n', i);
      if (nl < 0) nl = text.length;
      const t = text.slice(i, nl).trim();
      if (t !== '' && t !== '---') { firstLine = line; break; }
      if (nl >= text.length) break;
      i = nl + 1;
      line++;
    }
  }
  for (const cm of comments) {
    const p = parseSuppression(text, cm, {}, true);
    if (!p) continue;
    const lineStart = text.lastIndexOf('\n', cm.start - 1) + 1;
    const standsAlone = text.slice(lineStart, cm.start).trim() === '';
    let c: SuppressionComment;
    if (p.kind === 'file' || p.kind === 'disable' || p.kind === 'disable-file') {
      c = make(p, 'file', cm);
      s.comments.push(c);
      if (p.kind !== 'file' && cm.line !== firstLine) {
        c.ineffective = `dclint reads \`# dclint ${p.kind}\` only on the first line of the file`;
        continue;
      }
      s.file.push(c);
      continue;
    }
    c = make(p, 'line', cm);
    s.comments.push(c);
    const target = p.kind === 'next-line' || standsAlone ? cm.line + 1 : cm.line;
    c.target = target;
    cover(s, target, c);
  }
  return s;
}

function matches(c: SuppressionComment, rule: string, aliases: readonly string[], isBuildkit: boolean): boolean {
  if (c.ineffective) return false;
  if (!c.ids.length) { c.used.add('*'); return true; }
  let hit = false;
  for (const id of c.ids) {
    if (id.name === rule || aliases.includes(id.name) || (c.source === 'buildkit' && isBuildkit && id.name.toLowerCase() === 'all')) {
      c.used.add(id.name);
      hit = true;
    }
  }
  return hit;
}

/** Whether a finding on `line` is suppressed; marks the comments that suppress it as used. */
export function isSuppressed(s: Suppressions, line: number, rule: string, aliases: readonly string[], isBuildkit: boolean): boolean {
  let hit = false;
  for (const c of s.file) if (matches(c, rule, aliases, isBuildkit)) hit = true;
  for (const c of s.lines.get(line) ?? []) if (matches(c, rule, aliases, isBuildkit)) hit = true;
  return hit;
}

/** Whether some comment names `rule` explicitly for `line` (used to let `unused-suppression` itself be suppressed). */
export function namedFor(s: Suppressions, line: number, rule: string): boolean {
  const names = (c: SuppressionComment) => !c.ineffective && c.ids.some((id) => id.name === rule);
  return s.file.some(names) || (s.lines.get(line) ?? []).some(names);
}

/** How the engine classifies an id: a rule that ran, a rule that exists but did not run (another profile,
 * turned off, or a peer's id Seaworthy does not implement), or a name nothing answers to. */
export type IdState = 'active' | 'inactive' | 'unknown';

export interface UnusedSuppression {
  comment: SuppressionComment;
  /** The whole comment is unused (remove it), or only these ids are (remove them from the list). */
  whole: boolean;
  ids: SuppressionId[];
  /** Per id: unknown name (only reported for our own comments). */
  unknown: Set<string>;
}

/** Comments (or ids in them) that suppressed nothing. Ids of rules that did not run are left alone:
 * they may be for another profile, or for the peer tool that reads the same comment. */
export function unusedSuppressions(s: Suppressions, state: (name: string) => IdState): UnusedSuppression[] {
  const out: UnusedSuppression[] = [];
  for (const c of s.comments) {
    if (c.ineffective) { out.push({ comment: c, whole: !c.keepComment, ids: c.ids, unknown: new Set() }); continue; }
    if (!c.ids.length) { if (!c.used.size) out.push({ comment: c, whole: true, ids: [], unknown: new Set() }); continue; }
    const unknown = new Set<string>();
    const unused = c.ids.filter((id) => {
      if (c.used.has(id.name)) return false;
      if (c.source === 'buildkit' && id.name.toLowerCase() === 'all') return false;
      const st = state(id.name);
      if (st === 'active') return true;
      if (st === 'unknown' && c.source === 'seaworthy') { unknown.add(id.name); return true; }
      return false;
    });
    if (!unused.length) continue;
    out.push({ comment: c, whole: unused.length === c.ids.length && !c.keepComment, ids: unused, unknown });
  }
  return out;
}
