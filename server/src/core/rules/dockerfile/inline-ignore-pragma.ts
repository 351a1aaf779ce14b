import { defineDockerfileRule } from '../../rule';

// `# hadolint ignore=DL3008,DL3009` (hadolint's per-instruction pragma) and our own `# seaworthy-ignore …`.
const HADOLINT_INLINE = /^hadolint\s+ignore\s*=/i;
const SEAWORTHY_INLINE = /^seaworthy-ignore(\s|$)/i;

export default defineDockerfileRule({
  id: 'inline-ignore-pragma',
  aliases: ['DL1001'],
  severity: 'info',
  profile: 'strict',
  fixable: 'never',
  docs: {
    summary: 'A comment switches a rule off for the next instruction.',
    why: 'Inline ignores spread silently: each one hides a finding from review, and nobody revisits them. Teams that want every exception in one reviewed place keep them in the config file instead.',
    bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
    fix: 'Fix what the ignored rule reports, or move the exception to `.seaworthy.yaml` / `.hadolint.yaml` (`ignored:` or a per-rule `off`) where it is reviewed once.',
    notes: 'hadolint reports only its own `# hadolint ignore=` comments; Seaworthy also reports `# seaworthy-ignore` comments, with the DL1001 id attached only to the hadolint ones. File-wide forms (`hadolint global ignore=`, `seaworthy-ignore-file`) and `# hadolint shell=` are not reported. Off by default (profile `strict`), like DL1001 in hadolint.',
  },
  handlers: {
    end(ctx) {
      for (const c of ctx.doc.comments) {
        const hadolint = HADOLINT_INLINE.test(c.text);
        if (!hadolint && !SEAWORTHY_INLINE.test(c.text)) continue;
        ctx.report({
          span: c,
          message: 'This comment switches a rule off inline: fix the finding, or record the exception in the config file.',
          aliases: hadolint ? ['DL1001'] : [],
        });
      }
    },
  },
});
