import { defineComposeRule } from '../../rule';
import type { YMap } from '../../compose/model';
import { isMap } from '../../compose/query';
import { insertPairEdit } from '../../compose/edit';
import { hardeningFix, hardeningTargets } from './util';

/** A restart policy, either syntax. */
const restarts = (n: YMap) => { const deploy = n.get('deploy'); return n.has('restart') || (isMap(deploy) && deploy.has('restart_policy')); };

export default defineComposeRule({
  id: 'service-restart-policy',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service has no restart policy (`restart:` or `deploy.restart_policy`).',
    why: 'The default is "no": a crash, an out-of-memory kill or a host reboot leaves the service down until someone notices.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    restart: unless-stopped\n',
    fix: 'The quick fix adds `restart: unless-stopped` (restarts after crashes and reboots, but not after `docker compose stop`). For one-shot jobs (migrations), write `restart: "no"` to say so.',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      if (t.has(restarts)) continue;
      const edit = insertPairEdit(ctx.doc, t.node, 'restart', 'unless-stopped');
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" has no restart policy, so it stays down after a crash or reboot; add restart: unless-stopped (or "no" for one-shot jobs).`,
        fix: hardeningFix(t, 'Add "restart: unless-stopped"', edit),
      });
    }
  },
});
