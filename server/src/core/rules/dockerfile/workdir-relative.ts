import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';

const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');

function join(base: string, rel: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  return '/' + parts.join('/');
}

export default defineDockerfileRule({
  id: 'workdir-relative',
  aliases: ['DL3000', 'WorkdirRelativePath'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'WORKDIR is set to a relative path.',
    why: 'A relative WORKDIR is resolved against whatever directory the base image left behind; when the base image changes, files land somewhere else.',
    bad: 'FROM node:22-slim\nWORKDIR app\n',
    good: 'FROM node:22-slim\nWORKDIR /app\n',
    fix: 'When an absolute WORKDIR comes earlier in the stage, the safe fix writes the resolved absolute path. Otherwise an unsafe fix anchors the path at `/` (the default of most base images).',
    notes: 'hadolint reports every relative WORKDIR; BuildKit only those with no absolute WORKDIR before them in the stage. Seaworthy reports both and attaches the BuildKit id only to the second kind.',
  },
  create(ctx) {
    let current: string | undefined;
    return {
      FROM() { current = undefined; },
      WORKDIR(i: Instruction) {
        const w = i.words[0];
        if (!w) return;
        const value = w.value;
        if (isAbsolute(value) || value.startsWith('$')) {
          if (isAbsolute(value)) current = value;
          else current = undefined;
          return;
        }
        const expanded = ctx.analysis.expand(value, i).value;
        if (isAbsolute(expanded)) { current = expanded; return; }
        const resolved = current ? join(current, value) : join('/', value);
        ctx.report({
          span: { start: w.start, end: i.words[i.words.length - 1].end },
          message: current
            ? `Use an absolute WORKDIR: "${value}" resolves to "${resolved}" here, so say so.`
            : `Use an absolute WORKDIR: "${value}" is resolved against the base image's directory.`,
          aliases: current ? ['DL3000'] : ['DL3000', 'WorkdirRelativePath'],
          fix: { title: `Use "${resolved}"`, safe: current !== undefined, edits: [{ start: w.start, end: w.end, newText: resolved }] },
        });
        if (current) current = resolved;
      },
    };
  },
});
