import { defineComposeRule } from '../../rule';
import type { YMap } from '../../compose/model';
import { canonicalRepository, healthcheckState, hasVariable, parseImageRef } from '../../compose/facts';
import { scalarString } from '../../compose/query';
import { FlowList, insertPairEdit } from '../../compose/edit';
import { builtImageHealthcheck, hardeningFix, hardeningTargets } from './util';
import { own } from '../../own';

/** Healthchecks that work with the official images as shipped (the tools are in the image). */
export const KNOWN_HEALTHCHECKS: Record<string, string[]> = {
  postgres: ['CMD-SHELL', 'pg_isready -U "$${POSTGRES_USER:-postgres}"'],
  redis: ['CMD', 'redis-cli', 'ping'],
  valkey: ['CMD', 'valkey-cli', 'ping'],
  mysql: ['CMD', 'mysqladmin', 'ping', '-h', 'localhost'],
  mariadb: ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'],
  mongo: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"],
  rabbitmq: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'],
};

/** A healthcheck of its own (or one disabled on purpose). */
const hasHealthcheck = (n: YMap) => healthcheckState(n) !== 'none';

export default defineComposeRule({
  id: 'service-healthcheck-missing',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service has no healthcheck (in the compose file or the Dockerfile it builds).',
    why: 'Without a healthcheck Docker only knows whether the process runs, not whether it works: a hung server stays "up", dependants cannot wait for it (`condition: service_healthy`) and orchestrators cannot replace it.',
    bad: 'services:\n  cache:\n    image: redis:7.4-alpine\n',
    good: 'services:\n  cache:\n    image: redis:7.4-alpine\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
    fix: 'Add a `healthcheck:` whose test exercises the service. For the official postgres, redis, valkey, mysql, mariadb, mongo and rabbitmq images the quick fix adds a check that works with the tools in the image; for anything else there is no fix, since Seaworthy cannot know what "healthy" means for your service.',
    notes: 'A healthcheck switched off on purpose (`disable: true` or `test: ["NONE"]`) is not reported.',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      if (t.has(hasHealthcheck)) continue;
      if (builtImageHealthcheck(ctx, t.node) === 'defined') continue;
      const image = scalarString(t.node.get('image'));
      const repo = image && !hasVariable(image) && !t.node.has('build') ? canonicalRepository(parseImageRef(image).repository) : undefined;
      const test = repo ? own(KNOWN_HEALTHCHECKS, repo) : undefined;
      const edit = test ? insertPairEdit(ctx.doc, t.node, 'healthcheck', { test: new FlowList(test), interval: '10s', timeout: '5s', retries: 5 }) : undefined;
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" has no healthcheck, so Docker cannot tell a hung service from a working one${test ? '' : '; add a healthcheck that exercises it'}.`,
        fix: hardeningFix(t, `Add the standard ${repo} healthcheck`, edit),
      });
    }
  },
});
