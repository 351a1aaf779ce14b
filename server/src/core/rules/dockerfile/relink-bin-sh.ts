import { defineDockerfileRule } from '../../rule';
import { commandName, positionalArgs } from '../../shell/commands';

export default defineDockerfileRule({
  id: 'relink-bin-sh',
  aliases: ['DL4005'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'RUN replaces `/bin/sh` with a symlink (`ln -sf /bin/bash /bin/sh`).',
    why: 'Re-pointing /bin/sh changes the shell of every script in the image, including the distribution\'s own maintainer scripts that expect dash or ash, and it is invisible to whoever reads the Dockerfile. SHELL changes the shell of the RUN instructions only, openly.',
    bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n',
    good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
    fix: 'Remove the symlink and add `SHELL ["/bin/bash", "-c"]` (or with `-o pipefail`) before the RUN instructions that need bash.',
    notes: 'Only a link *named* /bin/sh counts (the last argument of ln); hadolint also reports `ln -s /bin/sh /usr/local/bin/sh`, which leaves /bin/sh alone.',
  },
  handlers: {
    RUN(i, ctx) {
      for (const cmd of ctx.analysis.shell(i).commands) {
        if (commandName(cmd) !== 'ln' || !cmd.name) continue;
        const pos = positionalArgs(cmd, { shortWithValue: 'St', longWithValue: ['suffix', 'target-directory'] });
        const target = pos.length >= 2 ? pos[pos.length - 1] : undefined;
        if (!target || target.value !== '/bin/sh') continue;
        ctx.report({ span: target, message: 'Do not re-point /bin/sh: use a SHELL instruction to run RUN commands with another shell.' });
      }
    },
  },
});
