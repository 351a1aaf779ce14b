import { defineDockerfileRule } from '../../rule';
import type { Stage } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import { chainFact } from './util';

/** Stages other stages copy or mount files from: build helpers, not images anyone runs. */
function copySources(ctx: DockerfileContext): Set<Stage> {
  const out = new Set<Stage>();
  for (const s of ctx.doc.stages) {
    for (const i of s.instructions) {
      const refs: string[] = [];
      for (const f of i.flags) {
        if (f.name === 'from' && f.value) refs.push(f.value);
        const m = f.name === 'mount' && f.value ? /(?:^|,)from=([^,]+)/.exec(f.value) : null;
        if (m) refs.push(m[1]);
      }
      for (const r of refs) {
        const st = ctx.analysis.stageNamed(r);
        if (st && st !== s) out.add(st);
      }
    }
  }
  return out;
}

export default defineDockerfileRule({
  id: 'label-required',
  aliases: ['DL3049'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'An image stage lacks a label that the label schema requires.',
    why: 'Teams agree on a label schema so that every image says where it comes from, who owns it and which version it is; an image without a required label cannot be traced back by registries, scanners and incident responders.',
    bad: 'FROM debian:12-slim\nRUN echo build\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source="https://example.com/app"\nRUN echo build\n',
    fix: 'Add `LABEL <key>=<value>` for each required key to the stage (or to a stage it builds on with `FROM`).',
    settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
    notes: 'Does nothing until a label schema is configured. Like hadolint, a label counts when the stage or a stage it builds on (`FROM base`) sets it, a stage is also fine when a stage built on it sets the label, and stages that are only copied from (`COPY --from`, `RUN --mount from=`) are build helpers that need no labels. Reported at the stage\'s FROM, once per missing label.',
  },
  create(ctx) {
    const required = Object.keys(ctx.settings.labelSchema ?? {});
    if (!required.length) return {};
    return {
      end() {
        const stages = ctx.doc.stages;
        const helpers = copySources(ctx);
        for (const key of required) {
          const own = new Set(stages.filter((s) => s.instructions.some((i) => i.keyword === 'LABEL' && i.pairs.some((p) => p.key === key))));
          const inherits = (s: Stage, fromParent: boolean | undefined) => !!fromParent || own.has(s);
          // A stage that a stage built on it (transitively) labels: the label is set where the image is made.
          const labelledBelow = new Set<Stage>();
          for (let k = stages.length - 1; k >= 0; k--) {
            const parent = ctx.analysis.parentStage(stages[k]);
            if (parent && (own.has(stages[k]) || labelledBelow.has(stages[k]))) labelledBelow.add(parent);
          }
          for (const s of stages) {
            if (chainFact(ctx, inherits, s) || helpers.has(s) || labelledBelow.has(s)) continue;
            ctx.report({ span: s.from.keywordSpan, message: `Label "${key}" is missing from this image: the label schema requires it.` });
          }
        }
      },
    };
  },
});
