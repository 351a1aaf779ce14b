import { defineDockerfileRule } from '../../rule';
import { commandSpan } from '../../dockerfile/packages';
import { zypperCommands } from './rpm';

const DIST_UPGRADE = new Set(['dist-upgrade', 'dup']);

export default defineDockerfileRule({
  id: 'zypper-dist-upgrade',
  aliases: ['DL3035'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'RUN calls `zypper dist-upgrade` (`zypper dup`).',
    why: 'A distribution upgrade may replace, downgrade or remove packages and switch vendors to match whatever the repositories currently offer: the image a rebuild produces is no longer the base image you chose, and it changes from one build to the next.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n patch\n',
    fix: 'No quick fix: use a newer base image tag to move to a newer distribution, and `zypper patch` (or `zypper update`) to pick up fixes inside the one you chose.',
    notes: 'hadolint\'s deprecated DL3039 (`dnf upgrade`), DL3031 (`yum update`) and DL3017 (`apk upgrade`) have no Seaworthy rule: upgrading packages inside the chosen release is how security fixes get in. A zypper dist-upgrade is different: it can move to another release (`apt-dist-upgrade` is the Debian counterpart).',
  },
  handlers: {
    RUN(i, ctx) {
      for (const p of zypperCommands(ctx, i, DIST_UPGRADE)) {
        ctx.report({ span: commandSpan(p), message: 'Avoid zypper dist-upgrade in a build: it can move the image to another release; use a newer base image, or `zypper patch` for fixes.' });
      }
    },
  },
});
