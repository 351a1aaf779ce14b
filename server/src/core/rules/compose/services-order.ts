import { defineComposeRule } from '../../rule';
import { keyString, rootMap } from '../../compose/query';
import { pairBlocks, reorderEdit } from '../../compose/edit';
import { isMap } from '../../compose/query';
import { byText, outOfOrder, sortedOrder, STYLE_PROFILE_NOTE } from './util';

export default defineComposeRule({
  id: 'services-order',
  aliases: ['services-alphabetical-order'],
  severity: 'hint',
  profile: 'style',
  fixable: 'sometimes',
  docs: {
    summary: 'Services are not in alphabetical order.',
    why: 'In a long file, alphabetical order lets readers find a service without searching, and keeps diffs from different branches from colliding at the end of the list.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n  web:\n    image: nginx:1.27\n',
    fix: 'The fix sorts the services, moving each one with the comment lines directly above it; blank lines stay in place and nothing else changes (dclint rewrites the whole file and drops comments). It is not offered when an anchor would end up after its alias.',
    notes: 'Style profile (off by default): order is a team convention, not a defect. Enable it with `--profile recommended,style` or in settings. Each service placed after one that sorts later is reported, as dclint does. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    for (const d of ctx.doc.documents) {
      const services = rootMap(d)?.get('services');
      if (!isMap(services)) continue;
      const pairs = services.pairs.filter((p) => !p.merged);
      const names = pairs.map((p) => keyString(p.key));
      const bad = outOfOrder(names, byText);
      if (!bad.length) continue;
      const blocks = pairBlocks(services);
      const edit = blocks ? reorderEdit(ctx.doc, blocks, sortedOrder(names, byText)) : undefined;
      for (const b of bad) {
        ctx.report({
          span: pairs[b.index].key,
          message: `Service "${names[b.index]}" should come before "${names[b.before]}" (alphabetical order).`,
          fix: edit ? { title: 'Sort services alphabetically', safe: true, edits: [edit] } : undefined,
        });
      }
    }
  },
});
