import { defineDockerfileRule } from '../../rule';
import type { ManagerName } from '../../dockerfile/packages';
import { rpmMissingYes } from './rpm';

// A module constant, not an array literal per lint.
const MANAGERS: readonly ManagerName[] = ['dnf', 'microdnf'];

export default defineDockerfileRule({
  id: 'dnf-missing-yes',
  aliases: ['DL3038'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'dnf or microdnf install (or upgrade, remove…) runs without -y.',
    why: 'dnf and microdnf ask "Is this ok [y/N]" before changing packages. A build cannot answer, so they take the default — no — and the build fails.',
    bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    fix: 'The quick fix inserts ` -y` after the subcommand. It is safe: in a build the prompt can only abort, and `-y` only answers it.',
    notes: '`--assumeyes`, `--setopt=assumeyes=1` and `yes |` count too. Besides install, Seaworthy checks the other subcommands that prompt (update, upgrade, reinstall, downgrade, remove, module install, group install…). hadolint\'s deprecated DL3039 (`dnf upgrade`) has no Seaworthy rule: upgrading inside the chosen release is how security fixes get in.',
  },
  handlers: rpmMissingYes(MANAGERS),
});
