import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { keyString } from '../../compose/query';
import { pairBlocks, reorderEdit } from '../../compose/edit';
import { byText, outOfOrder, sortedOrder, STYLE_PROFILE_NOTE } from './util';

/** dclint's default groups, in order; other keys follow alphabetically. */
export const KEY_GROUPS: readonly (readonly string[])[] = [
  ['image', 'build', 'container_name'],
  ['depends_on'],
  ['volumes', 'volumes_from', 'configs', 'secrets'],
  ['environment', 'env_file'],
  ['ports', 'networks', 'network_mode', 'extra_hosts'],
  ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  ['logging', 'labels'],
  ['user', 'isolation'],
];
const KNOWN = KEY_GROUPS.flat();

const compareKeys = (a: string, b: string) => {
  const ia = KNOWN.indexOf(a);
  const ib = KNOWN.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? KNOWN.length : ia) - (ib < 0 ? KNOWN.length : ib);
  return byText(a, b);
};

export default defineComposeRule({
  id: 'service-keys-order',
  aliases: ['service-keys-order'],
  severity: 'hint',
  profile: 'style',
  fixable: 'sometimes',
  docs: {
    summary: 'The keys of a service are not in the conventional order (image and build first, then dependencies, data, environment, networking, runtime, metadata, security).',
    why: 'When every service lists its keys in the same order, readers find `image`, `ports` or `environment` at a glance and reviews compare services line by line.',
    bad: 'services:\n  web:\n    ports:\n      - "8080:80"\n    image: nginx:1.27\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
    fix: 'The fix reorders the keys (each moving with its value and the comments directly above it). Order: image, build, container_name; depends_on; volumes, volumes_from, configs, secrets; environment, env_file; ports, networks, network_mode, extra_hosts; command, entrypoint, working_dir, restart, healthcheck; logging, labels; user, isolation; then any other key alphabetically.',
    notes: 'Style profile (off by default). The order is dclint\'s default; dclint\'s options to change it are not supported. Services with merge keys (`<<`) are reported but not reordered. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      if (!s.node) continue;
      const pairs = s.node.pairs.filter((p) => !p.merged);
      const keys = pairs.map((p) => keyString(p.key));
      const bad = outOfOrder(keys, compareKeys);
      if (!bad.length) continue;
      const blocks = pairBlocks(s.node);
      const edit = blocks ? reorderEdit(ctx.doc, blocks, sortedOrder(keys, compareKeys)) : undefined;
      for (const b of bad) {
        ctx.report({
          span: pairs[b.index].key,
          message: `Key "${keys[b.index]}" of service "${s.name}" should come before "${keys[b.before]}".`,
          fix: edit ? { title: `Reorder the keys of service "${s.name}"`, safe: true, edits: [edit] } : undefined,
        });
      }
    }
  },
});
