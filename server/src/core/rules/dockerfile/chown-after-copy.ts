import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { OffsetEdit } from '../../types';
import type { ShCommand } from '../../shell/model';
import { hasFlag, positionalArgs } from '../../shell/commands';
import { cleanPath } from '../../dockerfile/dockerignore';
import { deleteInstructionEdit, effectiveName, effectiveShCommand, lintState } from './util';

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

/**
 * The WORKDIRs and COPY destinations of the stage being read. Only a `chown -R` needs them, and most stages have
 * none: nothing is noted per instruction (handlers for every FROM, WORKDIR and COPY, and the lists they filled,
 * were three quarters of what this rule allocated on the 5,000-line file). On a `chown -R` the stage's instructions
 * are read up to the RUN, continuing from where the last `chown -R` of the stage stopped, and their paths are
 * worked out then.
 */
class StageReader {
  /** The instructions being read (a stage's list, or the document's before the first FROM), and how many were. */
  private segment: readonly Instruction[] | undefined = undefined;
  private read = 0;
  /** The stage's WORKDIRs so far, and the directory after each of those worked out yet. */
  workdirs: Instruction[] = [];
  private dirs: string[] = [];
  /** The stage's COPYs not yet placed in `copies`, and how many WORKDIRs came before each. */
  private pending: Instruction[] = [];
  private pendingWorkdirs: number[] = [];
  private copies: Map<string, Instruction> | undefined = undefined;

  constructor(private readonly ctx: DockerfileContext) {}

  /** Reads the instructions of `i`'s stage that come before `i` and were not read yet. */
  readUpTo(i: Instruction): void {
    const list = i.stage >= 0 ? this.ctx.doc.stages[i.stage].instructions : this.ctx.doc.instructions;
    if (list !== this.segment) { this.segment = list; this.read = 0; this.startStage(); }
    while (this.read < list.length && list[this.read] !== i) this.note(list[this.read++]);
  }

  private startStage(): void {
    this.workdirs = [];
    this.dirs = [];
    this.pending = [];
    this.pendingWorkdirs = [];
    this.copies = undefined;
  }

  /**
   * What the walk shows this rule of an instruction and its ONBUILD triggers, in walk order: a FROM that names a
   * stage starts it again (an `ONBUILD FROM` trigger too, as the walk calls `stage` for it), every WORKDIR (triggers
   * included) moves the directory, a COPY that is not a trigger adds files.
   */
  private note(x: Instruction): void {
    for (let t: Instruction | undefined = x; t; t = t.trigger) {
      if (t.keyword === 'FROM') {
        if (this.ctx.doc.stages[t.stage]) this.startStage();
      } else if (t.keyword === 'WORKDIR') {
        this.workdirs.push(t);
      } else if (t.keyword === 'COPY' && !t.parent) {
        this.pending.push(t);
        this.pendingWorkdirs.push(this.workdirs.length);
      }
    }
  }

  /** Without a `$` a word expands to itself: no Expansion object for each of them. */
  expanded(value: string, i: Instruction): string {
    return value.includes('$') ? this.ctx.analysis.expand(value, i).value : value;
  }

  /** The working directory after the first `n` WORKDIRs of the stage. */
  workdirAfter(n: number): string {
    const dirs = this.dirs;
    for (let k = dirs.length; k < n; k++) {
      const i = this.workdirs[k];
      const v = i.words[0] ? this.expanded(i.words[0].value, i) : '';
      dirs.push(isAbs(v) ? norm(v) : under(k ? dirs[k - 1] : '/', v));
    }
    return n ? dirs[n - 1] : '/';
  }

  /** The COPYs read so far by the directory each copies to (a later COPY to the same directory wins). */
  destinations(): Map<string, Instruction> {
    const copies = (this.copies ??= new Map());
    for (let k = 0; k < this.pending.length; k++) {
      const i = this.pending[k];
      const words = i.exec ? i.exec.values : i.words;
      if (words.length < 2) continue;
      const d = this.expanded(words[words.length - 1].value, i);
      copies.set(isAbs(d) ? norm(d) : under(this.workdirAfter(this.pendingWorkdirs[k]), d), i);
    }
    this.pending = [];
    this.pendingWorkdirs = [];
    return copies;
  }
}

/** The lint's reader (also its key in the lint's memo): a reader of closures and lists per file was most of what this rule allocated over the bench corpus. */
const newStageReader = (ctx: DockerfileContext) => new StageReader(ctx);

/** chown's options that take a value (one object for every call). */
const CHOWN_SPEC = { longWithValue: ['from', 'reference'] };

/** Reports a `chown -R` (read through its wrappers) of files a COPY of the stage added. */
function check(ctx: DockerfileContext, reader: StageReader, i: Instruction, commands: readonly ShCommand[], cmd: ShCommand): void {
  const c = effectiveShCommand(cmd)!;
  if (!hasFlag(c, 'R', 'recursive')) return;
  const pos = positionalArgs(c, CHOWN_SPEC);
  if (pos.length < 2 || pos.some((w) => w.dynamic && w.value.includes('*'))) return;
  const owner = pos[0].value;
  reader.readUpTo(i);
  const workdir = reader.workdirAfter(reader.workdirs.length);
  const targets = pos.slice(1).map((w) => { const v = reader.expanded(w.value, i); return isAbs(v) ? norm(v) : under(workdir, v); });
  const copies = reader.destinations();
  const copy = copies.get(targets[0]);
  if (!copy || targets.some((t) => copies.get(t) !== copy) || copy.flags.some((f) => f.name === 'chown')) return;
  let fix;
  const remove = commands.length === 1 && cmd.redirects.length === 0 ? deleteInstructionEdit(ctx, i) : undefined;
  if (remove) {
    const at = copy.keywordSpan.end;
    const edits: OffsetEdit[] = [{ start: at, end: at, newText: ` --chown=${owner}` }, remove];
    fix = { title: `Use COPY --chown=${owner} instead of RUN chown -R`, safe: false, edits };
  }
  ctx.report({
    span: c.name!,
    message: `chown -R rewrites the files COPY added on line ${copy.startLine + 1} into a new layer, doubling their size: use COPY --chown=${owner} instead.`,
    fix,
  });
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
  handlers: {
    RUN(i, ctx) {
      if (i.parent) return;
      const commands = ctx.analysis.shell(i).commands;
      // The program name first: reading every command of every RUN through its wrappers (effectiveCommand) was 1 %
      // of a lint. The rest is a function of its own: variables its closures capture made this handler allocate
      // a context on every call. The lint's reader is made on its first `chown -R`: most files have none.
      for (let k = 0; k < commands.length; k++) if (effectiveName(commands[k]) === 'chown') check(ctx, lintState(ctx, newStageReader), i, commands, commands[k]);
    },
  },
});
