import { defineComposeRule } from '../../rule';
import type { YMap } from '../../compose/model';
import { isMap, scalarString } from '../../compose/query';
import { insertPairEdit, insertPairsEdit } from '../../compose/edit';
import type { OffsetEdit } from '../../types';
import { hardeningFix, hardeningTargets } from './util';

const ROTATION = { 'max-size': '10m', 'max-file': '3' };

/** Logging options with `max-size`. */
const limitsSize = (n: YMap) => { const l = n.get('logging'); const o = isMap(l) ? l.get('options') : undefined; return isMap(o) && o.has('max-size'); };

export default defineComposeRule({
  id: 'service-logging-limits',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service logs with the `json-file` driver without a size limit.',
    why: 'Docker\'s default json-file logs grow without bound: a chatty service eventually fills the disk under /var/lib/docker and takes every container on the host down with it.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    fix: 'The quick fix adds (or completes) `logging:` with `max-size: 10m` and `max-file: "3"` (at most ~30 MB per container). Alternatively use the `local` driver, which rotates by default, or set limits for all containers in the daemon\'s `daemon.json`.',
    notes: 'Services using another driver (`local`, `syslog`, `fluentd`, …) are not reported. A daemon-wide default in daemon.json cannot be seen from the compose file; turn the rule off if you rely on one.',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const logging = t.node.get('logging');
      const driver = isMap(logging) ? scalarString(logging.get('driver')) ?? 'json-file' : 'json-file';
      if (driver !== 'json-file') continue;
      if (t.has(limitsSize)) continue;
      let edit: OffsetEdit | undefined;
      if (logging === undefined) edit = insertPairEdit(ctx.doc, t.node, 'logging', { driver: 'json-file', options: ROTATION });
      else if (isMap(logging)) {
        const options = logging.get('options');
        if (options === undefined) edit = insertPairEdit(ctx.doc, logging, 'options', ROTATION);
        else if (isMap(options)) edit = insertPairsEdit(ctx.doc, options, Object.entries(ROTATION).filter(([k]) => !options.has(k)));
      }
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" writes json-file logs without a size limit, which can fill the disk; set logging options max-size and max-file.`,
        fix: hardeningFix(t, 'Rotate logs (max-size 10m, max-file 3)', edit),
      });
    }
  },
});
