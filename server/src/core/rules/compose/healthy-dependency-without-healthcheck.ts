import { defineComposeRule } from '../../rule';
import { allServices, dependencies, healthcheckState } from '../../compose/facts';
import { builtImageHealthcheck, project } from './util';

export default defineComposeRule({
  id: 'healthy-dependency-without-healthcheck',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: '`condition: service_healthy` waits for a service that has no healthcheck.',
    why: 'A container without a healthcheck never becomes "healthy": `docker compose up` fails with "container … has no healthcheck configured" (or the dependent service never starts).',
    bad: 'services:\n  web:\n    image: example/web:1.2\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n',
    good: 'services:\n  web:\n    image: example/web:1.2\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 5s\n      retries: 10\n',
    fix: 'Give the dependency a `healthcheck:` (the message of `service-healthcheck-missing` suggests one for common images), or wait with `condition: service_started`.',
    notes: 'An error when the healthcheck is certainly missing: disabled in the file, or absent from both the file and the Dockerfile the service builds. A warning when the service runs an image, which may define a HEALTHCHECK of its own.',
  },
  check(ctx) {
    const p = project(ctx);
    for (const s of allServices(ctx.doc)) {
      for (const d of dependencies(s.node)) {
        if (d.condition !== 'service_healthy' || !d.conditionNode) continue;
        const dep = p.services.get(d.name);
        if (!dep) continue; // undefined-service reports it
        const state = healthcheckState(dep.node);
        if (state === 'defined') continue;
        if (state === 'disabled') {
          ctx.report({ span: d.conditionNode, severity: 'error', message: `Service "${s.name}" waits for "${d.name}" to be healthy, but its healthcheck is disabled; it never becomes healthy.` });
          continue;
        }
        const built = builtImageHealthcheck(ctx, dep.node);
        if (built === 'defined') continue;
        if (built === 'disabled' || built === 'none') {
          ctx.report({ span: d.conditionNode, severity: 'error', message: `Service "${s.name}" waits for "${d.name}" to be healthy, but neither the compose file nor its Dockerfile defines a healthcheck; add a healthcheck to "${d.name}".` });
          continue;
        }
        ctx.report({ span: d.conditionNode, message: `Service "${s.name}" waits for "${d.name}" to be healthy, but "${d.name}" has no healthcheck here; unless its image defines one, startup fails. Add a healthcheck to "${d.name}".` });
      }
    }
  },
});
