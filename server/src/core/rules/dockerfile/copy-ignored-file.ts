import { defineDockerfileRule } from '../../rule';
import type { Flag, Instruction } from '../../dockerfile/model';
import { cleanPath, ignoredBy, ignoresWholeContext, loadDockerignore, type LoadedIgnore } from '../../dockerfile/dockerignore';

// A predicate made once: an arrow written in the handler is a closure made on every call (it showed in the
// allocation profile of the 5,000-line file).
const isFromFlag = (f: Flag) => f.name === 'from';

const REMOTE = /^(https?|ftp|git):\/\/|^git@|^[\w.-]+@[\w.-]+:/i;

export default defineDockerfileRule({
  id: 'copy-ignored-file',
  aliases: ['CopyIgnoredFile'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'COPY or ADD names a file that `.dockerignore` leaves out of the build context.',
    why: 'Files excluded by `.dockerignore` are never sent to the builder, so the instruction fails with "not found" (or a wildcard silently copies nothing).',
    bad: 'FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n',
    good: 'FROM alpine:3.20\nCOPY config/defaults.yaml /etc/app/\n',
    fix: 'Copy a file that is part of the context, or re-include it in `.dockerignore` with a `!path` line.',
    notes: 'Matching follows Docker\'s `.dockerignore` rules (Go filepath.Match per segment, `**` across segments, last match wins, parent directories count). Like BuildKit, the check stays quiet when the ignore file has `!` exceptions, since a directory may be excluded while files in it are re-included. `COPY .` is reported only when the ignore file leaves out everything (`*`, `**`), not when it drops some entries (`.*`). BuildKit\'s rule documentation shows `*/tmp/*` excluding `./tmp/helloworld.txt`; by Docker\'s matching rules `*/tmp/*` only matches one level down (`x/tmp/y`), so Seaworthy does not report that example.',
    files: { '.dockerignore': 'config/app.yaml\n' },
  },
  create(ctx) {
    let loaded: LoadedIgnore | undefined | null = null;
    const check = (i: Instruction) => {
      if (i.flags.some(isFromFlag)) return;
      if (loaded === null) loaded = loadDockerignore(ctx.workspace, ctx.path);
      const di = loaded?.ignore;
      if (!di || di.hasExclusions || di.errors.length || !di.patterns.length) return;
      const words = i.exec ? i.exec.values : i.words;
      for (const w of words.slice(0, -1)) {
        if (w.value.startsWith('<<') || REMOTE.test(w.value)) continue;
        const e = ctx.analysis.expand(w.value, i);
        if (e.unresolved.length) continue;
        const src = cleanPath(e.value).replace(/^\/+/, '') || '.';
        const by = src === '.' ? (ignoresWholeContext(di) ? di.patterns.find((p) => !p.exclusion) : undefined) : ignoredBy(di, src);
        if (!by) continue;
        ctx.report({
          span: { start: w.start, end: w.end },
          message: src === '.'
            ? `${loaded!.path} leaves out the whole build context (pattern "${by.pattern}" on line ${by.line + 1}), so ${i.keyword} ${w.value} copies nothing.`
            : `"${src}" is excluded by ${loaded!.path} (pattern "${by.pattern}" on line ${by.line + 1}), so ${i.keyword} cannot find it: copy another file or re-include it with "!${src}".`,
        });
      }
    };
    return { COPY: check, ADD: check };
  },
});
