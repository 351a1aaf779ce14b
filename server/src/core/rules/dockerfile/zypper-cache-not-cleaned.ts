import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, cacheMountCovers, commandSpan, packageCommand, removesPath, ZYPPER_DOWNLOADING } from '../../dockerfile/packages';
import { appendCommandToRun, layersShipped } from './util';

const cleans = (c: ShCommand) => {
  const p = packageCommand(c);
  if (p?.manager === 'zypper' && ['clean', 'cc'].includes(p.positionals[0]?.value ?? '')) return true;
  return CACHE_DIRS.zypper.some((d) => removesPath(c, d));
};

export default defineDockerfileRule({
  id: 'zypper-cache-not-cleaned',
  aliases: ['DL3036', 'DS020'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'zypper installs packages without `zypper clean` later in the same RUN.',
    why: 'zypper keeps downloaded packages and repository metadata in /var/cache/zypp. Left in the layer they add to every image built from it; deleting them in a later RUN does not shrink anything.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean --all\n',
    fix: 'The quick fix appends `&& zypper clean --all` to the RUN in the instruction\'s own continuation style: `--all` also drops the repository metadata, which plain `zypper clean` keeps. It is safe: it only runs after everything succeeded, and zypper refreshes what it needs later by itself.',
    notes: 'As in hadolint, `zypper clean` and `zypper cc` (with any options) count when they come after the last install, and so does a cache or tmpfs mount on /var/cache/zypp; Seaworthy also accepts `rm -rf /var/cache/zypp`. Besides install, update, patch, dist-upgrade and source-install download packages and are checked too. Only stages whose layers ship are checked (see `apt-lists-not-removed`).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'zypper')) return;
      if (CACHE_DIRS.zypper.some((d) => cacheMountCovers(i, d)) || !layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      let last: { c: ShCommand; span: { start: number; end: number } } | undefined;
      for (const c of commands) {
        const p = packageCommand(c);
        if (p?.manager === 'zypper' && ZYPPER_DOWNLOADING.has(p.positionals[0]?.value ?? '')) last = { c, span: commandSpan(p) };
      }
      if (!last || commands.some((c) => c.start > last!.c.start && cleans(c))) return;
      const edit = appendCommandToRun(ctx, i, 'zypper clean --all');
      ctx.report({
        span: last.span,
        message: 'Run `zypper clean --all` at the end of this RUN: zypper\'s package cache otherwise stays in the layer.',
        fix: edit && { title: 'Append && zypper clean --all', safe: true, edits: [edit] },
      });
    },
  },
});
