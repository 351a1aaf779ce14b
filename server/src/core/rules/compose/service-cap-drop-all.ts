import { defineComposeRule } from '../../rule';
import type { YMap } from '../../compose/model';
import { stringItems } from '../../compose/facts';
import { isSeq } from '../../compose/query';
import { appendItemEdit, insertPairEdit } from '../../compose/edit';
import { hardeningFix, hardeningTargets } from './util';

/** `cap_drop: [ALL]`. */
const dropsAll = (n: YMap) => stringItems(n.get('cap_drop')).some((c) => /^(?:CAP_)?ALL$/i.test(c.value));

export default defineComposeRule({
  id: 'service-cap-drop-all',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service keeps Docker\'s default Linux capabilities (`cap_drop: [ALL]` is not set).',
    why: 'Docker grants 14 capabilities by default (CHOWN, NET_RAW, SETUID, …) that most services never use; NET_RAW alone allows ARP and DNS spoofing on the container network. Dropping all and adding back the few needed shrinks what an attacker inherits.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    cap_drop:\n      - ALL\n',
    fix: 'The quick fix adds `cap_drop: [ALL]` (or adds `ALL` to an existing list). Not applied automatically: add back what the service needs with `cap_add` (an entrypoint that switches user needs SETUID and SETGID, one that chowns files needs CHOWN).',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      if (t.has(dropsAll)) continue;
      const existing = t.node.get('cap_drop');
      const edit = isSeq(existing) ? appendItemEdit(ctx.doc, existing, 'ALL') : existing === undefined ? insertPairEdit(ctx.doc, t.node, 'cap_drop', ['ALL']) : undefined;
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" keeps Docker's default capabilities; add cap_drop: [ALL] and cap_add only what it needs.`,
        fix: hardeningFix(t, 'Drop all capabilities', edit),
      });
    }
  },
});
