import { defineDockerfileRule } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { chainFact, stripQuotes } from './util';

const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const isAbsolute = (p: string) => p.startsWith('/') || WINDOWS_DRIVE.test(p) || p.startsWith('\\');

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
  aliases: ['DL3000', 'WorkdirRelativePath', 'DS009', 'CKV_DOCKER_10'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'WORKDIR is set to a relative path.',
    why: 'A relative WORKDIR is resolved against whatever directory the base image left behind; when the base image changes, files land somewhere else.',
    bad: 'FROM node:22-slim\nWORKDIR app\n',
    good: 'FROM node:22-slim\nWORKDIR /app\n',
    fix: 'When an absolute WORKDIR comes earlier in the stage, the safe fix writes the resolved absolute path. Otherwise an unsafe fix anchors the path at `/` (the default of most base images).',
    notes: 'hadolint, Trivy and Checkov report every relative WORKDIR; BuildKit only those with no absolute WORKDIR before them in the stage or the stages it builds on (`FROM base`). Seaworthy reports both and attaches the BuildKit id only to the second kind.',
  },
  create(ctx) {
    let current: string | undefined;
    /** The absolute WORKDIR a stage ends in (undefined: unknown, the base image's), from the one its parent stage ends in. */
    const endDir = (s: Stage, parentDir: string | undefined): string | undefined => {
      let dir = parentDir;
      for (const i of s.instructions) {
        const w = i.keyword === 'WORKDIR' ? i.words[0] : undefined;
        if (!w) continue;
        // Without a `$` the word is its own value, and nothing in it is unresolved.
        const e = w.value.includes('$') ? ctx.analysis.expand(w.value, i) : undefined;
        const value = e ? e.value : w.value;
        if (e?.unresolved.length && !isAbsolute(value)) { dir = undefined; continue; }
        dir = isAbsolute(value) ? value : dir ? join(dir, value) : undefined;
      }
      return dir;
    };
    return {
      stage(s) {
        // The absolute WORKDIR a stage starts in when it builds on an earlier stage of this file.
        const parent = ctx.analysis.parentStage(s);
        current = parent ? chainFact(ctx, endDir, parent) : undefined;
      },
      WORKDIR(i: Instruction) {
        const w = i.words[0];
        if (!w) return;
        // `"C:\"` as written: the backslash is a Windows path separator, not an escape of the quote.
        const unquoted = stripQuotes(w.raw);
        const value = isAbsolute(unquoted) && !isAbsolute(w.value) ? unquoted : w.value;
        if (isAbsolute(value) || value.startsWith('$')) {
          if (isAbsolute(value)) current = value;
          else current = undefined;
          return;
        }
        const expanded = value.includes('$') ? ctx.analysis.expand(value, i).value : value;
        if (isAbsolute(expanded)) { current = expanded; return; }
        const resolved = current ? join(current, value) : join('/', value);
        ctx.report({
          span: { start: w.start, end: i.words[i.words.length - 1].end },
          message: current
            ? `Use an absolute WORKDIR: "${value}" resolves to "${resolved}" here, so say so.`
            : `Use an absolute WORKDIR: "${value}" is resolved against the base image's directory.`,
          aliases: current ? ['DL3000', 'DS009', 'CKV_DOCKER_10'] : undefined,
          fix: { title: `Use "${resolved}"`, safe: current !== undefined, edits: [{ start: w.start, end: w.end, newText: resolved }] },
        });
        if (current) current = resolved;
      },
    };
  },
});
