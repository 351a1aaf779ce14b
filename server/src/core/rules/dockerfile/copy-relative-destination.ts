import { defineDockerfileRule } from '../../rule';
import type { Stage } from '../../dockerfile/model';
import { ancestorHas, isAbsolutePath, stripQuotes } from './util';

export default defineDockerfileRule({
  id: 'copy-relative-destination',
  aliases: ['DL3045'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'COPY uses a relative destination in a stage that never sets WORKDIR.',
    why: 'A relative destination is resolved against the working directory the base image happens to leave behind — often `/` — so the files land somewhere else when the base image changes, and `COPY . .` can scatter the build context over the root filesystem.',
    bad: 'FROM node:22-slim\nCOPY package.json .\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n',
    fix: 'Set `WORKDIR /some/dir` before the COPY (it also applies to the RUN and CMD that follow), or write an absolute destination.',
    notes: 'A WORKDIR in a stage this one builds on (`FROM base`) counts, like in hadolint. Destinations starting with a variable are not checked. ONBUILD COPY is resolved in the child image and not checked.',
  },
  create(ctx) {
    let current: Stage | undefined;
    /** A WORKDIR in the current stage so far. */
    let workdirSet = false;
    /** Whether a stage the current one builds on sets a WORKDIR: asked only for a COPY that may be reported. */
    let inherited: boolean | undefined;
    return {
      stage(s) {
        // An `ONBUILD FROM` trigger visits its own stage again: that is no new stage.
        if (s === current) return;
        current = s;
        workdirSet = false;
        inherited = undefined;
      },
      WORKDIR(i) {
        if (!i.parent && current && i.stage === current.index) workdirSet = true;
      },
      COPY(i) {
        if (i.parent || (current && (workdirSet || (inherited ??= ancestorHas(ctx, current, 'WORKDIR'))))) return;
        const words = i.exec ? i.exec.values : i.words;
        if (words.length < 2) return;
        const dest = words[words.length - 1];
        const raw = stripQuotes(dest.raw);
        if (isAbsolutePath(dest.value) || isAbsolutePath(raw) || raw.startsWith('$')) return;
        ctx.report({ span: dest, message: `"${dest.value}" is relative and this stage sets no WORKDIR: set WORKDIR first, or use an absolute path.` });
      },
    };
  },
});
