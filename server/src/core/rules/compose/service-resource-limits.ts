import { defineComposeRule } from '../../rule';
import { isMap } from '../../compose/query';
import type { YMap } from '../../compose/model';
import { insertPairEdit, insertPairsEdit } from '../../compose/edit';
import type { OffsetEdit } from '../../types';
import { hardeningFix, hardeningTargets } from './util';

const DEFAULTS = { memory: '512M', cpus: '1.0' };

const limitsOf = (n: YMap): YMap | undefined => {
  const deploy = n.get('deploy');
  const res = isMap(deploy) ? deploy.get('resources') : undefined;
  const lim = isMap(res) ? res.get('limits') : undefined;
  return isMap(lim) ? lim : undefined;
};

/** A memory limit, either syntax. */
const limitsMemory = (n: YMap) => n.has('mem_limit') || !!limitsOf(n)?.has('memory');
/** A CPU limit, either syntax. */
const limitsCpus = (n: YMap) => n.has('cpus') || !!limitsOf(n)?.has('cpus');

export default defineComposeRule({
  id: 'service-resource-limits',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'sometimes',
  docs: {
    summary: 'A service has no memory or no CPU limit.',
    why: 'Without limits one leaking or runaway container can take all of the host\'s memory or CPU, and the kernel\'s out-of-memory killer may pick another service (or the Docker daemon) to kill.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n',
    good: 'services:\n  api:\n    image: example/api:1.4\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n',
    fix: 'The quick fix adds `deploy.resources.limits` with `memory: 512M` and `cpus: "1.0"` where missing — starting points to adjust to the service\'s measured needs (not applied automatically).',
    notes: 'The older `mem_limit` and `cpus` service keys count too.',
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const hasMemory = t.has(limitsMemory);
      const hasCpus = t.has(limitsCpus);
      if (hasMemory && hasCpus) continue;
      const want: Record<string, string> = {};
      if (!hasMemory) want.memory = DEFAULTS.memory;
      if (!hasCpus) want.cpus = DEFAULTS.cpus;
      let edit: OffsetEdit | undefined;
      const deploy = t.node.get('deploy');
      if (deploy === undefined) edit = insertPairEdit(ctx.doc, t.node, 'deploy', { resources: { limits: want } });
      else if (isMap(deploy)) {
        const res = deploy.get('resources');
        if (res === undefined) edit = insertPairEdit(ctx.doc, deploy, 'resources', { limits: want });
        else if (isMap(res)) {
          const lim = res.get('limits');
          if (lim === undefined) edit = insertPairEdit(ctx.doc, res, 'limits', want);
          else if (isMap(lim)) edit = insertPairsEdit(ctx.doc, lim, Object.entries(want));
        }
      }
      const missing = [!hasMemory && 'memory', !hasCpus && 'CPU'].filter(Boolean).join(' and ');
      ctx.report({
        span: t.service.nameSpan,
        message: `Service "${t.service.name}" has no ${missing} limit; one runaway container can starve the host. Set deploy.resources.limits.`,
        fix: hardeningFix(t, `Add ${missing} limits (${Object.entries(want).map(([k, v]) => `${k} ${v}`).join(', ')}; adjust)`, edit),
      });
    }
  },
});
