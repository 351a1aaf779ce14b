import { defineComposeRule } from '../../rule';
import { allServices, portBindings } from '../../compose/facts';
import { bindToLoopbackFix } from './util';
import { databaseOf } from './database-port-published';

export default defineComposeRule({
  id: 'port-all-interfaces',
  aliases: ['no-unbound-port-interfaces', 'no-implicit-listen-everywhere-ports'],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A port is published without a host address, i.e. on every network interface.',
    why: 'Without an address Docker listens on all interfaces, including public ones, and its iptables rules bypass host firewalls such as ufw. Saying `0.0.0.0` explicitly, or binding to `127.0.0.1` or a private address, makes the exposure a decision.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n',
    fix: 'Bind to `127.0.0.1` when only the host (or a reverse proxy on it) needs the port — the quick fix does that; write `0.0.0.0:` when public exposure is intended.',
    notes: 'Database and cache ports are reported by `database-port-published` (recommended profile) instead, so they are not reported twice. In the strict profile, not recommended: publishing a web port on all interfaces is usually intended (dclint reports it by default, so its case counts as a disagreement without the strict profile).',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      for (const b of portBindings(s.node)) {
        if (b.spec.hostIp !== undefined) continue;
        if (databaseOf(b.spec.target) && !b.variable) continue;
        ctx.report({
          span: b.span,
          message: `Service "${s.name}" publishes port ${b.spec.published ?? b.spec.target} on all interfaces; bind it to an address (127.0.0.1 for local access, 0.0.0.0 to make public exposure explicit).`,
          fix: bindToLoopbackFix(ctx, b),
        });
      }
    }
  },
});
