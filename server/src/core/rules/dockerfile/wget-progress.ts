import { defineDockerfileRule } from '../../rule';
import { commandName, hasFlag, type OptionSpec } from '../../shell/commands';
import { optionFix } from './util';

// GNU wget options that take a value.
const WGET: OptionSpec = {
  shortWithValue: 'aoOPtTwQeUiBDIXlAR',
  longWithValue: ['output-file', 'append-output', 'output-document', 'directory-prefix', 'tries', 'timeout', 'wait', 'user-agent', 'header', 'input-file', 'execute', 'progress', 'user', 'password'],
};

export default defineDockerfileRule({
  id: 'wget-progress',
  aliases: ['DL3047'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: '`wget` runs with its default progress output.',
    why: 'Without a terminal, GNU wget prints a line of dots for every few kilobytes: one large download writes thousands of lines into the build log, burying the output that matters and slowing CI log viewers.',
    bad: 'FROM debian:12-slim\nRUN wget https://example.com/tool.tar.gz\n',
    good: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n',
    fix: 'The fix adds `--progress=dot:giga` (one dot per megabyte). It is marked unsafe because BusyBox wget (Alpine) does not know that option; there use `-q`.',
    notes: 'Like hadolint, `-q`/`--quiet`, `-nv`/`--no-verbose` and logging to a file (`-o`, `-a`) count as handled.',
  },
  handlers: {
    RUN(i, ctx) {
      for (const cmd of ctx.analysis.shell(i).commands) {
        if (commandName(cmd) !== 'wget' || !cmd.name) continue;
        if (cmd.args.some((a) => a.value === '-nv' || a.value.startsWith('--progress'))) continue;
        if (hasFlag(cmd, 'q', 'quiet', WGET) || hasFlag(cmd, 'o', 'output-file', WGET) || hasFlag(cmd, 'a', 'append-output', WGET) || hasFlag(cmd, undefined, 'no-verbose', WGET)) continue;
        ctx.report({
          span: cmd.name,
          message: 'wget without `--progress=dot:giga` (or `-q`/`-nv`) floods the build log with progress dots.',
          fix: optionFix(ctx, i, cmd, cmd.name, ' --progress=dot:giga', { title: 'Add --progress=dot:giga', safe: false }),
        });
      }
    },
  },
});
