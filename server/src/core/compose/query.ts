// Small read-only helpers over the Compose model, for rules, schema validation and editor features.
import type { Span } from '../types';
import type { ComposeDocument, ComposeFile, YMap, YNode, YPair, YScalar, YSeq } from './model';

export const isMap = (n: YNode | null | undefined): n is YMap => n?.type === 'map';
export const isSeq = (n: YNode | null | undefined): n is YSeq => n?.type === 'seq';
export const isScalar = (n: YNode | null | undefined): n is YScalar => n?.type === 'scalar';

/** A key as a string: string values as resolved (quotes removed), other scalars as written (`80`, `true`). */
export function keyString(key: YScalar): string {
  return typeof key.value === 'string' ? key.value : key.source;
}

/** A scalar's text: strings as resolved, numbers and booleans as written; undefined for null and collections. */
export function scalarString(node: YNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return typeof node.value === 'string' ? node.value : node.source;
}

export function rootMap(doc: ComposeDocument | null | undefined): YMap | null {
  return isMap(doc?.root) ? doc!.root as YMap : null;
}

export interface Entry {
  name: string;
  nameSpan: Span;
  pair: YPair;
  node: YNode | null;
}

/** The pairs of a map as named entries (merged pairs included); empty for anything else. */
export function entries(node: YNode | null | undefined): Entry[] {
  if (!isMap(node)) return [];
  return node.pairs.map(pair => ({ name: keyString(pair.key), nameSpan: { start: pair.key.start, end: pair.key.end }, pair, node: pair.value }));
}

export interface ServiceEntry extends Entry {
  /** null when the service's value is not a mapping (e.g. `web:` with nothing). */
  node: YMap | null;
}

/** Every entry of the top-level `services` mapping. */
export function services(doc: ComposeDocument | null | undefined): ServiceEntry[] {
  return entries(rootMap(doc)?.get('services')).map(e => ({ ...e, node: isMap(e.node) ? e.node : null }));
}

export type TopLevelSection = 'services' | 'networks' | 'volumes' | 'secrets' | 'configs';

/** Names declared in a top-level section, with their spans. */
export function topLevel(doc: ComposeDocument | null | undefined, section: TopLevelSection): Entry[] {
  return entries(rootMap(doc)?.get(section));
}

// ---- JSON pointers -------------------------------------------------------------------------

export type PathSegment = string | number;

