import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { FixSpec } from '../../types';
import type { DockerfileContext } from '../../rule';
import type { ShCommand } from '../../shell/model';
import { commandName } from '../../shell/commands';
import { insertLineBefore } from './util';

const PLAIN_ABSOLUTE = /^\/[\w.@%+=:,/-]*$/;

/** `RUN cd /abs && rest…` → `WORKDIR /abs` + `RUN rest…`, when the cd leads a top-level `&&` list. */
function workdirFix(ctx: DockerfileContext, i: Instruction, cmds: ShCommand[], cd: ShCommand): FixSpec | undefined {
  if (i.parent || cmds[0] !== cd || cd.context.length || cmds.length < 2) return undefined;
  const next = cmds[1];
  if (next.joinedBy !== '&&' || next.context.length || cd.pipelineLength !== 1 || cd.redirects.length || cd.assignments.length) return undefined;
  if (cd.args.length !== 1 || cd.args[0].dynamic || !PLAIN_ABSOLUTE.test(cd.args[0].value)) return undefined;
  // A comment is a line of its own: none can start between two commands on one line, the usual case, which needs no
  // look through every comment of the file (0.4 % of a lint of the 5,000-line file).
  if (ctx.lines.lineOf(cd.start) !== ctx.lines.lineOf(next.start) && ctx.doc.comments.some((c) => c.start >= cd.start && c.start < next.start)) return undefined;
  const dir = cd.args[0].value;
  return {
    title: `Replace \`cd ${dir}\` with WORKDIR ${dir}`,
    // WORKDIR outlives this RUN: every later instruction in the stage now starts in that directory.
    safe: false,
    edits: [insertLineBefore(ctx, i.start, `${i.keywordRaw === 'run' ? 'workdir' : 'WORKDIR'} ${dir}`), { start: cd.start, end: next.start, newText: '' }],
  };
}

/** The first `cd` whose directory change outlives its command (not in a subshell or substitution). */
function firstCd(cmds: readonly ShCommand[]): ShCommand | undefined {
  for (const c of cmds) if (commandName(c) === 'cd' && !c.context.some((k) => k === 'subshell' || k === 'substitution')) return c;
  return undefined;
}

export default defineDockerfileRule({
  id: 'run-cd',
  aliases: ['DL3003'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'RUN changes directory with `cd` instead of using WORKDIR.',
    why: 'A `cd` lasts only until the end of its RUN, so the next instruction silently starts in the old directory again; `RUN cd /app` on its own line does nothing at all. WORKDIR states the directory once, for every following instruction, and creates it when missing.',
    bad: 'FROM debian:12-slim\nRUN cd /usr/src/app && make\n',
    good: 'FROM debian:12-slim\nWORKDIR /usr/src/app\nRUN make\n',
    fix: 'When the RUN starts with `cd /absolute/dir &&`, the unsafe fix inserts `WORKDIR /absolute/dir` before it and drops the `cd`. It is unsafe because WORKDIR, unlike `cd`, stays in effect for every later instruction of the stage (relative paths in later RUN, COPY and CMD now resolve there) and creates the directory instead of failing when it is missing.',
    notes: 'Reported once per RUN, at its first `cd`. A `cd` inside a subshell, `( cd dir && make )`, is deliberately scoped and not reported; hadolint reports it.',
  },
  handlers: {
    RUN(i, ctx) {
      const cmds = ctx.analysis.shell(i).commands;
      const cd = firstCd(cmds);
      if (!cd?.name) return;
      ctx.report({
        span: cd.name,
        message: '`cd` lasts only until the end of this RUN: use WORKDIR to set the directory for the following instructions.',
        fix: workdirFix(ctx, i, cmds, cd),
      });
    },
  },
});
