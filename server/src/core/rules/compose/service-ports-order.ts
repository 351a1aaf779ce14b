import { defineComposeRule } from '../../rule';
import { allServices, parsePortString } from '../../compose/facts';
import { isMap, isScalar, isSeq, scalarString } from '../../compose/query';
import type { YNode } from '../../compose/model';
import { itemBlocks, reorderEdit, reorderFlowItemsEdit } from '../../compose/edit';
import type { OffsetEdit } from '../../types';
import { byNatural, sortedOrder, STYLE_PROFILE_NOTE } from './util';

/** What a port entry sorts by: its host port (the container port when none), as written. */
function sortKey(item: YNode): string {
  if (isScalar(item)) {
    const text = scalarString(item) ?? '';
    const spec = parsePortString(text);
    return spec ? spec.published ?? spec.target : text;
  }
  if (isMap(item)) return scalarString(item.get('published')) ?? scalarString(item.get('target')) ?? '';
  return '';
}

export default defineComposeRule({
  id: 'service-ports-order',
  aliases: ['service-ports-alphabetical-order'],
  severity: 'hint',
  profile: 'style',
  fixable: 'sometimes',
  docs: {
    summary: 'A service\'s `ports` are not sorted by host port.',
    why: 'Sorted port lists make it easy to see what a service publishes and to spot a port used twice.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8443:443"\n      - "8080:80"\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "8443:443"\n',
    fix: 'The fix sorts the entries by host port (numerically, host address ignored; the container port when there is no host port), moving each with its comments.',
    notes: 'Style profile (off by default). Same order as dclint: variables such as `$WEB_PORT` sort first. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const pair = s.node?.pair('ports');
      const ports = pair?.value;
      if (!isSeq(ports)) continue;
      const keys = ports.items.map(sortKey);
      const order = sortedOrder(keys, byNatural);
      if (order.every((v, i) => v === i)) continue;
      let edit: OffsetEdit | undefined;
      if (ports.flow) edit = reorderFlowItemsEdit(ctx.doc, ports, order);
      else { const blocks = itemBlocks(ctx.doc, ports); edit = blocks ? reorderEdit(ctx.doc, blocks, order) : undefined; }
      ctx.report({
        span: pair!.key,
        message: `The ports of service "${s.name}" are not sorted by host port.`,
        fix: edit ? { title: 'Sort ports', safe: true, edits: [edit] } : undefined,
      });
    }
  },
});
