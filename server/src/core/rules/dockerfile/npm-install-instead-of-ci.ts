import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Flag, Instruction, Stage } from '../../dockerfile/model';
import { flagValue, hasFlag } from '../../shell/commands';
import { commandSpan, NPM_INSTALL, packageCommand, subcommand } from '../../dockerfile/packages';
import { chainFact, lintState } from './util';
import { trimTrailing } from '../../text';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** Compiled patterns (null: not a valid pattern), so a file's COPY sources are compiled once, not per lockfile and rule run. */
const GLOBS = new Map<string, RegExp | null>();

/** A COPY/ADD source pattern (`package*.json`, `*.json`) matching a file name. */
function globMatches(pattern: string, name: string): boolean {
  // Without `*`, `?` or `[` the pattern is all literal characters: the same answer as its regex, without the Map.
  if (!pattern.includes('*') && !pattern.includes('?') && !pattern.includes('[')) return pattern === name;
  let re = GLOBS.get(pattern);
  if (re === undefined) {
    const src = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    try { re = new RegExp(`^${src}$`); } catch { re = null; }
    if (GLOBS.size >= 1000) GLOBS.clear();
    GLOBS.set(pattern, re);
  }
  return re !== null && re.test(name);
}

export default defineDockerfileRule({
  id: 'npm-install-instead-of-ci',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'npm install installs a project whose lockfile was copied into the image; npm ci is made for that.',
    why: '`npm install` treats the lockfile as a starting point: when package.json and the lockfile disagree it resolves new versions and rewrites the lock, so the image can contain dependencies nobody reviewed. `npm ci` installs exactly the lockfile, fails when it is out of date, and starts from a clean node_modules.',
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    fix: 'The quick fix replaces `install` with `ci`, keeping the options. It is unsafe: when the lockfile is out of date `npm ci` fails where `npm install` went on (which is the point, but the build breaks until the lock is regenerated), and `npm ci` deletes an existing node_modules first.',
    notes: 'No peer checks this. The lockfile counts as copied when a COPY or ADD earlier in the stage (or in a stage it is built FROM) names package-lock.json or npm-shrinkwrap.json, a pattern matching them (`package*.json`), or a directory that holds one in the workspace (`COPY . .`). `npm install <package>`, global installs and `--no-package-lock` are left alone.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'npm')) return;
      const stage = ctx.analysis.stageOf(i);
      // The lint's scanner is made on the first RUN that runs npm (most files never do): nothing per file before that.
      if (i.parent || !stage || !lintState(ctx, lockfileScanner)(i, stage)) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        const sub = p && subcommand(p);
        if (p?.manager !== 'npm' || !sub || !NPM_INSTALL.has(sub.value) || p.positionals.length > 1) continue;
        if (hasFlag(p.cmd, 'g', ['global', 'no-package-lock', 'package-lock-only'], p.spec) || flagValue(p.cmd, undefined, ['package-lock'], p.spec) === 'false') continue;
        ctx.report({
          span: commandSpan(p),
          message: 'Use npm ci instead of npm install: the lockfile is in the image, and npm ci installs exactly it (npm install may resolve other versions and rewrite it).',
          fix: sub.raw === sub.value ? { title: 'Use npm ci', safe: false, edits: [{ start: sub.start, end: sub.end, newText: 'ci' }] } : undefined,
        });
      }
    },
  },
});

// A predicate made once: an arrow written in the handler is a closure made on every call (it showed in the
// allocation profile of the 5,000-line file).
const isFromFlag = (f: Flag) => f.name === 'from';

/** Whether a COPY/ADD brings in an npm lockfile: named (or matched by a pattern) among its sources, or found in the workspace beside a copied folder. */
function copiesLockfile(ctx: DockerfileContext, i: Instruction): boolean {
  const words = i.exec ? i.exec.values : i.words;
  // Heredocs only where the arguments hold `<<` (the parser looks for them only then): `heredocs` makes a new empty
  // list for each COPY without one.
  if (words.length < 2 || (i.argsText.includes('<<') && i.heredocs.length)) return false;
  const fromStage = i.flags.some(isFromFlag);
  for (let k = 0; k < words.length - 1; k++) if (sourceHasLockfile(ctx, words[k].value, fromStage)) return true;
  return false;
}

function sourceHasLockfile(ctx: DockerfileContext, value: string, fromStage: boolean): boolean {
  const src = trimTrailing(value.startsWith('./') ? value.slice(2) : value, '/');
  const base = src.slice(src.lastIndexOf('/') + 1);
  // Loops, not `some` with a closure made for every COPY source.
  for (const l of LOCKFILES) if (globMatches(base, l)) return true;
  if (fromStage || /[*?[$]/.test(src) || /^[a-z]+:\/\//i.test(src)) return false;
  const dir = src === '.' || src === '' ? '' : `${src}/`;
  for (const l of LOCKFILES) if (ctx.workspace.exists(dir + l)) return true;
  return false;
}

/**
 * `lockfileBefore(run, stage)`: whether a lockfile was copied before `run` in its stage or in a stage it builds on.
 * The COPYs of each stage are read once per lint (RUNs come in document order, so the scan of a stage resumes where
 * it stopped).
 */
function lockfileScanner(ctx: DockerfileContext): (run: Instruction, stage: Stage) => boolean {
  const copies = (x: Instruction) => (x.keyword === 'COPY' || x.keyword === 'ADD') && !x.parent && copiesLockfile(ctx, x);
  /** Whether a stage (or one it builds on) has copied a lockfile by its end. */
  const atEnd = (s: Stage, inherited: boolean | undefined) => !!inherited || s.instructions.some(copies);
  const scans = new Map<Stage, { next: number; found: boolean }>();
  return (run, stage) => {
    let scan = scans.get(stage);
    if (!scan) {
      const parent = ctx.analysis.parentStage(stage);
      scan = { next: 0, found: parent ? chainFact(ctx, atEnd, parent) : false };
      scans.set(stage, scan);
    }
    const list = stage.instructions;
    while (!scan.found && scan.next < list.length && list[scan.next] !== run) scan.found = copies(list[scan.next++]);
    return scan.found;
  };
}
