import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, packageCommand, removesPath, type ManagerName } from '../../dockerfile/packages';
import { reportUncleanedCache, rpmCleansAll, rpmDownloads, type CacheCleaning } from './rpm';

const MANAGERS: readonly ManagerName[] = ['dnf', 'microdnf'];

const DNF: CacheCleaning = {
  dirs: CACHE_DIRS.dnf,
  downloads: rpmDownloads,
  cleans: (c: ShCommand, manager: string) => rpmCleansAll(packageCommand(c), manager) || CACHE_DIRS.dnf.some((d) => removesPath(c, d)),
  clean: (manager: string) => `${manager} clean all`,
  message: (manager: string) => `Run \`${manager} clean all\` at the end of this RUN: the package cache otherwise stays in the layer.`,
  aliases: (manager: string) => ['DL3040', manager === 'dnf' ? 'DS019' : 'DS027'],
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
    RUN(i, ctx) { for (const manager of MANAGERS) reportUncleanedCache(ctx, i, manager, DNF); },
  },
});
