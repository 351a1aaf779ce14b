import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'copy-from-own-stage',
  aliases: ['DL3023'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: '`COPY --from` names the stage it is in.',
    why: 'A stage cannot copy from itself: its files do not exist yet when the COPY runs. Docker stops with a circular-dependency error, or — when an image has the same name — silently copies from that image.',
    bad: 'FROM node:22-slim AS app\nCOPY --from=app /src /src\n',
    good: 'FROM node:22-slim AS deps\nRUN npm ci\nFROM node:22-slim AS app\nCOPY --from=deps /src /src\n',
    fix: 'Copy from the earlier stage that produces the files, or use a plain COPY from the build context.',
    notes: 'hadolint compares stage names only; Seaworthy also catches the stage\'s own index (`--from=1` inside stage 1).',
  },
  create(ctx) {
    return {
      COPY(i) {
        const from = i.flags.find((f) => f.name === 'from');
        if (i.parent || !from?.value || !from.valueSpan || i.stage < 0) return;
        const own = ctx.doc.stages[i.stage];
        if (own.name !== from.value.toLowerCase() && String(own.index) !== from.value) return;
        ctx.report({ span: from.valueSpan, message: `This COPY is inside stage "${from.value}" and cannot copy from it: name an earlier stage.` });
      },
    };
  },
});
