import { defineDockerfileRule } from '../../rule';
import { canAppendLines, lastUser } from './util';
import { baseImageFacts, nonRootUserLines } from '../../dockerfile/base-image';
import type { Instruction, Stage } from '../../dockerfile/model';

/** Root of the stage chain: the external image a stage ultimately builds on. */
function rootImage(ctx: Parameters<typeof lastUser>[0], stage: Stage): { stage: Stage; image: string } {
  let s = stage;
  for (let p = ctx.analysis.parentStage(s); p; p = ctx.analysis.parentStage(s)) s = p;
  return { stage: s, image: ctx.analysis.resolvedImage(s).image };
}

export default defineDockerfileRule({
  id: 'missing-user',
  aliases: ['DS002', 'CKV_DOCKER_3'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'The final stage never sets a USER, so the container runs as root.',
    why: 'Most base images default to root. A compromised process then owns the whole container filesystem and is one kernel bug away from the host. Running as an unprivileged user is the cheapest defence there is.',
    bad: 'FROM debian:12-slim\nCOPY app /usr/local/bin/app\nCMD ["app"]\n',
    good: 'FROM debian:12-slim\nCOPY app /usr/local/bin/app\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app\nUSER app\nCMD ["app"]\n',
    fix: 'The fix (it changes behaviour, so Harden asks first) adds a user the way the base image expects: `USER node` on node images, `USER nonroot:nonroot` on distroless, `adduser -S` on Alpine, `useradd --system` on Debian, Ubuntu and RHEL families, a numeric UID on scratch. It goes before CMD/ENTRYPOINT so build steps still run as root.',
    notes: 'hadolint has no equivalent (its DL3002 only looks at an explicit `USER root`). Images whose reference already selects a non-root variant (distroless `:nonroot`) are not reported.',
  },
  handlers: {
    end(ctx) {
      const final = ctx.analysis.finalStage;
      if (!final || lastUser(ctx, final)) return;
      const root = rootImage(ctx, final);
      if (selectsNonRoot(root.image)) return;
      const facts = baseImageFacts(root.image);
      const anchor: Instruction | undefined = final.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT' || i.keyword === 'HEALTHCHECK');
      const at = anchor ? ctx.lines.lineStarts[anchor.startLine] : undefined;
      const eol = ctx.lines.eol();
      if (at === undefined && !canAppendLines(ctx)) {
        ctx.report({ span: final.from.keywordSpan, message: `The final stage runs as root: no USER is set${facts.shippedUser ? ` (the image ships the user "${facts.shippedUser}")` : ''}.` });
        return;
      }
      const lines = nonRootUserLines(facts);
      const edit = at !== undefined
        ? { start: at, end: at, newText: lines.join(eol) + eol }
        : { start: ctx.text.length, end: ctx.text.length, newText: (ctx.text.endsWith('\n') || !ctx.text ? '' : eol) + lines.join(eol) + eol };
      ctx.report({
        span: final.from.keywordSpan,
        message: `The final stage runs as root: no USER is set${facts.shippedUser ? ` (the image ships the user "${facts.shippedUser}")` : ''}.`,
        fix: { title: facts.shippedUser ? `Switch to the image's "${facts.shippedUser}" user` : 'Create an unprivileged user and switch to it', safe: false, edits: [edit] },
      });
    },
  },
});

/**
 * `/:nonroot|:.*-nonroot/` without its backtracking (quadratic on a long run of colons): a `:nonroot` tag, or a
 * `-nonroot` after a colon on the same line.
 */
function selectsNonRoot(image: string): boolean {
  if (image.includes(':nonroot')) return true;
  if (!image.includes('-nonroot')) return false; // no line to look at: most images (the split made a list per lint)
  for (const line of image.split(/[\n\r\u2028\u2029]/)) {
    const colon = line.indexOf(':');
    if (colon >= 0 && line.includes('-nonroot', colon + 1)) return true;
  }
  return false;
}
