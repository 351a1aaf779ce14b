// Small helpers shared by Dockerfile rules: reading the model and building edits.
import type { Instruction, Stage } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import type { OffsetEdit } from '../../types';

/** The `user[:group]` of a USER instruction names root. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0];
  return user === 'root' || user === '0';
}

/** JSON array text for exec form, e.g. ["node", "server.js"]. */
export function execForm(args: readonly string[]): string {
  return '[' + args.map((a) => JSON.stringify(a)).join(', ') + ']';
}

/** Replace an instruction's keyword, keeping its casing style. */
export function replaceKeyword(i: Instruction, keyword: string): OffsetEdit {
  const lower = i.keywordRaw === i.keywordRaw.toLowerCase();
  return { start: i.keywordSpan.start, end: i.keywordSpan.end, newText: lower ? keyword.toLowerCase() : keyword };
}

/** Indentation of the line an offset is on. */
export function indentAt(ctx: DockerfileContext, offset: number): string {
  const line = ctx.lines.lineText(ctx.lines.lineOf(offset));
  return /^[ \t]*/.exec(line)![0];
}

/** Insert a new line with `text` before the line holding `offset` (same indentation). */
export function insertLineBefore(ctx: DockerfileContext, offset: number, text: string): OffsetEdit {
  const line = ctx.lines.lineOf(offset);
  const at = ctx.lines.lineStarts[line];
  return { start: at, end: at, newText: indentAt(ctx, offset) + text + ctx.lines.eol() };
}

/** Insert a new line after the last line of an instruction (after any heredoc body). */
export function insertLineAfter(ctx: DockerfileContext, i: Instruction, text: string): OffsetEdit {
  const endLine = ctx.lines.lineOf(i.end);
  const at = ctx.lines.lineEnd(endLine);
  return { start: at, end: at, newText: ctx.lines.eol() + text };
}

/** The USER in effect at the end of a stage (following parent stages), or undefined for the image default. */
export function lastUser(ctx: DockerfileContext, stage: Stage): Instruction | undefined {
  for (let s: Stage | undefined = stage; s; s = ctx.analysis.parentStage(s)) {
    for (let k = s.instructions.length - 1; k >= 0; k--) if (s.instructions[k].keyword === 'USER') return s.instructions[k];
  }
  return undefined;
}

/** Same tag used for the same image elsewhere in this file: a tag the user already chose. */
export function knownTagFor(ctx: DockerfileContext, name: string): string | undefined {
  for (const s of ctx.doc.stages) {
    const r = ctx.analysis.resolvedImage(s);
    const m = /^(.*?)(?::([^/:@]+))?(?:@.*)?$/.exec(r.image);
    if (m && m[1] === name && m[2] && m[2] !== 'latest' && !r.unresolved.length) return m[2];
  }
  return undefined;
}
