import { defineDockerfileRule } from '../../rule';
import { hasFlag } from '../../shell/commands';
import { everyArgumentValue, packageCommand, subcommand } from '../../dockerfile/packages';

const pinned = (v: string) => v.includes(':') || v.endsWith('.gem') || v.includes('/');

export default defineDockerfileRule({
  id: 'gem-unpinned-package',
  aliases: ['DL3028'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'gem install names a gem without a version.',
    why: 'An unpinned `gem install` takes the newest release at build time: rebuilds of the same commit can get a new major version, or a compromised release.',
    bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
    good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
    fix: 'No quick fix: only you know which version you tested. Write `gem:version` or add `-v version`; for an application, install from its Gemfile.lock with `bundle install`.',
    notes: 'Like hadolint, `-v`/`--version` pins every gem of the command and build options after `--` are not gems. An option gem does not document (such as a build flag written without `--`) is taken to consume the next word.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'gem')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if (p?.manager !== 'gem' || !['install', 'i'].includes(subcommand(p)?.value ?? '')) continue;
        if (hasFlag(p.cmd, 'v', ['version'], p.spec)) continue;
        for (let k = 1; k < p.positionals.length; k++) {
          const w = p.positionals[k];
          if (everyArgumentValue(ctx.analysis, i, w, pinned) !== false) continue;
          ctx.report({ span: w, message: `Pin the version of "${w.value}": write ${w.value}:<version> (or -v <version>) so rebuilds install what you tested.` });
        }
      }
    },
  },
});
