// Compose (YAML) parser into the project's own model (./model). Never throws; returns what was parsed
// plus every error with its span. Two paths build the same model: ./reader, a hand-written reader for
// the common subset of YAML that Compose files use (several times faster), and the `yaml` library's CST
// parser and composer, converted here, for everything else — every error included.
// Aliases are resolved by reference (no copying), so alias bombs cost nothing here.
import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type Document, type Node as LibNode } from 'yaml';
import { LineIndex } from '../text';
import type { ParseError, Span } from '../types';
import { Mapping, resolveMerges } from './mapping';
import type {
  AliasUse, ComposeComment, ComposeFile, DuplicateKey, ScalarStyle, YMap, YNode, YPair, YScalar, YSeq,
} from './model';
import { keyString } from './query';
import { readCompose } from './reader';

export { MAX_MERGED_PAIRS } from './mapping';

export interface ComposeParse { ast: ComposeFile; errors: ParseError[] }

/** Deeper written nesting is cut (the node becomes null) and reported; Compose files are a few levels deep. */
export const MAX_DEPTH = 500;
/** At most this many errors are reported per file (a broken file can otherwise yield thousands). */
export const MAX_ERRORS = 100;

/** Tags Compose itself understands; the library would warn that it cannot resolve them. */
const COMPOSE_TAGS = /^Unresolved tag: !(reset|override)$/;

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain', QUOTE_SINGLE: 'single', QUOTE_DOUBLE: 'double', BLOCK_LITERAL: 'block-literal', BLOCK_FOLDED: 'block-folded',
};

interface LibRange { range?: [number, number, number] | null }

/** Converts one library document; anchors are per document. */
class Converter {
  readonly errors: ParseError[] = [];
  private readonly anchors = new Map<string, YNode>();
  /** Anchors of nodes still being converted (an alias to one of them would make a cycle). */
  private readonly pending = new Set<string>();
  /** Where nesting first went past MAX_DEPTH, if it did. */
  tooDeepAt: number | undefined = undefined;

  constructor(
    private readonly text: string,
    private readonly duplicateKeys: DuplicateKey[],
    private readonly aliases: AliasUse[],
    private readonly budget: { merged: number },
  ) {}

  private error(message: string, start: number, end: number): void {
    this.errors.push({ message, span: clampSpan(this.text, start, end) });
  }

  /** The converted node plus, when written as an alias, the alias' span. */
  node(n: unknown, depth: number): { node: YNode | null; alias?: Span } {
    if (isAlias(n)) {
      const [start, end] = rangeOf(n);
      const name = n.source;
      const target = this.anchors.get(name) ?? null;
      if (target) target.aliased = true;
      else if (this.pending.has(name)) this.error(`Alias *${name} refers to a node that contains it`, start, end);
      else this.error(`Unknown anchor: *${name}`, start, end);
      const span = { start, end };
      this.aliases.push({ name, start, end, target });
      return { node: target, alias: span };
    }
    if (n === null || n === undefined) return { node: null };
    if (depth > MAX_DEPTH) {
      if (this.tooDeepAt === undefined) {
        const [start] = rangeOf(n as LibRange);
        this.error(`Nesting deeper than ${MAX_DEPTH} levels is not supported`, start, start + 1);
        this.tooDeepAt = start;
      }
      return { node: null };
    }
    const anchor = (n as { anchor?: string }).anchor || undefined;
    if (anchor) { this.anchors.delete(anchor); this.pending.add(anchor); }
    let node: YNode | null;
    if (isScalar(n)) node = this.scalar(n);
    else if (isMap(n)) node = this.map(n, depth);
    else if (isSeq(n)) node = this.seq(n, depth);
    else node = null;
    if (anchor) {
      this.pending.delete(anchor);
      if (node) { node.anchor = anchor; this.anchors.set(anchor, node); }
    }
    const tag = (n as { tag?: string }).tag;
    if (node && tag) node.tag = tag;
    return { node };
  }

  private scalar(n: { value: unknown; type?: string } & LibRange): YScalar {
    const [start, end] = rangeOf(n);
    const source = this.text.slice(start, end);
    let value: YScalar['value'];
    const v = n.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
    else if (typeof v === 'symbol') value = v.description ?? source; // the merge key `<<`
    else if (typeof v === 'bigint') value = Number(v);
    else value = source; // e.g. !!binary: keep the text
    return { type: 'scalar', value, source, style: STYLES[n.type ?? 'PLAIN'] ?? 'plain', start, end };
  }

