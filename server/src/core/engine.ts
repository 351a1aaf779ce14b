// The rule engine: parse once, run every enabled rule in one walk, isolate failures, apply
// suppressions and settings, and return findings with ranges and fixes.
import type { DocumentKind, Finding, Fix, FixSpec, ParseError, Severity } from './types';
import { LineIndex } from './text';
import type { ComposeRule, DockerfileRule, DockerfileVisitor, Report, Rule } from './rule';
import { parseDockerfile } from './dockerfile/parse';
import { DockerfileAnalysis } from './dockerfile/analysis';
import type { Instruction } from './dockerfile/model';
import { parseCompose } from './compose/parse';
import { EMPTY_WORKSPACE, type WorkspaceHost } from './workspace';
import { withDefaults, type RuleSettings } from './config/settings';
import { dockerfileSuppressions, isSuppressed, lineCommentSuppressions, type Suppressions } from './suppress';
import { isBuildkitRule } from './aliases';
import { RULES } from './rules/registry';
import { FILE_TOO_LARGE, SYNTAX_ERROR } from './rules/common/builtin';

export interface LintInput {
  text: string;
  kind: DocumentKind;
  /** Path relative to the workspace host root (for messages and workspace-level rules). */
  path?: string;
  workspace?: WorkspaceHost;
  settings?: Partial<RuleSettings>;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
}

export interface RuleFailure { rule: string; message: string }
export interface LintResult { findings: Finding[]; ruleErrors: RuleFailure[] }

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Severity of a rule under the settings, or undefined when the rule is off. */
export function effectiveSeverity(rule: Rule, settings: RuleSettings): Severity | undefined {
  const explicit = settings.rules[rule.id] ?? rule.aliases.map((a) => settings.rules[a]).find((v) => v !== undefined);
  if (explicit === 'off') return undefined;
  if (explicit) return explicit;
  return settings.profiles.includes(rule.profile) ? rule.severity : undefined;
}

export function lint(input: LintInput): LintResult {
  const settings = withDefaults(input.settings);
  const text = input.text.charCodeAt(0) === 0xfeff ? ' ' + input.text.slice(1) : input.text; // keep offsets: BOM -> space
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const ruleErrors: RuleFailure[] = [];
  if (text.length > settings.maxFileSize) {
    findings.push(toFinding(FILE_TOO_LARGE, 'info', { span: { start: 0, end: 0 }, message: `File is ${text.length} characters, over the ${settings.maxFileSize} limit: not analysed.` }, lines));
    return { findings, ruleErrors };
  }
  const rules = (input.rules ?? RULES).filter((r) => r.kind === input.kind);
  const active: { rule: Rule; severity: Severity }[] = [];
  for (const rule of rules) {
    const severity = input.rules ? rule.severity : effectiveSeverity(rule, settings);
    if (severity) active.push({ rule, severity });
  }
  const collected: { rule: Rule; severity: Severity; report: Report }[] = [];
  let suppressions: Suppressions;
  const base = { text, lines, workspace: input.workspace ?? EMPTY_WORKSPACE, settings, path: input.path };

  if (input.kind === 'dockerfile') {
    const { ast, errors } = parseDockerfile(text);
    pushParseErrors(errors, findings, lines);
    suppressions = dockerfileSuppressions(ast);
    const analysis = new DockerfileAnalysis(ast);
    const visitors: { rule: DockerfileRule; severity: Severity; v: DockerfileVisitor }[] = [];
    const failed = new Set<Rule>();
    const fail = (rule: Rule, e: unknown) => {
      if (failed.has(rule)) return;
      failed.add(rule);
      ruleErrors.push({ rule: rule.id, message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
    };
    for (const { rule, severity } of active as { rule: DockerfileRule; severity: Severity }[]) {
      const ctx = { ...base, doc: ast, analysis, report: (r: Report) => collected.push({ rule, severity, report: r }) };
      try { visitors.push({ rule, severity, v: rule.create(ctx) }); } catch (e) { fail(rule, e); }
    }
    const call = (rule: Rule, fn: () => void) => { if (failed.has(rule)) return; try { fn(); } catch (e) { fail(rule, e); } };
    const visit = (instr: Instruction) => {
      for (const { rule, v } of visitors) {
        if (instr.keyword === 'FROM' && v.stage) { const st = ast.stages[instr.stage]; if (st) call(rule, () => v.stage!(st)); }
        const h = v[instr.keyword as keyof DockerfileVisitor] as ((i: Instruction) => void) | undefined;
        if (h) call(rule, () => h(instr));
        if (v.instruction) call(rule, () => v.instruction!(instr));
      }
      if (instr.trigger) visit(instr.trigger);
    };
    for (const instr of ast.instructions) visit(instr);
    for (const { rule, v } of visitors) if (v.end) call(rule, () => v.end!());
  } else {
    const { ast, errors } = parseCompose(text);
    pushParseErrors(errors, findings, lines);
    const codeLines = new Set<number>();
    suppressions = lineCommentSuppressions(ast.comments, (line) => {
      const t = lines.lineText(line).trimStart();
      return !t.startsWith('#');
    });
    void codeLines;
    for (const { rule, severity } of active as { rule: ComposeRule; severity: Severity }[]) {
      const ctx = { ...base, doc: ast, report: (r: Report) => collected.push({ rule, severity, report: r }) };
      try { rule.check(ctx); } catch (e) { ruleErrors.push({ rule: rule.id, message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }); }
    }
  }

  for (const { rule, severity, report } of collected) {
    const line = lines.lineOf(report.span.start);
    const buildkit = isBuildkitRule(rule.aliases);
    if (isSuppressed(suppressions, line, rule.id, rule.aliases, buildkit)) continue;
    let sev = report.severity ?? severity;
    if (buildkit && suppressions.checksAreErrors) sev = 'error';
    findings.push(toFinding(report.aliases ? { id: rule.id, aliases: report.aliases } : rule, sev, report, lines));
  }
  findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule));
  return { findings, ruleErrors };
}

function pushParseErrors(errors: ParseError[], findings: Finding[], lines: LineIndex) {
  for (const e of errors) findings.push(toFinding(SYNTAX_ERROR, 'error', { span: e.span, message: e.message }, lines));
}

export function toFix(spec: FixSpec, lines: LineIndex): Fix {
  return {
    title: spec.title,
    safe: spec.safe,
    edits: spec.edits.map((e) => ({ range: lines.range(e), newText: e.newText })),
    offsetEdits: spec.edits,
    fileEdits: spec.fileEdits,
  };
}

function toFinding(rule: { id: string; aliases: readonly string[] }, severity: Severity, r: Report, lines: LineIndex): Finding {
  const f: Finding = { rule: rule.id, aliases: rule.aliases, severity, message: r.message, range: lines.range(r.span), span: r.span };
  if (r.fix) f.fix = toFix(r.fix, lines);
  if (r.suggestions?.length) f.suggestions = r.suggestions.map((s) => toFix(s, lines));
  return f;
}
