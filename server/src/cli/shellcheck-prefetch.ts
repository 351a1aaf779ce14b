// ShellCheck across files: starting the program costs far more than checking a script, so before a
// group of Dockerfiles is linted, the RUN scripts of all of them go to ShellCheck together (one start
// per dialect). The lints that follow find every answer in the runner's cache.
import { lint, type LintInput } from '../core/engine';
import SHELLCHECK from '../core/rules/dockerfile/shellcheck';
import type { LintTools, ShellcheckScript } from '../core/tools';

/** The scripts the `shellcheck` rule would send for a document, without running anything. */
function scriptsOf(input: LintInput): ShellcheckScript[] {
  const scripts: ShellcheckScript[] = [];
  const collect: LintTools = {
    shellcheck: (script, dialect) => { scripts.push({ script, dialect }); return undefined; },
    shellcheckAll: (list) => { scripts.push(...list); return list.map(() => undefined); },
  };
  lint({ ...input, tools: collect, rules: [SHELLCHECK] });
  return scripts;
}

/** Runs ShellCheck once per dialect (and runner) for the RUN scripts of these documents, filling the runner's cache. */
export function prefetchShellcheck(inputs: readonly LintInput[]): void {
  const byRunner = new Map<NonNullable<LintTools['shellcheckAll']>, ShellcheckScript[]>();
  for (const input of inputs) {
    const all = input.tools?.shellcheckAll;
    if (input.kind !== 'dockerfile' || !all) continue;
    const list = byRunner.get(all) ?? [];
    byRunner.set(all, list);
    for (const s of scriptsOf(input)) list.push(s);
  }
  for (const [all, scripts] of byRunner) if (scripts.length > 1) all(scripts);
}