  private key(k: unknown, at: number, depth: number): YScalar {
    if (k === null || k === undefined) return { type: 'scalar', value: null, source: '', style: 'plain', start: at, end: at };
    if (isAlias(k)) {
      const { node, alias } = this.node(k, depth);
      const span = alias!;
      const value = node?.type === 'scalar' ? node.value : this.text.slice(span.start, span.end);
      if (node && node.type !== 'scalar') this.error('A mapping key must be a scalar', span.start, span.end);
      return { type: 'scalar', value, source: this.text.slice(span.start, span.end), style: 'plain', start: span.start, end: span.end };
    }
    if (isScalar(k)) return this.node(k, depth).node as YScalar;
    const [start, end] = rangeOf(k as LibRange);
    this.error('A mapping key must be a scalar (complex keys are not supported in Compose files)', start, end);
    const source = this.text.slice(start, end);
    return { type: 'scalar', value: source, source, style: 'plain', start, end };
  }

  private map(n: { items: { key: unknown; value: unknown }[]; flow?: boolean } & LibRange, depth: number): YMap {
    const [start, libEnd] = rangeOf(n);
    const flow = !!n.flow;
    const m = new Mapping(start, flow ? libEnd : start, flow);
    const written: YPair[] = [];
    const seen = new Map<string, YPair>();
    for (const item of n.items) {
      const valueStart = item.value ? rangeOf(item.value as LibRange)[0] : undefined;
      const key = this.key(item.key, valueStart ?? start, depth + 1);
      let value: YNode | null = null;
      let alias: Span | undefined;
      let end = key.end;
      if (item.value !== null && item.value !== undefined) {
        if (isEmpty(item.value)) {
          end = Math.max(end, trimEnd(this.text, rangeOf(item.value as LibRange)[0]));
        } else {
          ({ node: value, alias } = this.node(item.value, depth + 1));
          end = alias ? alias.end : value ? value.end : rangeOf(item.value as LibRange)[1];
        }
      }
      const pair: YPair = { key, value, start: Math.min(key.start, end), end };
      if (alias) pair.alias = alias;
      written.push(pair);
      const k = keyString(key);
      const first = seen.get(k);
      if (first) this.duplicateKeys.push({ key: k, first: { start: first.key.start, end: first.key.end }, second: { start: key.start, end: key.end } });
      else seen.set(k, pair);
    }
    if (!flow) for (const p of written) if (p.end > m.end) m.end = p.end;
    resolveMerges(m, written, this.budget, (message, s, e) => this.error(message, s, e));
    return m;
  }

  private seq(n: { items: unknown[]; flow?: boolean } & LibRange, depth: number): YSeq {
    const [start, libEnd] = rangeOf(n);
    const flow = !!n.flow;
    const s: YSeq = { type: 'seq', items: [], flow, start, end: flow ? libEnd : start };
    let end = start;
    n.items.forEach((item, i) => {
      const { node, alias } = this.node(item, depth + 1);
      let y: YNode;
      if (node) y = node;
      else {
        const at = alias?.start ?? (item ? rangeOf(item as LibRange)[0] : end);
        y = { type: 'scalar', value: null, source: '', style: 'plain', start: at, end: at };
      }
      s.items.push(y);
      if (alias) (s.itemAliases ??= [])[i] = alias;
      end = Math.max(end, alias ? alias.end : y.end);
    });
    if (!flow) s.end = end;
    return s;
  }
}

/** True for a scalar the library made up where nothing was written (`key:`, an empty document). */
function isEmpty(n: unknown): boolean {
  if (!isScalar(n) || n.value !== null || n.anchor || n.tag) return false;
  const [start, end] = rangeOf(n);
  return start === end;
}

function rangeOf(n: LibRange | null | undefined): [number, number] {
  const r = n?.range;
  if (!r) return [0, 0];
  return [r[0], Math.max(r[0], r[1])];
}

function clampSpan(text: string, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, text.length));
  return { start: s, end: Math.max(s, Math.min(end, text.length)) };
}

