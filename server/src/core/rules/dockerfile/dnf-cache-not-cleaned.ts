import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, cacheMountCovers, commandSpan, packageCommand, removesPath, RPM_DOWNLOADING, rpmAction } from '../../dockerfile/packages';
import { appendCommandToRun, layersShipped } from './util';

const cleans = (c: ShCommand, manager: string) => {
  const p = packageCommand(c);
  if (p?.manager === manager && p.positionals[0]?.value === 'clean' && p.positionals[1]?.value === 'all') return true;
  return CACHE_DIRS.dnf.some((d) => removesPath(c, d));
};

export default defineDockerfileRule({
  id: 'dnf-cache-not-cleaned',
  aliases: ['DL3040', 'DS019', 'DS027'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'dnf or microdnf installs packages without `dnf clean all` later in the same RUN.',
    why: 'dnf keeps repository metadata and downloaded packages in /var/cache/dnf (/var/cache/libdnf5 for dnf5). Left in the layer they add tens to hundreds of MB to every image built from it; deleting them in a later RUN does not shrink anything.',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    fix: 'The quick fix appends `&& dnf clean all` (or `&& microdnf clean all`, matching the command used) to the RUN in the instruction\'s own continuation style. It is safe: it only runs after everything succeeded, and a later dnf command downloads fresh metadata by itself.',
    notes: 'As in hadolint each manager needs its own clean (`microdnf clean all` does not clean after `dnf install`) and the clean must come after the last install, upgrade or reinstall. Removing /var/cache/dnf, /var/cache/libdnf5 or /var/cache/yum counts, and so does a cache or tmpfs mount on one of them. Only stages whose layers ship are checked (see `apt-lists-not-removed`). Trivy splits the idea in two checks (DS019 for dnf, DS027 for microdnf); each finding carries the matching one.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'dnf', 'microdnf')) return;
      if (CACHE_DIRS.dnf.some((d) => cacheMountCovers(i, d)) || !layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      for (const manager of ['dnf', 'microdnf']) {
        let last: { c: ShCommand; span: { start: number; end: number } } | undefined;
        for (const c of commands) {
          const p = packageCommand(c);
          const a = p?.manager === manager ? rpmAction(p) : undefined;
          if (p && a && (RPM_DOWNLOADING.has(a.action) || /^(module|group) (install|update|upgrade)$/.test(a.action))) last = { c, span: commandSpan(p, a.word) };
        }
        if (!last || commands.some((c) => c.start > last!.c.start && cleans(c, manager))) continue;
        const edit = appendCommandToRun(ctx, i, `${manager} clean all`);
        ctx.report({
          span: last.span,
          message: `Run \`${manager} clean all\` at the end of this RUN: the package cache otherwise stays in the layer.`,
          aliases: ['DL3040', manager === 'dnf' ? 'DS019' : 'DS027'],
          fix: edit && { title: `Append && ${manager} clean all`, safe: true, edits: [edit] },
        });
      }
    },
  },
});
