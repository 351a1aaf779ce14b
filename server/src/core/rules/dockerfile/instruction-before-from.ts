import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'instruction-before-from',
  aliases: ['DL3061'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'An instruction other than ARG comes before the first FROM.',
    why: 'A Dockerfile must start with FROM; only ARG (for values used in FROM), comments and parser directives may precede it. Docker refuses to build anything else.',
    bad: 'LABEL org.opencontainers.image.source="https://example.com/app"\nFROM debian:12-slim\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source="https://example.com/app"\n',
    fix: 'Move the instruction below the first FROM (into the stage it belongs to).',
    notes: 'The parser reports the same line as a syntax error too; this rule carries the hadolint id and explains the ordering rule.',
  },
  handlers: {
    // Only the instructions before the first FROM (stage -1, a prefix of the file) can be reported: one look at
    // them at the end instead of a handler call for every instruction of every file.
    end(ctx) {
      for (const i of ctx.doc.instructions) {
        if (i.stage >= 0) break;
        if (!i.known || i.keyword === 'ARG' || i.keyword === 'FROM') continue;
        ctx.report({ span: i.keywordSpan, message: `${i.keyword} comes before the first FROM: only ARG may precede FROM.` });
      }
    },
  },
});
