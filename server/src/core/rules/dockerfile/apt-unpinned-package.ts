import { defineDockerfileRule } from '../../rule';
import { aptPinned, everyArgumentValue, packageCommand, subcommand } from '../../dockerfile/packages';
import { cutLastLineAt } from '../../text';

export default defineDockerfileRule({
  id: 'apt-unpinned-package',
  aliases: ['DL3008'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'apt-get install names a package without a version.',
    why: 'Without `pkg=version` every rebuild installs whatever the archive carries that day, so two builds of the same commit can differ and a new package release can break the image without any change on your side.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 && rm -rf /var/lib/apt/lists/*\n',
    fix: 'No quick fix: only you know which version you tested. Write `pkg=<version>` (`apt-cache policy pkg` shows the candidates), or pin the whole set with a snapshot mirror such as snapshot.debian.org.',
    notes: 'Like hadolint, a release pin (`pkg/bookworm-backports`) and a local `.deb` count as pinned, and versions written as Dockerfile variables are expanded (an ARG without a default is trusted). Debian and Ubuntu drop superseded versions from their archives, so exact pins can stop resolving: that is why this rule is info, not warning. `apt install` is checked too, without the hadolint id (hadolint only reads `apt-get`); `apt-instead-of-apt-get` reports the `apt` itself.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apt-get', 'apt')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if (!p || (p.manager !== 'apt-get' && p.manager !== 'apt') || subcommand(p)?.value !== 'install') continue;
        for (let k = 1; k < p.positionals.length; k++) {
          const w = p.positionals[k];
          if (everyArgumentValue(ctx.analysis, i, w, aptPinned) !== false) continue;
          ctx.report({
            span: w,
            message: `Pin the version of "${w.value}": write ${cutLastLineAt(w.value, '=/')}=<version> so rebuilds install what you tested.`,
            aliases: p.manager === 'apt-get' ? undefined : [],
          });
        }
      }
    },
  },
});
