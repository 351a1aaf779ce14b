// The rule engine: parse once, run every enabled rule in one walk, isolate failures, apply
// suppressions and settings, and return findings with ranges and fixes.
import type { DocumentKind, Finding, Fix, FixSpec, ParseError, Severity } from './types';
import { LineIndex, utf8Length } from './text';
import type { ComposeContext, ComposeRule, DockerfileRule, Report, Rule } from './rule';
import { parseDockerfile } from './dockerfile/parse';
import { DockerfileAnalysis } from './dockerfile/analysis';
import { walkDockerfile, type Collected, type Dispatch, type RuleFailure } from './walk';
import { parseCompose } from './compose/parse';
import { EMPTY_WORKSPACE, type WorkspaceHost } from './workspace';
import { withDefaults, type RuleSettings } from './config/settings';
import { composeSuppressions, dockerfileSuppressions, isSuppressed, namedFor, unusedSuppressions, type IdState, type Suppressions } from './suppress';
import { isBuildkitRule, peerOf } from './aliases';
import { RULES } from './rules/registry';
import { FILE_TOO_LARGE, SYNTAX_ERROR } from './rules/common/builtin';
import UNUSED_SUPPRESSION, { unusedSuppressionReports } from './rules/dockerfile/unused-suppression';
import { closest } from './config/yaml-source';
import SHELLCHECK from './rules/dockerfile/shellcheck';
import type { LintTools } from './tools';

export interface LintInput {
  text: string;
  kind: DocumentKind;
  /** Path relative to the workspace host root (for messages and workspace-level rules). */
  path?: string;
  workspace?: WorkspaceHost;
  settings?: Partial<RuleSettings>;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** Programs the adapter provides (ShellCheck); the `shellcheck` rule runs only when it is there. */
  tools?: LintTools;
  /** Compose only: false drops plain YAML `syntax-error` findings (another extension reports them; see compose/coexist). */
  composeSyntaxErrors?: boolean;
}

export type { RuleFailure };
export interface LintResult { findings: Finding[]; ruleErrors: RuleFailure[] }

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
/** Findings in document order, then most severe first, then by rule id (code-unit order: stable across locales, and cheaper). */
const byPlace = (a: Finding, b: Finding) =>
  a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

/** Severity of a rule under the settings, or undefined when the rule is off. */
export function effectiveSeverity(rule: Rule, settings: RuleSettings): Severity | undefined {
  let explicit = settings.rules[rule.id];
  if (explicit === undefined) for (const a of rule.aliases) { explicit = settings.rules[a]; if (explicit !== undefined) break; }
  if (explicit === 'off') return undefined;
  if (explicit) return explicit;
  return settings.profiles.includes(rule.profile) ? rule.severity : undefined;
}

/** BuildKit's `# check=experimental=Name|all` switches on an opt-in check for this file, unless settings turn it off. */
function enabledByCheckDirective(rule: Rule, s: Suppressions, settings: RuleSettings): boolean {
  if (!s.experimental.size || settings.rules[rule.id] === 'off' || rule.aliases.some((a) => settings.rules[a] === 'off')) return false;
  return rule.aliases.some((a) => peerOf(a) === 'buildkit' && (s.experimental.has(a) || s.experimental.has('*')));
}

