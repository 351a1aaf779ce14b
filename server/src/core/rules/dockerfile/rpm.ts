// Checks shared by the yum and dnf/microdnf rules: the two front ends take the same subcommands
// and package specs, so each rule file keeps its metadata and names its managers.
import type { DockerfileContext, DockerfileVisitor } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import { everyArgumentValue, commandSpan, confirmsAutomatically, packageCommand, RPM_CHANGING, rpmAction, rpmPinned, type ManagerName } from '../../dockerfile/packages';
import { optionFix } from './util';

/** A module spec naming its stream (`nodejs:20`). */
const hasStream = (v: string) => v.includes(':');

const PROMPTING_GROUP = /^(module|group) (install|update|upgrade|remove)$/;

/** Whether the RUN invokes one of these managers (at most three: runsManager's set lookups, no closure per RUN). */
function runsOneOf(ctx: DockerfileContext, i: Instruction, managers: readonly ManagerName[]): boolean {
  return ctx.analysis.runsManager(i, managers[0], managers[1], managers[2]);
}

/** Reports package-changing subcommands of these managers that run without `-y` (fix: add it). */
export function rpmMissingYes(ctx: DockerfileContext, managers: readonly ManagerName[]): DockerfileVisitor {
  return {
    RUN(i) {
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

/** Reports packages (and module streams) these managers install without a version. */
export function rpmUnpinned(ctx: DockerfileContext, managers: readonly ManagerName[], installActions: readonly string[]): DockerfileVisitor {
  return {
    RUN(i) {
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
