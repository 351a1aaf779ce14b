import { defineComposeRule } from '../../rule';
import type { YMap } from '../../compose/model';
import { isScalar } from '../../compose/query';
import { insertPairsEdit } from '../../compose/edit';
import { hardeningFix, hardeningTargets } from './util';

/** `read_only: true`. */
const readOnly = (n: YMap) => { const v = n.get('read_only'); return isScalar(v) && (v.value === true || v.value === 'true'); };
/** A `tmpfs:` key. */
const hasTmpfs = (n: YMap) => n.has('tmpfs');

export default defineComposeRule({
  id: 'service-read-only',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service\'s container filesystem is writable (`read_only: true` is not set).',
    why: 'With a read-only root filesystem an attacker who gets code execution cannot drop tools, alter binaries or persist anything; the application writes only where you allow it (volumes and tmpfs).',
    bad: 'services:\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    read_only: true\n    tmpfs:\n      - /tmp\n',
    fix: 'The quick fix adds `read_only: true` and, when there is no `tmpfs:`, a tmpfs at `/tmp` (most programs need a writable temp directory). Not applied automatically: mount volumes or tmpfs for any other path the service writes to.',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      if (t.has(readOnly)) continue;
      const add: [string, unknown][] = [];
      if (!t.node.has('read_only')) add.push(['read_only', true]);
      if (!t.has(hasTmpfs)) add.push(['tmpfs', ['/tmp']]);
      const edit = t.node.has('read_only') ? undefined : insertPairsEdit(ctx.doc, t.node, add);
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" has a writable filesystem; set read_only: true (with tmpfs or volumes where it must write).`,
        fix: hardeningFix(t, 'Make the filesystem read-only (tmpfs at /tmp)', edit),
      });
    }
  },
});
