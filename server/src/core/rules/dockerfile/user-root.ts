import { defineDockerfileRule } from '../../rule';
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
    return {
      end() {
        const final = ctx.analysis.finalStage;
        if (!final) return;
        const isRoot = (u: typeof final.instructions[number] | undefined) => !!u?.words[0] && isRootUser(u.words[0].value.includes('$') ? ctx.analysis.expand(u.words[0].value, u).value : u.words[0].value);
        const u = lastUser(ctx, final);
        if (isRoot(u)) ctx.report({ span: u!.words[0], message: 'The image runs as root: switch to an unprivileged USER at the end of the final stage.' });
        const shipped = new Set([final, ...ancestorStages(ctx, final)]);
        for (const s of ctx.doc.stages) {
          if (shipped.has(s)) continue;
          const own = lastUserOf(s);
          if (!isRoot(own)) continue;
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

/** The stage's own last USER (no reversed copy of its instructions: a stage can have thousands). */
function lastUserOf(s: Stage): Instruction | undefined {
  for (let k = s.instructions.length - 1; k >= 0; k--) if (s.instructions[k].keyword === 'USER') return s.instructions[k];
  return undefined;
}
