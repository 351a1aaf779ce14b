import { defineComposeRule } from '../../rule';
import { rootMap } from '../../compose/query';
import { removePairLinesEdit } from '../../compose/edit';

export default defineComposeRule({
  id: 'version-obsolete',
  aliases: ['no-version-field'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'The top-level `version` key is obsolete.',
    why: 'Compose v2 ignores `version` and warns about it on every command ("the attribute `version` is obsolete"). It also misleads readers into thinking the file is limited to an old format.',
    bad: "version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n",
    good: 'services:\n  web:\n    image: nginx:1.27\n',
    fix: 'The fix removes the `version` line; comments above and below it stay.',
  },
  check(ctx) {
    for (const d of ctx.doc.documents) {
      // Every `version` key, duplicates included, so one fix-all pass removes them all.
      for (const pair of rootMap(d)?.pairs.filter((p) => !p.merged && p.key.value === 'version') ?? []) {
        const edit = removePairLinesEdit(ctx.doc, pair);
        ctx.report({
          span: pair.key,
          message: 'The "version" key is obsolete: Compose ignores it and warns. Remove it.',
          fix: edit ? { title: 'Remove the obsolete "version" line', safe: true, edits: [edit] } : undefined,
        });
      }
    }
  },
});
