import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'label-not-in-schema',
  aliases: ['DL3050'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'With strict labels on, a LABEL sets a key that the label schema does not list.',
    why: 'A strict label schema is the agreed list of image metadata: keys outside it are usually typos of a schema key (which then stays missing) or ad-hoc metadata nobody reads.',
    bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.sourc="https://example.com/app"\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source="https://example.com/app"\n',
    fix: 'Rename the key to the schema key you meant, or add the key to the schema.',
    settings: { labelSchema: { 'org.opencontainers.image.source': 'url' }, strictLabels: true },
    notes: 'Active only with `strictLabels: true` (`strict-labels` in `.hadolint.yaml`). Reported per key, where hadolint reports the LABEL instruction once.',
  },
  handlers: {
    LABEL(i, ctx) {
      if (!ctx.settings.strictLabels) return;
      const schema = ctx.settings.labelSchema ?? {};
      for (const p of i.pairs) {
        if (Object.prototype.hasOwnProperty.call(schema, p.key)) continue;
        const known = Object.keys(schema);
        ctx.report({
          span: p.keySpan,
          message: `Label "${p.key}" is not in the label schema${known.length ? ` (${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''})` : ''}.`,
        });
      }
    },
  },
});
