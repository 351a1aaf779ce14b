import { defineDockerfileRule } from '../../rule';
import { commandSpan, confirmsAutomatically, packageCommand, ZYPPER_CHANGING } from '../../dockerfile/packages';
import { optionFix } from './util';

export default defineDockerfileRule({
  id: 'zypper-missing-non-interactive',
  aliases: ['DL3034'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'zypper install (or update, remove…) runs without -n / --non-interactive.',
    why: 'zypper asks "Continue? [y/n/v/...? shows all options] (y)" before changing packages. A build cannot answer, so zypper aborts and the build fails.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean\n',
    fix: 'The quick fix inserts the global option ` -n` after `zypper` (`zypper -n install …`), which works for every subcommand. It is safe: in a build a prompt can only abort; `-n` takes the default answer everywhere, and the defaults never accept anything risky (such as an untrusted key).',
    notes: 'Like hadolint, `-n`/`--non-interactive`, `-y`/`--no-confirm` and piping `yes` in count. Besides install, Seaworthy checks the other subcommands that prompt (remove, update, patch, dist-upgrade, source-install).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'zypper')) return;
      const commands = ctx.analysis.shell(i).commands;
      for (const c of commands) {
        const p = packageCommand(c);
        const sub = p?.positionals[0];
        if (!p || p.manager !== 'zypper' || !sub || !ZYPPER_CHANGING.has(sub.value) || confirmsAutomatically(p, commands)) continue;
        ctx.report({
          span: commandSpan(p),
          message: `Add -n (--non-interactive) to zypper ${sub.value}: a build cannot answer its confirmation prompt, so it aborts.`,
          fix: optionFix(ctx, i, p.cmd, p.cmd.name!, ' -n', { title: 'Add -n', safe: true }),
        });
      }
    },
  },
});
