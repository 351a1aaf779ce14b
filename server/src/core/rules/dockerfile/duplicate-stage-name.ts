import { defineDockerfileRule } from '../../rule';
import type { Stage } from '../../dockerfile/model';
import { lintState } from './util';

export default defineDockerfileRule({
  id: 'duplicate-stage-name',
  aliases: ['DL3024', 'DuplicateStageName'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'Two stages have the same `AS` name.',
    why: '`COPY --from=name`, `FROM name` and `docker build --target name` can only mean one stage; with two stages of the same name (compared case-insensitively) it is easy to copy from, or ship, the wrong one.',
    bad: 'FROM golang:1.23 AS build\nFROM node:22-slim AS build\n',
    good: 'FROM golang:1.23 AS build-api\nFROM node:22-slim AS build-web\n',
    fix: 'Rename one of the stages and update the `--from`/`FROM` references to it.',
  },
  handlers: {
    stage(s, ctx) {
      if (!s.name || !s.nameSpan) return;
      const seen = lintState(ctx, newSeen); // made for the lint's first named stage
      const first = seen.get(s.name);
      if (!first) { seen.set(s.name, s); return; }
      ctx.report({ span: s.nameSpan, message: `Stage name "${s.name}" is already used on line ${first.from.startLine + 1}: give each stage its own name.` });
    },
  },
});

/** The lint's named stages by name (a module function: the memo key and the maker). */
function newSeen(): Map<string, Stage> {
  return new Map();
}
