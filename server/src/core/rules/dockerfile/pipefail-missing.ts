import { defineDockerfileRule } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import type { ShCommand } from '../../shell/model';
import type { OffsetEdit, Span } from '../../types';
import { baseName } from '../../shell/parse';
import { commandName } from '../../shell/commands';
import { execForm, indentAt, isAlpineLike, isMinimalImage, rootStage, startAboveComments } from './util';

const NON_POSIX = new Set(['pwsh', 'pwsh.exe', 'powershell', 'powershell.exe', 'cmd', 'cmd.exe']);
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

/** `-o pipefail`, also inside an option cluster such as `-eo pipefail` or `-euxo pipefail`. */
const setsPipefail = (args: readonly string[]) => args.some((a, k) => a === 'pipefail' && k > 0 && /^-[a-zA-Z]*o$/.test(args[k - 1]));

type ShellState = 'default' | 'pipefail' | 'other' | 'non-posix';

function shellState(i: Instruction): ShellState {
  const values = i.exec?.values.map((v) => v.value) ?? [];
  if (!values.length) return 'other';
  const name = baseName(values[0]).toLowerCase();
  if (NON_POSIX.has(name)) return 'non-posix';
  return PIPEFAIL_SHELLS.has(name) && setsPipefail(values.slice(1)) ? 'pipefail' : 'other';
}

/** A `# hadolint shell=…` comment names PowerShell or cmd: the file's RUNs are not POSIX shell scripts. */
function pragmaNamesNonPosixShell(ctx: DockerfileContext): boolean {
  const pragmaShell = ctx.doc.comments.map((c) => /^hadolint\s+shell\s*=\s*(\S+)/i.exec(c.text)?.[1]).find((x) => x !== undefined);
  return pragmaShell !== undefined && NON_POSIX.has(baseName(pragmaShell).toLowerCase());
}

/**
 * A SHELL with `-o pipefail` inserted before the RUN, for a stage whose image has bash or ash (a function outside
 * create(): a closure made for every file was most of what the rule allocated over the bench corpus).
 */
function shellFix(ctx: DockerfileContext, i: Instruction, stage: Stage): { edit: OffsetEdit; image: string } | null {
  const root = rootStage(ctx, stage);
  const image = ctx.analysis.resolvedImage(root).image;
  if (root.image.scratch || isMinimalImage(image)) return null;
  const shell = isAlpineLike(image) ? '/bin/ash' : '/bin/bash';
  const keyword = i.keywordRaw === i.keywordRaw.toLowerCase() ? 'shell' : 'SHELL';
  const at = startAboveComments(ctx, i);
  return { edit: { start: at, end: at, newText: indentAt(ctx, i.start) + `${keyword} ${execForm([shell, '-o', 'pipefail', '-c'])}` + ctx.lines.eol() }, image: shell };
}

/** The first command that follows a `|`, outside `sh -c` scripts (a loop, not `find` with an arrow made on every RUN). */
function secondInPipeline(cmds: readonly ShCommand[]): ShCommand | undefined {
  for (const c of cmds) if (c.pipelineIndex === 1 && !c.context.includes('sh-c')) return c;
  return undefined;
}

/** The `|` between the first two elements of a pipeline, for a narrow span. */
function pipeSpan(text: string, cmds: ShCommand[], second: ShCommand): Span | undefined {
  const first = cmds.find((c) => c.pipeline === second.pipeline && c.pipelineIndex === second.pipelineIndex - 1);
  if (!first) return undefined;
  const at = text.lastIndexOf('|', second.start);
  if (at < first.end) return undefined;
  return { start: at, end: text[at + 1] === '&' ? at + 2 : at + 1 };
}

export default defineDockerfileRule({
  id: 'pipefail-missing',
  aliases: ['DL4006'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A RUN pipes commands together without `pipefail`, so a failure before the last `|` is ignored.',
    why: 'A pipeline\'s exit status is that of its last command: in `RUN curl -fsSL $URL | tar -xz` a failed download still lets the step succeed, and the image is built with missing or truncated files. `set -o pipefail` makes the whole pipeline fail instead.',
    bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt\n',
    good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt\n',
    fix: 'The unsafe fix inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the first such RUN of the stage (`/bin/ash` on Alpine and BusyBox images; none for scratch or distroless). It is unsafe because the image must have that shell, every later RUN of the stage now runs under it, and pipelines that used to pass despite an early failure (`yes | head -1`) now fail the build.',
    notes: 'Like hadolint: a SHELL with bash, zsh or ash and `-o pipefail` fixes it, PowerShell and cmd are skipped (also after a `# hadolint shell=powershell` comment), and `/bin/sh -o pipefail` does not count because the default `sh` of many images cannot do it. Unlike hadolint, a RUN that starts its script with `set -o pipefail` (or `set -euo pipefail`) is not reported, and pipes inside `sh -c "…"` are left alone.',
  },
  create(ctx) {
    /** A `# hadolint shell=pwsh` file: looked for on the first piped RUN (most files have none). */
    let nonPosixFile: boolean | undefined;
    let state: ShellState = 'default';
    let stage: Stage | undefined;
    let regionFix: { edit: OffsetEdit; image: string } | null | undefined;

    return {
      stage(s) { stage = s; state = 'default'; regionFix = undefined; },
      SHELL(i) {
        if (i.parent) return;
        state = shellState(i);
        regionFix = undefined;
      },
      RUN(i) {
        if (i.parent || i.exec || state === 'pipefail' || state === 'non-posix') return;
        const cmds = ctx.analysis.shell(i).commands;
        const second = secondInPipeline(cmds);
        if (!second || (nonPosixFile ??= pragmaNamesNonPosixShell(ctx))) return;
        const setFirst = cmds.find((c) => commandName(c) === 'set' && !c.context.length && c.start < second.start && setsPipefail(c.args.map((a) => a.value)));
        if (setFirst) return;
        if (regionFix === undefined) regionFix = state === 'default' && stage ? shellFix(ctx, i, stage) : null;
        const first = cmds.find((c) => c.pipeline === second.pipeline && c.pipelineIndex === 0);
        const what = first && commandName(first) ? `\`${commandName(first)}\`` : 'a command before the last `|`';
        ctx.report({
          span: pipeSpan(ctx.text, cmds, second) ?? i.keywordSpan,
          message: `Without \`set -o pipefail\` a failure of ${what} in this pipeline is ignored and the build goes on: set a SHELL with \`-o pipefail\`.`,
          fix: regionFix ? { title: `Insert SHELL ["${regionFix.image}", "-o", "pipefail", "-c"] before the first piped RUN`, safe: false, edits: [regionFix.edit] } : undefined,
        });
      },
    };
  },
});
