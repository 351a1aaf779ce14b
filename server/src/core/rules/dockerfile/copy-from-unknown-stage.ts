import { defineDockerfileRule } from '../../rule';
import type { Flag } from '../../dockerfile/model';

/** `--from` values that name an image rather than a stage: a registry, a tag or a digest. */
const IMAGE_LIKE = /[:/@.]/;

// A predicate made once: an arrow written in the handler is a closure made on every call.
const isFromFlag = (f: Flag) => f.name === 'from';

export default defineDockerfileRule({
  id: 'copy-from-unknown-stage',
  aliases: ['DL3022'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: '`COPY --from` names no earlier stage, so Docker pulls an image of that name instead.',
    why: 'When `--from=builder` matches no earlier `FROM … AS builder` (a typo, a renamed stage, or a stage defined further down), Docker treats it as an image name and pulls `docker.io/library/builder:latest` — at best the build fails, at worst it copies files from a stranger\'s image.',
    bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=biuld /app /app\n',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\n',
    fix: 'Name a stage defined above (or its index), or write the image with a tag (`--from=nginx:1.27`) when you really mean an image.',
    notes: 'Values that look like an image reference (with a registry, tag, digest or dot) are taken as images and not reported, like hadolint. Copying from the stage itself is `copy-from-own-stage`. ONBUILD triggers are resolved in the child image and not checked.',
  },
  handlers: {
    COPY(i, ctx) {
      const from = i.flags.find(isFromFlag);
      if (i.parent || !from?.value || !from.valueSpan || from.value.includes('$') || IMAGE_LIKE.test(from.value)) return;
      const ref = from.value;
      const current = i.stage;
      if (ctx.analysis.stageNamed(ref, Math.max(current, 0))) return;
      const own = current >= 0 ? ctx.doc.stages[current] : undefined;
      if (own && (own.name === ref.toLowerCase() || String(own.index) === ref)) return;
      const later = ctx.analysis.stageNamed(ref);
      ctx.report({
        span: from.valueSpan,
        message: later
          ? `Stage "${ref}" is defined later (line ${later.from.startLine + 1}): \`--from\` can only use earlier stages, so Docker looks for an image "${ref}" instead.`
          : /^\d+$/.test(ref)
            ? `There is no stage ${ref} before this one: stages are numbered from 0 in order.`
            : `No earlier stage is named "${ref}", so Docker pulls the image "${ref}:latest" instead: check the name, or give the image a tag.`,
      });
    },
  },
});
