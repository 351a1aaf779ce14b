import { defineDockerfileRule, type DockerfileContext } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { ancestorStages } from './util';
import { baseImageFacts } from '../../dockerfile/base-image';

/** UIDs of users known by name: created earlier in the stage chain with an explicit UID, or shipped by the image. */
function knownUid(ctx: DockerfileContext, stage: Stage, at: Instruction, name: string): string | undefined {
  for (const st of [stage, ...ancestorStages(ctx, stage)]) {
    for (const i of st.instructions) {
      if (i === at) break;
      if (i.keyword !== 'RUN') continue;
      for (const c of ctx.analysis.shell(i).commands) {
        const cmd = c.name?.value;
        if (cmd !== 'useradd' && cmd !== 'adduser') continue;
        const args = c.args.map((a) => a.value);
        if (args[args.length - 1] !== name) continue;
        const k = args.findIndex((a) => a === '-u' || a === '--uid');
        if (k >= 0 && /^\d+$/.test(args[k + 1] ?? '')) return args[k + 1];
        const inline = args.find((a) => /^--uid=\d+$/.test(a));
        if (inline) return inline.slice(6);
      }
    }
  }
  const root = [stage, ...ancestorStages(ctx, stage)].pop()!;
  const facts = baseImageFacts(ctx.analysis.resolvedImage(root).image);
  if (facts.shippedUser === name) return name === 'node' ? '1000' : name === 'nonroot' ? '65532' : undefined;
  return undefined;
}

export default defineDockerfileRule({
  id: 'user-not-numeric',
  aliases: ['DL3066'],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'USER names a user instead of a numeric UID.',
    why: 'Orchestrators check numeric IDs: Kubernetes\' `runAsNonRoot` cannot verify a named user and refuses to start the pod, and a name means nothing to the host when volumes are shared. A numeric `UID[:GID]` is unambiguous everywhere.',
    bad: 'FROM debian:12-slim\nRUN useradd --system --uid 10001 app\nUSER app\n',
    good: 'FROM debian:12-slim\nRUN useradd --system --uid 10001 app\nUSER 10001\n',
    fix: 'When the UID is known — the user is created earlier with `--uid`/`-u`, or the image ships it (`node` is 1000, distroless `nonroot` is 65532) — the safe fix writes the number; the same user runs either way.',
    notes: 'hadolint reports DL3066 by default. Seaworthy puts it in the `strict` profile: named users such as `node` are the documented way to drop root on official images, and the recommended profile should not flag the fix it proposes itself. Variables (`USER ${APP_UID}`) are not reported.',
  },
  create(ctx) {
    return {
      USER(i) {
        const w = i.words[0];
        if (!w || w.value.includes('$')) return;
        const [user, group] = w.value.split(':');
        if (/^\d+$/.test(user) && (group === undefined || /^\d+$/.test(group))) return;
        const stage = ctx.analysis.stageOf(i);
        const uid = stage && !/^\d+$/.test(user) ? knownUid(ctx, stage, i, user) : undefined;
        const gid = group === undefined ? '' : /^\d+$/.test(group) ? `:${group}` : group === user && uid ? `:${uid}` : undefined;
        ctx.report({
          span: w,
          message: `USER "${w.value}" is a name: use the numeric UID so Kubernetes runAsNonRoot and the host can check it.`,
          fix: uid && gid !== undefined ? { title: `Use UID ${uid}${gid}`, safe: true, edits: [{ start: w.start, end: w.end, newText: uid + gid }] } : undefined,
        });
      },
    };
  },
});
