import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { isMap, isSeq, keyString, scalarString } from '../../compose/query';
import { itemBlocks, pairBlocks, reorderEdit, reorderFlowItemsEdit } from '../../compose/edit';
import type { OffsetEdit } from '../../types';
import { byText, sortedOrder, STYLE_PROFILE_NOTE } from './util';

export default defineComposeRule({
  id: 'service-dependencies-order',
  aliases: ['service-dependencies-alphabetical-order'],
  severity: 'hint',
  profile: 'style',
  fixable: 'sometimes',
  docs: {
    summary: 'A service\'s `depends_on` entries are not in alphabetical order.',
    why: 'A sorted dependency list is quicker to scan and to compare between services; the order has no effect on startup (Compose orders by the dependency graph).',
    bad: 'services:\n  web:\n    image: example/web:1.2\n    depends_on:\n      - redis\n      - db\n',
    good: 'services:\n  web:\n    image: example/web:1.2\n    depends_on:\n      - db\n      - redis\n',
    fix: 'The fix sorts the entries (list or mapping, block or flow), moving each with the comments directly above it.',
    notes: 'Style profile (off by default). Reported once per `depends_on`, as dclint does. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const pair = s.node?.pair('depends_on');
      const dep = pair?.value;
      let names: string[] = [];
      if (isSeq(dep)) names = dep.items.map((i) => scalarString(i) ?? '');
      else if (isMap(dep)) names = dep.pairs.filter((p) => !p.merged).map((p) => keyString(p.key));
      else continue;
      const order = sortedOrder(names, byText);
      if (order.every((v, i) => v === i)) continue;
      let edit: OffsetEdit | undefined;
      if (isSeq(dep)) {
        if (dep.flow) edit = reorderFlowItemsEdit(ctx.doc, dep, order);
        else { const blocks = itemBlocks(ctx.doc, dep); edit = blocks ? reorderEdit(ctx.doc, blocks, order) : undefined; }
      } else if (isMap(dep)) { const blocks = pairBlocks(dep); edit = blocks ? reorderEdit(ctx.doc, blocks, order) : undefined; }
      ctx.report({
        span: pair!.key,
        message: `The depends_on entries of service "${s.name}" are not in alphabetical order (expected: ${order.map((i) => names[i]).join(', ')}).`,
        fix: edit ? { title: 'Sort depends_on alphabetically', safe: true, edits: [edit] } : undefined,
      });
    }
  },
});
