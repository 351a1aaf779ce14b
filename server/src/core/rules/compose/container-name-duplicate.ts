import { defineComposeRule } from '../../rule';
import { allServices, hasVariable } from '../../compose/facts';
import { isScalar, scalarString } from '../../compose/query';

export default defineComposeRule({
  id: 'container-name-duplicate',
  aliases: ['no-duplicate-container-names'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'Two services set the same `container_name`.',
    why: 'Container names are unique per Docker host: the second container cannot be created ("Conflict. The container name … is already in use").',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    container_name: app\n  worker:\n    image: example/worker:2.1\n    container_name: app\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    container_name: app-web\n  worker:\n    image: example/worker:2.1\n    container_name: app-worker\n',
    fix: 'Give each service its own name, or remove `container_name` and let Compose name containers `<project>-<service>-1`.',
  },
  check(ctx) {
    const seen = new Map<string, string>();
    for (const s of allServices(ctx.doc)) {
      const v = s.node?.get('container_name');
      const name = scalarString(v);
      if (!isScalar(v) || !name || hasVariable(name)) continue;
      const first = seen.get(name);
      if (first !== undefined && first !== s.name) ctx.report({ span: v, message: `Container name "${name}" is already used by service "${first}"; container names must be unique.` });
      else seen.set(name, s.name);
    }
  },
});
