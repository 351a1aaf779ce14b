import { defineComposeRule } from '../../rule';
import { allServices, mounts, normalizeTarget, stringItems } from '../../compose/facts';
import type { Span } from '../../types';

export default defineComposeRule({
  id: 'duplicate-mount-target',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'Two volumes, bind mounts or tmpfs mounts of one service use the same path in the container.',
    why: 'Docker refuses to create the container ("Duplicate mount point"): one path can hold one mount.',
    bad: 'services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - ./config:/etc/app\n      - app-config:/etc/app/\nvolumes:\n  app-config: {}\n',
    good: 'services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - ./config:/etc/app\n      - app-config:/var/lib/app\nvolumes:\n  app-config: {}\n',
    fix: 'Keep one of the mounts, or mount the second one at another path.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const seen = new Map<string, number>();
      const targets: { target: string; span: Span }[] = [];
      for (const m of mounts(s.node)) if (m.target && m.targetSpan && !/\$/.test(m.target)) targets.push({ target: m.target, span: m.targetSpan });
      for (const t of stringItems(s.node?.get('tmpfs'))) {
        const path = t.value.split(':')[0];
        if (path && !/\$/.test(path)) targets.push({ target: path, span: { start: t.node.start, end: t.node.end } });
      }
      for (const t of targets) {
        const key = normalizeTarget(t.target);
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.report({ span: t.span, message: `Service "${s.name}" already mounts something at "${key}" (line ${first}); Docker refuses duplicate mount points.` });
        } else seen.set(key, ctx.lines.lineOf(t.span.start) + 1);
      }
    }
  },
});
