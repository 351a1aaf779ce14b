import { defineDockerfileRule, type Report } from '../../rule';
import type { FixSpec, OffsetEdit } from '../../types';
import type { SuppressionComment, SuppressionId, UnusedSuppression } from '../../suppress';

// The engine knows which suppression comments suppressed a finding (see core/suppress.ts) and asks
// this rule to word the report and the removal; the rule itself walks nothing. It covers compose
// files as well as Dockerfiles.
export default defineDockerfileRule({
  id: 'unused-suppression',
  aliases: [],
  severity: 'hint',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A suppression comment (or one id in it) suppresses nothing.',
    why: 'A stale `# hadolint ignore=`, `# seaworthy-ignore`, `# check=skip=` or `# dclint disable-line` stays in the file after the problem it hid is gone, and then silently hides the next real finding of that rule on the same line. Removing it keeps every exception meaningful.',
    bad: 'FROM debian:12\n# seaworthy-ignore\nUSER 1000\n',
    good: 'FROM debian:12\nUSER 1000\n',
    fix: 'The fix removes the comment line (or a trailing comment), or just the unused id from a list. For `# seaworthy-ignore` comments it is a safe fix applied by fix-all and `--fix`; for hadolint, BuildKit and dclint comments it is offered as a quick fix only, because those tools read the same comment and may still need it.',
    notes: 'Also reported in compose files. An id is reported only when its rule ran on this file: ids of rules that are off, in a profile that is not enabled, or that Seaworthy does not implement (a hadolint code with no Seaworthy equivalent, ShellCheck codes without ShellCheck) are left alone, since the peer tool may still need them. In `# seaworthy-ignore`, a name that is no rule id or alias at all is reported as a typo. `# dclint disable` and `# dclint disable-file` anywhere but the first line have no effect in dclint either and are reported. Shown faded (unnecessary) in the editor.',
  },
  // No handlers, and no visitor made for every lint.
  handlers: {},
});

const SOURCE_NAME: Record<SuppressionComment['source'], string> = {
  hadolint: 'hadolint ignore', seaworthy: 'seaworthy-ignore', buildkit: 'check=skip', dclint: 'dclint',
};

function where(c: SuppressionComment): string {
  switch (c.scope) {
    case 'file': return 'in this file';
    case 'stage': return 'in this stage';
    case 'line': return `on line ${(c.target ?? c.line) + 1}`;
    default: return c.target !== undefined ? `on the next instruction (line ${c.target + 1})` : 'on the next instruction';
  }
}

/** Removes a whole comment: its line when it stands alone, else the comment and the blanks before it. */
const DIRECTIVE_LINE = /^#[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*=/;

/** Whether deleting `edit` leaves only comment lines above a line that reads as a parser directive. */
function promotesDirective(text: string, edit: OffsetEdit): boolean {
  if (!onlyCommentLinesBefore(text, edit.start)) return false;
  // The line after the edit, up to its line break (not a split of the rest of the document).
  let brk = edit.end;
  while (brk < text.length && text.charCodeAt(brk) !== 10 && text.charCodeAt(brk) !== 13) brk++;
  const next = text.slice(edit.end, brk);
  return DIRECTIVE_LINE.test(next.trim());
}

/**
 * Whether every line of `text` before `end` is a comment line (a last empty piece right at `end` aside). It stops
 * at the first other line instead of splitting everything before `end`: most comments come after a FROM.
 */
function onlyCommentLinesBefore(text: string, end: number): boolean {
  let start = 0;
  for (;;) {
    let brk = start;
    while (brk < end && text.charCodeAt(brk) !== 10 && text.charCodeAt(brk) !== 13) brk++;
    if (brk === end && start === end) return true;
    if (!text.slice(start, brk).trimStart().startsWith('#')) return false;
    if (brk === end) return true;
    start = brk + (text.charCodeAt(brk) === 13 && brk + 1 < end && text.charCodeAt(brk + 1) === 10 ? 2 : 1);
  }
}

