import { defineDockerfileRule } from '../../rule';
import { flagValues, hasFlag } from '../../shell/commands';
import { commandSpan, packageCommand, subcommand } from '../../dockerfile/packages';
import { optionFix } from './util';

export default defineDockerfileRule({
  id: 'apt-install-recommends',
  aliases: ['DL3015', 'DS029'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'apt-get install runs without --no-install-recommends.',
    why: 'By default apt also installs every "recommended" package: documentation tools, daemons, whole toolchains. They make the image bigger, slower to pull and give scanners more CVEs to report, for software the container never runs.',
    bad: 'FROM debian:12\nRUN apt-get install -y python3\n',
    good: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends python3\n',
    fix: 'The quick fix inserts ` --no-install-recommends` after `install`. It is unsafe: a program may need something it only recommends (curl and wget recommend `ca-certificates`, without which HTTPS fails), so add those packages by name after checking.',
    notes: 'Like hadolint, `-o APT::Install-Recommends=false` counts too. `apt install` is checked as well, without the peer ids (hadolint and Trivy only read `apt-get`).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apt-get', 'apt')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if (!p || (p.manager !== 'apt-get' && p.manager !== 'apt')) continue;
        const sub = subcommand(p);
        if (sub?.value !== 'install' || hasFlag(p.cmd, undefined, ['no-install-recommends'], p.spec)) continue;
        if (flagValues(p.cmd, 'o', ['option'], p.spec).some((v) => /^APT::Install-Recommends=(0|false|no)$/i.test(v))) continue;
        ctx.report({
          span: commandSpan(p),
          message: `Add --no-install-recommends to ${p.cmd.name!.value} install: recommended packages are not needed to run and bloat the image.`,
          aliases: p.manager === 'apt-get' ? undefined : [],
          fix: optionFix(ctx, i, p.cmd, sub, ' --no-install-recommends', { title: 'Add --no-install-recommends', safe: false }),
        });
      }
    },
  },
});
