import { defineComposeRule } from '../../rule';
import { allServices, dependencies, stringItems } from '../../compose/facts';
import { isMap, isScalar, scalarString } from '../../compose/query';
import type { Span } from '../../types';
import { didYouMean, project } from './util';

export default defineComposeRule({
  id: 'undefined-service',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A service refers to a service that is not defined (depends_on, links, extends, network_mode, volumes_from, pid, ipc).',
    why: '`docker compose` refuses to load a project in which a service depends on, links to, extends or shares a namespace with a service that does not exist — usually a typo or a service renamed in one place only.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - dbb\n  db:\n    image: postgres:17\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n',
    fix: 'Use the name of a service defined under `services:` (the message suggests the closest one), or define the missing service.',
    notes: 'Services of the base file (for `compose.override.yaml` and `compose.<env>.yaml`) and of `include`d files count as defined; when those files cannot be read, the rule stays quiet rather than guess. `extends` with a `file:` is not checked.',
  },
  check(ctx) {
    const p = project(ctx);
    if (p.incomplete) return;
    const known = [...p.services.keys()];
    const check = (service: string, name: string, span: Span, via: string) => {
      if (p.services.has(name)) return;
      ctx.report({ span, message: `Service "${service}" ${via} "${name}", which is not defined${didYouMean(name, known) || '.'}` });
    };
    for (const s of allServices(ctx.doc)) {
      const svc = s.node;
      if (!svc) continue;
      for (const d of dependencies(svc)) check(s.name, d.name, d.span, 'depends on');
      for (const l of stringItems(svc.get('links'))) {
        const name = l.value.split(':')[0];
        check(s.name, name, { start: l.node.start, end: l.node.start + (l.node.source.startsWith('"') || l.node.source.startsWith("'") ? 1 : 0) + name.length }, 'links to');
      }
      const ext = svc.get('extends');
      if (isScalar(ext)) { const n = scalarString(ext); if (n !== undefined) check(s.name, n, ext, 'extends'); }
      else if (isMap(ext) && !ext.has('file')) {
        const n = ext.get('service');
        if (isScalar(n) && scalarString(n) !== undefined) check(s.name, scalarString(n)!, n, 'extends');
      }
      for (const key of ['network_mode', 'pid', 'ipc']) {
        const v = svc.get(key);
        const text = scalarString(v);
        if (isScalar(v) && text?.startsWith('service:')) {
          const name = text.slice('service:'.length);
          const off = v.source.indexOf('service:');
          const span = off >= 0 ? { start: v.start + off + 8, end: v.start + off + 8 + name.length } : v;
          check(s.name, name, span, `uses the ${key} of`);
        }
      }
      for (const vf of stringItems(svc.get('volumes_from'))) {
        if (vf.value.startsWith('container:')) continue;
        const name = vf.value.replace(/^service:/, '').split(':')[0];
        const off = vf.node.source.indexOf(name);
        check(s.name, name, off >= 0 ? { start: vf.node.start + off, end: vf.node.start + off + name.length } : vf.node, 'mounts the volumes of');
      }
    }
  },
});
