import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { commandName, flagValues, hasFlag, pipedFrom } from '../../shell/commands';
import { APT_CONFIRMING, commandSpan, packageCommand, subcommand, type PackageCommand } from '../../dockerfile/packages';
import { optionFix } from './util';

/** apt's -q level: `-qq`, `-q -q`, `-q=2`, `--quiet --quiet`, `--quiet=2` (level 2 implies -y). */
function quietLevel(p: PackageCommand): number {
  let level = 0;
  for (const w of p.cmd.args) {
    const v = w.value;
    let m: RegExpExecArray | null;
    if ((m = /^(?:-q|--quiet)=(\d+)$/.exec(v))) level += Number(m[1]);
    else if (v === '--quiet') level++;
    else if (/^-[a-zA-Z]+$/.test(v)) level += v.split('q').length - 1;
  }
  return level;
}

function assumesYes(p: PackageCommand, commands: readonly ShCommand[]): boolean {
  if (hasFlag(p.cmd, 'y', ['yes', 'assume-yes'], p.spec) || quietLevel(p) >= 2) return true;
  if (flagValues(p.cmd, 'o', ['option'], p.spec).some((v) => /^APT::Get::Assume-?Yes=(1|true|yes)$/i.test(v))) return true;
  const feeder = pipedFrom(commands, p.source);
  return feeder !== undefined && commandName(feeder) === 'yes';
}

export default defineDockerfileRule({
  id: 'apt-missing-yes',
  aliases: ['DL3014', 'DS021'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'apt-get install (or remove, upgrade…) runs without -y.',
    why: 'A build has no one to answer "Do you want to continue? [Y/n]": apt-get reads end-of-file and aborts, so the build fails as soon as the install pulls in a dependency — often only after the base image changes.',
    bad: 'FROM debian:12\nRUN apt-get install --no-install-recommends curl\n',
    good: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    fix: 'The quick fix inserts ` -y` after the subcommand (`apt-get install -y …`), inside `sh -c` strings and heredocs too. It is safe: in a build the prompt can only abort, and `-y` does not allow anything riskier (removing essential or held packages still needs its own option).',
    notes: 'Like hadolint, `-qq` (quiet level 2) counts as -y, and so does `-o APT::Get::Assume-Yes=true` or piping `yes` in. hadolint and Trivy only check `apt-get install`; Seaworthy also checks `apt`, remove, purge, autoremove, upgrade, dist-upgrade/full-upgrade, build-dep, reinstall and satisfy, and reports those without the peer ids.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apt-get', 'apt')) return;
      const commands = ctx.analysis.shell(i).commands;
      for (const c of commands) {
        const p = packageCommand(c);
        if (!p || (p.manager !== 'apt-get' && p.manager !== 'apt')) continue;
        const sub = subcommand(p);
        if (!sub || !APT_CONFIRMING.has(sub.value) || assumesYes(p, commands)) continue;
        ctx.report({
          span: commandSpan(p),
          message: `Add -y to ${p.cmd.name!.value} ${sub.value}: a build cannot answer its confirmation prompt, so it aborts.`,
          aliases: p.manager === 'apt-get' && sub.value === 'install' ? undefined : [],
          fix: optionFix(ctx, i, p.cmd, sub, ' -y', { title: 'Add -y', safe: true }),
        });
      }
    },
  },
});
