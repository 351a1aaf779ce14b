import { defineDockerfileRule } from '../../rule';
import { argumentValues, MOVING_VERSIONS, NPM_INSTALL, npmPinned, npmVersionOf, packageCommand, subcommand } from '../../dockerfile/packages';
import { lastLineBreak } from '../../text';

export default defineDockerfileRule({
  id: 'npm-unpinned-package',
  aliases: ['DL3016'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'npm install names a package without a version.',
    why: 'An unpinned `npm install pkg` takes whatever the registry tags `latest` at build time: rebuilds of the same commit can get a new major version, or a hijacked release published minutes earlier.',
    bad: 'FROM node:22-slim\nRUN npm install -g typescript\n',
    good: 'FROM node:22-slim\nRUN npm install -g typescript@5.7.3\n',
    fix: 'No quick fix: only you know which version you tested. Write `pkg@version`, or keep dependencies in package.json with a lockfile and run `npm ci`.',
    notes: 'Like hadolint, a version, range or tag after `@`, a tarball, a folder and a git URL with `#ref` count as pinned, and `npm install` without package names (installing package.json) is not checked. Unlike hadolint, `@latest` is reported (it is the moving tag itself), without the hadolint id; and the abbreviations `npm i` and `npm add` are read like `install`.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'npm')) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        if (p?.manager !== 'npm' || !NPM_INSTALL.has(subcommand(p)?.value ?? '')) continue;
        for (let k = 1; k < p.positionals.length; k++) {
          const w = p.positionals[k];
          let moving: boolean;
          if (!w.dynamic || !w.value.includes('$')) {
            // A word without variables (most) is its own one value: tested without the list argumentValues makes.
            moving = isMoving(w.value);
            if (!moving && npmPinned(w.value)) continue;
          } else {
            const values = argumentValues(ctx.analysis, i, w);
            if (!values) continue;
            moving = values.some(isMoving);
            if (!moving && values.every(npmPinned)) continue;
          }
          const name = withoutVersion(w.value);
          ctx.report({
            span: w,
            message: moving
              ? `"${w.value}" follows a moving tag: pin an exact version (${name}@<version>) so rebuilds install what you tested.`
              : `Pin the version of "${w.value}": write ${name}@<version> so rebuilds install what you tested.`,
            aliases: moving ? [] : undefined,
          });
        }
      }
    },
  },
});

/** A package spec naming a moving tag (`pkg@latest`). */
const isMoving = (v: string) => MOVING_VERSIONS.has(npmVersionOf(v) ?? '');

/**
 * The package name before its `@version` (`@scope/pkg@1` keeps its scope): what `s.replace(/(.)@.*$/, '$1')`
 * gives (an `@` after the first character, with no line break after it or just before it), in linear time. That
 * pattern is quadratic on a long run of `@` followed by a line break.
 */
function withoutVersion(s: string): string {
  const at = s.indexOf('@', Math.max(1, lastLineBreak(s) + 2));
  return at < 0 ? s : s.slice(0, at);
}

