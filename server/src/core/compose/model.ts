// The project's own YAML / Compose document model. Compose rules see only this, never the YAML
// library, so the parser behind it can change without touching a rule.
//
// Spans are UTF-16 offsets into the document text (BOM included when present). Aliases are
// resolved by reference: an alias is the SAME object as its anchor's node, so the model is a DAG
// whose size is bounded by the text, however often an anchor is reused. Where a node was written as
// an alias is recorded on the edge (`YPair.alias`, `YSeq.itemAliases`) and in `ComposeFile.aliases`.
// Do not serialise the model naively (JSON.stringify, structuredClone expand shared nodes): use
// `toJS` from ./query, which is bounded.
import type { ParseError, Span } from '../types';

export type YNode = YMap | YSeq | YScalar;

interface YBase extends Span {
  /** `&name` written on this node (without `&`). */
  anchor?: string;
  /** Explicit tag as the library resolves it: `!reset`, `!override`, `tag:yaml.org,2002:str` for `!!str`. */
  tag?: string;
  /** True when at least one alias refers to this node (so the node may appear in several places). */
  aliased?: boolean;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block-literal' | 'block-folded';

export interface YScalar extends YBase {
  type: 'scalar';
  /** YAML 1.2 core-schema value: `80` is a number, `true` a boolean, `~`/`null` null. */
  value: string | number | boolean | null;
  /** Source text as written (quotes and block indicators kept; anchor and tag not included). */
  source: string;
  style: ScalarStyle;
}

export interface YPair extends Span {
  key: YScalar;
  /** null when nothing is written after the colon (`key:`); an explicit `~`/`null` is a YScalar. */
  value: YNode | null;
  /** Span of the `*name` when the value was written as an alias (the value's own span is the anchor's). */
  alias?: Span;
  /** The pair came from a merge key (`<<`), i.e. it is not written in this map; spans are the original's. */
  merged?: boolean;
  /** For merged pairs: the `<<` pair of this map that brought it in (to report at the merge site). */
  mergeKey?: YPair;
}

export interface YMap extends YBase {
  type: 'map';
  /** Pairs in order, merged pairs (`merged: true`) in place of the `<<` that brought them; the `<<` pairs themselves are in `merges`. */
  pairs: YPair[];
  /** The `<<` pairs as written in this map. */
  merges: YPair[];
  flow: boolean;
  /** Value of a key (last one wins when duplicated): undefined when absent, null when written with no value. */
  get(key: string): YNode | null | undefined;
  pair(key: string): YPair | undefined;
  has(key: string): boolean;
}

export interface YSeq extends YBase {
  type: 'seq';
  /** An empty item (`- `) is a null YScalar with an empty span. */
  items: YNode[];
  /** Present when some items were written as aliases: the span of the `*name` per item index. */
  itemAliases?: (Span | undefined)[];
  flow: boolean;
}

export interface ComposeComment extends Span {
  /** Text after `#`, trimmed. */
  text: string;
  /** 0-based line. */
  line: number;
}

export interface AliasUse extends Span {
  name: string;
  /** The anchored node, or null for an unknown / self-referencing anchor (reported as an error). */
  target: YNode | null;
}

export interface DuplicateKey {
  key: string;
  /** Key spans of the first and the repeated occurrence. */
  first: Span;
  second: Span;
}

export interface ComposeDocument {
  /** null for an empty document. */
  root: YNode | null;
  /** The document's extent, `---` and `...` markers included. */
  span: Span;
  errors: ParseError[];
}

export interface ComposeFile {
  text: string;
  /** No documents for an empty or comment-only file. */
  documents: ComposeDocument[];
  comments: ComposeComment[];
  duplicateKeys: DuplicateKey[];
  aliases: AliasUse[];
  /** Library warnings (e.g. unknown tags); Compose's own `!reset` / `!override` are not warned about. */
  warnings: ParseError[];
}
