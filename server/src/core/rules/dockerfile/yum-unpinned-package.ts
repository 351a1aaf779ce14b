import { defineDockerfileRule } from '../../rule';
import type { ManagerName } from '../../dockerfile/packages';
import { rpmUnpinned } from './rpm';

// Module constants, not array literals per lint.
const MANAGERS: readonly ManagerName[] = ['yum'];
const INSTALL_ACTIONS = ['install', 'localinstall'];

export default defineDockerfileRule({
  id: 'yum-unpinned-package',
  aliases: ['DL3033'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'yum install names a package (or module) without a version.',
    why: 'Without a version every rebuild installs whatever the repositories carry that day, so two builds of the same commit can differ and an update can break the image without any change on your side.',
    bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    fix: 'No quick fix: only you know which version you tested. Write `name-version[-release]` (`yum list --showduplicates name` shows them); for `yum module install` give a stream, `name:stream`.',
    notes: 'A package counts as pinned when its last dash-separated part starts with a digit (`httpd-2.4.6`, `git-core-2.51.0-2.fc42`, `openssl-1:1.1.1k`) or it is an `.rpm` file or URL. hadolint only asks for some part after a dash to look like a version; Seaworthy does not take `java-11-openjdk` as pinned. Versions written as Dockerfile variables are expanded: an ARG is trusted (it can be set at build time), an ENV of a stage this one does not inherit from is empty here. Group installs and `@group` names are not checked.',
  },
  handlers: rpmUnpinned(MANAGERS, INSTALL_ACTIONS),
});