export function lint(input: LintInput): LintResult {
  const settings = withDefaults(input.settings);
  const text = input.text.charCodeAt(0) === 0xfeff ? ' ' + input.text.slice(1) : input.text; // keep offsets: BOM -> space
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const ruleErrors: RuleFailure[] = [];
  const size = text.length > settings.maxFileSize / 3 ? utf8Length(input.text) : 0; // under a third of the limit in UTF-16 units cannot be over it in bytes
  if (size > settings.maxFileSize) {
    findings.push(toFinding(FILE_TOO_LARGE, 'info', { span: { start: 0, end: 0 }, message: `File is ${size} bytes, over the ${settings.maxFileSize}-byte limit (maxFileSize): not analysed.` }, lines));
    return { findings, ruleErrors };
  }
  // Without per-rule settings the rules that run depend only on the kind, ShellCheck and the profiles: worked out once.
  const key = input.rules || hasKeys(settings.rules) ? undefined : `${input.kind}|${input.tools?.shellcheck ? 1 : 0}|${RULES.length}|${settings.profiles.join(',')}`;
  let selection: Selection | undefined = key === undefined ? undefined : SELECTIONS.get(key);
  if (!selection) {
    const rules = (input.rules ?? (input.tools?.shellcheck ? [...RULES, SHELLCHECK] : RULES)).filter((r) => r.kind === input.kind);
    const chosen: { rule: Rule; severity: Severity }[] = [];
    for (const rule of rules) {
      const severity = input.rules ? rule.severity : effectiveSeverity(rule, settings);
      if (severity) chosen.push({ rule, severity });
    }
    selection = { rules, active: chosen };
    if (key !== undefined && SELECTIONS.size < 64) SELECTIONS.set(key, selection);
  }
  const rules = selection.rules;
  let active = selection.active;
  const collected: Collected[] = [];
  let suppressions: Suppressions;
  const workspace = input.workspace ?? EMPTY_WORKSPACE;

  if (input.kind === 'dockerfile') {
    const { ast, errors } = parseDockerfile(text, lines);
    pushParseErrors(errors, findings, lines);
    suppressions = dockerfileSuppressions(ast, { disableHadolintPragmas: settings.disableIgnorePragma });
    if (!input.rules && suppressions.experimental.size) {
      const optedIn = rules.filter((rule) => !active.some((a) => a.rule === rule) && enabledByCheckDirective(rule, suppressions, settings));
      if (optedIn.length) active = [...active, ...optedIn.map((rule) => ({ rule, severity: rule.severity }))];
    }
    const analysis = new DockerfileAnalysis(ast);
    walkDockerfile(active as { rule: DockerfileRule; severity: Severity }[], selection, ast, analysis, { text, lines, workspace, settings, path: input.path, tools: input.tools }, collected, ruleErrors);
  } else {
    // The YAML reader skips a real BOM; the space standing in for it would indent the first key.
    const { ast, errors } = parseCompose(input.text);
    if (input.composeSyntaxErrors !== false) pushParseErrors(errors, findings, lines);
    suppressions = composeSuppressions(text, ast.comments);
    // One context for every rule: `report` files under the rule that is running (rules report synchronously).
    let current = active[0];
    const ctx: ComposeContext = { text, lines, workspace, settings, path: input.path, tools: input.tools, doc: ast, report: (r: Report) => { collected.push({ rule: current.rule, severity: current.severity, report: r }); } };
    for (const a of active) {
      current = a;
      try { (a.rule as ComposeRule).check(ctx); } catch (e) { ruleErrors.push({ rule: a.rule.id, message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) }); }
    }
  }

  for (const { rule, severity, report } of collected) {
    const line = lines.lineOf(report.span.start);
    const buildkit = isBuildkitRule(rule.aliases);
    if (isSuppressed(suppressions, line, rule.id, report.aliases ?? rule.aliases, buildkit)) continue;
    let sev = report.severity ?? severity;
    if (buildkit && suppressions.checksAreErrors) sev = 'error';
    findings.push(toFinding(report.aliases ? { id: rule.id, aliases: report.aliases } : rule, sev, report, lines));
  }
  const ranIds = () => active.length === selection!.active.length ? (selection!.activeIds ??= idsOf(active)) : idsOf(active);
  reportUnusedSuppressions(input, settings, ranIds, suppressions, text, lines, findings);
  findings.sort(byPlace);
  return { findings, ruleErrors };
}

/** Rules to run (and their severities) by kind, ShellCheck and profiles, for lints without per-rule settings. */
interface Selection {
  rules: readonly Rule[];
  active: readonly { rule: Rule; severity: Severity }[];
  /** The last Dockerfile dispatch built for this selection, reused while the visitors have the same handlers. */
  dispatch?: Dispatch;
  /** Ids and aliases of the active rules (for unused-suppression), built on first use. */
  activeIds?: Set<string>;
}
const SELECTIONS = new Map<string, Selection>();
const hasKeys = (o: object) => { for (const _ in o) return true; return false; };

let known: Set<string> | undefined;
/** Every rule id and alias of the registry (it never changes at run time). */
const knownIds = () => (known ??= new Set(RULES.flatMap((r) => [r.id, ...r.aliases])));

/** `unused-suppression`: comments (or ids in them) that suppressed nothing, for rules that ran. It covers both kinds. */
const idsOf = (ran: readonly { rule: Rule }[]) => new Set(ran.flatMap(({ rule: r }) => [r.id, ...r.aliases]));

function reportUnusedSuppressions(input: LintInput, settings: RuleSettings, ranIds: () => Set<string>, s: Suppressions, text: string, lines: LineIndex, findings: Finding[]) {
  if (!s.comments.length) return;
  const rule = (input.rules ?? RULES).find((r) => r.id === UNUSED_SUPPRESSION.id);
  const severity = rule && (input.rules ? rule.severity : effectiveSeverity(rule, settings));
  if (!rule || !severity) return;
  let active: Set<string> | undefined;
  const state = (name: string): IdState => {
    active ??= ranIds();
    return active.has(name) ? 'active' : knownIds().has(name) || peerOf(name) === 'shellcheck' || name === SYNTAX_ERROR.id || name === FILE_TOO_LARGE.id ? 'inactive' : 'unknown';
  };
  const suggest = (name: string) => closest(name, RULES.filter((r) => r.kind === input.kind).map((r) => r.id));
  for (const report of unusedSuppressionReports(text, unusedSuppressions(s, state), suggest)) {
    if (namedFor(s, lines.lineOf(report.span.start), rule.id)) continue;
    findings.push(toFinding(rule, severity, report, lines));
  }
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
