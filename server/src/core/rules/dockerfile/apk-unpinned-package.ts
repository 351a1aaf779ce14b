import { defineDockerfileRule } from '../../rule';
import { apkPinned, everyArgumentValue, packageCommand, subcommand } from '../../dockerfile/packages';

export default defineDockerfileRule({
  id: 'apk-unpinned-package',
  aliases: ['DL3018'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'apk add names a package without a version.',
    why: 'Without a version every rebuild installs whatever the Alpine repository carries that day, so two builds of the same commit can differ and a package update can break the image without any change on your side.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0\n',
    fix: 'No quick fix: only you know which version you tested. Write `pkg=<version>` for an exact pin or `pkg~<major.minor>` to follow patch releases.',
    notes: 'Like hadolint, `=`, `~`, `<` and `>` constraints and local `.apk` files count as pinned, and the values of `--virtual`/`-t` and `--repository`/`-X` are not packages. Alpine only keeps the current version of a package in each branch, so exact pins break when it moves on; that is why this rule is info. hadolint\'s deprecated DL3017 (`apk upgrade`) has no Seaworthy rule: upgrading inside the chosen release is how security fixes get in.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apk')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if (p?.manager !== 'apk' || subcommand(p)?.value !== 'add') continue;
        for (let k = 1; k < p.positionals.length; k++) {
          const w = p.positionals[k];
          if (everyArgumentValue(ctx.analysis, i, w, apkPinned) !== false) continue;
          ctx.report({ span: w, message: `Pin the version of "${w.value}": write ${w.value}=<version> (or ~<major.minor>) so rebuilds install what you tested.` });
        }
      }
    },
  },
});
