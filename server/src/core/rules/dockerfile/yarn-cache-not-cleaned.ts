import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import { hasFlag } from '../../shell/commands';
import { CACHE_DIRS, cacheMountCovers, cacheMountEndsWith, commandSpan, envValue, packageCommand, removesPath, type PackageCommand } from '../../dockerfile/packages';
import { appendCommandToRun, layersShipped } from './util';
import { trimTrailing } from '../../text';

/** `yarn`, `yarn install`, `yarn add x`, `yarn global add x`: commands that fill the yarn cache. */
function installs(p: PackageCommand): boolean {
  const [a, b] = p.positionals.map((w) => w.value);
  if (a === undefined) return !hasFlag(p.cmd, 'v', ['version', 'help'], p.spec) && !hasFlag(p.cmd, 'h', undefined, p.spec);
  return a === 'install' || a === 'add' || (a === 'global' && b === 'add');
}

const cleans = (c: ShCommand) => {
  const p = packageCommand(c);
  if (p?.manager === 'yarn' && p.positionals[0]?.value === 'cache' && p.positionals[1]?.value === 'clean') return true;
  return CACHE_DIRS.yarn.some((d) => removesPath(c, d));
};

/** A cache or tmpfs mount on yarn's cache (a function outside create(): a closure per file showed in the bench corpus's allocation). */
function mounted(ctx: DockerfileContext, i: Instruction, commands: readonly ShCommand[], c: ShCommand): boolean {
  if (CACHE_DIRS.yarn.some((d) => cacheMountCovers(i, d)) || cacheMountEndsWith(i, '/.cache/yarn')) return true;
  const dir = envValue(ctx.analysis, i, commands, c, 'YARN_CACHE_FOLDER');
  return dir !== undefined && dir.startsWith('/') && cacheMountCovers(i, trimTrailing(dir, '/'));
}

export default defineDockerfileRule({
  id: 'yarn-cache-not-cleaned',
  aliases: ['DL3060'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'yarn install runs without `yarn cache clean` in the same RUN.',
    why: 'Yarn keeps a copy of every package tarball in its global cache (/usr/local/share/.cache/yarn for root). In an image that copy is never used again, yet it stays in the layer — often as big as node_modules itself.',
    bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
    good: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    fix: 'The quick fix appends `&& yarn cache clean` to the RUN in the instruction\'s own continuation style. It is safe: node_modules is untouched and a later yarn command downloads what it needs. For faster rebuilds use `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install` instead.',
    notes: 'As in hadolint: the clean must come after the install, a cache or tmpfs mount on the yarn cache counts, and only stages whose layers ship are checked (a builder stage only used by `COPY --from` is not). Seaworthy also reads `yarn` alone and `yarn add` as installs, and accepts a mount on `$YARN_CACHE_FOLDER` or any `…/.cache/yarn`.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'yarn')) return;
      if (!layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      let last: PackageCommand | undefined;
      for (const c of commands) {
        const p = packageCommand(c);
        if (p?.manager === 'yarn' && installs(p)) last = p;
      }
      if (!last || mounted(ctx, i, commands, last.source)) return;
      if (commands.some((c) => c.start > last!.source.start && cleans(c))) return;
      const edit = appendCommandToRun(ctx, i, 'yarn cache clean');
      ctx.report({
        span: commandSpan(last, last.positionals[0]?.value === 'global' ? last.positionals[1] : undefined),
        message: 'Run `yarn cache clean` at the end of this RUN: yarn\'s package cache otherwise stays in the layer.',
        fix: edit && { title: 'Append && yarn cache clean', safe: true, edits: [edit] },
      });
    },
  },
});
