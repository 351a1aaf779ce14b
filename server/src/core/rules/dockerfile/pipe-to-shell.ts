import { defineDockerfileRule } from '../../rule';
import type { ShCommand } from '../../shell/model';
import type { Span } from '../../types';
import { flagValue, hasFlag } from '../../shell/commands';
import { effectiveCommand, effectiveName, withArgs } from './util';

const INTERPRETERS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'fish', 'perl', 'ruby', 'node', 'php']);
/** A program that runs a script it is given: a Set and a prefix test, not one regex, as every command's name is asked. */
const isInterpreter = (name: string) => INTERPRETERS.has(name) || (name.startsWith('python') && /^python[0-9.]*$/.test(name));
const CURL_SPEC = { shortWithValue: 'AbcCdDeEFHKmoPQrtTuUwxXyYz', longWithValue: ['output', 'data', 'header', 'user', 'request', 'url', 'user-agent', 'config', 'form', 'write-out'] };
const WGET_SPEC = { shortWithValue: 'OoaPtTUeiBdwQYl', longWithValue: ['output-document', 'output-file', 'directory-prefix', 'tries', 'timeout', 'user-agent', 'header'] };

const isDownloader = (cmd: ShCommand) => { const name = effectiveName(cmd); return name === 'curl' || name === 'wget'; };

/** curl or wget writing the download to stdout. */
function downloadsToStdout(cmd: ShCommand): boolean {
  if (!isDownloader(cmd)) return false;
  const e = effectiveCommand(cmd)!;
  const c = withArgs(e);
  if (e.name === 'curl') return !hasFlag(c, 'o', 'output', CURL_SPEC) && !hasFlag(c, 'O', ['remote-name', 'remote-name-all'], CURL_SPEC);
  if (e.name === 'wget') return flagValue(c, 'O', 'output-document', WGET_SPEC) === '-';
  return false;
}

// Loops, not `some`/`find` with closures made for each interpreter of a RUN that downloads.

/** A download earlier in the command's pipeline. */
function pipedFromDownload(commands: readonly ShCommand[], cmd: ShCommand): boolean {
  for (const d of commands) if (d.pipeline === cmd.pipeline && d.pipelineIndex < cmd.pipelineIndex && downloadsToStdout(d)) return true;
  return false;
}

/** A download inside one of the command's arguments. */
function downloadInArgument(commands: readonly ShCommand[], cmd: ShCommand, args: readonly Span[]): boolean {
  for (const w of args) for (const d of commands) if (d !== cmd && d.start >= w.start && d.end <= w.end && downloadsToStdout(d)) return true;
  return false;
}

export default defineDockerfileRule({
  id: 'pipe-to-shell',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A script is downloaded and run in one go (`curl … | sh`, `sh -c "$(wget -qO- …)"`).',
    why: 'Whatever the server returns at build time is executed as root in your image, unreviewed and unverified; a compromised server, a hijacked domain or a truncated download all run. The build is also not reproducible: the script changes without the Dockerfile changing.',
    bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n',
    good: 'FROM debian:12-slim\nADD --checksum=sha256:4c2a4cbd2b0e8e1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192 https://example.com/install.sh /tmp/install.sh\nRUN sh /tmp/install.sh\n',
    fix: 'Download to a file, check it (`ADD --checksum=sha256:…`, or `sha256sum -c`, or a GPG signature), then run it. Better still, install the tool from a package or copy it from an official image (`COPY --from=…`).',
  },
  handlers: {
    RUN(i, ctx) {
      const commands = ctx.analysis.shell(i).commands;
      if (!commands.some(isDownloader)) return; // both patterns need a curl or wget, which most RUNs lack
      for (const cmd of commands) {
        const name = effectiveName(cmd);
        if (name === undefined || !isInterpreter(name)) continue;
        const e = effectiveCommand(cmd)!;
        // `curl … | sh`: a download earlier in the same pipeline.
        if (cmd.pipelineIndex > 0 && pipedFromDownload(commands, cmd)) {
          ctx.report({ span: e.nameWord, message: `The download piped into ${e.name} runs unverified: save it to a file, check its checksum or signature, then run it.` });
          continue;
        }
        // `sh -c "$(curl …)"`, `bash <(wget -qO- …)`: a download inside one of its arguments.
        if (downloadInArgument(commands, cmd, e.args)) ctx.report({ span: e.nameWord, message: `${e.name} runs a script fetched by a command substitution, unverified: save it to a file, check its checksum or signature, then run it.` });
      }
    },
  },
});
