import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { ancestorStages, isRootUser, lastUser } from './util';

export default defineDockerfileRule({
  id: 'user-root',
  aliases: ['DL3002'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The final stage switches to root as its last USER.',
    why: 'A container that runs as root turns any application bug into root inside the container, one kernel bug away from root on the host.',
    bad: 'FROM debian:12-slim\nUSER root\nCMD ["app"]\n',
    good: 'FROM debian:12-slim\nRUN useradd --system --uid 10001 app\nUSER app\nCMD ["app"]\n',
    fix: 'Switch back to an unprivileged user after the steps that need root. "Harden Dockerfile" adds a user suited to the base image.',
    notes: 'The final stage (with what it inherits through `FROM base`) is what runs, so it is a warning there. Like hadolint, an earlier stage whose own last USER is root is reported too, at severity info and with only the DL3002 id: harmless while it only builds, but `docker build --target <stage>` would ship it running as root.',
  },
  create(ctx) {
    /**
     * Each stage's own last USER by stage index, noted as the walk passes (made on the first USER): looking for it
     * backwards through every stage at the end was a third of the rule's time on the 5,000-line file.
     */
    let lastUsers: (Instruction | undefined)[] | undefined;
    return {
      USER(i) {
        if (!i.parent && i.stage >= 0) (lastUsers ??= new Array(ctx.doc.stages.length))[i.stage] = i;
      },
      end() {
        const final = ctx.analysis.finalStage;
        if (!final) return;
        const u = lastUser(ctx, final);
        if (switchesToRoot(ctx, u)) ctx.report({ span: u!.words[0], message: 'The image runs as root: switch to an unprivileged USER at the end of the final stage.' });
        if (!lastUsers) return;
        // The stages the image ships, made for the first other stage that ends as root (most files have none).
        let shipped: Set<Stage> | undefined;
        for (const s of ctx.doc.stages) {
          const own = lastUsers[s.index];
          if (s === final || !switchesToRoot(ctx, own) || (shipped ??= new Set([final, ...ancestorStages(ctx, final)])).has(s)) continue;
          ctx.report({
            span: own!.words[0],
            message: `Stage ${s.name ? `"${s.name}"` : s.index} ends as root: fine while it only builds, but \`--target\` would ship it running as root.`,
            severity: 'info',
            aliases: ['DL3002'],
          });
        }
      },
    };
  },
});

/** Whether a USER instruction names root (its variables expanded). */
function switchesToRoot(ctx: DockerfileContext, u: Instruction | undefined): boolean {
  if (!u?.words[0]) return false;
  const user = u.words[0].value;
  return isRootUser(user.includes('$') ? ctx.analysis.expand(user, u).value : user);
}
