import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { OffsetEdit } from '../../types';

export default defineDockerfileRule({
  id: 'empty-continuation-line',
  aliases: ['NoEmptyContinuation'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'A blank line sits inside an instruction continued with `\\`.',
    why: 'Docker skips blank lines inside a continued instruction today, but has announced they will become an error. A blank line also reads as the end of the instruction, so the next line looks like a new one.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\n',
    fix: 'The safe fix deletes the blank lines; comment lines inside the instruction stay.',
    notes: 'Reported once per instruction on its last continuation line, where BuildKit reports it.',
  },
  handlers: {
    // Only instructions over several lines can hold a blank one: one loop at the end instead of a handler call
    // for every instruction of every file. ONBUILD triggers are not checked (their ONBUILD is).
    end(ctx) {
      // An index, not for-of: this loop runs once per lint, mostly unoptimised, where each step of an iterator made
      // an object (0.02 MB on the 5,000-line file).
      const all = ctx.doc.instructions;
      for (let k = 0; k < all.length; k++) if (all[k].startLine !== all[k].endLine) reportBlankLines(ctx, all[k]);
    },
  },
});

/** Reports the blank lines inside one instruction (a function outside create(): nothing made per file). */
function reportBlankLines(ctx: DockerfileContext, i: Instruction): void {
  const segs = i.map.source;
  // Each line the instruction continues on is one segment of its map; blank and comment lines are none. As many
  // segments as lines from the first to the last leaves no line to test (most instructions over several lines).
  if (segs.length === i.endLine - i.startLine + 1) return;
  const lastLine = ctx.lines.lineOf(segs[segs.length - 1]);
  let edits: OffsetEdit[] | undefined;
  let blank: number[] | undefined;
  for (let l = i.startLine + 1; l < lastLine; l++) {
    if (!isBlankLine(ctx, l)) continue;
    (blank ??= []).push(l + 1);
    (edits ??= []).push({ start: ctx.lines.lineStarts[l], end: ctx.lines.lineStarts[l + 1], newText: '' });
  }
  if (!edits || !blank) return;
  const text = ctx.lines.lineText(lastLine);
  const lead = text.length - text.trimStart().length;
  const start = ctx.lines.lineStarts[lastLine] + lead;
  ctx.report({
    span: { start, end: start + text.trim().length },
    message: `Remove the blank line${blank.length > 1 ? 's' : ''} (line ${blank.join(', ')}) inside this ${i.keyword}: empty continuation lines will become an error in Docker.`,
    fix: { title: 'Delete the blank continuation lines', safe: true, edits },
  });
}

/** Whether a line is empty or only whitespace (as `trim()` sees it), answered without copying a line that starts with a visible ASCII character after its indentation. */
function isBlankLine(ctx: DockerfileContext, line: number): boolean {
  const text = ctx.text;
  let k = ctx.lines.lineStarts[line];
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  const c = text.charCodeAt(k);
  if (c > 32 && c < 127) return false;
  return ctx.lines.lineText(line).trim() === '';
}
