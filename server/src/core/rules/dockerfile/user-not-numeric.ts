import { defineDockerfileRule, type DockerfileContext } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { rootStage, walkStageTree } from './util';
import type { ShCommand } from '../../shell/model';
import { baseImageFacts } from '../../dockerfile/base-image';

/** The UID a command that creates a user gives it (`useradd -u 1001 app`, `adduser --uid=1001 app`), with the user's name. */
function createdUid(c: ShCommand): { name: string; uid: string } | undefined {
  const cmd = c.name?.value;
  if (cmd !== 'useradd' && cmd !== 'adduser') return undefined;
  const args = c.args.map((a) => a.value);
  const name = args[args.length - 1];
  if (name === undefined) return undefined;
  const k = args.findIndex((a) => a === '-u' || a === '--uid');
  if (k >= 0 && /^\d+$/.test(args[k + 1] ?? '')) return { name, uid: args[k + 1] };
  const inline = args.find((a) => /^--uid=\d+$/.test(a));
  return inline ? { name, uid: inline.slice(6) } : undefined;
}

/**
 * For each USER (and ONBUILD USER) of the file, the UID its user was created with earlier in the stage chain:
 * in its own stage before it (anywhere in the stage for a trigger), else in the nearest stage it builds on
 * (the first such command of that stage). One walk of the stage tree with the names in scope, so a long
 * chain of stages each creating a user costs no more than the commands it holds.
 */
function createdUids(ctx: DockerfileContext): Map<Instruction, string | undefined> {
  const out = new Map<Instruction, string | undefined>();
  const inScope = new Map<string, string[]>();
  const ownOf = new Map<Stage, Map<string, string>>();
  const userName = (i: Instruction) => i.words[0]?.value.split(':')[0] ?? '';
  const lookup = (own: Map<string, string>, name: string) => own.get(name) ?? inScope.get(name)?.at(-1);
  walkStageTree(ctx, (s) => {
    const own = new Map<string, string>();
    const triggers: Instruction[] = [];
    for (const i of s.instructions) {
      if (i.keyword === 'USER') out.set(i, lookup(own, userName(i)));
      else if (i.trigger?.keyword === 'USER') triggers.push(i.trigger);
      else if (i.keyword === 'RUN') {
        for (const c of ctx.analysis.shell(i).commands) {
          const made = createdUid(c);
          if (made && !own.has(made.name)) own.set(made.name, made.uid);
        }
      }
    }
    for (const t of triggers) out.set(t, lookup(own, userName(t)));
    for (const [name, uid] of own) { const list = inScope.get(name); if (list) list.push(uid); else inScope.set(name, [uid]); }
    ownOf.set(s, own);
  }, (s) => {
    for (const name of ownOf.get(s)!.keys()) inScope.get(name)!.pop();
    ownOf.delete(s);
  });
  return out;
}

/** UIDs of users known by name: created earlier in the stage chain with an explicit UID, or shipped by the image. */
function knownUid(ctx: DockerfileContext, uids: Map<Instruction, string | undefined>, stage: Stage, at: Instruction, name: string): string | undefined {
  const created = uids.get(at);
  if (created !== undefined) return created;
  const facts = baseImageFacts(ctx.analysis.resolvedImage(rootStage(ctx, stage)).image);
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
    let uids: Map<Instruction, string | undefined> | undefined;
    return {
      USER(i) {
        const w = i.words[0];
        if (!w || w.value.includes('$')) return;
        const [user, group] = w.value.split(':');
        if (/^\d+$/.test(user) && (group === undefined || /^\d+$/.test(group))) return;
        const stage = ctx.analysis.stageOf(i);
        const uid = stage && !/^\d+$/.test(user) ? knownUid(ctx, uids ??= createdUids(ctx), stage, i, user) : undefined;
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
