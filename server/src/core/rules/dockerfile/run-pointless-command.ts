import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import { commandName } from '../../shell/commands';

// Interactive, process- or system-level tools: inside `docker build` there is no terminal, no init
// and no running service to talk to, and nothing they do persists into the image.
const POINTLESS: ReadonlyMap<string, string> = new Map([
  ['ssh', 'there is no agent or terminal during a build; fetch with COPY, ADD or a secret mount instead'],
  ['vim', 'a build has no terminal to edit in'],
  ['shutdown', 'there is no system to shut down inside a build'],
  ['service', 'no service started during a build is still running in the container'],
  ['ps', 'it lists the build container\'s processes, which tell you nothing about the image'],
  ['free', 'it reports the build machine\'s memory, not anything about the image'],
  ['top', 'a build has no terminal, and the output is about the build machine'],
  ['kill', 'processes of a build step end with the step anyway'],
  ['mount', 'mounts made during a build do not persist and usually need privileges a build lacks'],
  ['ifconfig', 'network settings made during a build do not persist into the image'],
]);

/** `RUN --mount=type=ssh`: ssh is then how the build reaches a private host (asked only where ssh runs). */
const hasSshMount = (i: Instruction) => i.flags.some((f) => f.name === 'mount' && /(^|,)type=ssh(,|$)/.test(f.value ?? ''));

export default defineDockerfileRule({
  id: 'run-pointless-command',
  aliases: ['DL3001'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'RUN calls a command that makes no sense during an image build (ssh, vim, service, ps, top, kill, mount…).',
    why: 'Each RUN executes once, in a throw-away container with no terminal and no init: a started service is gone in the next step, `top` or `vim` hang or fail, and `ps`/`free` describe the build machine. Such lines are usually copied from a server setup script and do not do what they seem to.',
    bad: 'FROM debian:12-slim\nRUN service nginx start\n',
    good: 'FROM debian:12-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
    fix: 'Remove the command. Start long-running processes with CMD/ENTRYPOINT, and fetch private sources with COPY, ADD or `RUN --mount=type=ssh` instead of calling ssh by hand.',
    notes: 'hadolint\'s list has no `ifconfig` (its message names it); Seaworthy includes it. Only the command position counts: `apt-get install ssh` is fine, and so is `ssh` in a RUN with `--mount=type=ssh` (hadolint reports that too).',
  },
  handlers: {
    RUN(i, ctx) {
      for (const cmd of ctx.analysis.shell(i).commands) {
        const name = commandName(cmd);
        const why = name === undefined ? undefined : POINTLESS.get(name);
        if (!why || !cmd.name || (name === 'ssh' && hasSshMount(i))) continue;
        ctx.report({ span: cmd.name, message: `\`${name}\` makes no sense in a Dockerfile RUN: ${why}.` });
      }
    },
  },
});
