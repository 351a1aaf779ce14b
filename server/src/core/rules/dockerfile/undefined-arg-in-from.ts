import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import { AUTOMATIC_ARGS } from '../../dockerfile/analysis';
import { sourceSpan } from '../../dockerfile/words';
import { closestName, isVariableName, lintState, variableRefs } from './util';

export default defineDockerfileRule({
  id: 'undefined-arg-in-from',
  aliases: ['UndefinedArgInFrom'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'FROM uses a variable that no ARG before the first FROM declares.',
    why: 'Only ARGs declared before the first FROM (and the automatic platform ARGs) are visible in FROM lines. An undeclared one expands to an empty string, so the stage quietly builds from a different image or platform than intended, or fails.',
    bad: 'FROM node:22${VARIANT}\n',
    good: 'ARG VARIANT=-alpine\nFROM node:22${VARIANT}\n',
    fix: 'Declare the ARG before the first FROM (with a default when the build should work without `--build-arg`). When the name is a near miss of a declared one, the unsafe fix corrects the spelling.',
  },
  handlers: {
    FROM(i, ctx) {
      if (!i.argsText.includes('$')) return;
      let reported: Set<string> | undefined; // made on the first finding: most references are declared
      for (const ref of variableRefs(i.argsText, ctx.doc.escape)) {
        if (reported?.has(ref.name) || ctx.analysis.resolve(ref.name, i).declared) continue;
        (reported ??= new Set()).add(ref.name);
        // The lint's suggestions, made on its first finding: most files have none.
        const guess = closestName(ref.name, lintState(ctx, newSuggestions).before(ctx, i));
        ctx.report({
          span: sourceSpan(i.map, ref.start, ref.end),
          message: `"${ref.name}" is not declared with ARG before the first FROM, so it is empty here${guess ? ` (did you mean ${guess}?)` : ''}.`,
          fix: guess ? { title: `Use ${guess}`, safe: false, edits: [{ ...sourceSpan(i.map, ref.nameStart, ref.nameEnd), newText: guess }] } : undefined,
        });
      }
    },
  },
});

/**
 * The names a "did you mean" picks from: the automatic ARGs and the global ARGs before the FROM. They are the
 * same for most FROMs (all global ARGs come first), so the list is kept for the count of ARGs it was made for.
 */
class Suggestions {
  private names: string[] = [];
  private madeFor = -1;

  before(ctx: DockerfileContext, i: Instruction): string[] {
    const args = ctx.doc.globalArgs;
    let n = 0;
    while (n < args.length && args[n].start < i.start) n++;
    if (n !== this.madeFor) {
      const candidates = new Set<string>(AUTOMATIC_ARGS);
      for (let k = 0; k < n; k++) for (const p of args[k].pairs) candidates.add(p.key);
      this.names = [...candidates].filter(isVariableName);
      this.madeFor = n;
    }
    return this.names;
  }
}

/** A module function: the memo key for the lint's Suggestions, and their maker. */
function newSuggestions(): Suggestions {
  return new Suggestions();
}
