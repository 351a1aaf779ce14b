import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'redundant-target-platform',
  aliases: ['RedundantTargetPlatform', 'DL3065'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM` repeats the default.',
    why: 'A stage is built for the target platform unless told otherwise, so the flag adds noise and suggests a cross-compilation setup that is not there.',
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
    good: 'FROM alpine:3.20\n',
    fix: 'The safe fix removes the flag; the stage keeps building for the target platform.',
    notes: 'BuildKit\'s InvalidBaseImagePlatform check (the base image has no variant for the requested platform) needs the image index from a registry. Seaworthy never uses the network, so that check is deliberately not implemented.',
  },
  handlers: {
    stage(stage, ctx) {
      const f = stage.platform;
      if (!f?.valueSpan) return;
      const raw = ctx.text.slice(f.valueSpan.start, f.valueSpan.end).replace(/^(["'])(.*)\1$/, '$2');
      if (!/^\$(TARGETPLATFORM|\{TARGETPLATFORM\})$/.test(raw)) return;
      let end = f.end;
      while (end < ctx.text.length && (ctx.text[end] === ' ' || ctx.text[end] === '\t')) end++;
      ctx.report({
        span: f,
        message: `Remove "--platform=${raw}": a stage is built for the target platform by default.`,
        // No fix with several --platform flags (removing one settles nothing) or no image after the flag (FROM would be empty).
        fix: stage.from.words.length && stage.from.flags.filter((x) => x.name === 'platform').length === 1 ? { title: 'Remove the --platform flag', safe: true, edits: [{ start: f.start, end, newText: '' }] } : undefined,
      });
    },
  },
});
