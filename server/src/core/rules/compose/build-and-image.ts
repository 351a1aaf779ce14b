import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { insertPairEdit } from '../../compose/edit';

export default defineComposeRule({
  id: 'build-and-image',
  aliases: ['no-build-and-image'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A service has both `build` and `image` but no `pull_policy`, so Compose may run a pulled image instead of your build.',
    why: 'With both keys, Compose first tries to pull `image` and builds only if the pull fails: once that tag exists in a registry, `docker compose up` silently runs the registry\'s image rather than the source next to the file.',
    bad: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/team/api:1.4\n',
    good: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/team/api:1.4\n    pull_policy: build\n',
    fix: 'Add `pull_policy: build` to always build (keeping `image:` as the name to tag and push), or `pull_policy: always`/`missing` to prefer the registry — or drop one of the keys. The quick fix adds `pull_policy: build` (not applied automatically: it changes what `up` does).',
    notes: 'Unlike dclint, which reports every service with both keys, a service that states its `pull_policy` is fine: then the combination is deliberate (dclint agrees when its `checkPullPolicy` option is on, the default).',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const build = s.node?.pair('build');
      if (!s.node || !build || !s.node.has('image') || s.node.has('pull_policy')) continue;
      const edit = insertPairEdit(ctx.doc, s.node, 'pull_policy', 'build');
      ctx.report({
        span: build.key,
        message: `Service "${s.name}" has both build and image: Compose pulls the image first and builds only if that fails. Set pull_policy (e.g. "build") to make the choice explicit.`,
        fix: edit ? { title: 'Add "pull_policy: build"', safe: false, edits: [edit] } : undefined,
      });
    }
  },
});
