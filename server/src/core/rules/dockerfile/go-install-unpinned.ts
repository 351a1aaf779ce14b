import { defineDockerfileRule } from '../../rule';
import { argumentValue, goVersionOf, MOVING_VERSIONS, packageCommand, subcommand } from '../../dockerfile/packages';

export default defineDockerfileRule({
  id: 'go-install-unpinned',
  aliases: ['DL3062'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'go install, go get or go run names a remote module without a fixed version.',
    why: 'Without `@version` (or with `@latest`) Go resolves the newest version at build time: rebuilds of the same commit can get different code, including a release that breaks the build or was published by an attacker.',
    bad: 'FROM golang:1.24\nRUN go install golang.org/x/tools/gopls@latest\n',
    good: 'FROM golang:1.24\nRUN go install golang.org/x/tools/gopls@v0.17.1\n',
    fix: 'No quick fix: only you know which version you tested. Write `@vX.Y.Z` (or a commit hash); `go list -m -versions module` shows the versions.',
    notes: 'Like hadolint, local paths (`.`, `./cmd/x`, `/go/src/app`, `x.go`) are not checked, and for `go run` only the package is, not the program\'s arguments. Seaworthy also reports branch names used as versions (`@main`, `@master`, `@HEAD`) and `@upgrade`/`@patch`, without the hadolint id (hadolint only knows `@latest`).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'go')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        const sub = p?.manager === 'go' ? subcommand(p)?.value : undefined;
        if (!p || (sub !== 'install' && sub !== 'get' && sub !== 'run')) continue;
        const targets = sub === 'run' ? p.positionals.slice(1, 2) : p.positionals.slice(1);
        for (const w of targets) {
          const v = argumentValue(ctx.analysis, i, w);
          if (v === undefined) continue;
          const g = goVersionOf(v);
          if (g.local || (g.version !== undefined && !MOVING_VERSIONS.has(g.version)) || g.version === 'none') continue;
          ctx.report({
            span: w,
            message: g.version === undefined
              ? `Add a version to "${w.value}": go ${sub} resolves the newest one at build time; write ${w.value}@vX.Y.Z.`
              : `"${w.value}" follows @${g.version}: pin a fixed version (@vX.Y.Z or a commit) so rebuilds use the code you tested.`,
            aliases: g.version === undefined || g.version === 'latest' ? undefined : [],
          });
        }
      }
    },
  },
});
