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
import consecutiveRun from './dockerfile/consecutive-run';
import copyArchiveThenExtract from './dockerfile/copy-archive-then-extract';
import copyDestNotDirectory from './dockerfile/copy-dest-not-directory';
import copyFromOwnStage from './dockerfile/copy-from-own-stage';
import copyFromUnknownStage from './dockerfile/copy-from-unknown-stage';
import copyRelativeDestination from './dockerfile/copy-relative-destination';
import curlAndWget from './dockerfile/curl-and-wget';
import dnfCacheNotCleaned from './dockerfile/dnf-cache-not-cleaned';
import dnfMissingYes from './dockerfile/dnf-missing-yes';
import dnfUnpinnedPackage from './dockerfile/dnf-unpinned-package';
import duplicateStageName from './dockerfile/duplicate-stage-name';
import envSelfReference from './dockerfile/env-self-reference';
import exposePortOutOfRange from './dockerfile/expose-port-out-of-range';
import fromPlatformFlag from './dockerfile/from-platform-flag';
import gemUnpinnedPackage from './dockerfile/gem-unpinned-package';
import goInstallUnpinned from './dockerfile/go-install-unpinned';
import healthcheckMissing from './dockerfile/healthcheck-missing';
import imageLatestTag from './dockerfile/image-latest-tag';
import imageUntagged from './dockerfile/image-untagged';
import inlineIgnorePragma from './dockerfile/inline-ignore-pragma';
import instructionBeforeFrom from './dockerfile/instruction-before-from';
import labelKeyInvalid from './dockerfile/label-key-invalid';
import labelNotInSchema from './dockerfile/label-not-in-schema';
import labelRequired from './dockerfile/label-required';
import labelValueInvalid from './dockerfile/label-value-invalid';
import maintainerDeprecated from './dockerfile/maintainer-deprecated';
import missingUser from './dockerfile/missing-user';
import npmDevDependenciesInFinalStage from './dockerfile/npm-dev-dependencies-in-final-stage';
import npmInstallInsteadOfCi from './dockerfile/npm-install-instead-of-ci';
import npmUnpinnedPackage from './dockerfile/npm-unpinned-package';
import onbuildInvalidTrigger from './dockerfile/onbuild-invalid-trigger';
import overriddenInstruction from './dockerfile/overridden-instruction';
import pipMissingNoCacheDir from './dockerfile/pip-missing-no-cache-dir';
import pipUnpinnedPackage from './dockerfile/pip-unpinned-package';
import pipefailMissing from './dockerfile/pipefail-missing';
import relinkBinSh from './dockerfile/relink-bin-sh';
import runCd from './dockerfile/run-cd';
import runPointlessCommand from './dockerfile/run-pointless-command';
import runSudo from './dockerfile/run-sudo';
import shellFormCommand from './dockerfile/shell-form-command';
import untrustedRegistry from './dockerfile/untrusted-registry';
import userRoot from './dockerfile/user-root';
import useraddHighUid from './dockerfile/useradd-high-uid';
import wgetProgress from './dockerfile/wget-progress';
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
  consecutiveRun,
  copyArchiveThenExtract,
  copyDestNotDirectory,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyRelativeDestination,
  curlAndWget,
  dnfCacheNotCleaned,
  dnfMissingYes,
  dnfUnpinnedPackage,
  duplicateStageName,
  envSelfReference,
  exposePortOutOfRange,
  fromPlatformFlag,
  gemUnpinnedPackage,
  goInstallUnpinned,
  healthcheckMissing,
  imageLatestTag,
  imageUntagged,
  inlineIgnorePragma,
  instructionBeforeFrom,
  labelKeyInvalid,
  labelNotInSchema,
  labelRequired,
  labelValueInvalid,
  maintainerDeprecated,
  missingUser,
  npmDevDependenciesInFinalStage,
  npmInstallInsteadOfCi,
  npmUnpinnedPackage,
  onbuildInvalidTrigger,
  overriddenInstruction,
  pipMissingNoCacheDir,
  pipUnpinnedPackage,
  pipefailMissing,
  relinkBinSh,
  runCd,
  runPointlessCommand,
  runSudo,
  shellFormCommand,
  untrustedRegistry,
  userRoot,
  useraddHighUid,
  wgetProgress,
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
