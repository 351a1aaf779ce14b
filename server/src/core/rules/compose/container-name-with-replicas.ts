import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { isMap, isScalar } from '../../compose/query';
import type { YNode } from '../../compose/model';

const count = (n: YNode | null | undefined): number | undefined => {
  if (!isScalar(n)) return undefined;
  const v = typeof n.value === 'number' ? n.value : typeof n.value === 'string' && /^\d+$/.test(n.value) ? Number(n.value) : undefined;
  return v;
};

export default defineComposeRule({
  id: 'container-name-with-replicas',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service sets `container_name` and asks for more than one replica.',
    why: 'Container names are unique per Docker host, so the second replica cannot be created: `docker compose` refuses the file ("can\'t set container_name … as container name must be unique").',
    bad: 'services:\n  worker:\n    image: example/worker:2.1\n    container_name: worker\n    deploy:\n      replicas: 3\n',
    good: 'services:\n  worker:\n    image: example/worker:2.1\n    deploy:\n      replicas: 3\n',
    fix: 'Remove `container_name` (Compose then names replicas `<project>-worker-1`, `-2`, …), or run one replica.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const name = s.node?.pair('container_name');
      if (!s.node || !name) continue;
      const deploy = s.node.get('deploy');
      const replicasNode = isMap(deploy) ? deploy.get('replicas') : undefined;
      const replicas = count(replicasNode);
      const scale = count(s.node.get('scale'));
      const n = Math.max(replicas ?? 0, scale ?? 0);
      if (n > 1) {
        ctx.report({ span: name.key, message: `Service "${s.name}" sets container_name but runs ${n} replicas (${replicas && replicas > 1 ? 'deploy.replicas' : 'scale'}); container names must be unique, so remove container_name or use one replica.` });
      }
    }
  },
});
