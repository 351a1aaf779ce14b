import { defineComposeRule } from '../../rule';
import { allServices, isAllInterfaces, parseRange, portBindings, stringItems, type PortBinding } from '../../compose/facts';

interface Claim {
  service: string;
  profiles: string[];
  ip: string;
  protocol: string;
  /** Fixed host ports, or the variable text when the host port is interpolated. */
  ports: { start: number; end: number } | string;
  line: number;
}

/** The host ports a binding claims for sure: a fixed port or a port range mapped 1:1; undefined when Docker picks. */
function claimed(b: PortBinding): { start: number; end: number } | string | undefined {
  const pub = b.spec.published;
  if (pub === undefined) return undefined;
  if (b.variable) return /\$/.test(pub) && !withoutBracedVariables(pub).includes('-') ? pub.trim() : undefined;
  const host = parseRange(pub);
  const target = parseRange(b.spec.target);
  if (!host || !target) return undefined;
  if (host.end > host.start && target.end === target.start) return undefined; // a range for one container port: Docker picks a free one
  return host;
}

const overlaps = (a: Claim, b: Claim) => {
  if (a.protocol !== b.protocol) return false;
  if (!(isAllInterfaces(a.ip) || isAllInterfaces(b.ip) || a.ip === b.ip)) return false;
  if (a.profiles.length && b.profiles.length && !a.profiles.some((p) => b.profiles.includes(p))) return false;
  if (typeof a.ports === 'string' || typeof b.ports === 'string') return a.ports === b.ports;
  return a.ports.start <= b.ports.end && b.ports.start <= a.ports.end;
};

const show = (c: Claim) => (typeof c.ports === 'string' ? c.ports : c.ports.start === c.ports.end ? String(c.ports.start) : `${c.ports.start}-${c.ports.end}`);

export default defineComposeRule({
  id: 'published-port-conflict',
  aliases: ['no-duplicate-exported-ports'],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The same host port is published twice (across services or within one), on overlapping interfaces and the same protocol.',
    why: 'Only one container can bind a host port on an address: the second one fails to start with "port is already allocated", often only on `up` of the whole project.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:3.2\n    ports:\n      - "8080:8000"\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:3.2\n    ports:\n      - "8081:8000"\n',
    fix: 'Publish one of them on another host port, or bind them to different addresses (`127.0.0.1:8080:80` and `192.168.1.10:8080:80` do not collide).',
    notes: 'Unlike dclint, only bindings that really collide are reported. A container-only port (`"8080"`) is published on a random host port, and a host range for one container port (`"8000-8010:80"`) lets Docker pick a free port, so neither claims a fixed host port; `udp` and `tcp` never collide, nor do two specific addresses; services whose `profiles` never run together are not compared. An interpolated host port is compared by its text (the same `${WEB_PORT}` twice collides). dclint\'s cases that flag those non-collisions are deliberate disagreements.',
  },
  check(ctx) {
    // single ports indexed by protocol and port; ranges and variables compared with everything
    const byPort = new Map<string, Claim[]>();
    const wide: Claim[] = [];
    const single = (c: Claim) => typeof c.ports !== 'string' && c.ports.start === c.ports.end;
    /** The earliest claim that collides (lists are in text order). */
    const earliest = (c: Claim): Claim | undefined => {
      const lists = single(c) ? [byPort.get(`${c.protocol}/${(c.ports as { start: number }).start}`) ?? [], wide] : [...byPort.values(), wide];
      let best: Claim | undefined;
      for (const list of lists) {
        const hit = list.find((x) => overlaps(x, c));
        if (hit && (!best || hit.line < best.line)) best = hit;
      }
      return best;
    };
    const remember = (c: Claim) => {
      if (single(c)) {
        const key = `${c.protocol}/${(c.ports as { start: number }).start}`;
        const list = byPort.get(key);
        if (list) list.push(c); else byPort.set(key, [c]);
      } else wide.push(c);
    };
    for (const s of allServices(ctx.doc)) {
      const profiles = stringItems(s.node?.get('profiles')).map((p) => p.value);
      for (const b of portBindings(s.node)) {
        const ports = claimed(b);
        if (ports === undefined) continue;
        const claim: Claim = { service: s.name, profiles, ip: b.spec.hostIp ?? '', protocol: b.spec.protocol, ports, line: ctx.lines.lineOf(b.span.start) + 1 };
        const earlier = earliest(claim);
        if (earlier) {
          const where = earlier.service === s.name ? `earlier in service "${s.name}"` : `by service "${earlier.service}"`;
          ctx.report({
            span: b.span,
            message: `Host port ${show(claim)}/${claim.protocol}${claim.ip ? ` on ${claim.ip}` : ''} is already published ${where} (line ${earlier.line}); the second binding fails with "port is already allocated".`,
          });
        }
        remember(claim);
      }
    }
  },
});

/**
 * `s` without its `${…}` references: what `s.replace(/\$\{[^}]*\}/g, '')` gives, in linear time (that pattern
 * scanned to the end of the text from every unclosed `${`, quadratic on a long run of them).
 */
function withoutBracedVariables(s: string): string {
  let out = '';
  let from = 0;
  for (let open = s.indexOf('${'); open >= 0; open = s.indexOf('${', from)) {
    const close = s.indexOf('}', open + 2);
    if (close < 0) break; // no later `${` is closed either
    out += s.slice(from, open);
    from = close + 1;
  }
  return out + s.slice(from);
}
