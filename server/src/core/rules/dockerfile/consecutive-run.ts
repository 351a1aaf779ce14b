import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import type { FixSpec } from '../../types';
import type { ShCommand } from '../../shell/model';
import { commandName } from '../../shell/commands';
import { commentLinesBetween, indentAt } from './util';

// Builtins whose effect outlives the command in the same shell: merging would carry it into the next RUN.
const STATEFUL = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'source', '.', 'alias', 'unalias', 'umask', 'ulimit',
  'trap', 'exec', 'exit', 'return', 'eval', 'declare', 'typeset', 'local', 'readonly', 'hash', 'enable',
]);

const flagsKey = (i: Instruction) => i.flags.map((f) => `${f.name}=${f.value ?? ''}`).sort().join(' ');
/** Same flags in any order; most RUNs have none, which needs no key. */
const sameFlags = (a: Instruction, b: Instruction) => (!a.flags.length && !b.flags.length) || flagsKey(a) === flagsKey(b);

export default defineDockerfileRule({
  id: 'consecutive-run',
  aliases: ['DL3059'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'Two RUN instructions in a row each run a single command.',
    why: 'Every RUN adds a layer and a cache step. Runs of one-command RUNs make images larger (files deleted in a later RUN stay in the earlier layer) and builds slower; related steps belong in one RUN joined with `&&`.',
    bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
    fix: 'The safe fix joins the RUN to the one before it with ` && \\` on a continuation line, keeping comments in between. It is offered only for plain shell-form RUNs without flags or heredocs, under the default shell, when the first command does not change shell state (`cd`, `export`, `set`, `source`…) that would leak into the second.',
    notes: 'Like hadolint, RUNs with chained commands (`a && b`) are left alone — splitting them was probably deliberate — and RUNs with different `--mount` or other flags are not compared. Comments between the RUNs do not break the sequence.',
  },
  create(ctx) {
    let customShell = false;
    /** Position of the walk in the file's instructions: it visits them in order, so the cursor only moves forward. */
    let k = 0;
    /** The last RUN counted and its count: it is often the next RUN's `before`, which then is not counted again. */
    let counted: Instruction | undefined;
    let count = 0;
    return {
      // The instruction before a RUN is found in the file's list, not by a handler for every instruction.
      RUN(i) {
        if (i.parent) return;
        const all = ctx.doc.instructions;
        while (k < all.length && all[k] !== i) k++;
        const previous = k > 0 && k < all.length ? all[k - 1] : undefined;
        const before = previous?.keyword === 'RUN' ? previous : undefined;
        if (!before || !sameFlags(before, i) || (before === counted ? count : commandCount(ctx, before)) > 1) return;
        counted = i;
        count = commandCount(ctx, i);
        if (count > 1) return;
        ctx.report({
          span: i.keywordSpan,
          message: 'Consecutive RUN instructions: join them with `&&` into one RUN to save a layer.',
          fix: customShell ? undefined : mergeFix(ctx, before, i),
        });
      },
      SHELL(i) { if (!i.parent) customShell = true; },
      FROM(i) { if (!i.parent) customShell = false; },
    };
  },
});

// The helpers live outside create(): closures made for every file were a third of what the rule allocated over
// the bench corpus, most of whose files have no consecutive RUNs.

/** Joins `b` to the RUN `a` before it (under the default shell). */
function mergeFix(ctx: DockerfileContext, a: Instruction, b: Instruction): FixSpec | undefined {
  if (a.exec || b.exec || a.flags.length || b.flags.length || a.heredocs.length || b.heredocs.length) return undefined;
  const cmds = ctx.analysis.shell(a).commands;
  const name = cmds.length === 1 ? commandName(cmds[0]) : undefined;
  if (!name || STATEFUL.has(name) || cmds[0].negated) return undefined;
  const rest = a.rest.trim();
  if (/[;&|\\`]$/.test(rest) || /(^|\s)#/.test(rest) || ctx.analysis.shell(a).errors.length) return undefined;
  // Adjacent lines have no comment between them (the look-up goes through every comment of the file).
  const comments = b.startLine > a.endLine + 1 ? commentLinesBetween(ctx, a.endLine, b.startLine) : [];
  const eol = ctx.lines.eol();
  const indent = a.endLine > a.startLine ? indentAt(ctx, a.end) || '    ' : '    ';
  return {
    title: 'Merge into the RUN above with &&',
    safe: true,
    edits: [{ start: a.end, end: b.restSpan.start, newText: ` && ${ctx.doc.escape}${eol}${comments.map((c) => c + eol).join('')}${indent}` }],
  };
}

/** How many commands a RUN runs at its top level, counted only up to 2. */
const commandCount = (ctx: DockerfileContext, i: Instruction) => i.exec ? 1 : topLevelCommands(ctx.analysis.shell(i).commands);

/** A context that puts a command inside another (a predicate made once, not a closure per command). */
const nested = (k: string) => k === 'substitution' || k === 'sh-c';

/** Commands that are not inside a `$(…)` or an `sh -c` script, counted only up to 2 (no list made of them). */
function topLevelCommands(commands: readonly ShCommand[]): number {
  let n = 0;
  for (const c of commands) if (!c.context.some(nested) && ++n > 1) break;
  return n;
}
