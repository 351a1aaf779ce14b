import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { OffsetEdit } from '../../types';
import { hasFlag, positionalArgs } from '../../shell/commands';
import { cleanPath } from '../../dockerfile/dockerignore';
import { deleteInstructionEdit, effectiveCommand, effectiveName, withArgs } from './util';

const isAbs = (p: string) => p.startsWith('/');
const norm = (p: string) => cleanPath(p);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * `cleanPath(dir + '/' + rel)` for a directory cleanPath returned. The usual COPY destinations (`.`, `./`, `./x`)
 * and the root directory (`/` + `x`, not `//x`) are joined so that cleanPath has nothing to split and join. Not
 * around a line break: cleanPath's test for a trailing `/` does not look past one, so there only the joined text
 * itself gives the same answer.
 */
function under(dir: string, rel: string): string {
  if (LINE_BREAK.test(dir) || LINE_BREAK.test(rel)) return norm(dir + '/' + rel);
  while (rel.startsWith('./')) rel = rel.slice(2);
  if (rel === '' || rel === '.') return dir;
  return norm(dir === '/' ? '/' + rel : dir + '/' + rel);
}

export default defineDockerfileRule({
  id: 'chown-after-copy',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: '`RUN chown -R` changes the owner of files a COPY just added.',
    why: 'Changing ownership rewrites every file into a new layer, so the copied files are stored twice and the image grows by their full size. `COPY --chown` sets the owner while copying, in the same layer.',
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . /app\nRUN chown -R node:node /app\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . /app\n',
    fix: 'The unsafe fix adds `--chown=<owner>` to the COPY and deletes the RUN when it does nothing else. It is unsafe because `chown -R` also changes the directory itself and files that other instructions put there.',
  },
  create(ctx) {
    // Only a `chown -R` needs the WORKDIRs and COPY destinations of its stage, and most stages have none: the
    // handlers just note the instructions, and their paths are worked out on the first `chown -R` (expanding
    // and cleaning every WORKDIR and COPY of every file was most of this rule's time).
    /** The stage's WORKDIRs so far, and the directory after each of those worked out yet. */
    let workdirs: Instruction[] = [];
    let dirs: string[] = [];
    /** The stage's COPYs not yet placed in `copies`, and how many WORKDIRs came before each. */
    let pending: Instruction[] = [];
    let pendingWorkdirs: number[] = [];
    let copies: Map<string, Instruction> | undefined;
    /** Without a `$` a word expands to itself: no Expansion object for each of them. */
    const expanded = (value: string, i: Instruction) => (value.includes('$') ? ctx.analysis.expand(value, i).value : value);
    /** The working directory after the first `n` WORKDIRs of the stage. */
    const workdirAfter = (n: number) => {
      for (let k = dirs.length; k < n; k++) {
        const i = workdirs[k];
        const v = i.words[0] ? expanded(i.words[0].value, i) : '';
        dirs.push(isAbs(v) ? norm(v) : under(k ? dirs[k - 1] : '/', v));
      }
      return n ? dirs[n - 1] : '/';
    };
    const destinations = () => {
      copies ??= new Map();
      for (let k = 0; k < pending.length; k++) {
        const i = pending[k];
        const words = i.exec ? i.exec.values : i.words;
        if (words.length < 2) continue;
        const d = expanded(words[words.length - 1].value, i);
        copies.set(isAbs(d) ? norm(d) : under(workdirAfter(pendingWorkdirs[k]), d), i);
      }
      pending = [];
      pendingWorkdirs = [];
      return copies;
    };
    return {
      stage() {
        // New lists only where there was something (emptying one by its length is a runtime call, slower still).
        if (workdirs.length) { workdirs = []; dirs = []; }
        if (pending.length) { pending = []; pendingWorkdirs = []; }
        copies = undefined;
      },
      WORKDIR(i) { workdirs.push(i); },
      COPY(i) {
        if (i.parent) return;
        pending.push(i);
        pendingWorkdirs.push(workdirs.length);
      },
      RUN(i) {
        if (i.parent) return;
        const commands = ctx.analysis.shell(i).commands;
        for (const cmd of commands) {
          // The program name first: reading every command of every RUN through its wrappers (effectiveCommand) was 1 % of a lint.
          if (effectiveName(cmd) !== 'chown') continue;
          const e = effectiveCommand(cmd)!;
          const c = withArgs(e);
          if (!hasFlag(c, 'R', 'recursive')) continue;
          const pos = positionalArgs(c, { longWithValue: ['from', 'reference'] });
          if (pos.length < 2 || pos.some((w) => w.dynamic && w.value.includes('*'))) continue;
          const owner = pos[0].value;
          const workdir = workdirAfter(workdirs.length);
          const targets = pos.slice(1).map((w) => { const v = expanded(w.value, i); return isAbs(v) ? norm(v) : under(workdir, v); });
          const copies = destinations();
          const copy = copies.get(targets[0]);
          if (!copy || targets.some((t) => copies.get(t) !== copy) || copy.flags.some((f) => f.name === 'chown')) continue;
          let fix;
          const remove = commands.length === 1 && cmd.redirects.length === 0 ? deleteInstructionEdit(ctx, i) : undefined;
          if (remove) {
            const at = copy.keywordSpan.end;
            const edits: OffsetEdit[] = [{ start: at, end: at, newText: ` --chown=${owner}` }, remove];
            fix = { title: `Use COPY --chown=${owner} instead of RUN chown -R`, safe: false, edits };
          }
          ctx.report({
            span: e.nameWord,
            message: `chown -R rewrites the files COPY added on line ${copy.startLine + 1} into a new layer, doubling their size: use COPY --chown=${owner} instead.`,
            fix,
          });
        }
      },
    };
  },
});
