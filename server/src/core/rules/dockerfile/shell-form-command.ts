import { defineDockerfileRule } from '../../rule';
import type { Instruction, Stage, Word } from '../../dockerfile/model';
import { ancestorHas, execForm, hasEmbeddedComments } from './util';

// Plain words only: anything the shell would interpret keeps the shell form's meaning.
const SHELL_SYNTAX = /[|&;<>()$`\\*?[\]{}~#!]|^\s*$/;
const QUOTES = /^"(.*)"$|^'(.*)'$/;
const QUOTED_PLAIN = /^'[^']*'$|^"[^"$`\\]*"$/;

/** Whether the words from `from` on are plain: the exec form would mean the same. */
function plainWords(words: readonly Word[], from: number): boolean {
  for (let k = from; k < words.length; k++) {
    const raw = words[k].raw;
    // Both patterns about quotes need one first: an unquoted word (most) is tested as it is, with no copy.
    const quoted = raw[0] === '"' || raw[0] === "'";
    if (!quoted) { if (SHELL_SYNTAX.test(raw)) return false; continue; }
    if (SHELL_SYNTAX.test(raw.replace(QUOTES, '$1$2')) && !QUOTED_PLAIN.test(raw)) return false;
  }
  return true;
}

export default defineDockerfileRule({
  id: 'shell-form-command',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'CMD, ENTRYPOINT or HEALTHCHECK CMD uses the shell form.',
    why: 'In shell form the process runs under `/bin/sh -c`, so `docker stop` sends SIGTERM to the shell, not your app: it gets killed after the timeout instead of shutting down cleanly.',
    bad: 'CMD node server.js\n',
    good: 'CMD ["node", "server.js"]\n',
    fix: 'For plain words the safe fix writes the exec form with correct JSON escaping. When the command uses shell features (pipes, variables, `&&`), the unsafe fix wraps it as `["/bin/sh", "-c", "exec …"]` so the app still replaces the shell.',
    notes: 'BuildKit skips this check when the stage, or a stage it builds on (`FROM base`), sets SHELL explicitly; so does Seaworthy. The shell form of `HEALTHCHECK CMD` (reported by hadolint, not by BuildKit) is reported at severity info with only the DL3025 id: the probe receives no stop signal, but in shell form it needs `/bin/sh` in the image — distroless and scratch images then fail every check.',
  },
  create(ctx) {
    let stage: Stage | undefined;
    /** A SHELL in the stage or a stage it builds on: BuildKit then skips the check. Worked out only for a shell-form command. */
    let shellSet: boolean | undefined;
    const customShell = () => (shellSet ??= !!stage && ancestorHas(ctx, stage, 'SHELL'));
    const check = (i: Instruction) => {
      if (i.exec || !i.rest.trim() || customShell()) return;
      const plain = plainWords(i.words, 0);
      const span = { start: i.words[0].start, end: i.words[i.words.length - 1].end };
      // A comment line inside the continuation would be lost by rewriting the arguments as one line.
      const fix = hasEmbeddedComments(ctx, i) ? undefined : plain
        ? { title: 'Convert to exec form', safe: true, edits: [{ start: span.start, end: span.end, newText: execForm(i.words.map((w) => w.value)) }] }
        : { title: 'Wrap in ["/bin/sh", "-c", "exec …"]', safe: false, edits: [{ start: span.start, end: span.end, newText: execForm(['/bin/sh', '-c', /^exec\s/.test(i.rest.trim()) ? i.rest.trim() : `exec ${i.rest.trim()}`]) }] };
      ctx.report({
        span: i.keywordSpan,
        message: `Use the exec form for ${i.keyword} (JSON array): in shell form the app does not receive stop signals.`,
        fix,
      });
    };
    const healthcheck = (i: Instruction) => {
      const words = i.words;
      if (i.parent || i.exec || words.length < 2 || words[0].value.toUpperCase() !== 'CMD' || customShell()) return;
      const args = words.slice(1);
      const plain = plainWords(words, 1);
      const span = { start: args[0].start, end: args[args.length - 1].end };
      ctx.report({
        span: words[0],
        message: 'Use the exec form for HEALTHCHECK CMD (JSON array): in shell form every probe needs /bin/sh in the image.',
        severity: 'info',
        aliases: ['DL3025'],
        fix: plain && !hasEmbeddedComments(ctx, i) ? { title: 'Convert to exec form', safe: true, edits: [{ start: span.start, end: span.end, newText: execForm(args.map((w) => w.value)) }] } : undefined,
      });
    };
    return {
      stage(s) {
        stage = s;
        shellSet = undefined;
      },
      SHELL() { shellSet = true; },
      CMD: check,
      ENTRYPOINT: check,
      HEALTHCHECK: healthcheck,
    };
  },
});
