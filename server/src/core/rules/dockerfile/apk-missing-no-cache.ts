import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import { hasFlag } from '../../shell/commands';
import { CACHE_DIRS, cacheMountCovers, commandSpan, packageCommand, removesPath, subcommand, type PackageCommand } from '../../dockerfile/packages';
import { optionFix, laterRunMatches, layersShipped, lintState } from './util';

const updatesIndex = (p: PackageCommand) => hasFlag(p.cmd, 'U', ['update-cache'], p.spec);
const noCache = (p: PackageCommand) => hasFlag(p.cmd, undefined, ['no-cache'], p.spec);
const covered = (i: Instruction) => CACHE_DIRS.apk.some((d) => cacheMountCovers(i, d));
const apkCmd = (x: ShCommand) => { const q = packageCommand(x); return q?.manager === 'apk' ? q : undefined; };

/** A RUN that adds packages from the index before updating it: it relies on the index an earlier RUN left. */
function usesIndex(ctx: DockerfileContext, r: Instruction): boolean {
  const later = ctx.analysis.shell(r).commands.map(apkCmd);
  const update = later.findIndex((q) => q?.positionals[0]?.value === 'update');
  return later.some((q, k) => q?.positionals[0]?.value === 'add' && !noCache(q) && !updatesIndex(q) && (update < 0 || k < update));
}

/**
 * usesIndex bound to a lint, made on the first `apk add -U` it reports (a module function: the memo key and the
 * maker): laterRunMatches keeps its answers per function object.
 */
const usesIndexIn = (ctx: DockerfileContext) => (r: Instruction) => usesIndex(ctx, r);

export default defineDockerfileRule({
  id: 'apk-missing-no-cache',
  aliases: ['DL3019', 'DS025'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'apk add runs without --no-cache.',
    why: 'Without `--no-cache` the package index apk downloads stays in /var/cache/apk in the layer: dead weight in every image built from it, and stale data for any later install.',
    bad: 'FROM alpine:3.20\nRUN apk add curl=8.12.1-r0\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0\n',
    fix: 'The quick fix inserts ` --no-cache` after `add`. The packages installed are the same, so it is safe — unless this command refreshes the index (`-U`) for a later RUN that installs without refreshing it, in which case it is unsafe.',
    notes: 'As in hadolint, a `--mount=type=cache` or `type=tmpfs` on /var/cache/apk counts. Seaworthy also accepts deleting /var/cache/apk (`rm -rf /var/cache/apk/*`) later in the same RUN, which hadolint reports, and only checks stages whose layers ship (see `apt-lists-not-removed`).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apk')) return;
      if (covered(i) || !layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      for (const c of commands) {
        const p = packageCommand(c);
        const sub = p && subcommand(p);
        if (p?.manager !== 'apk' || sub?.value !== 'add' || noCache(p)) continue;
        if (commands.some((x) => x.start > c.start && (removesPath(x, CACHE_DIRS.apk[0]) || (apkCmd(x)?.positionals[0]?.value === 'cache' && apkCmd(x)?.positionals[1]?.value === 'clean')))) continue;
        const reliedOn = updatesIndex(p) && laterRunMatches(ctx, i, lintState(ctx, usesIndexIn));
        ctx.report({
          span: commandSpan(p),
          message: 'Add --no-cache to apk add: otherwise the package index stays in /var/cache/apk in the layer.',
          fix: optionFix(ctx, i, p.cmd, sub, ' --no-cache', { title: 'Add --no-cache', safe: !reliedOn }),
        });
      }
    },
  },
});
