import { defineDockerfileRule } from '../../rule';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineDockerfileRule({
  id: 'onbuild-invalid-trigger',
  aliases: ['DL3043'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'ONBUILD triggers ONBUILD, FROM or MAINTAINER, which Docker does not allow.',
    why: 'Docker rejects these triggers when it builds the image: nesting ONBUILD, or starting a new stage from inside a trigger, has no meaning.',
    bad: 'FROM node:22-slim\nONBUILD FROM debian:12\n',
    good: 'FROM node:22-slim\nONBUILD COPY . /app/\n',
    fix: 'Remove the trigger, or write the instruction it wraps directly in the Dockerfile that needs it.',
    notes: 'The parser reports the same line as a syntax error too; this rule carries the hadolint id and explains why.',
  },
  handlers: {
    ONBUILD(i, ctx) {
      const t = i.trigger;
      if (!t || !FORBIDDEN.has(t.keyword)) return;
      ctx.report({ span: t.keywordSpan, message: `${t.keyword} cannot be an ONBUILD trigger: Docker rejects it.` });
    },
  },
});
