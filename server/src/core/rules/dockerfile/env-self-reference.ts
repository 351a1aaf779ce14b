import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import type { FixSpec } from '../../types';
import { indentAt } from './util';

interface Ref { name: string; start: number; end: number }

/** `$NAME` and `${NAME…}` references in a value as written (document offsets), outside single quotes. */
function references(text: string, offset: number, escape: string): Ref[] {
  const out: Ref[] = [];
  let single = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (single) { if (c === "'") single = false; continue; }
    if (c === "'") { single = true; continue; }
    if (c === escape) { k++; continue; }
    if (c !== '$') continue;
    const m = /^\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|^([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(k + 1));
    if (!m) continue;
    out.push({ name: m[1] ?? m[2], start: offset + k, end: offset + k + 1 + m[0].length });
    k += m[0].length;
  }
  return out;
}

function hasDollar(text: string, start: number, end: number): boolean {
  const k = text.indexOf('$', start);
  return k >= 0 && k < end;
}

/** Splits the ENV before pair `j` so that pair sees the values set before it. */
function splitFix(ctx: DockerfileContext, i: Instruction, j: number): FixSpec | undefined {
  const prev = i.pairs[j - 1];
  const cur = i.pairs[j];
  if (i.parent || cur.legacy || ctx.doc.comments.some((c) => c.start >= prev.end && c.start < cur.start)) return undefined;
  return {
    title: `Split the ENV before ${cur.key} so it sees the new value`,
    // The value changes: it now uses the value set in this ENV, which is what was almost certainly meant.
    safe: false,
    edits: [{ start: prev.end, end: cur.start, newText: ctx.lines.eol() + indentAt(ctx, i.start) + i.keywordRaw + ' ' }],
  };
}

export default defineDockerfileRule({
  id: 'env-self-reference',
  aliases: ['DL3044'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'An ENV value uses a variable that the same ENV instruction sets.',
    why: 'Docker expands every value of an ENV with the variables as they were *before* the instruction, so `ENV DIR=/opt BIN=$DIR/bin` sets BIN to `/bin` (or to an older DIR), not `/opt/bin`.',
    bad: 'FROM debian:12-slim\nENV APP_HOME=/opt/app APP_BIN=${APP_HOME}/bin\n',
    good: 'FROM debian:12-slim\nENV APP_HOME=/opt/app\nENV APP_BIN=${APP_HOME}/bin\n',
    fix: 'The unsafe fix splits the ENV in two before the value that uses the variable, so it sees the new value. It is unsafe because that value changes — to what was almost certainly meant.',
    notes: 'A variable referenced on its own right-hand side (`ENV PATH=/x:$PATH`) is fine. Like hadolint, a variable already set by an earlier ARG or ENV is not reported (`ARG V` then `ENV V=$V LABEL_V=$V` gives the same value either way) — unless its earlier value is known and differs from the new one, which hadolint misses.',
  },
  handlers: {
    ENV(i, ctx) {
      const pairs = i.pairs;
      if (pairs.length < 2) return;
      for (let j = 0; j < pairs.length; j++) {
        const p = pairs[j];
        // A value without `$` references nothing: no copy of it to scan (most ENV values).
        if (!p.valueSpan || p.value === undefined || !hasDollar(ctx.text, p.valueSpan.start, p.valueSpan.end)) continue;
        const text = ctx.text.slice(p.valueSpan.start, p.valueSpan.end);
        for (const ref of references(text, p.valueSpan.start, ctx.doc.escape)) {
          // Own right-hand side (`PATH=/x:$PATH`) is fine unless an earlier pair of this ENV set it already.
          const k = pairs.findIndex((q, n) => n !== j && q.key === ref.name && (ref.name !== p.key || n < j));
          if (k < 0) continue;
          const before = ctx.analysis.resolve(ref.name, i);
          const newValue = pairs[k].value === undefined ? undefined : ctx.analysis.expand(pairs[k].value!, i);
          if (before.declared && (before.value === undefined || !newValue || newValue.unresolved.length || newValue.value === before.value)) continue;
          const earlier = k < j;
          ctx.report({
            span: ref,
            message: `${ref.name} is set in this same ENV, but ${p.key} gets its value from before this instruction${before.value !== undefined ? ` ("${before.value}")` : ''}: set ${ref.name} in an earlier ENV.`,
            fix: earlier ? splitFix(ctx, i, j) : undefined,
          });
          break;
        }
      }
    },
  },
});
