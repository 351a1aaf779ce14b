import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, cacheMountCovers, commandSpan, packageCommand, removesPath, RPM_DOWNLOADING, rpmAction } from '../../dockerfile/packages';
import { appendCommandToRun, layersShipped } from './util';

const cleans = (c: ShCommand) => {
  const p = packageCommand(c);
  if (p?.manager === 'yum' && p.positionals[0]?.value === 'clean' && p.positionals[1]?.value === 'all') return true;
  return CACHE_DIRS.yum.some((d) => removesPath(c, d));
};

export default defineDockerfileRule({
  id: 'yum-cache-not-cleaned',
  aliases: ['DL3032', 'DS015'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'yum installs packages without `yum clean all` later in the same RUN.',
    why: 'yum keeps repository metadata and downloaded packages in /var/cache/yum. Left in the layer they add tens to hundreds of MB to every image built from it; deleting them in a later RUN does not shrink anything.',
    bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    fix: 'The quick fix appends `&& yum clean all` to the RUN in the instruction\'s own continuation style (see `apt-lists-not-removed`). It is safe: the clean only runs after everything succeeded, and a later yum command downloads fresh metadata by itself.',
    notes: 'As in hadolint the clean must come after the last install (a clean before it does not count). `rm -rf /var/cache/yum` counts too, and so does a `--mount=type=cache` or `type=tmpfs` on the cache directory. Only stages whose layers ship are checked (see `apt-lists-not-removed`).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'yum')) return;
      if (CACHE_DIRS.yum.some((d) => cacheMountCovers(i, d)) || !layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      let last: { c: ShCommand; span: { start: number; end: number } } | undefined;
      for (const c of commands) {
        const p = packageCommand(c);
        const a = p?.manager === 'yum' ? rpmAction(p) : undefined;
        if (p && a && (RPM_DOWNLOADING.has(a.action) || /^(module|group) (install|update|upgrade)$/.test(a.action))) last = { c, span: commandSpan(p, a.word) };
      }
      if (!last || commands.some((c) => c.start > last!.c.start && cleans(c))) return;
      const edit = appendCommandToRun(ctx, i, 'yum clean all');
      ctx.report({
        span: last.span,
        message: 'Run `yum clean all` at the end of this RUN: yum\'s metadata and package cache otherwise stay in the layer.',
        fix: edit && { title: 'Append && yum clean all', safe: true, edits: [edit] },
      });
    },
  },
});
