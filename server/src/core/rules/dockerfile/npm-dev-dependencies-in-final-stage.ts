import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { commandName, flagValue, flagValues, hasFlag } from '../../shell/commands';
import { commandSpan, envValue, isTruthy, NPM_INSTALL, packageCommand, subcommand, type PackageCommand } from '../../dockerfile/packages';
import { optionFix } from './util';

const CLEAN_INSTALL = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);
// npm commands after the install that need devDependencies, or remove them.
const NEEDS_OR_PRUNES = new Set(['run', 'run-script', 'rum', 'urn', 'test', 't', 'tst', 'exec', 'x', 'prune', 'rebuild', 'rb']);

/** The command leaves devDependencies out, or asks for them on purpose. */
function devHandled(p: PackageCommand, env: (name: string) => string | undefined): boolean {
  const omit = [...flagValues(p.cmd, undefined, ['omit'], p.spec), ...(env('npm_config_omit') ?? env('NPM_CONFIG_OMIT') ?? '').split(/[\s,]+/)];
  if (omit.includes('dev') || flagValues(p.cmd, undefined, ['include'], p.spec).includes('dev')) return true;
  if (hasFlag(p.cmd, undefined, ['production', 'prod'], p.spec) && flagValue(p.cmd, undefined, ['production'], p.spec) !== 'false') return true;
  if (/^prod(uction)?$/.test(flagValue(p.cmd, undefined, ['only'], p.spec) ?? '')) return true;
  return env('NODE_ENV') === 'production' || isTruthy(env('npm_config_production') ?? env('NPM_CONFIG_PRODUCTION'));
}

/** Builds or tests with the installed tools, or prunes them afterwards. */
function usesOrPrunesDev(c: ShCommand): boolean {
  const p = packageCommand(c);
  if (p?.manager === 'npm') return NEEDS_OR_PRUNES.has(subcommand(p)?.value ?? '');
  if (p?.manager === 'yarn') return true;
  const name = commandName(c);
  return name === 'npx' || name === 'pnpm' || (c.name?.value ?? '').includes('node_modules/.bin/');
}

export default defineDockerfileRule({
  id: 'npm-dev-dependencies-in-final-stage',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'The final stage of a multi-stage build installs npm devDependencies into the image that runs the app.',
    why: 'Test runners, bundlers, type checkers and linters are not needed to run the app, yet `npm ci` installs them: the production image gets bigger and ships more code — and more CVEs — than it runs. A multi-stage build exists precisely to keep them in the build stage.',
    bad: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
    good: 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
    fix: 'The quick fix inserts ` --omit=dev` after the subcommand. It is unsafe: the app may load a package that package.json lists under devDependencies by mistake, and npm 6 and older only understand `--production`.',
    notes: 'No peer checks this. To keep false positives low it only looks at the final stage of a build with several stages, when that stage has a CMD or ENTRYPOINT, for `npm ci` and `npm install` without package names. It stays quiet when devDependencies are left out another way (`--production`, `--only=prod`, `NODE_ENV=production`, `NPM_CONFIG_OMIT=dev`, or `NPM_CONFIG_PRODUCTION` set for the command or by ENV), asked for on purpose (`--include=dev`), or used or pruned later in the stage (`npm run`, `npm test`, `npx`, `npm prune`, yarn, pnpm).',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'npm')) return;
      const final = ctx.analysis.finalStage;
      if (i.parent || ctx.doc.stages.length < 2 || !final || i.stage !== final.index) return;
      if (!final.instructions.some((x) => x.keyword === 'CMD' || x.keyword === 'ENTRYPOINT')) return;
      const commands = ctx.analysis.shell(i).commands;
      const laterRuns = final.instructions.filter((x) => x.keyword === 'RUN' && x.start > i.start);
      for (const c of commands) {
        const p = packageCommand(c);
        const sub = p && subcommand(p);
        if (p?.manager !== 'npm' || !sub) continue;
        if (!CLEAN_INSTALL.has(sub.value) && !(NPM_INSTALL.has(sub.value) && p.positionals.length === 1)) continue;
        if (hasFlag(p.cmd, 'g', ['global'], p.spec)) continue;
        if (devHandled(p, (name) => envValue(ctx.analysis, i, commands, c, name))) continue;
        const later = [...commands.filter((x) => x.start > c.start), ...laterRuns.flatMap((r) => ctx.analysis.shell(r).commands)];
        if (later.some(usesOrPrunesDev)) continue;
        ctx.report({
          span: commandSpan(p),
          message: `npm ${sub.value} installs devDependencies into the final image: add --omit=dev (or build in an earlier stage and copy the result).`,
          fix: optionFix(ctx, i, p.cmd, sub, ' --omit=dev', { title: 'Add --omit=dev', safe: false }),
        });
      }
    },
  },
});
