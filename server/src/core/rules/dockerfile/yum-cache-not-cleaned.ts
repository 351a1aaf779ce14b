import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, packageCommand, removesPath } from '../../dockerfile/packages';
import { reportUncleanedCache, rpmCleansAll, rpmDownloads, type CacheCleaning } from './rpm';

const YUM: CacheCleaning = {
  dirs: CACHE_DIRS.yum,
  downloads: rpmDownloads,
  cleans: (c: ShCommand, manager: string) => rpmCleansAll(packageCommand(c), manager) || CACHE_DIRS.yum.some((d) => removesPath(c, d)),
  clean: () => 'yum clean all',
  message: () => 'Run `yum clean all` at the end of this RUN: yum\'s metadata and package cache otherwise stay in the layer.',
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
    RUN(i, ctx) { reportUncleanedCache(ctx, i, 'yum', YUM); },
  },
});
