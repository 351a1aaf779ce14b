import { defineComposeRule } from '../../rule';
import { allServices, dependencies, stringItems } from '../../compose/facts';
import { scalarString } from '../../compose/query';
import type { Span } from '../../types';

interface Edge { to: string; span?: Span }

export default defineComposeRule({
  id: 'depends-on-cycle',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'Services depend on each other in a cycle, so none of them can start first.',
    why: '`docker compose` orders startup by dependencies (`depends_on`, `links`, `volumes_from`, `network_mode: service:`) and refuses a project whose dependencies form a cycle.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n    depends_on: [worker]\n  worker:\n    image: example/worker:1.4\n    depends_on: [api]\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    depends_on: [worker]\n  worker:\n    image: example/worker:1.4\n',
    fix: 'Remove the dependency that is not really needed at startup (services can still reach each other over the network without `depends_on`).',
  },
  check(ctx) {
    const graph = new Map<string, Edge[]>();
    for (const s of allServices(ctx.doc)) {
      if (!s.node) continue;
      const edges: Edge[] = graph.get(s.name) ?? [];
      for (const d of dependencies(s.node)) edges.push({ to: d.name, span: d.span });
      for (const l of stringItems(s.node.get('links'))) edges.push({ to: l.value.split(':')[0], span: l.node });
      for (const v of stringItems(s.node.get('volumes_from'))) if (!v.value.startsWith('container:')) edges.push({ to: v.value.replace(/^service:/, '').split(':')[0], span: v.node });
      for (const key of ['network_mode', 'pid', 'ipc']) {
        const t = scalarString(s.node.get(key));
        const node = s.node.get(key);
        if (t?.startsWith('service:') && node) edges.push({ to: t.slice(8), span: node });
      }
      graph.set(s.name, edges);
    }
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const reported = new Set<string>();
    const visit = (name: string) => {
      state.set(name, 1);
      stack.push(name);
      for (const e of graph.get(name) ?? []) {
        if (!graph.has(e.to)) continue;
        const st = state.get(e.to);
        if (st === 1) {
          const cycle = stack.slice(stack.indexOf(e.to));
          const key = [...cycle].sort().join('\u0000');
          if (!reported.has(key) && e.span) {
            reported.add(key);
            const path = [...cycle, e.to].join(' → ');
            ctx.report({ span: { start: e.span.start, end: e.span.end }, message: cycle.length === 1 ? `Service "${name}" depends on itself.` : `Dependency cycle: ${path}; Compose cannot decide which service to start first.` });
          }
        } else if (st === undefined) visit(e.to);
      }
      stack.pop();
      state.set(name, 2);
    };
    for (const name of graph.keys()) if (!state.has(name)) visit(name);
  },
});
