import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';

/** A module function, not a closure made in create() for every file. */
function check(i: Instruction, ctx: DockerfileContext): void {
  const words = i.exec ? i.exec.values : i.words;
  if (words.length < 3) return;
  const dest = words[words.length - 1];
  // Without a `$` the destination is as written, with nothing unresolved: no expansion object for it.
  const e = dest.value.includes('$') ? ctx.analysis.expand(dest.value, i) : undefined;
  const value = e ? e.value : dest.value;
  if (value.endsWith('/') || value.endsWith('\\') || e?.unresolved.length) return;
  const closing = /^(["']).*\1$/s.test(dest.raw) && dest.raw.length > 1 ? 1 : 0;
  const at = dest.end - closing;
  // A half-typed quote: where the `/` belongs is not knowable.
  const balanced = closing === 1 || !/["']/.test(dest.raw);
  ctx.report({
    span: dest,
    message: `${i.keyword} with ${words.length - 1} sources needs a directory as destination: write "${dest.value}/".`,
    aliases: i.keyword === 'COPY' ? ['DL3021'] : [],
    fix: balanced ? { title: 'Add a trailing "/" to the destination', safe: true, edits: [{ start: at, end: at, newText: '/' }] } : undefined,
  });
}

export default defineDockerfileRule({
  id: 'copy-dest-not-directory',
  aliases: ['DL3021'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'COPY or ADD with several sources has a destination that does not end with `/`.',
    why: 'With more than one source the destination can only be a directory. The classic Docker builder (and builders that follow it) fails the build unless the destination ends with `/`; BuildKit guesses a directory. Writing the `/` makes the Dockerfile build everywhere and says what happens.',
    bad: 'FROM node:22-slim\nCOPY package.json package-lock.json /app\n',
    good: 'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
    fix: 'The safe fix adds the trailing `/` (inside the quotes when the destination is quoted).',
    notes: 'hadolint checks COPY only; Seaworthy also checks ADD, which fails the same way (the DL3021 id is attached to COPY findings only). A single source with a wildcard is not reported: whether it matches several files is only known at build time.',
  },
  handlers: { COPY: check, ADD: check },
});
