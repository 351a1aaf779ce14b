import { defineComposeRule } from '../../rule';
import { allServices, buildInfo, hasVariable, isRemoteContext, joinRelative } from '../../compose/facts';
import { canReadFiles } from './util';

export default defineComposeRule({
  id: 'build-path-not-found',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service builds from a context folder or Dockerfile that does not exist.',
    why: '`docker compose build` (and `up`) fails with "unable to prepare context: path … not found" or "failed to read dockerfile" — usually a folder renamed or a path written relative to the wrong place. Paths are relative to the compose file; `dockerfile` is relative to the context.',
    bad: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n',
    good: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile\n',
    fix: 'Correct the path, or create the missing folder or file.',
    notes: 'Git and URL contexts, paths with variables and absolute paths are not checked; nor is anything when the files beside the compose file cannot be read (untitled or virtual documents).',
    files: { 'api/Dockerfile': 'FROM alpine:3.20\n' },
  },
  check(ctx) {
    if (!canReadFiles(ctx)) return;
    for (const s of allServices(ctx.doc)) {
      const b = buildInfo(s.node);
      if (!b || hasVariable(b.context) || isRemoteContext(b.context)) continue;
      const dir = joinRelative('.', b.context);
      if (!dir) continue;
      if (dir !== '.' && !ctx.workspace.exists(dir)) {
        const at = b.contextNode ?? s.node?.pair('build')?.key;
        if (at) ctx.report({ span: { start: at.start, end: at.end }, message: `The build context "${b.context}" of service "${s.name}" does not exist (paths are relative to the compose file).` });
        continue;
      }
      if (b.inline || hasVariable(b.dockerfile)) continue;
      const file = joinRelative(dir, b.dockerfile);
      if (!file || ctx.workspace.exists(file)) continue;
      const at = b.dockerfileNode ?? b.contextNode ?? s.node?.pair('build')?.key;
      if (at) ctx.report({ span: { start: at.start, end: at.end }, message: `Service "${s.name}" builds from "${file}", which does not exist (\`dockerfile\` is relative to the build context "${b.context}").` });
    }
  },
});
