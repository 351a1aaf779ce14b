import { defineComposeRule } from '../../rule';
import { STYLE_PROFILE_NOTE } from './util';
import { allServices } from '../../compose/facts';
import { isScalar, isSeq } from '../../compose/query';
import { unquoteScalarEdit } from '../../compose/edit';

export default defineComposeRule({
  id: 'volume-quoted',
  aliases: ['no-quotes-in-volumes'],
  severity: 'hint',
  profile: 'style',
  fixable: 'always',
  docs: {
    summary: 'A short-syntax `volumes` entry is quoted although it does not need quotes.',
    why: 'Consistency: mount specifications read more easily without quotes, and unnecessary quotes invite mixing quote styles within one list.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - "./site:/usr/share/nginx/html:ro"\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n',
    fix: 'The fix removes the quotes.',
    notes: 'Style profile (off by default). Entries whose quotes are needed (a value YAML would otherwise misread, such as one containing ": " or " #") are not reported. Long-syntax fields are not checked, as in dclint. ' + STYLE_PROFILE_NOTE,
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const list = s.node?.get('volumes');
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isScalar(item)) continue;
        const edit = unquoteScalarEdit(item);
        if (!edit) continue;
        ctx.report({ span: item, message: `The volume ${item.source} does not need quotes.`, fix: { title: 'Remove the quotes', safe: true, edits: [edit] } });
      }
    }
  },
});
