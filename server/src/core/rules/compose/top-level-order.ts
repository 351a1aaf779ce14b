import { defineComposeRule } from '../../rule';
import { keyString, rootMap } from '../../compose/query';
import { pairBlocks, reorderEdit } from '../../compose/edit';
import { byText, outOfOrder, sortedOrder, STYLE_PROFILE_NOTE } from './util';

export const TOP_LEVEL_ORDER = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

/** `x-` extensions first (alphabetically), then the known sections, then anything else. */
const rank = (k: string) => (k.startsWith('x-') ? -1 : TOP_LEVEL_ORDER.includes(k) ? TOP_LEVEL_ORDER.indexOf(k) : TOP_LEVEL_ORDER.length);
const compare = (a: string, b: string) => rank(a) - rank(b) || (rank(a) === -1 ? byText(a, b) : 0);

export default defineComposeRule({
  id: 'top-level-order',
  aliases: ['top-level-properties-order'],
  severity: 'hint',
  profile: 'style',
  fixable: 'sometimes',
  docs: {
    summary: 'Top-level keys are not in the conventional order: `x-` extensions, version, name, include, services, networks, volumes, secrets, configs.',
    why: 'Extensions (usually anchors reused below) first, then the project\'s identity, then its services and the resources they use: readers always know where to look.',
    bad: 'services:\n  web:\n    image: nginx:1.27\nname: shop\n',
    good: 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n',
    fix: 'The fix reorders the top-level sections, each moving with its content and the comment lines directly above it.',
    notes: 'Style profile (off by default). The order is dclint\'s default (its `customOrder` option is not supported). Unknown sections (such as `models`) go last, in their original order. With `--fix` the obsolete `version` line is also removed (version-obsolete, recommended), so dclint\'s fix case that keeps `version` in sorted position differs by that line. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    for (const d of ctx.doc.documents) {
      const root = rootMap(d);
      if (!root) continue;
      const pairs = root.pairs.filter((p) => !p.merged);
      const keys = pairs.map((p) => keyString(p.key));
      const bad = outOfOrder(keys, compare);
      if (!bad.length) continue;
      const blocks = pairBlocks(root);
      const edit = blocks ? reorderEdit(ctx.doc, blocks, sortedOrder(keys, compare)) : undefined;
      for (const b of bad) {
        ctx.report({
          span: pairs[b.index].key,
          message: `Top-level key "${keys[b.index]}" should come before "${keys[b.before]}".`,
          fix: edit ? { title: 'Reorder the top-level keys', safe: true, edits: [edit] } : undefined,
        });
      }
    }
  },
});
