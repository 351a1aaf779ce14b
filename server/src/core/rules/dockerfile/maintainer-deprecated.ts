import { defineDockerfileRule } from '../../rule';
import { hasEmbeddedComments } from './util';

export default defineDockerfileRule({
  id: 'maintainer-deprecated',
  aliases: ['DL4000', 'MaintainerDeprecated', 'DS022', 'CKV_DOCKER_6'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'The deprecated MAINTAINER instruction is used.',
    why: 'MAINTAINER is deprecated; the author belongs in the standard OCI label, where registries and tools look for it.',
    bad: 'MAINTAINER Jane Doe <jane@example.com>\n',
    good: 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    fix: 'The quick fix rewrites it as `LABEL org.opencontainers.image.authors="…"`, keeping the text.',
  },
  handlers: {
    MAINTAINER(i, ctx) {
      const value = i.argsText.trim();
      const label = `LABEL org.opencontainers.image.authors=${JSON.stringify(value)}`;
      ctx.report({
        span: i.keywordSpan,
        message: 'MAINTAINER is deprecated: use the label org.opencontainers.image.authors.',
        // A comment line inside the continuation would be lost by writing the label on one line.
        fix: hasEmbeddedComments(ctx, i) ? undefined : { title: 'Replace with LABEL org.opencontainers.image.authors', safe: true, edits: [{ start: i.start, end: i.argsSpan.end, newText: label }] },
      });
    },
  },
});
