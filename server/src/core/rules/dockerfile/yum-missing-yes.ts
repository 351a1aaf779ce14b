import { defineDockerfileRule } from '../../rule';
import type { ManagerName } from '../../dockerfile/packages';
import { rpmMissingYes } from './rpm';

// A module constant, not an array literal per lint.
const MANAGERS: readonly ManagerName[] = ['yum'];

export default defineDockerfileRule({
  id: 'yum-missing-yes',
  aliases: ['DL3030'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'yum install (or update, remove…) runs without -y.',
    why: 'yum asks "Is this ok [y/N]" before changing packages. A build cannot answer, so yum takes the default — no — and the build fails.',
    bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    fix: 'The quick fix inserts ` -y` after the subcommand. It is safe: in a build the prompt can only abort, and `-y` only answers it.',
    notes: '`--assumeyes`, `--setopt=assumeyes=1` and `yes |` count too. Besides install, Seaworthy checks the other subcommands that prompt (update, upgrade, reinstall, downgrade, remove, module install, group install…). hadolint\'s deprecated DL3031 (`yum update`) has no Seaworthy rule: upgrading inside the chosen release is how security fixes get in.',
  },
  handlers: rpmMissingYes(MANAGERS),
});
