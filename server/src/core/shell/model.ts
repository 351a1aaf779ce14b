// The project's own model of a POSIX/bash script (the text of a RUN instruction). Rules see only this,
// never a parser library. Everything is plain data: spans are UTF-16 offsets (see parse.ts for mapping).
import type { Span } from '../types';

export interface ShWord extends Span {
  /** Source text of the word. */
  raw: string;
  /** Quotes removed, backslash escapes resolved; expansions (`$X`, `${X}`, `$(..)`, `` `..` ``) kept verbatim as text. */
  value: string;
  /** Contains an unquoted or double-quoted expansion / substitution, or an unquoted glob or brace expansion. */
  dynamic: boolean;
  /** Any part was quoted (`'..'`, `".."`, `$'..'` or a backslash escape). */
  quoted: boolean;
}

export interface ShAssignment extends Span {
  name: string;
  /** undefined for `A=` (empty value). */
  value: ShWord | undefined;
}

/** A here-document body attached to a `<<` / `<<-` redirect (extension of the base model). */
export interface ShHeredoc {
  body: string;
  bodySpan: Span;
  /** `<<'EOF'` / `<<"EOF"` / `<<\EOF`: no expansion in the body. */
  quoted: boolean;
  stripTabs: boolean;
  terminated: boolean;
}

export interface ShRedirect extends Span {
  /** The operator as written, including a leading fd: '>', '>>', '<', '2>', '2>&', '&>', '&>>', '<<', '<<-', '<<<', '>&', '>|', '<>', '<&'. */
  op: string;
  /** The explicit fd number written before the operator (`2>` → 2). */
  fd?: number;
  /** Target word (for here-docs: the delimiter word). undefined when missing (an error is reported). */
  target?: ShWord;
  /** For `<<` / `<<-` when the body was found in the script text. */
  heredoc?: ShHeredoc;
}

export type ShContext = 'top' | 'subshell' | 'group' | 'substitution' | 'sh-c' | 'if' | 'loop' | 'case' | 'function';

export type ShJoin = '&&' | '||' | ';' | '&' | '|' | '|&' | '\n';

export interface ShCommand extends Span {
  /** First word after assignments (undefined for a bare assignment like `A=1` or a redirect-only command). */
  name?: ShWord;
  /** Words after the name. */
  args: ShWord[];
  /** Leading `VAR=value`. */
  assignments: ShAssignment[];
  redirects: ShRedirect[];
  /** Operator between the previous command in the same list and this one (undefined for the first one of a list). */
  joinedBy?: ShJoin;
  /** Index of the pipeline this command belongs to (pipelines numbered in source order of their start). */
  pipeline: number;
  /** Position within its pipeline (0 = first). Compound commands count as elements too. */
  pipelineIndex: number;
  pipelineLength: number;
  /** `! cmd` (set on every simple command of the negated pipeline). */
  negated: boolean;
  /** Enclosing constructs, outermost first ([] at top level). Shared between commands: treat as read-only. */
  context: ShContext[];
}

export interface ShScript {
  /** Every simple command in source order (by start), flattened over all nesting. */
  commands: ShCommand[];
  /** Read-only: the scripts without errors share one empty list (a list each was kept until the lint ended). */
  errors: { message: string; span: Span }[];
}
