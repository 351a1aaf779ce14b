import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import { commandName, hasFlag } from '../../shell/commands';
import { CACHE_DIRS, cacheMountCovers, cacheMountEndsWith, commandSpan, envValue, isTruthy, packageCommand, removesPath, subcommand } from '../../dockerfile/packages';
import { optionFix, layersShipped } from './util';
import { trimTrailing } from '../../text';

/** `pip cache purge` / `rm -rf ~/.cache/pip` after the install. */
const purges = (c: ShCommand) => {
  const p = packageCommand(c);
  if (p?.manager === 'pip' && p.positionals[0]?.value === 'cache' && ['purge', 'remove'].includes(p.positionals[1]?.value ?? '')) return true;
  return removesPath(c, CACHE_DIRS.pip[0]) || (commandName(c) === 'rm' && c.args.some((w) => /^(~|\$HOME|\$\{HOME\})\/\.cache(\/pip)?\/?\*?$/.test(w.value)));
};

/** A cache or tmpfs mount on pip's cache (a function outside create(): a closure per file showed in the bench corpus's allocation). */
function mounted(ctx: DockerfileContext, i: Instruction, commands: readonly ShCommand[], c: ShCommand): boolean {
  if (cacheMountCovers(i, CACHE_DIRS.pip[0]) || cacheMountEndsWith(i, '/.cache/pip')) return true;
  const dir = envValue(ctx.analysis, i, commands, c, 'PIP_CACHE_DIR');
  return dir !== undefined && dir.startsWith('/') && cacheMountCovers(i, trimTrailing(dir, '/'));
}

export default defineDockerfileRule({
  id: 'pip-missing-no-cache-dir',
  aliases: ['DL3042'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'pip install runs with its download cache on.',
    why: 'pip keeps every wheel it downloads or builds in ~/.cache/pip. In an image that cache is never used again, yet it stays in the layer and can be as big as the packages themselves.',
    bad: 'FROM python:3.13-slim\nRUN pip install -r requirements.txt\n',
    good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    fix: 'The quick fix inserts ` --no-cache-dir` after `install`. It is safe: the packages installed are the same, pip only stops keeping a copy. For faster rebuilds use `RUN --mount=type=cache,target=/root/.cache/pip pip install …` instead.',
    notes: 'As in hadolint, a truthy `PIP_NO_CACHE_DIR` (1, true, yes, on) set by ENV in this stage or one it is built FROM, on the command, or exported earlier in the RUN counts, and so does a cache or tmpfs mount on ~/.cache/pip; pipx and pipenv are not checked. Seaworthy also accepts `pip cache purge` or deleting ~/.cache/pip later in the same RUN, and only checks stages whose layers ship (see `apt-lists-not-removed`).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'pip')) return;
      if (!layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      for (const c of commands) {
        const p = packageCommand(c);
        const sub = p && subcommand(p);
        if (p?.manager !== 'pip' || sub?.value !== 'install' || hasFlag(p.cmd, undefined, ['no-cache-dir'], p.spec)) continue;
        if (isTruthy(envValue(ctx.analysis, i, commands, c, 'PIP_NO_CACHE_DIR')) || mounted(ctx, i, commands, c)) continue;
        if (commands.some((x) => x.start > c.start && purges(x))) continue;
        ctx.report({
          span: commandSpan(p),
          message: 'Add --no-cache-dir to pip install: the wheels pip caches otherwise stay in the layer.',
          fix: optionFix(ctx, i, p.cmd, sub, ' --no-cache-dir', { title: 'Add --no-cache-dir', safe: true }),
        });
      }
    },
  },
});
