import { defineComposeRule } from '../../rule';
import type { YMap } from '../../compose/model';
import { stringItems } from '../../compose/facts';
import { isSeq } from '../../compose/query';
import { appendItemEdit, insertPairEdit } from '../../compose/edit';
import { hardeningFix, hardeningTargets } from './util';

/** `security_opt: [no-new-privileges:true]`. */
const noNewPrivileges = (n: YMap) => stringItems(n.get('security_opt')).some((o) => /^no-new-privileges(?:\s*[:=]\s*true)?$/i.test(o.value.trim()));

export default defineComposeRule({
  id: 'service-no-new-privileges',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service does not set `security_opt: [no-new-privileges:true]`.',
    why: 'Without it, a process can gain privileges through setuid binaries (`su`, `sudo`, a planted setuid shell). With it, privileges can only go down — a cheap barrier against escalation inside the container.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    security_opt:\n      - no-new-privileges:true\n',
    fix: 'The quick fix adds `no-new-privileges:true` to `security_opt` (creating the list if needed). Not applied automatically: an entrypoint that relies on setuid helpers (rare) stops working.',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      if (t.has(noNewPrivileges)) continue;
      const existing = t.node.get('security_opt');
      const edit = isSeq(existing) ? appendItemEdit(ctx.doc, existing, 'no-new-privileges:true') : existing === undefined ? insertPairEdit(ctx.doc, t.node, 'security_opt', ['no-new-privileges:true']) : undefined;
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" lets processes gain privileges via setuid binaries; add security_opt: [no-new-privileges:true].`,
        fix: hardeningFix(t, 'Add no-new-privileges:true', edit),
      });
    }
  },
});
