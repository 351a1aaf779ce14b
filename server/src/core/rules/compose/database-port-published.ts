import { defineComposeRule } from '../../rule';
import { allServices, isAllInterfaces, parseRange, portBindings } from '../../compose/facts';
import { bindToLoopbackFix } from './util';

/** Well-known container ports of databases and caches. */
export const DATABASE_PORTS: Record<number, string> = {
  5432: 'PostgreSQL', 3306: 'MySQL/MariaDB', 33060: 'MySQL X', 27017: 'MongoDB', 27018: 'MongoDB', 27019: 'MongoDB',
  6379: 'Redis', 6380: 'Redis', 9200: 'Elasticsearch', 9300: 'Elasticsearch', 11211: 'Memcached', 5984: 'CouchDB',
  9042: 'Cassandra', 8086: 'InfluxDB', 1433: 'SQL Server', 1521: 'Oracle', 26257: 'CockroachDB', 7687: 'Neo4j',
  8529: 'ArangoDB', 2379: 'etcd', 8123: 'ClickHouse', 28015: 'RethinkDB',
};

/** The database a binding's container port belongs to, if any. */
export function databaseOf(target: string): string | undefined {
  const r = parseRange(target);
  if (!r || r.end - r.start > 100) return undefined;
  for (let p = r.start; p <= r.end; p++) if (DATABASE_PORTS[p]) return DATABASE_PORTS[p];
  return undefined;
}

export default defineComposeRule({
  id: 'database-port-published',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A database or cache port (5432, 3306, 27017, 6379, 9200, 11211, …) is published on all network interfaces.',
    why: 'Other services reach the database over the Compose network without any `ports:`; publishing it on 0.0.0.0 puts it on every network the host is on — and Docker\'s iptables rules bypass host firewalls such as ufw. Exposed Redis, MongoDB and Elasticsearch instances are among the most common causes of data breaches.',
    bad: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n',
    good: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    fix: 'Remove the `ports:` entry if only other containers need the database, or bind it to the loopback address. The quick fix binds it to `127.0.0.1` (not applied automatically: clients on other hosts lose access).',
    notes: 'Decided by the container port, so `"15432:5432"` is reported too. dclint\'s `no-unbound-port-interfaces` reports every port without an address; that stricter check is `port-all-interfaces` in the strict profile.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      for (const b of portBindings(s.node)) {
        if (b.variable || !isAllInterfaces(b.spec.hostIp)) continue;
        const db = databaseOf(b.spec.target);
        if (!db) continue;
        ctx.report({
          span: b.span,
          message: `Service "${s.name}" publishes the ${db} port ${b.spec.target} on all interfaces; bind it to 127.0.0.1 or drop it (other containers reach it over the Compose network).`,
          fix: bindToLoopbackFix(ctx, b),
        });
      }
    }
  },
});
