import { defineDockerfileRule } from '../../rule';
import { hasFlag } from '../../shell/commands';
import { everyArgumentValue, packageCommand, pipPinned, subcommand } from '../../dockerfile/packages';

export default defineDockerfileRule({
  id: 'pip-unpinned-package',
  aliases: ['DL3013'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'pip install (or pipx install) names a package without a version.',
    why: 'An unpinned pip install takes the newest release on PyPI at build time: rebuilds of the same commit can get a new major version that breaks the app, or a compromised release published minutes earlier.',
    bad: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
    good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask==3.1.0\n',
    fix: 'No quick fix: only you know which version you tested. Write `pkg==version`, or better install from a requirements or lock file (`pip install -r requirements.txt`, with hashes for `--require-hashes`).',
    notes: 'Like hadolint: any version specifier (`==`, `~=`, `>=`, `<`, `!=`…) counts as pinned; VCS URLs need an `@ref`; local archives, paths and URLs are accepted; a command with `-r`/`--requirement`, `-c`/`--constraint` or `.` is not checked; values of options such as `--index-url` or `--root-user-action` are not packages. `pip install --upgrade pip` is reported as well. Versions written as Dockerfile variables are expanded (an ARG is trusted).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'pip', 'pipx')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if ((p?.manager !== 'pip' && p?.manager !== 'pipx') || subcommand(p)?.value !== 'install') continue;
        if (p.manager === 'pip') {
          if (hasFlag(p.cmd, 'r', ['requirement'], p.spec) || hasFlag(p.cmd, 'c', ['constraint'], p.spec)) continue;
          if (p.positionals.some((w) => w.value === '.')) continue;
        }
        for (let k = 1; k < p.positionals.length; k++) {
          const w = p.positionals[k];
          if (everyArgumentValue(ctx.analysis, i, w, pipPinned) !== false) continue;
          ctx.report({ span: w, message: `Pin the version of "${w.value}": write ${w.value}==<version> (or install from a requirements file) so rebuilds install what you tested.` });
        }
      }
    },
  },
});
