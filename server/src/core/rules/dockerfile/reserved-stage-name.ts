import { defineDockerfileRule } from '../../rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineDockerfileRule({
  id: 'reserved-stage-name',
  aliases: ['ReservedStageName', 'DL3063'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A stage is named `scratch` or `context`, names BuildKit reserves.',
    why: '`scratch` is the empty image and `context` names the build context in `--build-context` and `COPY --from`; a stage with either name shadows them, so later references silently mean something else.',
    bad: 'FROM alpine:3.20 AS scratch\nRUN echo hi\n',
    good: 'FROM alpine:3.20 AS base\nRUN echo hi\n',
    fix: 'Rename the stage (and its references) to a name that says what it builds, such as `base` or `build`.',
  },
  handlers: {
    stage(stage, ctx) {
      if (!stage.name || !stage.nameSpan || !RESERVED.has(stage.name)) return;
      ctx.report({ span: stage.nameSpan, message: `Rename the stage: "${stage.name}" is reserved by BuildKit and references to it become ambiguous.` });
    },
  },
});
