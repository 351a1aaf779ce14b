import { defineDockerfileRule } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { flagValue, hasFlag } from '../../shell/commands';
import { commandSpan, NPM_INSTALL, packageCommand, subcommand } from '../../dockerfile/packages';
import { chainFact } from './util';
import { trimTrailing } from '../../text';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** Compiled patterns (null: not a valid pattern), so a file's COPY sources are compiled once, not per lockfile and rule run. */
const GLOBS = new Map<string, RegExp | null>();

/** A COPY/ADD source pattern (`package*.json`, `*.json`) matching a file name. */
function globMatches(pattern: string, name: string): boolean {
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
  create(ctx) {
    const copiesLockfile = (i: Instruction) => {
      const words = i.exec ? i.exec.values : i.words;
      if (words.length < 2 || i.heredocs.length) return false;
      const fromStage = i.flags.some((f) => f.name === 'from');
      return words.slice(0, -1).some((w) => {
        const src = trimTrailing(w.value.replace(/^\.\//, ''), '/');
        const base = src.split('/').pop() ?? '';
        if (LOCKFILES.some((l) => globMatches(base, l))) return true;
        if (fromStage || /[*?[$]/.test(src) || /^[a-z]+:\/\//i.test(src)) return false;
        const dir = src === '.' || src === '' ? '' : `${src}/`;
        return LOCKFILES.some((l) => ctx.workspace.exists(dir + l));
      });
    };
    const copies = (x: Instruction) => (x.keyword === 'COPY' || x.keyword === 'ADD') && !x.parent && copiesLockfile(x);
    /** Whether a stage (or one it builds on) has copied a lockfile by its end. */
    const atEnd = (s: Stage, inherited: boolean | undefined) => !!inherited || s.instructions.some(copies);
    // Looked at only when a RUN runs npm (most files never do): the COPYs of its stage before it, each
    // once per lint (RUNs come in document order, so the scan of a stage resumes where it stopped).
    const scans = new Map<Stage, { next: number; found: boolean }>();
    const lockfileBefore = (run: Instruction, stage: Stage): boolean => {
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
    return {
      RUN(i) {
        if (!ctx.analysis.runsManager(i, 'npm')) return;
        const stage = ctx.analysis.stageOf(i);
        if (i.parent || !stage || !lockfileBefore(i, stage)) return;
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
    };
  },
});