/** Start of the line holding `offset` (after the nearest `\n` or `\r` before it; no search of the whole text for a `\r`). */
function lineStartOf(text: string, offset: number): number {
  let k = offset - 1;
  while (k >= 0 && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k--;
  return k + 1;
}

function removeComment(text: string, span: { start: number; end: number }): OffsetEdit {
  const lineStart = lineStartOf(text, span.start);
  if (text.slice(lineStart, span.start).trim() !== '') {
    let s = span.start;
    while (s > lineStart && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    return { start: s, end: span.end, newText: '' };
  }
  let end = span.end;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end += 1;
  else if (lineStart > 0) {
    let s = lineStart - 1;
    if (s > 0 && text[s] === '\n' && text[s - 1] === '\r') s--;
    return { start: s, end: span.end, newText: '' };
  }
  return { start: lineStart, end, newText: '' };
}

/** Removes one id and one separator next to it from a list. */
function removeId(ids: SuppressionId[], id: SuppressionId): OffsetEdit {
  const i = ids.indexOf(id);
  if (i + 1 < ids.length) return { start: id.span.start, end: ids[i + 1].span.start, newText: '' };
  if (i > 0) return { start: ids[i - 1].span.end, end: id.span.end, newText: '' };
  return { start: id.span.start, end: id.span.end, newText: '' };
}

/** Reports for the engine, one per unused comment or per unused id. */
export function unusedSuppressionReports(text: string, unused: readonly UnusedSuppression[], suggest: (name: string) => string | undefined = () => undefined): Report[] {
  const out: Report[] = [];
  for (const u of unused) {
    const c = u.comment;
    const own = c.source === 'seaworthy';
    const attach = (span: Report['span'], message: string, fix: FixSpec | undefined): Report => (!fix ? { span, message } : own ? { span, message, fix } : { span, message, suggestions: [fix] });
    const label = `\`# ${SOURCE_NAME[c.source]}\``;
    if (u.whole) {
      const edit = removeComment(text, c.span);
      // Inside a Dockerfile's leading comments, removing a line can turn the next one into a parser directive.
      const fix: FixSpec | undefined = c.source !== 'dclint' && promotesDirective(text, edit) ? undefined
        : { title: 'Remove the unused suppression comment', safe: true, edits: [edit] };
      let message: string;
      if (c.ineffective) message = `This ${label} comment has no effect: ${c.ineffective}. Remove it, or move it where it applies.`;
      else if (!u.ids.length) message = `This ${label} comment suppresses nothing: there is no finding ${where(c)}. Remove it.`;
      else if (u.unknown.size === u.ids.length) {
        const guesses = u.ids.map((i) => suggest(i.name)).filter(Boolean);
        message = `${u.ids.map((i) => `"${i.name}"`).join(', ')} ${u.ids.length > 1 ? 'are' : 'is'} not a Seaworthy rule id or alias${guesses.length ? ` (did you mean ${guesses.map((g) => `"${g}"`).join(', ')}?)` : ''}, so this comment suppresses nothing. Correct the name or remove the comment.`;
      }
      else message = `This ${label} comment suppresses nothing: no ${u.ids.map((i) => i.name).join(', ')} finding ${where(c)}. Remove it.`;
      out.push(attach(c.span, message, fix));
      continue;
    }
    for (const id of u.ids) {
      const fix: FixSpec = { title: `Remove ${id.name} from the suppression list`, safe: true, edits: [removeId(c.ids, id)] };
      let message: string;
      if (u.unknown.has(id.name)) {
        const s = suggest(id.name);
        const guess = s ? ` (did you mean "${s}"?)` : '';
        message = `"${id.name}" is not a Seaworthy rule id or alias${guess}: it suppresses nothing. Correct or remove it.`;
      } else if (c.ineffective) message = `${id.name} is never suppressed here: ${c.ineffective}. Remove it.`;
      else message = `${id.name} suppresses nothing: no ${id.name} finding ${where(c)}. Remove it from the list.`;
      out.push(attach(id.span, message, fix));
    }
  }
  return out;
}
