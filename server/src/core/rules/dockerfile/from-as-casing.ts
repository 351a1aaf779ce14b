import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'from-as-casing',
  aliases: ['FromAsCasing'],
  severity: 'hint',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'The `AS` keyword of a FROM is cased differently from `FROM` itself.',
    why: 'Mixed casing such as `FROM image as build` reads like the stage name is part of the image reference; keeping `AS` in the same case as `FROM` makes stage boundaries easy to scan.',
    bad: 'FROM node:22-slim as build\n',
    good: 'FROM node:22-slim AS build\n',
    fix: 'The safe fix rewrites `as` in the case of the FROM keyword. When FROM itself is mixed-case (`From`), instruction-casing reports it instead.',
  },
  handlers: {
    FROM(i, ctx) {
      if (i.words.length < 3) return;
      // The usual spellings (`FROM … AS`, `from … as`) are answered without case conversions, each a runtime call.
      const kw = i.keywordRaw;
      const lower = kw === 'from' || (kw !== 'FROM' && kw === kw.toLowerCase());
      const upper = kw === 'FROM' || (kw !== 'from' && kw === kw.toUpperCase());
      if (!lower && !upper) return;
      const as = i.words[1];
      if (as.raw === (lower ? 'as' : 'AS')) return;
      const want = lower ? as.raw.toLowerCase() : as.raw.toUpperCase();
      if (as.raw === want) return;
      ctx.report({
        span: as,
        message: `Write "${as.raw}" as "${want}" to match the casing of "${kw}".`,
        fix: { title: `Use "${want}"`, safe: true, edits: [{ start: as.start, end: as.end, newText: want }] },
      });
    },
  },
});
