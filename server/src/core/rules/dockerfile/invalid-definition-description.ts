import { defineDockerfileRule } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { Span } from '../../types';

export default defineDockerfileRule({
  id: 'invalid-definition-description',
  aliases: ['InvalidDefinitionDescription'],
  severity: 'hint',
  profile: 'style',
  fixable: 'never',
  docs: {
    summary: 'The comment right above an ARG or a named stage does not start with that name.',
    why: 'Build tools (`docker buildx build --call=outline`, Docker Desktop) show the comment directly above an ARG or `FROM … AS name` as its description, but only when it starts with the name: `# VERSION the release to build`.',
    bad: 'FROM alpine:3.20 AS base\n# the version to install\nARG VERSION=1.2\n',
    good: 'FROM alpine:3.20 AS base\n# VERSION the version to install\nARG VERSION=1.2\n',
    fix: 'Start the comment with the ARG or stage name, or separate a plain comment from the instruction with a blank line.',
    notes: 'Reported on the name being defined, the line BuildKit reports. Experimental in BuildKit, so opt-in here (`style` profile); a `# check=experimental=InvalidDefinitionDescription` directive in the file also switches it on.',
  },
  create(ctx) {
    const check = (i: Instruction, names: string[], at: Span | undefined) => {
      if (!names.length || i.parent || !at) return;
      // The description is the last line of the comment block that ends right above the instruction.
      const above = ctx.doc.comments.find((c) => c.line === i.startLine - 1);
      if (!above || !above.text || ctx.doc.directives.some((d) => d.line === above.line)) return;
      const first = above.text.split(' ')[0];
      if (names.includes(first)) return;
      const example = names.length > 1 ? '<arg_key>' : names[0];
      ctx.report({
        span: at,
        message: `The comment directly above this ${i.keyword} is read as its description, so it should start with the name: "# ${example} <description>" (line ${above.line + 1}).`,
      });
    };
    return {
      ARG(i) { check(i, i.pairs.map((p) => p.key), i.pairs[0]?.keySpan); },
      stage(s) { if (s.name) check(s.from, [s.name], s.nameSpan); },
    };
  },
});
