// The one list of rules. Adding a rule: its file, its table test, and one line here.
import type { Rule } from '../rule';
import composeBuildAndImage from './compose/build-and-image';
import composeBuildPathNotFound from './compose/build-path-not-found';
import composeBuildTargetUnknown from './compose/build-target-unknown';
import composeComposeSchema from './compose/compose-schema';
import composeContainerNameDuplicate from './compose/container-name-duplicate';
import composeContainerNameInvalid from './compose/container-name-invalid';
import composeContainerNameWithReplicas from './compose/container-name-with-replicas';
import composeDangerousCapability from './compose/dangerous-capability';
import composeDatabasePortPublished from './compose/database-port-published';
import composeDependsOnCycle from './compose/depends-on-cycle';
import composeDependsOnWithoutHealthyCondition from './compose/depends-on-without-healthy-condition';
import composeDockerSocketMounted from './compose/docker-socket-mounted';
import composeDuplicateKey from './compose/duplicate-key';
import composeDuplicateMountTarget from './compose/duplicate-mount-target';
import composeHealthcheckTestInvalid from './compose/healthcheck-test-invalid';
import composeHealthyDependencyWithoutHealthcheck from './compose/healthy-dependency-without-healthcheck';
import composeInterpolationInvalid from './compose/interpolation-invalid';
import composePortAllInterfaces from './compose/port-all-interfaces';
import composePortUnquoted from './compose/port-unquoted';
import composeProjectNameMissing from './compose/project-name-missing';
import composePublishedPortConflict from './compose/published-port-conflict';
import composeSecretInEnvironment from './compose/secret-in-environment';
import composeSecurityProfileDisabled from './compose/security-profile-disabled';
import composeServiceCapDropAll from './compose/service-cap-drop-all';
import composeServiceDependenciesOrder from './compose/service-dependencies-order';
import composeServiceHealthcheckMissing from './compose/service-healthcheck-missing';
import composeServiceHostNamespace from './compose/service-host-namespace';
import composeServiceHostNetwork from './compose/service-host-network';
import composeServiceImageExplicitTag from './compose/service-image-explicit-tag';
import composeServiceKeysOrder from './compose/service-keys-order';
import composeServiceLoggingLimits from './compose/service-logging-limits';
import composeServiceNoNewPrivileges from './compose/service-no-new-privileges';
import composeServicePortsOrder from './compose/service-ports-order';
import composeServicePrivileged from './compose/service-privileged';
import composeServiceReadOnly from './compose/service-read-only';
import composeServiceResourceLimits from './compose/service-resource-limits';
import composeServiceRestartPolicy from './compose/service-restart-policy';
import composeServicesOrder from './compose/services-order';
import composeTopLevelOrder from './compose/top-level-order';
import composeUndefinedConfig from './compose/undefined-config';
import composeUndefinedNetwork from './compose/undefined-network';
import composeUndefinedSecret from './compose/undefined-secret';
import composeUndefinedService from './compose/undefined-service';
import composeUndefinedVolume from './compose/undefined-volume';
import composeVersionObsolete from './compose/version-obsolete';
import composeVolumeQuoted from './compose/volume-quoted';
import addInsteadOfCopy from './dockerfile/add-instead-of-copy';
import addUrlWithoutChecksum from './dockerfile/add-url-without-checksum';
import apkMissingNoCache from './dockerfile/apk-missing-no-cache';
import apkUnpinnedPackage from './dockerfile/apk-unpinned-package';
import aptDistUpgrade from './dockerfile/apt-dist-upgrade';
import aptInstallRecommends from './dockerfile/apt-install-recommends';
import aptInsteadOfAptGet from './dockerfile/apt-instead-of-apt-get';
import aptListsNotRemoved from './dockerfile/apt-lists-not-removed';
import aptMissingYes from './dockerfile/apt-missing-yes';
import aptUnpinnedPackage from './dockerfile/apt-unpinned-package';
import buildToolsInFinalStage from './dockerfile/build-tools-in-final-stage';
import chownAfterCopy from './dockerfile/chown-after-copy';
import consecutiveRun from './dockerfile/consecutive-run';
import copyAllBeforeInstall from './dockerfile/copy-all-before-install';
import copyArchiveThenExtract from './dockerfile/copy-archive-then-extract';
import copyDestNotDirectory from './dockerfile/copy-dest-not-directory';
import copyFromOwnStage from './dockerfile/copy-from-own-stage';
import copyFromUnknownStage from './dockerfile/copy-from-unknown-stage';
import copyIgnoredFile from './dockerfile/copy-ignored-file';
import copyRelativeDestination from './dockerfile/copy-relative-destination';
import copyWholeFilesystem from './dockerfile/copy-whole-filesystem';
import curlAndWget from './dockerfile/curl-and-wget';
import dnfCacheNotCleaned from './dockerfile/dnf-cache-not-cleaned';
import dnfMissingYes from './dockerfile/dnf-missing-yes';
import dnfUnpinnedPackage from './dockerfile/dnf-unpinned-package';
import dockerignoreMissing from './dockerfile/dockerignore-missing';
import duplicateStageName from './dockerfile/duplicate-stage-name';
import emptyContinuationLine from './dockerfile/empty-continuation-line';
import envSelfReference from './dockerfile/env-self-reference';
import exposeInvalidFormat from './dockerfile/expose-invalid-format';
import exposePortOutOfRange from './dockerfile/expose-port-out-of-range';
import exposeProtoCasing from './dockerfile/expose-proto-casing';
import fromAsCasing from './dockerfile/from-as-casing';
import fromPlatformFlag from './dockerfile/from-platform-flag';
import fullSizeBaseImage from './dockerfile/full-size-base-image';
import gemUnpinnedPackage from './dockerfile/gem-unpinned-package';
import goInstallUnpinned from './dockerfile/go-install-unpinned';
import healthcheckMissing from './dockerfile/healthcheck-missing';
import imageLatestTag from './dockerfile/image-latest-tag';
import imageNotPinnedByDigest from './dockerfile/image-not-pinned-by-digest';
import imageUntagged from './dockerfile/image-untagged';
import inlineIgnorePragma from './dockerfile/inline-ignore-pragma';
import instructionBeforeFrom from './dockerfile/instruction-before-from';
import instructionCasing from './dockerfile/instruction-casing';
import invalidDefaultArgInFrom from './dockerfile/invalid-default-arg-in-from';
import invalidDefinitionDescription from './dockerfile/invalid-definition-description';
import labelKeyInvalid from './dockerfile/label-key-invalid';
import labelNotInSchema from './dockerfile/label-not-in-schema';
import labelRequired from './dockerfile/label-required';
import labelValueInvalid from './dockerfile/label-value-invalid';
import legacyKeyValueFormat from './dockerfile/legacy-key-value-format';
import maintainerDeprecated from './dockerfile/maintainer-deprecated';
import missingUser from './dockerfile/missing-user';
import npmDevDependenciesInFinalStage from './dockerfile/npm-dev-dependencies-in-final-stage';
import npmInstallInsteadOfCi from './dockerfile/npm-install-instead-of-ci';
import npmUnpinnedPackage from './dockerfile/npm-unpinned-package';
import onbuildInvalidTrigger from './dockerfile/onbuild-invalid-trigger';
import overriddenInstruction from './dockerfile/overridden-instruction';
import packageVerificationDisabled from './dockerfile/package-verification-disabled';
import pipMissingNoCacheDir from './dockerfile/pip-missing-no-cache-dir';
import pipUnpinnedPackage from './dockerfile/pip-unpinned-package';
import pipeToShell from './dockerfile/pipe-to-shell';
import pipefailMissing from './dockerfile/pipefail-missing';
import platformFlagConstant from './dockerfile/platform-flag-constant';
import redundantTargetPlatform from './dockerfile/redundant-target-platform';
import relinkBinSh from './dockerfile/relink-bin-sh';
import reservedStageName from './dockerfile/reserved-stage-name';
import runCd from './dockerfile/run-cd';
import runPointlessCommand from './dockerfile/run-pointless-command';
import runSudo from './dockerfile/run-sudo';
import secretFileCopied from './dockerfile/secret-file-copied';
import secretsInArgEnv from './dockerfile/secrets-in-arg-env';
import shellFormCommand from './dockerfile/shell-form-command';
import sshPortExposed from './dockerfile/ssh-port-exposed';
import stageNameCasing from './dockerfile/stage-name-casing';
import tlsVerificationDisabled from './dockerfile/tls-verification-disabled';
import undefinedArgInFrom from './dockerfile/undefined-arg-in-from';
import undefinedVar from './dockerfile/undefined-var';
import untrustedRegistry from './dockerfile/untrusted-registry';
import unusedSuppression from './dockerfile/unused-suppression';
import userNotNumeric from './dockerfile/user-not-numeric';
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
  composeBuildAndImage,
  composeBuildPathNotFound,
  composeBuildTargetUnknown,
  composeComposeSchema,
  composeContainerNameDuplicate,
  composeContainerNameInvalid,
  composeContainerNameWithReplicas,
  composeDangerousCapability,
  composeDatabasePortPublished,
  composeDependsOnCycle,
  composeDependsOnWithoutHealthyCondition,
  composeDockerSocketMounted,
  composeDuplicateKey,
  composeDuplicateMountTarget,
  composeHealthcheckTestInvalid,
  composeHealthyDependencyWithoutHealthcheck,
  composeInterpolationInvalid,
  composePortAllInterfaces,
  composePortUnquoted,
  composeProjectNameMissing,
  composePublishedPortConflict,
  composeSecretInEnvironment,
  composeSecurityProfileDisabled,
  composeServiceCapDropAll,
  composeServiceDependenciesOrder,
  composeServiceHealthcheckMissing,
  composeServiceHostNamespace,
  composeServiceHostNetwork,
  composeServiceImageExplicitTag,
  composeServiceKeysOrder,
  composeServiceLoggingLimits,
  composeServiceNoNewPrivileges,
  composeServicePortsOrder,
  composeServicePrivileged,
  composeServiceReadOnly,
  composeServiceResourceLimits,
  composeServiceRestartPolicy,
  composeServicesOrder,
  composeTopLevelOrder,
  composeUndefinedConfig,
  composeUndefinedNetwork,
  composeUndefinedSecret,
  composeUndefinedService,
  composeUndefinedVolume,
  composeVersionObsolete,
  composeVolumeQuoted,
  addInsteadOfCopy,
  addUrlWithoutChecksum,
  apkMissingNoCache,
  apkUnpinnedPackage,
  aptDistUpgrade,
  aptInstallRecommends,
  aptInsteadOfAptGet,
  aptListsNotRemoved,
  aptMissingYes,
  aptUnpinnedPackage,
  buildToolsInFinalStage,
  chownAfterCopy,
  consecutiveRun,
  copyAllBeforeInstall,
  copyArchiveThenExtract,
  copyDestNotDirectory,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyRelativeDestination,
  copyWholeFilesystem,
  curlAndWget,
  dnfCacheNotCleaned,
  dnfMissingYes,
  dnfUnpinnedPackage,
  dockerignoreMissing,
  duplicateStageName,
  emptyContinuationLine,
  envSelfReference,
  exposeInvalidFormat,
  exposePortOutOfRange,
  exposeProtoCasing,
  fromAsCasing,
  fromPlatformFlag,
  fullSizeBaseImage,
  gemUnpinnedPackage,
  goInstallUnpinned,
  healthcheckMissing,
  imageLatestTag,
  imageNotPinnedByDigest,
  imageUntagged,
  inlineIgnorePragma,
  instructionBeforeFrom,
  instructionCasing,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  labelKeyInvalid,
  labelNotInSchema,
  labelRequired,
  labelValueInvalid,
  legacyKeyValueFormat,
  maintainerDeprecated,
  missingUser,
  npmDevDependenciesInFinalStage,
  npmInstallInsteadOfCi,
  npmUnpinnedPackage,
  onbuildInvalidTrigger,
  overriddenInstruction,
  packageVerificationDisabled,
  pipMissingNoCacheDir,
  pipUnpinnedPackage,
  pipeToShell,
  pipefailMissing,
  platformFlagConstant,
  redundantTargetPlatform,
  relinkBinSh,
  reservedStageName,
  runCd,
  runPointlessCommand,
  runSudo,
  secretFileCopied,
  secretsInArgEnv,
  shellFormCommand,
  sshPortExposed,
  stageNameCasing,
  tlsVerificationDisabled,
  undefinedArgInFrom,
  undefinedVar,
  untrustedRegistry,
  unusedSuppression,
  userNotNumeric,
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
