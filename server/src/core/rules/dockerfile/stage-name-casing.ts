import { defineDockerfileRule } from '../../rule';
import type { OffsetEdit } from '../../types';

/**
 * Whether lower-casing leaves the name as it is: an ASCII name is answered from its characters, without a call to
 * `toLowerCase` (asked for every named stage: 0.3 % of a lint of the 5,000-line file).
 */
function isLowerCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 65 && c <= 90) return false;
    if (c >= 128) return s === s.toLowerCase();
  }
  return true;
}

export default defineDockerfileRule({
  id: 'stage-name-casing',
  aliases: ['StageNameCasing'],
  severity: 'hint',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A stage name (`FROM … AS Name`) is not lowercase.',
    why: 'BuildKit compares stage names case-insensitively and lower-cases them, so `AS Builder` and `--from=builder` are the same stage; mixed case only makes references look different from what they resolve to.',
    bad: 'FROM golang:1.22 AS Builder\nFROM scratch\nCOPY --from=Builder /out /app\n',
    good: 'FROM golang:1.22 AS builder\nFROM scratch\nCOPY --from=builder /out /app\n',
    fix: 'The safe fix lower-cases the name and every reference to it (`FROM`, `COPY --from`, `RUN --mount=from=`); since stage names are case-insensitive, the build does not change.',
  },
  handlers: {
    stage(stage, ctx) {
      const w = stage.from.words;
      if (w.length !== 3 || !stage.nameSpan) return;
      const raw = w[2].value;
      if (isLowerCase(raw)) return;
      const lower = raw.toLowerCase();
      const edits: OffsetEdit[] = [{ ...stage.nameSpan, newText: lower }];
      for (const later of ctx.doc.stages.slice(stage.index + 1)) {
        const img = later.image;
        if (img.raw !== lower && img.raw.toLowerCase() === lower && ctx.analysis.parentStage(later) === stage) edits.push({ ...img.span, newText: lower });
      }
      for (const i of ctx.doc.instructions) {
        const t = i.trigger ?? i;
        if (t.stage <= stage.index) continue;
        for (const f of t.flags) {
          if (!f.valueSpan || f.value === undefined) continue;
          if (f.name === 'from' && f.value !== lower && f.value.toLowerCase() === lower && ctx.analysis.stageNamed(f.value, t.stage) === stage) {
            edits.push({ ...f.valueSpan, newText: lower });
          } else if (f.name === 'mount') {
            const m = /(^|,)from=([^,]*)/.exec(ctx.text.slice(f.valueSpan.start, f.valueSpan.end));
            if (m && m[2] !== lower && m[2].toLowerCase() === lower) {
              const at = f.valueSpan.start + m.index + m[1].length + 5;
              edits.push({ start: at, end: at + m[2].length, newText: lower });
            }
          }
        }
      }
      ctx.report({
        span: stage.nameSpan,
        message: `Write the stage name "${raw}" in lowercase: stage names are case-insensitive and BuildKit lower-cases them.`,
        // Only a name BuildKit accepts as written (no quotes or spaces to carry over) is rewritten.
        fix: /^[a-z][a-z0-9._-]*$/.test(lower) ? { title: `Rename the stage to "${lower}"`, safe: true, edits } : undefined,
      });
    },
  },
});
