import { defineDockerfileRule } from '../../rule';
import { KEYWORDS, type Instruction } from '../../dockerfile/model';

const consistent = (k: string) => k === k.toLowerCase() || k === k.toUpperCase();
const LOWER = new Map<string, string>(KEYWORDS.map((k) => [k, k.toLowerCase()]));

/**
 * 'upper', 'lower' or 'mixed', as `consistent` and a lower-case comparison say, but without new strings for
 * the usual spellings (this runs on every instruction: two case conversions each were 3 % of a large file's lint).
 */
function casing(i: Instruction): 'upper' | 'lower' | 'mixed' {
  const k = i.keywordRaw;
  if (k === i.keyword) return 'upper';
  if (k === LOWER.get(i.keyword)) return 'lower';
  if (!consistent(k)) return 'mixed';
  return k === k.toLowerCase() ? 'lower' : 'upper';
}

export default defineDockerfileRule({
  id: 'instruction-casing',
  aliases: ['ConsistentInstructionCasing'],
  severity: 'hint',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'An instruction keyword is mixed-case (`Run`) or cased unlike most of the file.',
    why: 'Keywords are case-insensitive, but a file that mixes `RUN` and `run` is harder to scan, and mixed-case keywords look like typos.',
    bad: 'FROM alpine:3.20\nrun echo hello\nCOPY . /app\n',
    good: 'FROM alpine:3.20\nRUN echo hello\nCOPY . /app\n',
    fix: 'The safe fix rewrites the keyword in the casing most instructions of the file use (uppercase on a tie).',
    notes: 'Like BuildKit, the majority is counted over self-consistent keywords (all upper or all lower). BuildKit skips ARGs before the first FROM and ONBUILD triggers; Seaworthy checks them too.',
  },
  handlers: {
    end(ctx) {
      // Only the file's own known keywords vote (ONBUILD triggers do not); triggers are reported like the rest.
      // Indexed loops, not for-of: they run once per lint, mostly unoptimised, where each step of an iterator made an
      // object (0.02 MB on the 5,000-line file).
      const all = ctx.doc.instructions;
      let lower = 0;
      let upper = 0;
      let mixed = 0;
      /** Known ONBUILD triggers not in upper case: they do not vote, but are checked. */
      let triggersNotUpper = 0;
      for (let k = 0; k < all.length; k++) {
        const i = all[k];
        if (!i.known) continue;
        const c = casing(i);
        if (c === 'lower') lower++; else if (c === 'upper') upper++; else mixed++;
        if (i.trigger?.known && casing(i.trigger) !== 'upper') triggersNotUpper++;
      }
      const toLower = lower > upper;
      // Every instruction already in upper case (most files): nothing to check again.
      if (!toLower && lower === 0 && mixed === 0 && triggersNotUpper === 0) return;
      const check = (i: Instruction) => {
        if (casing(i) === (toLower ? 'lower' : 'upper')) return;
        const want = toLower ? i.keywordRaw.toLowerCase() : i.keywordRaw.toUpperCase();
        if (i.keywordRaw === want) return;
        ctx.report({
          span: i.keywordSpan,
          message: consistent(i.keywordRaw)
            ? `Write "${i.keywordRaw}" in ${toLower ? 'lowercase' : 'uppercase'} like most instructions in this file.`
            : `"${i.keywordRaw}" mixes upper and lower case: write "${want}" like most instructions in this file.`,
          fix: { title: `Use "${want}"`, safe: true, edits: [{ ...i.keywordSpan, newText: want }] },
        });
      };
      // In file order, each trigger after its ONBUILD (no list of all of them: a file can have thousands).
      for (let k = 0; k < all.length; k++) {
        const i = all[k];
        if (!i.known) continue;
        check(i);
        if (i.trigger?.known) check(i.trigger);
      }
    },
  },
});
