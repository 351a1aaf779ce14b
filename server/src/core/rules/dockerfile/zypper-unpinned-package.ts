import { defineDockerfileRule } from '../../rule';
import { flagValue } from '../../shell/commands';
import { everyArgumentValue, zypperPinned } from '../../dockerfile/packages';
import { zypperCommands } from './rpm';

const INSTALL = new Set(['install', 'in']);

export default defineDockerfileRule({
  id: 'zypper-unpinned-package',
  aliases: ['DL3037'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'zypper install names a package without a version.',
    why: 'Without a version every rebuild installs whatever the repositories carry that day, so two builds of the same commit can differ and an update can break the image without any change on your side.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean\n',
    fix: 'No quick fix: only you know which version you tested. Write `name=version`, or a range such as `\'name>=1.2\'` (quote it: `>` and `<` are shell redirections).',
    notes: 'Like hadolint, `=`, `<` and `>` constraints and `.rpm` files count as pinned. Patterns, patches and products (`-t pattern`…) are not checked.',
  },
  handlers: {
    RUN(i, ctx) {
      for (const p of zypperCommands(ctx, i, INSTALL)) {
        const type = flagValue(p.cmd, 't', ['type'], p.spec);
        if (type !== undefined && type !== 'package') continue;
        for (let k = 1; k < p.positionals.length; k++) {
          const w = p.positionals[k];
          if (everyArgumentValue(ctx.analysis, i, w, zypperPinned) !== false) continue;
          ctx.report({ span: w, message: `Pin the version of "${w.value}": write ${w.value}=<version> so rebuilds install what you tested.` });
        }
      }
    },
  },
});