/** Moves an offset back over spaces and tabs. */
function trimEnd(text: string, at: number): number {
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

interface CstToken {
  type: string; offset: number; source?: string;
  start?: CstToken | CstToken[]; end?: CstToken[]; props?: CstToken[]; value?: CstToken;
  items?: { start?: CstToken[]; key?: CstToken | null; sep?: CstToken[]; value?: CstToken }[];
}

/** Every comment token of the CST, walked with an explicit stack (the CST can be deep). */
function collectComments(tokens: readonly CstToken[], text: string): ComposeComment[] {
  const index = new LineIndex(text);
  const out: ComposeComment[] = [];
  const add = (t: CstToken) => {
    if (t.type !== 'comment' || typeof t.source !== 'string') return;
    out.push({ text: t.source.slice(1).trim(), line: index.lineOf(t.offset), start: t.offset, end: t.offset + t.source.length });
  };
  const addAll = (list: CstToken[] | undefined) => { if (Array.isArray(list)) for (const t of list) add(t); };
  const stack: CstToken[] = [...tokens];
  while (stack.length) {
    const t = stack.pop()!;
    switch (t.type) {
      case 'comment': add(t); break;
      case 'document': addAll(t.start as CstToken[]); if (t.value) stack.push(t.value); addAll(t.end); break;
      case 'block-scalar': addAll(t.props); break;
      case 'block-map': case 'block-seq': case 'flow-collection':
        for (const it of t.items ?? []) {
          addAll(it.start); addAll(it.sep);
          if (it.key) stack.push(it.key);
          if (it.value) stack.push(it.value);
        }
        addAll(t.end);
        break;
      default: addAll(t.end); // scalars, aliases, doc-end
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function libError(text: string, e: { message: string; pos: [number, number] }): ParseError {
  return { message: e.message, span: clampSpan(text, e.pos[0], e.pos[1]) };
}

function capErrors(errors: ParseError[]): ParseError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const kept = errors.slice(0, MAX_ERRORS);
  const last = errors[errors.length - 1];
  kept.push({ message: `${errors.length - MAX_ERRORS} more errors not shown`, span: last.span });
  return kept;
}

/**
 * Parses a Compose file: the fast reader (./reader) when the text is within the YAML subset it fully
 * understands, the `yaml` library otherwise. Both build the same model (held equal by
 * test/unit/compose-reader.test.ts); the library is the reference and handles every error.
 */
export function parseCompose(text: string): ComposeParse {
  return readCompose(text) ?? parseComposeWithLibrary(text);
}

/** The reference path: the `yaml` library's parser and composer, converted into the model. */
export function parseComposeWithLibrary(text: string): ComposeParse {
  const ast: ComposeFile = { text, documents: [], comments: [], duplicateKeys: [], aliases: [], warnings: [] };
  let errors: ParseError[] = [];
  const convs: Converter[] = [];
  try {
    const tokens = Array.from(new Parser().parse(text));
    ast.comments = collectComments(tokens as CstToken[], text);
    const composer = new Composer({ uniqueKeys: false, merge: true, intAsBigInt: false });
    const docs = Array.from(composer.compose(tokens)) as Document.Parsed[];
    const budget = { merged: 0 };
    for (const doc of docs) {
      const conv = new Converter(text, ast.duplicateKeys, ast.aliases, budget);
      convs.push(conv);
      let root: YNode | null = null;
      try {
        if (!isEmpty(doc.contents)) root = conv.node(doc.contents as LibNode | null, 0).node;
      } catch (e) {
        conv.errors.push({ message: `Document could not be read: ${(e as Error)?.message ?? e}`, span: clampSpan(text, doc.range[0], doc.range[0] + 1) });
      }
      const docErrors = [...doc.errors.map(e => libError(text, e)), ...conv.errors].sort((a, b) => a.span.start - b.span.start);
      for (const w of doc.warnings) if (!COMPOSE_TAGS.test(w.message)) ast.warnings.push(libError(text, w));
      ast.documents.push({ root, span: clampSpan(text, doc.range[0], Math.max(doc.range[0], doc.range[2])), errors: capErrors(docErrors) });
      for (const e of docErrors) errors.push(e); // no spread: there can be very many
    }
    const info = composer.streamInfo();
    if (!docs.length) for (const e of info.errors) errors.push(libError(text, e));
  } catch (e) {
    // The library guards its own recursion; this is the last line of defence (never throw).
    errors.push({ message: `Compose file could not be read: ${(e as Error)?.message ?? e}`, span: clampSpan(text, 0, 1) });
  }
  errors = capErrors(errors.sort((a, b) => a.span.start - b.span.start));
  // Nesting past MAX_DEPTH is not read at all, with one clear error. Some hundreds of levels further the library
  // runs out of stack, and where it does depends on the stack left at the time: reading part of such a file
  // would give different findings from run to run.
  // After an overflow, how deep the converter got varies too: the position then comes from the text alone.
  if (errors.some((e) => STACK_EXHAUSTED.test(e.message))) return tooDeep(text, flowDepthExceeded(text, MAX_DEPTH));
  const cut = convs.find((c) => c.tooDeepAt !== undefined)?.tooDeepAt;
  if (cut !== undefined) return tooDeep(text, cut);
  return { ast, errors };
}

const STACK_EXHAUSTED = /Maximum call stack size exceeded/i;

/** The parse of a file nested too deeply to read: no documents, one error at `at`. */
function tooDeep(text: string, at: number): ComposeParse {
  const ast: ComposeFile = { text, documents: [], comments: [], duplicateKeys: [], aliases: [], warnings: [] };
  return { ast, errors: [{ message: `Nesting deeper than ${MAX_DEPTH} levels is not supported: the file was not read`, span: clampSpan(text, at, at + 1) }] };
}

/**
 * Offset of the bracket that opens flow level `max + 1`, or 0 (block nesting). Only a position for the error in a
 * file the library could not read: brackets are counted as they come, quotes and comments included.
 */
function flowDepthExceeded(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) { if (++depth > max) return i; } // [ {
    else if ((c === 93 || c === 125) && depth > 0) depth--; // ] }
  }
  return 0;
}
