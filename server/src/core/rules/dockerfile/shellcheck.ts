import { defineDockerfileRule } from '../../rule';
import type { Heredoc, Instruction, Stage } from '../../dockerfile/model';
import { sourceSpan } from '../../dockerfile/words';
import type { FixSpec, OffsetEdit, Severity, Span } from '../../types';
import type { ShellcheckComment, ShellDialect } from '../../tools';
import { chainFact } from './util';
import { own } from '../../own';

// ShellCheck on each RUN script, when the adapter lends the program (CLI: found on PATH; editor:
// trusted workspace, enabled, found). Not in the registry's list: it cannot run on its own. The
// scripts are collected and handed over together at the end, so the adapter can start the program
// once per Dockerfile rather than once per RUN.

const LEVEL: Record<ShellcheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
/** Docker passes these build arguments to RUN without an ARG line. */
const PREDEFINED = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((n) => [n, n.toLowerCase()]);
const DIALECTS: Record<string, ShellDialect> = { sh: 'sh', ash: 'sh', busybox: 'sh', dash: 'dash', bash: 'bash', ksh: 'ksh', mksh: 'ksh', ksh93: 'ksh' };

/** `/bin/bash` or `C:\...\powershell.exe` -> `bash`, `powershell`. */
const programName = (p: string) => p.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase();

