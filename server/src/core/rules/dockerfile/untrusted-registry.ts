import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { Span } from '../../types';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com', 'registry.hub.docker.com']);

/** The registry host of an image reference; Docker Hub for references without one. */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const head = image.slice(0, slash);
  return head.includes('.') || head.includes(':') || head === 'localhost' ? head.toLowerCase() : 'docker.io';
}

function trusted(registry: string, patterns: readonly string[]): boolean {
  const hub = DOCKER_HUB.has(registry);
  return patterns.some((raw) => {
    const p = raw.trim().toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return registry.endsWith(p.slice(1));
    return p === registry || (hub && DOCKER_HUB.has(p));
  });
}

export default defineDockerfileRule({
  id: 'untrusted-registry',
  aliases: ['DL3026'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'An image comes from a registry that is not in the `trustedRegistries` setting.',
    why: 'Organisations mirror and scan the images they allow; a base image, `COPY --from` image or `RUN --mount from=` image pulled from anywhere else bypasses that review and can change without notice.',
    bad: 'FROM quay.io/someone/python:3.12\n',
    good: 'FROM registry.example.com/python:3.12\n',
    fix: 'Pull the image through a trusted registry (or its mirror), or add the registry to `trustedRegistries` (`*.example.com` trusts every subdomain, `docker.io` trusts images without a registry).',
    settings: { trustedRegistries: ['registry.example.com'] },
    notes: 'Does nothing until `trustedRegistries` is set (in `.seaworthy.yaml` or hadolint\'s `.hadolint.yaml`). Images written with variables are checked after expansion when their value is known. `docker.io`, `index.docker.io` and `hub.docker.com` all name Docker Hub.',
  },
  create(ctx) {
    const allowed = ctx.settings.trustedRegistries ?? [];
    if (!allowed.length) return {};
    const check = (image: string, span: Span, at: Instruction, what: string) => {
      const e = image.includes('$') ? ctx.analysis.expand(image, at) : { value: image, unresolved: [] };
      if (e.unresolved.length || !e.value || e.value.toLowerCase() === 'scratch') return;
      const registry = registryOf(e.value);
      if (trusted(registry, allowed)) return;
      ctx.report({ span, message: `${what} "${e.value}" comes from ${registry}, which is not a trusted registry (${allowed.join(', ')}).` });
    };
    const isStage = (ref: string) => ctx.analysis.stageNamed(ref) !== undefined;
    return {
      stage(s) {
        if (!s.image.raw || ctx.analysis.parentStage(s) || isStage(s.image.raw)) return;
        check(s.image.raw, s.image.span, s.from, 'Base image');
      },
      COPY(i) {
        const from = i.flags.find((f) => f.name === 'from');
        if (!from?.value || !from.valueSpan || isStage(from.value)) return;
        check(from.value, from.valueSpan, i, 'Image');
      },
      RUN(i) {
        for (const f of i.flags) {
          if (f.name !== 'mount' || !f.value || !f.valueSpan) continue;
          const m = /(?:^|,)from=([^,]+)/.exec(f.value);
          if (!m || isStage(m[1])) continue;
          const exact = ctx.text.slice(f.valueSpan.start, f.valueSpan.end) === f.value;
          const at = m.index + m[0].indexOf('from=') + 5;
          const span = exact ? { start: f.valueSpan.start + at, end: f.valueSpan.start + at + m[1].length } : f.valueSpan;
          check(m[1], span, i, 'Mounted image');
        }
      },
    };
  },
});
