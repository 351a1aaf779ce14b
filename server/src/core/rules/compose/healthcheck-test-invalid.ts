import { defineComposeRule } from '../../rule';
import { allServices } from '../../compose/facts';
import { isMap, isScalar, isSeq, scalarString } from '../../compose/query';
import { eolOf, replaceScalarEdit } from '../../compose/edit';
import type { OffsetEdit } from '../../types';

const TYPES = ['CMD', 'CMD-SHELL', 'NONE'];

export default defineComposeRule({
  id: 'healthcheck-test-invalid',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A healthcheck `test` list does not start with CMD, CMD-SHELL or NONE, or its arguments do not fit that form.',
    why: 'Docker reads the first item of a `test` list as the check type: anything else is rejected, `["CMD"]` alone has nothing to run, `CMD-SHELL` runs only its first argument (the rest is silently dropped), and `["CMD", "curl -f http://localhost"]` looks for a program literally named "curl -f http://localhost". The container then never turns healthy.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["curl", "-f", "http://localhost/"]\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n',
    fix: 'Start the list with `CMD` (exec form: program and arguments as separate items) or `CMD-SHELL` (one string run by the shell), or write `test:` as a plain string (shell form). Quick fixes upper-case a lower-case type, add a missing `CMD`, turn `CMD` with one command line into `CMD-SHELL`, and join `CMD-SHELL` arguments into one string.',
  },
  check(ctx) {
    const eol = eolOf(ctx.text);
    for (const s of allServices(ctx.doc)) {
      const hc = s.node?.get('healthcheck');
      if (!isMap(hc)) continue;
      const test = hc.get('test');
      if (!isSeq(test)) continue;
      const pair = hc.pair('test')!;
      if (!test.items.length) { ctx.report({ span: pair.key, message: `The healthcheck test of "${s.name}" is an empty list; start it with "CMD", "CMD-SHELL" or "NONE".` }); continue; }
      const first = test.items[0];
      const kind = scalarString(first);
      if (!isScalar(first) || kind === undefined || /\$/.test(kind)) continue;
      const args = test.items.slice(1);
      if (!TYPES.includes(kind)) {
        const upper = kind.toUpperCase();
        if (TYPES.includes(upper)) {
          const edit = replaceScalarEdit(first, upper);
          ctx.report({ span: first, message: `The healthcheck type must be upper-case "${upper}", not "${kind}".`, fix: edit ? { title: `Write "${upper}"`, safe: true, edits: [edit] } : undefined });
          continue;
        }
        let edit: OffsetEdit | undefined;
        if (test.flow) edit = { start: first.start, end: first.start, newText: '"CMD", ' };
        else {
          const dash = ctx.text.lastIndexOf('-', first.start);
          const lineStart = ctx.text.lastIndexOf('\n', dash) + 1;
          if (dash >= lineStart && !ctx.text.slice(lineStart, dash).trim()) edit = { start: dash, end: dash, newText: `- CMD${eol}${ctx.text.slice(lineStart, dash)}` };
        }
        ctx.report({
          span: first,
          message: `The healthcheck test of "${s.name}" must start with "CMD", "CMD-SHELL" or "NONE"; "${kind}" is not a check type. Add "CMD" before the command.`,
          fix: edit ? { title: 'Insert "CMD" before the command', safe: false, edits: [edit] } : undefined,
        });
        continue;
      }
      if ((kind === 'CMD' || kind === 'CMD-SHELL') && !args.length) {
        ctx.report({ span: first, message: `The healthcheck "${kind}" of "${s.name}" has no command to run.` });
        continue;
      }
      const strings = args.map(scalarString);
      if (kind === 'CMD-SHELL' && args.length > 1 && strings.every((x) => x !== undefined)) {
        const joined = strings.join(' ');
        const last = args[args.length - 1];
        ctx.report({
          span: { start: args[1].start, end: last.end },
          severity: 'warning',
          message: `CMD-SHELL runs only its first argument as a shell command; the other ${args.length - 1} item(s) are ignored. Join them into one string.`,
          fix: test.flow ? { title: 'Join the command into one string', safe: false, edits: [{ start: args[0].start, end: last.end, newText: JSON.stringify(joined) }] } : undefined,
        });
        continue;
      }
      if (kind === 'CMD' && args.length === 1 && /\s/.test(strings[0] ?? '') && !/^\s|\s$/.test(strings[0]!)) {
        const edit = replaceScalarEdit(first, 'CMD-SHELL');
        ctx.report({
          span: args[0],
          severity: 'warning',
          message: `CMD runs "${strings[0]}" as one program name (there is no shell to split it). Use "CMD-SHELL" for a command line, or split it into separate items.`,
          fix: edit ? { title: 'Use CMD-SHELL', safe: false, edits: [edit] } : undefined,
        });
        continue;
      }
      if (kind === 'NONE' && args.length) {
        ctx.report({ span: { start: args[0].start, end: args[args.length - 1].end }, severity: 'warning', message: '"NONE" disables the healthcheck; the items after it are ignored.' });
      }
    }
  },
});
