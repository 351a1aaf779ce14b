import { defineComposeRule } from '../../rule';
import { allServices, buildInfo, hasVariable } from '../../compose/facts';
import { didYouMean, serviceDockerfile } from './util';

export default defineComposeRule({
  id: 'build-target-unknown',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A build `target` names a stage that the service\'s Dockerfile does not have.',
    why: 'The build fails with "target stage … could not be found". Stage names drift when a Dockerfile is refactored and the compose file is not.',
    bad: 'services:\n  api:\n    build:\n      context: .\n      target: prod\n',
    good: 'services:\n  api:\n    build:\n      context: .\n      target: production\n',
    fix: 'Use one of the Dockerfile\'s `FROM … AS <name>` stage names (the message suggests the closest).',
    notes: 'Checked only when the Dockerfile can be read (a local context, no variables in the path).',
    files: { Dockerfile: 'FROM node:22-slim AS build\nRUN npm ci\nFROM node:22-slim AS production\nCOPY --from=build /app /app\n' },
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const b = buildInfo(s.node);
      if (!b?.target || !b.targetNode || hasVariable(b.target)) continue;
      const df = serviceDockerfile(ctx, s.node);
      if (!df || !df.doc.stages.length) continue;
      const names = df.doc.stages.map((st) => st.name).filter((n): n is string => !!n);
      if (names.includes(b.target.toLowerCase())) continue;
      ctx.report({
        span: b.targetNode,
        message: `"${df.path}" has no stage named "${b.target}"${names.length ? ` (stages: ${names.join(', ')})` : ' (it names no stages)'}${didYouMean(b.target.toLowerCase(), names) || '.'}`,
      });
    }
  },
});
