import { defineComposeRule } from '../../rule';
import { allServices, dependencies, healthcheckState } from '../../compose/facts';
import { isSeq } from '../../compose/query';
import { dependsOnToLongSyntaxEdit } from '../../compose/edit';
import type { YMap } from '../../compose/model';
import { builtImageHealthcheck, project } from './util';

export default defineComposeRule({
  id: 'depends-on-without-healthy-condition',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A service depends on a service that has a healthcheck, but only waits for it to start, not to be healthy.',
    why: 'Short `depends_on` waits until the dependency\'s container has started — a database then typically needs seconds more to accept connections, and the dependent service crashes or retries at boot. The healthcheck is already there; `condition: service_healthy` makes Compose use it.',
    bad: 'services:\n  web:\n    image: example/web:1.2\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
    good: 'services:\n  web:\n    image: example/web:1.2\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
    fix: 'The quick fix rewrites the list in long syntax: `condition: service_healthy` for dependencies with a healthcheck, `service_started` (today\'s behaviour) for the others. It is not applied automatically: startup now waits for health, and fails if the check never passes.',
    notes: 'An explicit `condition: service_started` is respected (you chose it).',
  },
  check(ctx) {
    const p = project(ctx);
    const healthy = (name: string) => {
      const dep = p.services.get(name);
      if (!dep) return false;
      const st = healthcheckState(dep.node);
      return st === 'defined' || (st === 'none' && builtImageHealthcheck(ctx, dep.node) === 'defined');
    };
    for (const s of allServices(ctx.doc)) {
      const deps = dependencies(s.node).filter((d) => d.short);
      if (!deps.length) continue;
      const waiting = deps.filter((d) => healthy(d.name));
      if (!waiting.length) continue;
      const pair = (s.node as YMap).pair('depends_on')!;
      const list = pair.value;
      const edit = isSeq(list) ? dependsOnToLongSyntaxEdit(ctx.doc, pair, list, (n) => (healthy(n) ? 'service_healthy' : 'service_started')) : undefined;
      for (const d of waiting) {
        ctx.report({
          span: d.span,
          message: `Service "${s.name}" starts as soon as "${d.name}" has started, although "${d.name}" has a healthcheck; wait for it with condition: service_healthy.`,
          fix: edit ? { title: 'Wait for healthy dependencies (long depends_on syntax)', safe: false, edits: [edit] } : undefined,
        });
      }
    }
  },
});
