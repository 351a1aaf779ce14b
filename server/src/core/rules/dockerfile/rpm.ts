// Checks shared by the rules of the RPM package managers: yum and dnf/microdnf take the same subcommands and
// package specs, and the three cache-not-cleaned rules (yum, dnf, zypper) read a RUN the same way. Each rule file
// keeps its metadata, messages and fix, and names its managers.
import type { DockerfileContext, DockerfileHandlers } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import type { OffsetEdit, Span } from '../../types';
import { everyArgumentValue, cacheMountCovers, commandSpan, confirmsAutomatically, packageCommand, RPM_CHANGING, RPM_DOWNLOADING, rpmAction, rpmPinned, type ManagerName, type PackageCommand } from '../../dockerfile/packages';
import { appendCommandToRun, layersShipped, optionFix } from './util';

/** A module spec naming its stream (`nodejs:20`). */
const hasStream = (v: string) => v.includes(':');

const PROMPTING_GROUP = /^(module|group) (install|update|upgrade|remove)$/;
const DOWNLOADING_GROUP = /^(module|group) (install|update|upgrade)$/;

/** Whether the RUN invokes one of these managers (at most three: runsManager's set lookups, no closure per RUN). */
function runsOneOf(ctx: DockerfileContext, i: Instruction, managers: readonly ManagerName[]): boolean {
  return ctx.analysis.runsManager(i, managers[0], managers[1], managers[2]);
}

/**
 * Handlers reporting package-changing subcommands of these managers that run without `-y` (fix: add it). Made once
 * per rule, not per lint: the handlers take the lint's context.
 */
export function rpmMissingYes(managers: readonly ManagerName[]): DockerfileHandlers {
  return {
    RUN(i, ctx) {
      if (!runsOneOf(ctx, i, managers)) return;
      const commands = ctx.analysis.shell(i).commands;
      for (const c of commands) {
        const p = packageCommand(c);
        const a = p && managers.includes(p.manager) ? rpmAction(p) : undefined;
        if (!p || !a || !(RPM_CHANGING.has(a.action) || PROMPTING_GROUP.test(a.action))) continue;
        if (confirmsAutomatically(p, commands)) continue;
        ctx.report({
          span: commandSpan(p, a.word),
          message: `Add -y to ${p.cmd.name!.value} ${a.action}: a build cannot answer the confirmation prompt, so it fails.`,
          fix: optionFix(ctx, i, p.cmd, a.word, ' -y', { title: 'Add -y', safe: true }),
        });
      }
    },
  };
}

/** Handlers reporting packages (and module streams) these managers install without a version (made once per rule). */
export function rpmUnpinned(managers: readonly ManagerName[], installActions: readonly string[]): DockerfileHandlers {
  return {
    RUN(i, ctx) {
      if (!runsOneOf(ctx, i, managers)) return;
      for (const c of ctx.analysis.shell(i).commands) {
        const p = packageCommand(c);
        const a = p && managers.includes(p.manager) ? rpmAction(p) : undefined;
        if (!a) continue;
        const module = a.action === 'module install';
        if (!module && !installActions.includes(a.action)) continue;
        for (const w of a.operands) {
          if (w.value.startsWith('@')) continue;
          if (everyArgumentValue(ctx.analysis, i, w, module ? hasStream : rpmPinned) !== false) continue;
          ctx.report({
            span: w,
            message: module
              ? `Pin the stream of module "${w.value}": write ${w.value}:<stream> so rebuilds install what you tested.`
              : `Pin the version of "${w.value}": write ${w.value}-<version> so rebuilds install what you tested.`,
          });
        }
      }
    },
  };
}

// The cache-not-cleaned rules.

/** How a cache-not-cleaned rule reads a RUN for one package manager. */
export interface CacheCleaning {
  /** Where the manager keeps its cache: a cache or tmpfs mount on one of them keeps it out of the layer. */
  dirs: readonly string[];
  /** The span to report when the package command downloads into `manager`'s cache, else undefined. */
  downloads(p: PackageCommand, manager: string): Span | undefined;
  /** Whether the command cleans `manager`'s cache. */
  cleans(c: ShCommand, manager: string): boolean;
  /** The command the fix appends to the RUN (`yum clean all`). */
  clean(manager: string): string;
  /** The finding's message. */
  message(manager: string): string;
  /** The finding's aliases, when they depend on the manager (else the rule's). */
  aliases?(manager: string): readonly string[];
}

