// The project's own Dockerfile document model. Rules see only this, never a parser library,
// so the parser behind it can change without touching a rule.
import type { Span } from '../types';

export interface Word extends Span {
  /** Source text of the word as written (quotes kept; continuations removed). */
  raw: string;
  /** The word with quotes removed and escapes resolved (no variable expansion). */
  value: string;
}

export interface Flag extends Span {
  name: string;
  nameSpan: Span;
  /** undefined for a bare `--flag`. */
  value?: string;
  valueSpan?: Span;
}

export interface KeyValue extends Span {
  key: string;
  keySpan: Span;
  value?: string;
  valueSpan?: Span;
  /** `ENV key value` (the old, space-separated form). */
  legacy: boolean;
}

export interface Heredoc extends Span {
  name: string;
  /** Span of the `<<EOF` marker in the instruction line. */
  markerSpan: Span;
  /** `<<-EOF`: leading tabs stripped from body lines. */
  stripTabs: boolean;
  /** `<<"EOF"` / `<<'EOF'`: no expansion in the body. */
  quoted: boolean;
  body: string;
  bodySpan: Span;
  terminated: boolean;
}

export interface ExecForm {
  values: Word[];
  span: Span;
}

export type Keyword =
  | 'FROM' | 'RUN' | 'CMD' | 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ENV' | 'ADD' | 'COPY' | 'ENTRYPOINT'
  | 'VOLUME' | 'USER' | 'WORKDIR' | 'ARG' | 'ONBUILD' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'SHELL';

export const KEYWORDS: readonly Keyword[] = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];

/** Maps offsets in an instruction's joined argument text back to document offsets. */
export interface SourceMap {
  /** Pairs: logical offset where a source segment starts, and that segment's document offset. */
  readonly logical: number[];
  readonly source: number[];
}

export interface Instruction extends Span {
  /** Upper-cased keyword; unknown keywords keep their text upper-cased. */
  keyword: string;
  keywordSpan: Span;
  /** Keyword exactly as written (for casing rules). */
  keywordRaw: string;
  known: boolean;
  /** Joined argument text (continuations and embedded comments removed), flags included. */
  argsText: string;
  argsSpan: Span;
  map: SourceMap;
  flags: Flag[];
  /** Whitespace-separated arguments after the flags (quotes respected). */
  words: Word[];
  /** The argument text after the flags, and where it starts in argsText. */
  rest: string;
  restOffset: number;
  restSpan: Span;
  /** Set when the arguments after flags are a JSON array of strings (exec form). */
  exec?: ExecForm;
  heredocs: Heredoc[];
  /** ENV / LABEL / ARG pairs. */
  pairs: KeyValue[];
  startLine: number;
  endLine: number;
  /** Index of the stage this instruction belongs to; -1 before the first FROM. */
  stage: number;
  /** For ONBUILD: the trigger instruction. */
  trigger?: Instruction;
  /** Set when this instruction is an ONBUILD trigger. */
  parent?: Instruction;
}

export interface ImageRef {
  /** The image text as written (may contain variables). */
  raw: string;
  span: Span;
  registry?: string;
  /** Repository path without registry, e.g. `library/node` written as `node`. */
  name: string;
  tag?: string;
  digest?: string;
  /** `scratch`. */
  scratch: boolean;
}

export interface Stage {
  index: number;
  from: Instruction;
  image: ImageRef;
  /** `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  nameSpan?: Span;
  platform?: Flag;
  /** Instructions after FROM up to the next FROM (FROM itself excluded). */
  instructions: Instruction[];
}

export interface Comment extends Span {
  /** Text after `#`, trimmed. */
  text: string;
  line: number;
}

export interface Directive extends Span {
  name: string;
  value: string;
  valueSpan: Span;
  line: number;
}

export interface Dockerfile {
  text: string;
  escape: string;
  directives: Directive[];
  comments: Comment[];
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
}
