import { defineDockerfileRule } from '../../rule';
import type { Stage } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import { ancestorStages, isMinimalImage } from './util';

const ID = 'healthcheck-missing';
const ALIASES = ['DL3057'];

/** Stages that end up as images: not the base of another stage and not only copied or mounted from. */
function outputStages(ctx: DockerfileContext): Stage[] {
  const used = new Set<Stage>();
  for (const s of ctx.doc.stages) {
    const parent = ctx.analysis.parentStage(s);
    if (parent) used.add(parent);
    for (const i of s.instructions) {
      for (const f of i.flags) {
        const ref = f.name === 'from' ? f.value : f.name === 'mount' && f.value ? /(?:^|,)from=([^,]+)/.exec(f.value)?.[1] : undefined;
        const st = ref ? ctx.analysis.stageNamed(ref) : undefined;
        if (st && st !== s) used.add(st);
      }
    }
  }
  return ctx.doc.stages.filter((s) => !used.has(s));
}

export default defineDockerfileRule({
  id: ID,
  aliases: ALIASES,
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The image serves a port (EXPOSE) but defines no HEALTHCHECK.',
    why: 'Without a HEALTHCHECK, Docker, Compose and Swarm only know whether the process is alive, not whether it answers: a hung server keeps receiving traffic, and `depends_on: condition: service_healthy` cannot work.',
    bad: 'FROM nginx:1.27\nEXPOSE 80\n',
    good: 'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1\n',
    fix: 'Add a `HEALTHCHECK CMD …` that probes the service with a tool the image has (curl, wget, or the app\'s own health command), or `HEALTHCHECK NONE` to state that none is wanted (for example when Kubernetes probes are used instead).',
    notes: 'By default only the final stage is checked, and only when it (or a stage it builds on) EXPOSEs a port and is not built on scratch or a distroless image, where a probe tool rarely exists. Switched on explicitly (the `strict` profile, or `DL3057`/`healthcheck-missing` in the config, as hadolint users do) it follows hadolint DL3057: every stage that ends up as an image — not a base of another stage, not only copied from — needs a HEALTHCHECK of its own or inherited. A HEALTHCHECK set by the base image itself is invisible to a linter.',
  },
  create(ctx) {
    const s = ctx.settings;
    const explicit = s.profiles.includes('strict') || [ID, ...ALIASES].some((k) => s.rules[k] !== undefined && s.rules[k] !== 'off');
    const hasHealthcheck = (st: Stage) => [st, ...ancestorStages(ctx, st)].some((x) => x.instructions.some((i) => i.keyword === 'HEALTHCHECK'));
    return {
      end() {
        if (explicit) {
          for (const st of outputStages(ctx)) {
            if (hasHealthcheck(st)) continue;
            ctx.report({ span: st.from.keywordSpan, message: 'This image has no HEALTHCHECK: add one (or `HEALTHCHECK NONE` to say none is wanted).' });
          }
          return;
        }
        const final = ctx.analysis.finalStage;
        if (!final || hasHealthcheck(final)) return;
        const chain = [final, ...ancestorStages(ctx, final)];
        const expose = chain.flatMap((x) => x.instructions).find((i) => i.keyword === 'EXPOSE' && i.words.length);
        const root = chain[chain.length - 1];
        if (!expose || root.image.scratch || isMinimalImage(ctx.analysis.resolvedImage(root).image)) return;
        ctx.report({
          span: final.from.keywordSpan,
          message: `This image serves port ${expose.words.map((w) => w.value).join(', ')} but has no HEALTHCHECK: add one so Docker can tell a hung server from a healthy one.`,
        });
      },
    };
  },
});
