import { defineDockerfileRule } from '../../rule';
import type { Flag } from '../../dockerfile/model';

// A predicate made once: an arrow written in the handler is a closure made on every call.
const isFromFlag = (f: Flag) => f.name === 'from';

/** Whether `--from` names the stage by its number: a string of the number made only for a value starting with a digit. */
function namesIndex(value: string, index: number): boolean {
  const c = value.charCodeAt(0);
  return c >= 48 && c <= 57 && String(index) === value;
}

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
  handlers: {
    COPY(i, ctx) {
      const from = i.flags.find(isFromFlag);
      if (i.parent || !from?.value || !from.valueSpan || i.stage < 0) return;
      const own = ctx.doc.stages[i.stage];
      if (own.name !== from.value.toLowerCase() && !namesIndex(from.value, own.index)) return;
      ctx.report({ span: from.valueSpan, message: `This COPY is inside stage "${from.value}" and cannot copy from it: name an earlier stage.` });
    },
  },
});
