import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import type { OffsetEdit } from '../../types';
import { hasEmbeddedComments } from './util';

const PEER: Record<string, string> = { CMD: 'DL4003', ENTRYPOINT: 'DL4004', HEALTHCHECK: 'DL3012' };
type Overridable = 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

/** Deletes an instruction's whole lines (not the comments around it); undefined when comments sit inside it. */
function deleteLines(ctx: DockerfileContext, i: Instruction): OffsetEdit | undefined {
  if (hasEmbeddedComments(ctx, i)) return undefined;
  const start = ctx.lines.lineStarts[i.startLine];
  const end = i.endLine + 1 < ctx.lines.lineCount ? ctx.lines.lineStarts[i.endLine + 1] : ctx.text.length;
  return { start, end, newText: '' };
}

export default defineDockerfileRule({
  id: 'overridden-instruction',
  aliases: ['MultipleInstructionsDisallowed', 'DL4003', 'DL4004', 'DL3012'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; all but the last are ignored.',
    why: 'Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage end up in the image. An earlier one is dead code that misleads whoever reads the Dockerfile about how the container starts or is checked.',
    bad: 'FROM node:22-slim\nCMD ["node", "server.js"]\nRUN npm ci\nCMD ["npm", "start"]\n',
    good: 'FROM node:22-slim\nRUN npm ci\nCMD ["npm", "start"]\n',
    fix: 'The safe fix deletes the overridden instruction (comments around it stay): the image is the same, because Docker ignores it anyway.',
    notes: 'Like BuildKit, Seaworthy reports the overridden (earlier) instruction; hadolint reports the later one. Each finding carries only the hadolint id of its instruction (DL4003 CMD, DL4004 ENTRYPOINT, DL3012 HEALTHCHECK). ONBUILD triggers and different stages are independent.',
  },
  create(ctx) {
    /**
     * The stage's last CMD, ENTRYPOINT and HEALTHCHECK; made on the first of them (most stages have none). A plain
     * object of the three keywords: a Map was two thirds of what the rule allocated over the bench corpus.
     */
    let last: Record<Overridable, Instruction | undefined> | undefined;
    const check = (i: Instruction) => {
      if (i.parent) return;
      last ??= { CMD: undefined, ENTRYPOINT: undefined, HEALTHCHECK: undefined };
      const keyword = i.keyword as Overridable;
      const prev = last[keyword];
      last[keyword] = i;
      if (!prev) return;
      const edit = deleteLines(ctx, prev);
      ctx.report({
        span: prev.keywordSpan,
        message: `This ${i.keyword} has no effect: the ${i.keyword} on line ${i.startLine + 1} replaces it.`,
        aliases: ['MultipleInstructionsDisallowed', PEER[i.keyword]],
        fix: edit ? { title: `Remove the overridden ${i.keyword}`, safe: true, edits: [edit] } : undefined,
      });
    };
    return {
      FROM() { last = undefined; },
      CMD: check,
      ENTRYPOINT: check,
      HEALTHCHECK: check,
    };
  },
});
