import { defineDockerfileRule } from '../../rule';
import { commandName } from '../../shell/commands';

export default defineDockerfileRule({
  id: 'run-sudo',
  aliases: ['DL3004'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'RUN uses sudo.',
    why: 'Build steps already run as the current USER, root unless changed. sudo adds a setuid binary to the image, may ask for a password or a terminal that a build does not have, and resets the environment in ways that differ between distributions.',
    bad: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update\n',
    good: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n',
    fix: 'Run the privileged steps as root (switch with `USER root`, then back), and drop sudo. To start the container\'s process as another user at run time, use USER or a tool such as gosu/su-exec in the entrypoint.',
  },
  handlers: {
    RUN(i, ctx) {
      for (const cmd of ctx.analysis.shell(i).commands) {
        if (commandName(cmd) !== 'sudo' || !cmd.name) continue;
        ctx.report({ span: cmd.name, message: 'Do not use sudo in a build: switch with `USER root` for the steps that need it, then back to the app user.' });
      }
    },
  },
});
