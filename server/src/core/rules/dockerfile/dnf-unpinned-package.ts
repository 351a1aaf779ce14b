import { defineDockerfileRule } from '../../rule';
import type { ManagerName } from '../../dockerfile/packages';
import { rpmUnpinned } from './rpm';

// Module constants, not array literals per lint.
const MANAGERS: readonly ManagerName[] = ['dnf', 'microdnf'];
const INSTALL_ACTIONS = ['install', 'in', 'install-n', 'install-na', 'install-nevra', 'localinstall'];

export default defineDockerfileRule({
  id: 'dnf-unpinned-package',
  aliases: ['DL3041'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'dnf or microdnf install names a package (or module) without a version.',
    why: 'Without a version every rebuild installs whatever the repositories carry that day, so two builds of the same commit can differ and an update can break the image without any change on your side.',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    fix: 'No quick fix: only you know which version you tested. Write `name-version[-release]` (`dnf list --showduplicates name` shows them); for `dnf module install` give a stream, `name:stream`.',
    notes: 'A package counts as pinned when its last dash-separated part starts with a digit (`httpd-2.4.6`, `git-core-2.51.0-2.fc42`, `openssl-1:1.1.1k`) or it is an `.rpm` file or URL. hadolint only asks for some part after a dash to look like a version; Seaworthy does not take `java-11-openjdk` as pinned. Versions written as Dockerfile variables are expanded: an ARG is trusted (it can be set at build time), an ENV of a stage this one does not inherit from is empty here. Group installs and `@group` names are not checked.',
  },
  handlers: rpmUnpinned(MANAGERS, INSTALL_ACTIONS),
});
