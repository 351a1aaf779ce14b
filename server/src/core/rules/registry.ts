// The one list of rules. Adding a rule: its file, its table test, and one line here.
import type { Rule } from '../rule';
import addInsteadOfCopy from './dockerfile/add-instead-of-copy';
import apkMissingNoCache from './dockerfile/apk-missing-no-cache';
import apkUnpinnedPackage from './dockerfile/apk-unpinned-package';
import aptInstallRecommends from './dockerfile/apt-install-recommends';
import aptInsteadOfAptGet from './dockerfile/apt-instead-of-apt-get';
import aptListsNotRemoved from './dockerfile/apt-lists-not-removed';
import aptMissingYes from './dockerfile/apt-missing-yes';
import aptUnpinnedPackage from './dockerfile/apt-unpinned-package';
import dnfCacheNotCleaned from './dockerfile/dnf-cache-not-cleaned';
import dnfMissingYes from './dockerfile/dnf-missing-yes';
import dnfUnpinnedPackage from './dockerfile/dnf-unpinned-package';
import gemUnpinnedPackage from './dockerfile/gem-unpinned-package';
import goInstallUnpinned from './dockerfile/go-install-unpinned';
import imageLatestTag from './dockerfile/image-latest-tag';
import imageUntagged from './dockerfile/image-untagged';
import maintainerDeprecated from './dockerfile/maintainer-deprecated';
import missingUser from './dockerfile/missing-user';
import npmDevDependenciesInFinalStage from './dockerfile/npm-dev-dependencies-in-final-stage';
import npmInstallInsteadOfCi from './dockerfile/npm-install-instead-of-ci';
import npmUnpinnedPackage from './dockerfile/npm-unpinned-package';
import pipMissingNoCacheDir from './dockerfile/pip-missing-no-cache-dir';
import pipUnpinnedPackage from './dockerfile/pip-unpinned-package';
import shellFormCommand from './dockerfile/shell-form-command';
import userRoot from './dockerfile/user-root';
import workdirRelative from './dockerfile/workdir-relative';
import yarnCacheNotCleaned from './dockerfile/yarn-cache-not-cleaned';
import yumCacheNotCleaned from './dockerfile/yum-cache-not-cleaned';
import yumMissingYes from './dockerfile/yum-missing-yes';
import yumUnpinnedPackage from './dockerfile/yum-unpinned-package';
import zypperCacheNotCleaned from './dockerfile/zypper-cache-not-cleaned';
import zypperDistUpgrade from './dockerfile/zypper-dist-upgrade';
import zypperMissingNonInteractive from './dockerfile/zypper-missing-non-interactive';
import zypperUnpinnedPackage from './dockerfile/zypper-unpinned-package';

export const RULES: readonly Rule[] = [
  addInsteadOfCopy,
  apkMissingNoCache,
  apkUnpinnedPackage,
  aptInstallRecommends,
  aptInsteadOfAptGet,
  aptListsNotRemoved,
  aptMissingYes,
  aptUnpinnedPackage,
  dnfCacheNotCleaned,
  dnfMissingYes,
  dnfUnpinnedPackage,
  gemUnpinnedPackage,
  goInstallUnpinned,
  imageLatestTag,
  imageUntagged,
  maintainerDeprecated,
  missingUser,
  npmDevDependenciesInFinalStage,
  npmInstallInsteadOfCi,
  npmUnpinnedPackage,
  pipMissingNoCacheDir,
  pipUnpinnedPackage,
  shellFormCommand,
  userRoot,
  workdirRelative,
  yarnCacheNotCleaned,
  yumCacheNotCleaned,
  yumMissingYes,
  yumUnpinnedPackage,
  zypperCacheNotCleaned,
  zypperDistUpgrade,
  zypperMissingNonInteractive,
  zypperUnpinnedPackage,
];
