import { defineDockerfileRule } from '../../rule';
import { knownTagFor } from './util';

export default defineDockerfileRule({
  id: 'image-untagged',
  aliases: ['DL3006', 'DS001', 'CKV_DOCKER_7'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A base image is used without a tag or digest.',
    why: 'Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds a different image next week, and a rebuild can break or silently change behaviour.',
    bad: 'FROM node\n',
    good: 'FROM node:22-bookworm-slim\n',
    fix: 'Add the version you tested with. When the same image carries a tag elsewhere in the file, the quick fix offers that tag; Seaworthy never invents a version.',
  },
  handlers: {
    stage(stage, ctx) {
      const img = stage.image;
      if (!img.raw || img.scratch || img.digest || ctx.analysis.parentStage(stage)) return;
      // Without a `$` the image is as written, with nothing unresolved: the stage's resolved image (an object kept
      // until the end of the lint, which no other rule needs for most stages) is made only where a variable is.
      const variable = img.raw.includes('$');
      let image = img.raw;
      if (variable) {
        const resolved = ctx.analysis.resolvedImage(stage);
        if (resolved.unresolved.length || !resolved.image) return;
        image = resolved.image;
      }
      if (image.includes('@')) return;
      if (image.lastIndexOf(':') > image.lastIndexOf('/')) return;
      if (image.length === 7 && image.toLowerCase() === 'scratch') return;
      const tag = variable ? undefined : knownTagFor(ctx, image);
      ctx.report({
        span: img.span,
        message: `Pin the base image "${image}" to a version tag: untagged means "latest", which changes under you.`,
        fix: tag ? { title: `Use tag "${tag}" (as elsewhere in this file)`, safe: false, edits: [{ start: img.span.end, end: img.span.end, newText: `:${tag}` }] } : undefined,
      });
    },
  },
});
