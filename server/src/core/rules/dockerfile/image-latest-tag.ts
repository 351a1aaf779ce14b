import { defineDockerfileRule } from '../../rule';
import { knownTagFor } from './util';

export default defineDockerfileRule({
  id: 'image-latest-tag',
  aliases: ['DL3007'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A base image is pinned to the `latest` tag.',
    why: '`latest` is a moving target: rebuilding the same Dockerfile can pull a new major version, so builds are neither reproducible nor reviewable.',
    bad: 'FROM python:latest\n',
    good: 'FROM python:3.12-slim-bookworm\n',
    fix: 'Replace `latest` with the version you tested. When the same image carries another tag elsewhere in the file, the quick fix offers it.',
  },
  handlers: {
    stage(stage, ctx) {
      // Without a `$` the image is as written: most are answered by their ending alone, before the stage's parent is
      // looked up; the resolved image (an object kept until the end of the lint) is made only where a variable needs
      // expanding.
      const raw = stage.image.raw;
      const variable = raw.includes('$');
      if (!variable && !raw.endsWith(':latest')) return;
      if (ctx.analysis.parentStage(stage) || stage.image.digest) return;
      const image = variable ? ctx.analysis.resolvedImage(stage).image : raw;
      if (!image.endsWith(':latest')) return; // the usual answer, without the regular expression
      const m = /^(.*?):([^/:@]+)$/.exec(image);
      if (!m || m[2] !== 'latest') return;
      const tagAt = raw.lastIndexOf(':latest');
      const span = tagAt >= 0 && !raw.includes('$')
        ? { start: stage.image.span.start + tagAt + 1, end: stage.image.span.start + tagAt + 7 }
        : stage.image.span;
      const tag = tagAt >= 0 && !raw.includes('$') ? knownTagFor(ctx, m[1]) : undefined;
      ctx.report({
        span,
        message: `"${m[1]}:latest" is a moving target: pin the version you tested.`,
        fix: tag ? { title: `Use tag "${tag}" (as elsewhere in this file)`, safe: false, edits: [{ start: span.start, end: span.end, newText: tag }] } : undefined,
      });
    },
  },
});
