import { defineDockerfileRule } from '../../rule';
import type { Flag } from '../../dockerfile/model';
import { trimTrailing } from '../../text';

/** `/`, `//`…, `/.` (or an empty word): the root of the filesystem. */
const root = (s: string) => trimTrailing(s, '/') === '' || s === '/.';

// A predicate made once: an arrow written in the handler is a closure made on every call (it showed in the
// allocation profile of the 5,000-line file).
const isFromFlag = (f: Flag) => f.name === 'from';

export default defineDockerfileRule({
  id: 'copy-whole-filesystem',
  aliases: ['DL3067'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'COPY --from copies the whole filesystem of another stage (`/` to `/`).',
    why: 'Copying `/` brings the other stage\'s compilers, package caches, shells and `/etc` into the final image, undoing the point of a multi-stage build and overwriting the base image\'s own files.',
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build / /\n',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n',
    fix: 'Copy only the build output (the binary, the `dist` folder) from the other stage.',
  },
  handlers: {
    COPY(i, ctx) {
      if (!i.flags.some(isFromFlag)) return;
      const words = i.exec ? i.exec.values : i.words;
      if (words.length !== 2) return;
      if (root(words[0].value) && root(words[1].value)) {
        ctx.report({ span: { start: words[0].start, end: words[1].end }, message: 'This copies the whole filesystem of the other stage: copy only the build output.' });
      }
    },
  },
});
