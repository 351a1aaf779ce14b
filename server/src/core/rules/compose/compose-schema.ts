import { defineComposeRule } from '../../rule';
import { validateComposeDocument } from '../../compose/validate';

export default defineComposeRule({
  id: 'compose-schema',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'The file does not follow the Compose Specification (unknown key, wrong type, value not allowed).',
    why: '`docker compose` validates every file against the Compose Specification schema and refuses to start anything when a key is misspelled, a value has the wrong type or a required key is missing. Catching it in the editor saves a failed `up` — and a misspelled optional key that some tools silently ignore never takes effect.',
    bad: 'services:\n  web:\n    imgae: nginx:1.27\n    ports:\n      - target: 80\n        publishd: 8080\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n',
    fix: 'Correct the key or value at the reported place. For an unknown key the message names the nearest known key ("did you mean …?"). Custom keys must start with `x-`.',
    notes: 'Validation uses the official Compose Specification schema (compose-spec/compose-spec, JSON Schema 2020-12), compiled at build time; every error is reported (not only the first), each at the key or value it is about. Values that use interpolation (`${VAR}`) are not type-checked, because Compose validates them after substitution. Nodes tagged `!reset` or `!override` are not checked. Other rules still run on a file with schema errors.',
  },
  check(ctx) {
    for (const doc of ctx.doc.documents) {
      for (const issue of validateComposeDocument(doc)) ctx.report({ span: issue.span, message: issue.message });
    }
  },
});