export default defineDockerfileRule({
  id: 'shellcheck',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'ShellCheck reports a problem in a RUN script.',
    why: 'RUN scripts are shell code and fail the way shell code fails: unquoted expansions split and glob, bashisms break under /bin/sh, a typo in a variable name expands to nothing. ShellCheck finds these before the build (or the container) does.',
    bad: 'FROM debian:12\nRUN echo $RANDOM\n',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo "$RANDOM"\n',
    fix: 'Follow the ShellCheck message (each finding links its SCxxxx code). Where ShellCheck proposes an edit it is offered as a quick fix; it may change behaviour (quoting stops word splitting), so it is never applied automatically.',
    notes: 'Runs only when the `shellcheck` program is available: the CLI uses it when it is on PATH (`--no-shellcheck` turns it off); the editor needs a trusted workspace and `seaworthy.shellcheck.enable` not false (`seaworthy.shellcheck.path` is a user-only setting). Each finding carries its ShellCheck code (SC2086…) as its alias, so `# hadolint ignore=SC2086`, `# seaworthy-ignore SC2086` and `rules: { SC2086: off }` work per code. As in hadolint, the script is checked as `sh` unless SHELL (in the stage or a stage it builds on) or `# hadolint shell=…` names bash, dash or ksh; other shells (pwsh, cmd) are not checked; ARG and ENV names in scope (and the proxy build arguments) count as assigned, and ONBUILD triggers are checked as `sh` without the stage\'s variables. Unlike hadolint we do not enable ShellCheck\'s optional check for unassigned UPPERCASE variables: they usually come from the base image\'s ENV, which a linter cannot see. SC1090/SC1091 (cannot follow a sourced file) are not reported: the image\'s files are not available.',
  },
  create(ctx) {
    const run = ctx.tools?.shellcheck;
    if (!run) return {};
    const firstFrom = ctx.doc.stages[0]?.from.startLine ?? Infinity;
    const pragmas = ctx.doc.comments
      .map((c) => ({ line: c.line, m: /^hadolint\s+shell\s*=\s*(\S+)/i.exec(c.text) }))
      .filter((p) => p.m)
      .map((p) => ({ line: p.line, shell: programName(p.m![1]) }));

    /** The program of the last SHELL of a stage before `limit` (a line). */
    const ownShell = (stage: Stage, limit: number): string | undefined => {
      const list = stage.instructions.filter((i) => i.keyword === 'SHELL' && i.startLine < limit && i.exec?.values.length);
      const last = list[list.length - 1];
      return last ? programName(last.exec!.values[0].value) : undefined;
    };
    /** The SHELL a stage ends with, its own or inherited from the stage it builds on. */
    const endShell = (stage: Stage, inherited: string | undefined) => ownShell(stage, Infinity) ?? inherited;
    /** The last SHELL of a stage before `limit` (a line), else of the stage it builds on. */
    const shellInstruction = (stage: Stage, limit: number): string | undefined => {
      const parent = ctx.analysis.parentStage(stage);
      return ownShell(stage, limit) ?? (parent ? chainFact(ctx, endShell, parent) : undefined);
    };

    const shellFor = (i: Instruction): string => {
      const at = (i.parent ?? i).startLine;
      const stage = ctx.analysis.stageOf(i.parent ?? i);
      // `# hadolint shell=…`: before the first FROM for the whole file, else for the rest of its stage.
      const local = pragmas.filter((p) => p.line < at && stage && p.line > stage.from.startLine);
      const global = pragmas.filter((p) => p.line < firstFrom);
      const pragma = local[local.length - 1] ?? global[global.length - 1];
      if (pragma) return pragma.shell;
      // An ONBUILD trigger runs in another image, whose SHELL we cannot know.
      if (i.parent) return 'sh';
      // Before any FROM (not a valid Dockerfile, but linted as written): SHELL lines above it count.
      if (!stage) {
        const before = ctx.doc.instructions.filter((x) => x.keyword === 'SHELL' && x.startLine < at && x.exec?.values.length);
        return before.length ? programName(before[before.length - 1].exec!.values[0].value) : 'sh';
      }
      return shellInstruction(stage, at) ?? 'sh';
    };

    /** The RUN scripts of the document, checked together at the end (one program run per document). */
    const jobs: { script: string; prefix: string; dialect: ShellDialect; spanOf: (s: number, e: number) => Span }[] = [];
    const check = (i: Instruction, script: string, spanOf: (s: number, e: number) => Span) => {
      const dialect = own(DIALECTS, shellFor(i));
      if (!dialect || !script.trim()) return;
      const names = new Set<string>();
      for (const m of script.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
      const beforeFrom = new Set(i.stage < 0 && !i.parent ? ctx.doc.instructions.filter((x) => (x.keyword === 'ARG' || x.keyword === 'ENV') && x.startLine < i.startLine).flatMap((x) => x.pairs.map((p) => p.key)) : []);
      const declared = [...names].filter((n) => PREDEFINED.includes(n) || beforeFrom.has(n) || (!i.parent && ctx.analysis.resolve(n, i).declared));
      jobs.push({ script, prefix: declared.length ? `export ${declared.join(' ')}\n` : '', dialect, spanOf });
    };

    const report = ({ script, prefix, spanOf }: (typeof jobs)[number], comments: ShellcheckComment[] | undefined) => {
      if (!comments) return;
      const lineStarts = [0];
      for (let k = 0; k < script.length; k++) if (script[k] === '\n') lineStarts.push(k + 1);
      const shift = prefix ? 1 : 0;
      const offset = (line: number, column: number) => {
        const l = line - 1 - shift;
        if (l < 0 || l >= lineStarts.length) return undefined;
        const lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : script.length;
        return Math.min(lineStarts[l] + column - 1, lineEnd);
      };
      for (const c of comments) {
        if (c.code === 1090 || c.code === 1091) continue;
        const alias = `SC${c.code}`;
        const perCode = ctx.settings.rules[alias];
        if (perCode === 'off') continue;
        const start = offset(c.line, c.column);
        if (start === undefined) continue;
        const end = Math.max(start, offset(c.endLine, c.endColumn) ?? start);
        const explicit = ctx.settings.rules.shellcheck;
        const severity = explicit && explicit !== 'off' ? explicit : perCode ?? LEVEL[c.level] ?? 'warning';
        let suggestion: FixSpec | undefined;
        const reps = c.fix?.replacements ?? [];
        if (reps.length) {
          const edits: OffsetEdit[] = [];
          for (const r of reps) {
            const s = offset(r.line, r.column);
            const e = offset(r.endLine, r.endColumn);
            if (s === undefined || e === undefined) { edits.length = 0; break; }
            const sp = spanOf(s, Math.max(s, e));
            edits.push({ start: sp.start, end: sp.end, newText: r.replacement });
          }
          if (edits.length) suggestion = { title: `Apply ShellCheck's suggestion for ${alias}`, safe: false, edits };
        }
        ctx.report({
          span: spanOf(start, end),
          message: `${c.message} (${alias})`,
          severity,
          aliases: [alias],
          suggestions: suggestion ? [suggestion] : undefined,
        });
      }
    };

    /** `RUN <<EOF` whose body is the script (one heredoc, nothing else on the line). */
    const heredocScript = (i: Instruction): Heredoc | undefined => {
      const h = i.heredocs.length === 1 ? i.heredocs[0] : undefined;
      return h && !h.stripTabs && /^\s*<<["']?[A-Za-z_][\w.-]*["']?\s*$/.test(i.rest) ? h : undefined;
    };

    return {
      RUN(i) {
        if (i.exec) return;
        if (i.heredocs.length) {
          const h = heredocScript(i);
          if (h) check(i, h.body, (s, e) => ({ start: h.bodySpan.start + s, end: h.bodySpan.start + e }));
          return;
        }
        check(i, i.rest, (s, e) => sourceSpan(i.map, i.restOffset + s, i.restOffset + e));
      },
      end() {
        if (!jobs.length) return;
        const scripts = jobs.map((j) => ({ script: j.prefix + j.script, dialect: j.dialect }));
        const all = ctx.tools?.shellcheckAll;
        const results = all ? all(scripts) : scripts.map((x) => run(x.script, x.dialect));
        jobs.forEach((j, k) => report(j, results[k]));
      },
    };
  },
});
