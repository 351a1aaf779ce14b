import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { OffsetEdit } from '../../types';
import { hasFlag, positionalArgs } from '../../shell/commands';
import { cleanPath } from '../../dockerfile/dockerignore';
import { deleteInstructionEdit, effectiveCommand, withArgs } from './util';

const isAbs = (p: string) => p.startsWith('/');
const norm = (p: string) => cleanPath(p);

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
    let workdir = '/';
    // COPYs of the stage with the WORKDIR they ran in; their destinations are worked out only when a
    // `chown -R` appears (most stages have none).
    let pending: { i: Instruction; workdir: string }[] = [];
    let copies = new Map<string, Instruction>();
    const destinations = () => {
      for (const { i, workdir: wd } of pending) {
        const words = i.exec ? i.exec.values : i.words;
        const d = ctx.analysis.expand(words[words.length - 1].value, i).value;
        copies.set(isAbs(d) ? norm(d) : norm(wd + '/' + d), i);
      }
      pending = [];
      return copies;
    };
    return {
      stage() { workdir = '/'; pending = []; copies = new Map(); },
      WORKDIR(i) {
        const v = i.words[0] ? ctx.analysis.expand(i.words[0].value, i).value : '';
        workdir = isAbs(v) ? norm(v) : norm(workdir + '/' + v);
      },
      COPY(i) {
        if (i.parent) return;
        const words = i.exec ? i.exec.values : i.words;
        const dest = words[words.length - 1];
        if (!dest || words.length < 2) return;
        pending.push({ i, workdir });
      },
      RUN(i) {
        if (i.parent) return;
        const commands = ctx.analysis.shell(i).commands;
        for (const cmd of commands) {
          const e = effectiveCommand(cmd);
          if (!e || e.name !== 'chown') continue;
          const c = withArgs(e);
          if (!hasFlag(c, 'R', 'recursive')) continue;
          const pos = positionalArgs(c, { longWithValue: ['from', 'reference'] });
          if (pos.length < 2 || pos.some((w) => w.dynamic && w.value.includes('*'))) continue;
          const owner = pos[0].value;
          const targets = pos.slice(1).map((w) => { const v = ctx.analysis.expand(w.value, i).value; return isAbs(v) ? norm(v) : norm(workdir + '/' + v); });
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
