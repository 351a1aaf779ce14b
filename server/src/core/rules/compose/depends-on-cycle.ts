import { defineComposeRule } from '../../rule';
import { allServices, dependencies, stringItems } from '../../compose/facts';
import { scalarString } from '../../compose/query';
import type { Span } from '../../types';

interface Edge { to: string; span?: Span }

/** Longest cycle written out in full; longer ones show their ends (a message, not a dump). */
const SHOWN = 12;

/** `a → b → c → a` for the services path[at..], shortened in the middle when long. */
function cyclePath(path: readonly { name: string }[], at: number): string {
  const names = path.slice(at).map((p) => p.name);
  const shown = names.length <= SHOWN ? names : [...names.slice(0, SHOWN / 2), `… (${names.length - SHOWN} more)`, ...names.slice(-SHOWN / 2)];
  return [...shown, names[0]].join(' → ');
}

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
    // Depth first, with an explicit stack: a chain of thousands of services would overflow the call stack.
    const done = new Set<string>();
    const onPath = new Map<string, number>(); // service -> its index in `path`
    const path: { name: string; edges: Edge[]; next: number }[] = [];
    const reported = new Set<string>();
    const enter = (name: string) => { onPath.set(name, path.length); path.push({ name, edges: graph.get(name) ?? [], next: 0 }); };
    for (const root of graph.keys()) {
      if (done.has(root)) continue;
      enter(root);
      while (path.length) {
        const top = path[path.length - 1];
        const e = top.edges[top.next++];
        if (!e) { path.pop(); onPath.delete(top.name); done.add(top.name); continue; }
        if (!graph.has(e.to) || done.has(e.to)) continue;
        const at = onPath.get(e.to);
        if (at === undefined) { enter(e.to); continue; }
        // A back edge closes the cycle path[at..top]; its two ends name it (the same pair is the same cycle).
        const key = `${e.to}\u0000${top.name}`;
        if (reported.has(key) || !e.span) continue;
        reported.add(key);
        const length = path.length - at;
        ctx.report({ span: { start: e.span.start, end: e.span.end }, message: length === 1 ? `Service "${top.name}" depends on itself.` : `Dependency cycle: ${cyclePath(path, at)}; Compose cannot decide which service to start first.` });
      }
    }
  },
});
