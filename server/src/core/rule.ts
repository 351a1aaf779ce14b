// What a rule is: metadata (id, aliases, severity, docs) plus a check that reports findings with fixes.
import type { Dockerfile, Instruction, Keyword, Stage } from './dockerfile/model';
import type { DocumentKind, FixSpec, Severity, Span } from './types';
import type { LineIndex } from './text';
import type { WorkspaceHost } from './workspace';
import type { RuleSettings } from './config/settings';
import type { DockerfileAnalysis } from './dockerfile/analysis';
import type { LintTools } from './tools';

/** recommended: on by default. strict: opt-in hardening. style: opt-in formatting/ordering. */
export type Profile = 'recommended' | 'strict' | 'style';
export const PROFILES: readonly Profile[] = ['recommended', 'strict', 'style'];

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters in production. */
  why: string;
  /** A short input that triggers the rule. */
  bad: string;
  /** The same input, corrected. */
  good: string;
  /** What the fix does, or how to fix it by hand. */
  fix: string;
  /** Where we deliberately differ from a peer, and why. */
  notes?: string;
  /** Files beside the example (e.g. `.dockerignore`), when the rule reads them. */
  files?: Record<string, string>;
  /** Settings the example needs (e.g. trusted registries). */
  settings?: Partial<RuleSettings>;
}

export interface RuleMeta<K extends DocumentKind = DocumentKind> {
  id: string;
  kind: K;
  /** Peer ids for the same idea: hadolint DLxxxx, BuildKit check names, dclint rule names, Trivy/Checkov ids. */
  aliases: readonly string[];
  severity: Severity;
  profile: Profile;
  /** Whether findings carry a fix: always, sometimes (depends on the input), never. */
  fixable: 'always' | 'sometimes' | 'never';
  docs: RuleDocs;
}

export interface Report {
  span: Span;
  message: string;
  fix?: FixSpec;
  suggestions?: FixSpec[];
  /** Overrides the rule's default severity for this finding (rarely needed). */
  severity?: Severity;
  /** Narrows the rule's aliases for this finding, where a peer checks only part of the idea. */
  aliases?: readonly string[];
}

interface BaseContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly workspace: WorkspaceHost;
  readonly settings: RuleSettings;
  /** Path of the document relative to the workspace host's root, or undefined for an untitled buffer. */
  readonly path?: string;
  /** Programs the adapter lends the core (ShellCheck), when available and allowed. */
  readonly tools?: LintTools;
  report(r: Report): void;
}

export interface DockerfileContext extends BaseContext {
  readonly doc: Dockerfile;
  readonly analysis: DockerfileAnalysis;
  /** Facts rules share within this lint (`oncePerLint` in rules/dockerfile/util.ts), made on first use. */
  memo?: Map<unknown, unknown>;
}

/** Handlers by upper-case keyword (`RUN`, `FROM`…) plus lower-case hooks, ESLint-style: one walk serves every rule. */
export type DockerfileVisitor = {
  instruction?: (i: Instruction) => void;
  stage?: (s: Stage) => void;
  end?: () => void;
} & { [K in Keyword]?: (i: Instruction) => void };

/**
 * The handlers of a rule that keeps nothing from one instruction to the next: one object for every lint, each call
 * given the lint's context. A visitor and closures made for every file by `create` were a quarter of what a lint of
 * a small file allocated.
 */
export type DockerfileHandlers = {
  instruction?: (i: Instruction, ctx: DockerfileContext) => void;
  stage?: (s: Stage, ctx: DockerfileContext) => void;
  end?: (ctx: DockerfileContext) => void;
} & { [K in Keyword]?: (i: Instruction, ctx: DockerfileContext) => void };

/** A Dockerfile rule has `handlers` (no state of its own) or `create` (a visitor per lint, for rules with state). */
export interface DockerfileRule extends RuleMeta<'dockerfile'> {
  create?(ctx: DockerfileContext): DockerfileVisitor;
  handlers?: DockerfileHandlers;
}

import type { ComposeFile } from './compose/model';
export interface ComposeContext extends BaseContext {
  readonly doc: ComposeFile;
}
export interface ComposeRule extends RuleMeta<'compose'> {
  check(ctx: ComposeContext): void;
}

export type Rule = DockerfileRule | ComposeRule;

export function defineDockerfileRule(rule: Omit<DockerfileRule, 'kind'>): DockerfileRule {
  return { ...rule, kind: 'dockerfile' };
}
export function defineComposeRule(rule: Omit<ComposeRule, 'kind'>): ComposeRule {
  return { ...rule, kind: 'compose' };
}
