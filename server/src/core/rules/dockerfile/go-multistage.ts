// The behaviour-changing fix that splits a single-stage Go image into a build stage and a
// distroless runtime stage: the Go toolchain stays behind, only the binary ships.
import type { DockerfileContext } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import type { FixSpec, OffsetEdit } from '../../types';
import { flagValue } from '../../shell/commands';
import { canAppendLines, startAboveComments } from './util';

const RUNTIME = new Set(['EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL']);
/** `go build` flags that take a value (Go accepts one or two dashes). */
const GO_BUILD_OPTIONS = { shortWithValue: 'opC', longWithValue: ['o', 'ldflags', 'gcflags', 'asmflags', 'tags', 'mod', 'modfile', 'overlay', 'pkgdir'] };
export const GO_RUNTIME_IMAGE = 'gcr.io/distroless/static-debian12:nonroot';

/** The fix, when the stage is a plain Go image that builds one binary to an absolute path. */
export function goMultiStageFix(ctx: DockerfileContext, stage: Stage, run: Instruction, build: ShCommand): FixSpec | undefined {
  if (stage !== ctx.analysis.finalStage || ctx.analysis.parentStage(stage)) return undefined;
  if (run.heredocs.length || ctx.analysis.shell(run).errors.length || !canAppendLines(ctx)) return undefined;
  const image = ctx.analysis.resolvedImage(stage).image;
  if (!/^(docker\.io\/)?(library\/)?golang(:|$)/.test(image)) return undefined;
  // Go's flag package accepts -o X, -o=X and --o=X.
  const inline = build.args.map((a) => /^--?o=(.+)$/.exec(a.value)?.[1]).find(Boolean);
  const out = inline ?? flagValue(build, 'o', undefined, GO_BUILD_OPTIONS);
  if (!out || !out.startsWith('/') || out.includes('$')) return undefined;
  const eol = ctx.lines.eol();
  const edits: OffsetEdit[] = [];
  const name = stage.name ?? 'build';
  if (!stage.name) edits.push({ start: stage.image.span.end, end: stage.image.span.end, newText: ' AS build' });
  const cgoSet = build.assignments.some((a) => a.name === 'CGO_ENABLED')
    || stage.instructions.some((i) => i.keyword === 'ENV' && i.pairs.some((p) => p.key === 'CGO_ENABLED'));
  if (!cgoSet && build.name) edits.push({ start: build.name.start, end: build.name.start, newText: 'CGO_ENABLED=0 ' });
  const moved: string[] = [];
  const after = stage.instructions.slice(stage.instructions.indexOf(run) + 1);
  for (const i of after) {
    if (!RUNTIME.has(i.keyword)) continue;
    const start = startAboveComments(ctx, i);
    const lastLine = ctx.lines.lineOf(i.end);
    const end = lastLine + 1 < ctx.lines.lineCount ? ctx.lines.lineStarts[lastLine + 1] : ctx.text.length;
    moved.push(ctx.text.slice(start, end).replace(/\r?\n$/, ''));
    edits.push({ start, end, newText: '' });
  }
  // Whatever ends the file after the moves must end with a line break before the new stage.
  const cut = edits.find((e) => e.end === ctx.text.length && e.newText === '');
  const kept = cut ? ctx.text.slice(0, cut.start) : ctx.text;
  const tail = kept.endsWith('\n') || !kept ? '' : eol;
  const stageText = [`FROM ${GO_RUNTIME_IMAGE}`, `COPY --from=${name} ${out} ${out}`, ...moved].join(eol);
  edits.push({ start: ctx.text.length, end: ctx.text.length, newText: `${tail}${eol}${stageText}${eol}` });
  return { title: `Build in a "${name}" stage and ship only ${out} on distroless`, safe: false, edits };
}