/**
 * Reports the RUN's last command that downloads into `manager`'s cache when no command after it cleans that cache
 * and the cache reaches a shipped layer, with a fix appending the clean (where one fits).
 */
export function reportUncleanedCache(ctx: DockerfileContext, i: Instruction, manager: ManagerName, cleaning: CacheCleaning): void {
  const found = uncleanedCache(ctx, i, manager, cleaning);
  if (!found) return;
  ctx.report({
    span: found.span,
    message: cleaning.message(manager),
    aliases: cleaning.aliases?.(manager),
    fix: found.edit && { title: `Append && ${cleaning.clean(manager)}`, safe: true, edits: [found.edit] },
  });
}

/** The download reportUncleanedCache reports (its span) and the edit appending the clean (undefined where none fits). */
function uncleanedCache(ctx: DockerfileContext, i: Instruction, manager: ManagerName, cleaning: CacheCleaning): { span: Span; edit: OffsetEdit | undefined } | undefined {
  if (!ctx.analysis.runsManager(i, manager) || cacheStaysOut(ctx, i, cleaning.dirs)) return undefined;
  const commands = ctx.analysis.shell(i).commands;
  let last: ShCommand | undefined;
  let span: Span | undefined;
  for (const c of commands) {
    const p = packageCommand(c);
    const s = p && cleaning.downloads(p, manager);
    if (s) { last = c; span = s; }
  }
  if (!last || !span) return undefined;
  for (const c of commands) if (c.start > last.start && cleaning.cleans(c, manager)) return undefined;
  return { span, edit: appendCommandToRun(ctx, i, cleaning.clean(manager)) };
}

/** Whether a RUN's package cache never reaches a shipped layer: a cache or tmpfs mount covers one of its directories, or the stage's layers do not ship. */
function cacheStaysOut(ctx: DockerfileContext, i: Instruction, dirs: readonly string[]): boolean {
  for (const d of dirs) if (cacheMountCovers(i, d)) return true;
  return !layersShipped(ctx, i);
}

/** A yum or dnf command of `manager` that downloads packages or metadata: its span up to the action. */
export function rpmDownloads(p: PackageCommand, manager: string): Span | undefined {
  const a = p.manager === manager ? rpmAction(p) : undefined;
  return a && (RPM_DOWNLOADING.has(a.action) || DOWNLOADING_GROUP.test(a.action)) ? commandSpan(p, a.word) : undefined;
}

/** `yum clean all` / `dnf clean all` run by `manager` itself. */
export const rpmCleansAll = (p: PackageCommand | undefined, manager: string) =>
  p?.manager === manager && p.positionals[0]?.value === 'clean' && p.positionals[1]?.value === 'all';

/** The command read as a zypper command whose subcommand is one of `subcommands`, or undefined. */
export function zypperCommand(c: ShCommand, subcommands: ReadonlySet<string>): PackageCommand | undefined {
  const p = packageCommand(c);
  return p?.manager === 'zypper' && subcommands.has(p.positionals[0]?.value ?? '') ? p : undefined;
}

const NO_COMMANDS: readonly PackageCommand[] = Object.freeze([]);

/** The RUN's zypper commands whose subcommand is one of `subcommands`, in order (a shared empty list for a RUN without zypper: most). */
export function zypperCommands(ctx: DockerfileContext, i: Instruction, subcommands: ReadonlySet<string>): readonly PackageCommand[] {
  if (!ctx.analysis.runsManager(i, 'zypper')) return NO_COMMANDS;
  const out: PackageCommand[] = [];
  for (const c of ctx.analysis.shell(i).commands) {
    const p = zypperCommand(c, subcommands);
    if (p) out.push(p);
  }
  return out;
}
