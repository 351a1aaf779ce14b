import { defineComposeRule } from '../../rule';
import type { YNode, YScalar } from '../../compose/model';
import { subSpan } from '../../compose/facts';
import { insertInScalarEdit } from '../../compose/edit';
import type { Span } from '../../types';

export interface InterpolationProblem { index: number; length: number; message: string; lone?: boolean }

/** Index of the `}` that closes the `${` at `start`, counting nested `${…}`; -1 when unclosed. */
function closingBrace(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') { depth++; i++; continue; }
    if (s[i] === '}') { depth--; if (depth === 0) return i; }
  }
  return -1;
}

/** Problems in Compose interpolation syntax: `$$` is a literal `$`; `$NAME`, `${NAME}`, `${NAME:-default}`, `-`, `:?`, `?`, `:+`, `+`. */
export function interpolationProblems(value: string, offset = 0, depth = 0): InterpolationProblem[] {
  const out: InterpolationProblem[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] !== '$') { i++; continue; }
    const next = value[i + 1];
    if (next === '$') { i += 2; continue; }
    if (next !== undefined && /[_a-zA-Z]/.test(next)) { i += 2; while (i < value.length && /[_a-zA-Z0-9]/.test(value[i])) i++; continue; }
    if (next === '{') {
      const close = closingBrace(value, i);
      if (close < 0) {
        const rest = value.slice(i).trimEnd(); // not /\s+$/: quadratic on a long run of blanks inside the value
        out.push({ index: offset + i, length: rest.length, message: `"${rest}" is never closed: add "}" (or write "$$" for a literal "$").` });
        break;
      }
      const inner = value.slice(i + 2, close);
      const name = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(inner)?.[0];
      const text = value.slice(i, close + 1);
      if (!name) out.push({ index: offset + i, length: close + 1 - i, message: `"${text}" has no valid variable name (letters, digits and "_", not starting with a digit).` });
      else {
        const rest = inner.slice(name.length);
        const op = /^:?[-?+]/.exec(rest)?.[0];
        if (rest && !op) out.push({ index: offset + i, length: close + 1 - i, message: `"${text}" is not valid interpolation: after the name only "}", ":-", "-", ":?", "?", ":+" or "+" may follow.` });
        else if (op && depth < 10) out.push(...interpolationProblems(rest.slice(op.length), offset + i + 2 + name.length + op.length, depth + 1));
      }
      i = close + 1;
      continue;
    }
    out.push({ index: offset + i, length: 1, lone: true, message: 'A "$" that does not start a variable makes Compose fail ("invalid interpolation format"); write "$$" for a literal "$".' });
    i++;
  }
  return out;
}

/** Where a value index is in the source: exact when the scalar maps 1:1, else the only occurrence of the text, else the whole scalar. */
function locate(scalar: YScalar, value: string, index: number, length: number, source: string): Span {
  const exact = subSpan(scalar, index, length);
  if (exact.end - exact.start === length) return exact;
  const snippet = value.slice(index, index + length);
  const at = source.indexOf(snippet);
  if (at >= 0 && source.indexOf(snippet, at + 1) < 0) return { start: scalar.start + at, end: scalar.start + at + length };
  return { start: scalar.start, end: scalar.end };
}

export default defineComposeRule({
  id: 'interpolation-invalid',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A value has broken `${VAR}` interpolation syntax, or a lone `$` that should be `$$`.',
    why: 'Compose substitutes variables in every value before anything else, and stops with "invalid interpolation format" at an unclosed `${`, an empty or invalid name, or a `$` that starts no variable (common in passwords and shell commands: `$1`, `$(…)`).',
    bad: 'services:\n  web:\n    image: "example/web:${TAG:-1.0"\n    command: sh -c \'echo $(date)\'\n',
    good: 'services:\n  web:\n    image: "example/web:${TAG:-1.0}"\n    command: sh -c \'echo $$(date)\'\n',
    fix: 'Close the `${…}`, use a valid name, or double the `$` for a literal dollar sign (the quick fix does that for a lone `$`; it is not applied automatically, since a variable may have been meant).',
  },
  check(ctx) {
    const seen = new Set<YNode>();
    const visit = (n: YNode | null | undefined) => {
      if (!n || seen.has(n)) return;
      seen.add(n);
      if (n.type === 'map') { for (const p of n.pairs) if (!p.merged) visit(p.value); return; }
      if (n.type === 'seq') { for (const item of n.items) visit(item); return; }
      if (typeof n.value !== 'string' || !n.value.includes('$')) return;
      for (const p of interpolationProblems(n.value)) {
        const span = locate(n, n.value, p.index, p.length, n.source);
        const edit = p.lone ? insertInScalarEdit(n, p.index, '$') : undefined;
        ctx.report({ span, message: p.message, fix: edit ? { title: 'Write "$$" (a literal dollar sign)', safe: false, edits: [edit] } : undefined });
      }
    };
    for (const d of ctx.doc.documents) visit(d.root);
  },
});