/** JSON pointer / ajv `instancePath` of a path: `['services', 'web', 'ports', 0]` → `/services/web/ports/0`. */
export function pointerOf(path: readonly PathSegment[]): string {
  return path.map(s => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Segments of a JSON pointer (all strings: a pointer does not say which are indexes). */
export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

// ---- Bounded conversion to plain JS -----------------------------------------------------------

/** What a JSON pointer of the converted value was made from. */
export interface JSLocation {
  node: YNode | null;
  /** Set when the value is a map entry (use its key span for "unknown property" errors). */
  pair?: YPair;
  /** Where the value was written as an alias (the node's own span is the anchor's). */
  alias?: Span;
}

export interface ToJSResult {
  value: unknown;
  /** JSON pointer (ajv `instancePath`) → source of that value; '' is the root. */
  locations: Map<string, JSLocation>;
  /** Values produced (aliases counted each time they are expanded). */
  count: number;
  /** Set when the limit or the depth was exceeded; `value` is then truncated. */
  error?: string;
}

export const DEFAULT_JS_LIMIT = 100_000;
const MAX_JS_DEPTH = 1_000;

/**
 * Converts a node to plain JSON-like data (maps → objects keyed by `keyString`, merged pairs
 * included, later duplicates win), expanding aliases but stopping after `limit` values.
 */
export function toJS(node: YNode | null | undefined, limit = DEFAULT_JS_LIMIT): ToJSResult {
  const locations = new Map<string, JSLocation>();
  const result: ToJSResult = { value: null, locations, count: 0 };
  const convert = (n: YNode | null, pointer: string, loc: JSLocation, depth: number): unknown => {
    if (result.error) return undefined;
    if (++result.count > limit) {
      result.error = `The document expands to more than ${limit} values (aliases are expanded); validation stopped`;
      return undefined;
    }
    if (depth > MAX_JS_DEPTH) {
      result.error = `The document is nested deeper than ${MAX_JS_DEPTH} levels; validation stopped`;
      return undefined;
    }
    locations.set(pointer, loc);
    if (!n) return null;
    if (n.type === 'scalar') return n.value;
    if (n.type === 'seq') {
      const out: unknown[] = [];
      for (let i = 0; i < n.items.length && !result.error; i++) {
        const alias = n.itemAliases?.[i];
        out.push(convert(n.items[i], `${pointer}/${i}`, alias ? { node: n.items[i], alias } : { node: n.items[i] }, depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const pair of n.pairs) {
      if (result.error) break;
      const k = keyString(pair.key);
      const l: JSLocation = { node: pair.value, pair };
      if (pair.alias) l.alias = pair.alias;
      const v = convert(pair.value, pointer + pointerOf([k]), l, depth + 1);
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  };
  result.value = convert(node ?? null, '', { node: node ?? null }, 0);
  return result;
}

/** Where to report at a location: the key of a map entry, or the value (at the alias when written as one). */
export function locationSpan(loc: JSLocation, prefer: 'key' | 'value' = 'value'): Span | undefined {
  if (prefer === 'key' && loc.pair) return { start: loc.pair.key.start, end: loc.pair.key.end };
  const s = loc.alias ?? loc.node ?? loc.pair;
  return s ? { start: s.start, end: s.end } : undefined;
}

// ---- Paths and positions ------------------------------------------------------------------------

/** Distinct nodes reachable from a node (aliases are shared, so this is bounded by the text). */
export function modelSize(node: YNode | null | undefined): number {
  const seen = new Set<YNode>();
  const stack: YNode[] = node ? [node] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.type === 'seq') for (const item of n.items) stack.push(item);
    else if (n.type === 'map') for (const p of [...n.pairs, ...n.merges]) { stack.push(p.key); if (p.value) stack.push(p.value); }
  }
  return seen.size;
}

interface Child { segment: PathSegment; node: YNode | null; pair?: YPair; alias?: Span }

/** Children as written in the text: merged pairs and alias targets are not descended into. */
function writtenChildren(n: YNode): Child[] {
  if (n.type === 'seq') return n.items.map((node, i) => ({ segment: i, node, alias: n.itemAliases?.[i] }));
  if (n.type === 'map') {
    const pairs = [...n.pairs.filter(p => !p.merged), ...n.merges].sort((a, b) => a.start - b.start);
    return pairs.map(pair => ({ segment: keyString(pair.key), node: pair.value, pair, alias: pair.alias }));
  }
  return [];
}

const within = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

export interface NodeAtOffset {
  document: ComposeDocument;
  /** Keys and indexes from the root to the node, e.g. `['services', 'web', 'ports', 0]`. */
  path: PathSegment[];
  /** The node at the offset (for a key: the value of its pair). */
  node: YNode | null;
  /** The map entry the offset is in, when it is in one. */
  pair?: YPair;
  /** The offset is on the pair's key. */
  onKey: boolean;
  /** The offset is on an alias (`*name`); `node` is its target. */
  alias?: Span;
}

/** The innermost written node or key at an offset (end-inclusive, so a cursor just after a word finds it). */
export function findNodeAtOffset(file: ComposeFile, offset: number): NodeAtOffset | undefined {
  // The last match: at a boundary, the offset is on the next document's `---`.
  const document = file.documents.filter(d => within(d.span, offset)).pop();
  if (!document) return undefined;
  const path: PathSegment[] = [];
  let at: NodeAtOffset = { document, path: [], node: document.root, onKey: false };
  let node = document.root;
  if (!node || !within(node, offset)) return at;
  for (let depth = 0; node && depth <= MAX_JS_DEPTH; depth++) {
    let next: YNode | null = null;
    for (const c of writtenChildren(node)) {
      const entrySpan: Span = c.pair ?? c.alias ?? c.node!;
      if (!entrySpan || !within(entrySpan, offset)) continue;
      path.push(c.segment);
      const base = { document, path: [...path], node: c.node, ...(c.pair ? { pair: c.pair } : {}) };
      if (c.pair && within(c.pair.key, offset)) return { ...base, onKey: true };
      if (c.alias) return within(c.alias, offset) ? { ...base, onKey: false, alias: c.alias } : { ...base, onKey: false };
      at = { ...base, onKey: false };
      if (c.node && c.node.type !== 'scalar' && within(c.node, offset)) next = c.node;
      break;
    }
    node = next;
  }
  return at;
}

/** The path at which a node or pair is written (aliases and merged pairs are not followed, so it is unique). */
export function pathOf(root: YNode | null | undefined, target: YNode | YPair): PathSegment[] | undefined {
  if (!root) return undefined;
  if (root === target) return [];
  const stack: { node: YNode; path: PathSegment[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    const children = writtenChildren(node);
    for (const c of children) {
      if (c.pair === target || (c.node === target && !c.alias)) return [...path, c.segment];
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c.node && !c.alias && c.node.type !== 'scalar') stack.push({ node: c.node, path: [...path, c.segment] });
    }
  }
  return undefined;
}
