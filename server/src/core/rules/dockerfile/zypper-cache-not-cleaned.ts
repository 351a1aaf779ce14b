import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, commandSpan, removesPath, ZYPPER_DOWNLOADING, type PackageCommand } from '../../dockerfile/packages';
import { reportUncleanedCache, zypperCommand, type CacheCleaning } from './rpm';

const CLEAN = new Set(['clean', 'cc']);

const ZYPPER: CacheCleaning = {
  dirs: CACHE_DIRS.zypper,
  downloads: (p: PackageCommand) => (p.manager === 'zypper' && ZYPPER_DOWNLOADING.has(p.positionals[0]?.value ?? '') ? commandSpan(p) : undefined),
  cleans: (c: ShCommand) => zypperCommand(c, CLEAN) !== undefined || CACHE_DIRS.zypper.some((d) => removesPath(c, d)),
  clean: () => 'zypper clean --all',
  message: () => 'Run `zypper clean --all` at the end of this RUN: zypper\'s package cache otherwise stays in the layer.',
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
    RUN(i, ctx) { reportUncleanedCache(ctx, i, 'zypper', ZYPPER); },
  },
});
