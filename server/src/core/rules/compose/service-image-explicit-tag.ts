import { defineComposeRule } from '../../rule';
import { allServices, canonicalRepository, hasVariable, parseImageRef, subSpan } from '../../compose/facts';
import { isScalar, scalarString } from '../../compose/query';
import { insertInScalarEdit } from '../../compose/edit';
import type { OffsetEdit } from '../../types';

/** Tags that name a moving channel rather than a version. */
export const FLOATING_TAGS = ['latest', 'stable', 'edge', 'nightly', 'dev', 'test', 'beta', 'canary'];

export default defineComposeRule({
  id: 'service-image-explicit-tag',
  aliases: ['service-image-require-explicit-tag'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A service runs an image without a tag, or with a moving tag such as `latest`, `stable` or `nightly`.',
    why: 'An untagged image means `latest`, which changes under you: two hosts (or two `docker compose pull`s a week apart) run different software from the same file, and a rollback has nothing to roll back to.',
    bad: 'services:\n  cache:\n    image: redis\n  proxy:\n    image: nginx:latest\n',
    good: 'services:\n  cache:\n    image: redis:7.4-alpine\n  proxy:\n    image: nginx:1.27-alpine\n',
    fix: 'Pin the version you tested (or a digest). When the same image carries a version tag elsewhere in the file, the quick fix offers that tag; Seaworthy never invents a version.',
    notes: 'A service with `build:` is not reported: its `image:` names the image Compose builds. Images given by a variable (`${IMAGE}`) are not checked. The moving tags are dclint\'s list: latest, stable, edge, nightly, dev, test, beta, canary.',
  },
  check(ctx) {
    const services = allServices(ctx.doc);
    // version tags already used per repository, to reuse in fixes
    const known = new Map<string, string>();
    for (const s of services) {
      const v = scalarString(s.node?.get('image'));
      if (!v || hasVariable(v)) continue;
      const ref = parseImageRef(v);
      if (ref.tag && !FLOATING_TAGS.includes(ref.tag.toLowerCase()) && !hasVariable(ref.tag)) known.set(canonicalRepository(ref.repository), ref.tag);
    }
    for (const s of services) {
      if (!s.node || s.node.has('build')) continue;
      const node = s.node.get('image');
      const v = scalarString(node);
      if (!isScalar(node) || !v || hasVariable(v)) continue;
      const ref = parseImageRef(v);
      if (ref.digest) continue;
      const reuse = known.get(canonicalRepository(ref.repository));
      if (!ref.tag) {
        const edit = reuse ? insertInScalarEdit(node, v.length, `:${reuse}`) : undefined;
        ctx.report({
          span: node,
          message: `Image "${v}" of service "${s.name}" has no tag, so it means "latest" and changes under you; pin a version tag or digest.`,
          fix: edit ? { title: `Use tag "${reuse}" (as elsewhere in this file)`, safe: false, edits: [edit] } : undefined,
        });
        continue;
      }
      if (!FLOATING_TAGS.includes(ref.tag.toLowerCase())) continue;
      const tagIndex = v.length - (ref.tag.length);
      const span = subSpan(node, tagIndex, ref.tag.length);
      let edit: OffsetEdit | undefined;
      if (reuse && span.end - span.start === ref.tag.length) edit = { ...span, newText: reuse };
      ctx.report({
        span,
        message: `Image "${v}" of service "${s.name}" uses the moving tag "${ref.tag}"; pin a version tag or digest so every deploy runs the same image.`,
        fix: edit ? { title: `Use tag "${reuse}" (as elsewhere in this file)`, safe: false, edits: [edit] } : undefined,
      });
    }
  },
});
