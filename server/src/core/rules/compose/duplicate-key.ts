import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  id: 'duplicate-key',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The same key appears twice in one mapping.',
    why: '`docker compose` rejects a file with a repeated key ("mapping key already defined"), and YAML tools that accept it silently keep only one of the two values — so half of what is written has no effect.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      MODE: prod\n    environment:\n      DEBUG: "1"\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      MODE: prod\n      DEBUG: "1"\n',
    fix: 'Merge the two entries into one, or delete the one that is not wanted. There is no automatic fix: which value was meant is a human decision.',
  },
  check(ctx) {
    for (const d of ctx.doc.duplicateKeys) {
      const line = ctx.lines.lineOf(d.first.start) + 1;
      ctx.report({ span: d.second, message: `Key "${d.key}" is already defined in this mapping (line ${line}); Compose rejects duplicate keys — merge them or remove one.` });
    }
  },
});
