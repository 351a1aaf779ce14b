import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import { CACHE_DIRS, cacheMountCovers, packageCommand, removesPath, runMounts, subcommand, type PackageCommand } from '../../dockerfile/packages';
import { appendCommandToRun, laterRunMatches, layersShipped, lintState } from './util';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const USES_LISTS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall', 'satisfy']);

const aptCommand = (c: ShCommand): PackageCommand | undefined => {
  const p = packageCommand(c);
  return p && APT.has(p.manager) ? p : undefined;
};

const DIST_CLEAN = new Set(['distclean', 'dist-clean']);

/** `rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean` (apt ≥ 2.7 removes the lists too). */
const cleansLists = (c: ShCommand) =>
  removesPath(c, CACHE_DIRS.aptLists) || DIST_CLEAN.has(aptCommand(c)?.positionals[0]?.value ?? '');

/** The RUN's first `apt-get update`. */
function firstAptUpdate(commands: readonly ShCommand[]): PackageCommand | undefined {
  for (const c of commands) {
    const p = aptCommand(c);
    if (p !== undefined && subcommand(p)?.value === 'update') return p;
  }
  return undefined;
}

// Loops, not `commands.some` with a closure made for every RUN that updates apt (the helpers live outside create()
// for the same reason: closures made for every file showed in the bench corpus's allocation).

/** Whether a command after `start` deletes the lists. */
function cleansListsAfter(commands: readonly ShCommand[], start: number): boolean {
  for (const c of commands) if (c.start > start && cleansLists(c)) return true;
  return false;
}

/** Whether an apt command after `start` reads the lists. */
function usesListsAfter(commands: readonly ShCommand[], start: number): boolean {
  for (const c of commands) if (c.start > start && USES_LISTS.has(aptCommand(c)?.positionals[0]?.value ?? '')) return true;
  return false;
}

/** A RUN that installs from the lists before updating them itself: it relies on lists an earlier RUN left. */
function needsLists(ctx: DockerfileContext, r: Instruction): boolean {
  const later = ctx.analysis.shell(r).commands;
  const firstUpdate = later.find((c) => aptCommand(c)?.positionals[0]?.value === 'update');
  return later.some((c) => USES_LISTS.has(aptCommand(c)?.positionals[0]?.value ?? '') && (!firstUpdate || c.start < firstUpdate.start));
}

/**
 * needsLists bound to a lint, made on its first finding (a module function: the memo key and the maker):
 * laterRunMatches keeps its answers per function object.
 */
const needsListsIn = (ctx: DockerfileContext) => (r: Instruction) => needsLists(ctx, r);

/** The lists never reach the layer: a cache/tmpfs mount on them, or on both apt directories. */
function mounted(i: Instruction): boolean {
  if (!i.flags.length) return false; // no mount to read (most RUNs): no list or closure made for them
  const onLists = runMounts(i).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target === CACHE_DIRS.aptLists);
  return onLists || (cacheMountCovers(i, CACHE_DIRS.aptLists) && cacheMountCovers(i, CACHE_DIRS.aptArchives));
}

export default defineDockerfileRule({
  id: 'apt-lists-not-removed',
  aliases: ['DL3009'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'apt-get update runs without deleting /var/lib/apt/lists in the same RUN.',
    why: 'The package lists `apt-get update` downloads (often 20–50 MB) are only needed while installing. Left in the layer they bloat every image built from it, and a later RUN that installs from them uses stale lists.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    fix: 'The quick fix appends `&& rm -rf /var/lib/apt/lists/*` to the RUN, in the instruction\'s own continuation style (leading `&&` or trailing `&& \\`), indentation and escape character; in a heredoc it adds a line when the script runs under `set -e`, else `&& …` after the last command. It is safe — the lists are only deleted when everything before succeeded — unless a later RUN of the stage (or of a stage built FROM it) installs with apt without its own `apt-get update`: that RUN would lose its lists, so the fix is then unsafe. A RUN that only updates gets no fix: merge it with the install instead.',
    notes: 'As in hadolint: a `--mount=type=cache` or `type=tmpfs` on /var/lib/apt/lists counts as cleanup, and so do mounts on both /var/lib/apt and /var/cache/apt; a mount on /var/lib/apt alone does not, because that pattern goes with keeping downloaded packages (docker-clean removed), which then land in /var/cache/apt in the layer. Only stages whose layers ship are checked (the final stage, stages other stages are built FROM, and ONBUILD triggers); a builder stage only used by `COPY --from` is not. Unlike hadolint, the cleanup must come after the update, and `apt-get dist-clean` counts. hadolint\'s deprecated DL3005 (`apt-get upgrade`) is not carried: upgrading inside the chosen release is how security fixes get in; `apt-dist-upgrade` reports only dist-upgrade/full-upgrade.',
  },
  handlers: {
    RUN(i, ctx) {
      if (!ctx.analysis.runsManager(i, 'apt-get', 'apt', 'aptitude')) return;
      const commands = ctx.analysis.shell(i).commands;
      const update = firstAptUpdate(commands);
      if (!update) return;
      if (cleansListsAfter(commands, update.source.start)) return;
      if (mounted(i) || !layersShipped(ctx, i)) return;
      const installs = usesListsAfter(commands, update.source.start);
      const edit = installs ? appendCommandToRun(ctx, i, 'rm -rf /var/lib/apt/lists/*') : undefined;
      ctx.report({
        span: { start: update.head.start, end: subcommand(update)!.end },
        message: installs
          ? 'Delete the apt package lists in this RUN (&& rm -rf /var/lib/apt/lists/*): otherwise they stay in the layer.'
          : `${update.cmd.name!.value} update runs in a RUN of its own: update, install and delete /var/lib/apt/lists/* in one RUN so the lists never reach a layer.`,
        fix: edit && { title: 'Delete /var/lib/apt/lists/* at the end of the RUN', safe: !laterRunMatches(ctx, i, lintState(ctx, needsListsIn)), edits: [edit] },
      });
    },
  },
});
