import { defineDockerfileRule } from '../../rule';
import type { ShWord } from '../../shell/model';
import { positionalArgs, packageManagerSpec } from '../../shell/commands';
import { effectiveName, effectiveShCommand } from './util';

const isUpgradeWord = (w: ShWord) => w.value === 'dist-upgrade' || w.value === 'full-upgrade';

export default defineDockerfileRule({
  id: 'apt-dist-upgrade',
  aliases: ['DS024'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'RUN uses `apt-get dist-upgrade` (or `full-upgrade`).',
    why: 'dist-upgrade may install new dependencies and remove packages to resolve conflicts, so the image content depends on the day it was built and can lose packages the base image relies on.',
    bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get dist-upgrade -y\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n',
    fix: 'Rebuild on a fresh base image tag to pick up a new release; if you need security updates now, `apt-get upgrade` only updates installed packages.',
    notes: 'hadolint\'s DL3005 (any `apt-get upgrade`) is deprecated, since applying security updates at build time is often the right call; Seaworthy follows Trivy (DS024) and reports only dist-upgrade/full-upgrade.',
  },
  handlers: {
    RUN(i, ctx) {
      for (const cmd of ctx.analysis.shell(i).commands) {
        const name = effectiveName(cmd);
        if (name !== 'apt-get' && name !== 'apt' && name !== 'aptitude') continue;
        // The command itself when it wraps nothing (most): no reading object made for every apt command.
        const e = effectiveShCommand(cmd)!;
        // The subcommand is one of the arguments: without either word among them there is no list of positionals
        // to make (most apt commands install or update).
        if (!e.args.some(isUpgradeWord)) continue;
        const sub = positionalArgs(e, packageManagerSpec(name))[0];
        if (!sub || (sub.value !== 'dist-upgrade' && sub.value !== 'full-upgrade')) continue;
        ctx.report({ span: sub, message: `${name} ${sub.value} can add and remove packages, so the image depends on the build date: rebuild on a newer base image, or use "upgrade".` });
      }
    },
  },
});
