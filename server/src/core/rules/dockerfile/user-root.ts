import { defineDockerfileRule } from '../../rule';
import { isRootUser, lastUser } from './util';

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
    notes: 'Only the final stage matters at run time; builder stages may run as root.',
  },
  create(ctx) {
    return {
      end() {
        const final = ctx.analysis.finalStage;
        if (!final) return;
        const u = lastUser(ctx, final);
        if (!u || !u.words[0] || !isRootUser(ctx.analysis.expand(u.words[0].value, u).value)) return;
        ctx.report({ span: u.words[0], message: 'The image runs as root: switch to an unprivileged USER at the end of the final stage.' });
      },
    };
  },
});
