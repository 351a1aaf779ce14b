// Editor navigation over compose files, pure: what the Compose schema says about a key (for
// completion and hover), which declaration a reference names (go to definition), and the outline.
// The language server turns these into LSP results (server/src/lsp/features/compose.ts).
import type { Span } from '../types';
import type { ComposeDocument, ComposeFile, YMap, YNode } from './model';
import { entries, findNodeAtOffset, isMap, isScalar, rootMap, scalarString, type PathSegment } from './query';

// ---- The Compose schema ----------------------------------------------------------------------

/** The part of JSON Schema (2020-12) the Compose specification uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  deprecated?: boolean;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  required?: string[];
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}

/** Depth cap for `$ref` / combinator expansion (the Compose schema needs 4; a cycle stops here). */
const MAX_SCHEMA_DEPTH = 12;

function deref(root: JsonSchema, ref: string): JsonSchema | undefined {
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  if (!m) return ref === '#' ? root : undefined;
  return (m[1] === '$defs' ? root.$defs : root.definitions)?.[m[2].replace(/~1/g, '/').replace(/~0/g, '~')];
}

/** The concrete alternatives a schema stands for: `$ref`s followed, `oneOf`/`anyOf`/`allOf` flattened. */
function alternatives(root: JsonSchema, s: JsonSchema | boolean | undefined, depth = 0, out: JsonSchema[] = []): JsonSchema[] {
  if (!s || s === true || depth > MAX_SCHEMA_DEPTH) return out;
  if (s.$ref) {
    const target = deref(root, s.$ref);
    if (target) alternatives(root, target, depth + 1, out);
  }
  for (const group of [s.oneOf, s.anyOf, s.allOf]) for (const alt of group ?? []) alternatives(root, alt, depth + 1, out);
  if (!s.$ref && (s.type !== undefined || s.properties || s.patternProperties || s.items || s.enum || !(s.oneOf || s.anyOf || s.allOf))) out.push(s);
  return out;
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties || s.patternProperties ? ['object'] : s.items ? ['array'] : []);

function patternMatches(pattern: string, key: string): boolean {
  try { return new RegExp(pattern, 'u').test(key); } catch { return false; }
}

/** The schema written for a key in an object schema (before following `$ref`), or undefined. */
function childSchema(parent: JsonSchema, key: PathSegment): JsonSchema | undefined {
  if (typeof key === 'number') {
    if (Array.isArray(parent.items)) return parent.items[key] ?? parent.items[parent.items.length - 1];
    return parent.items;
  }
  const own = parent.properties?.[key];
  if (own) return own;
  for (const [pattern, s] of Object.entries(parent.patternProperties ?? {})) if (patternMatches(pattern, key)) return s;
  return typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined;
}

/** The alternatives a value at `path` may take (numbers index sequences). Empty when the schema says nothing. */
export function schemasAt(root: JsonSchema, path: readonly PathSegment[]): JsonSchema[] {
  let current = alternatives(root, root);
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      const child = childSchema(s, seg);
      if (child) alternatives(root, child, 0, next);
    }
    current = [...new Set(next)];
    if (!current.length) break;
  }
  return current;
}

export interface KeyInfo {
  key: string;
  description?: string;
  deprecated: boolean;
  /** JSON types the value may have, e.g. `['string', 'object']`. */
  types: string[];
  enum?: string[];
  required: boolean;
}

function describeChild(root: JsonSchema, parents: JsonSchema[], key: string): KeyInfo | undefined {
  let written: JsonSchema | undefined;
  let required = false;
  for (const p of parents) {
    const c = childSchema(p, key);
    if (c && !written) written = c;
    if (p.required?.includes(key)) required = true;
  }
  if (!written) return undefined;
  const alts = alternatives(root, written);
  const description = written.description ?? alts.find((a) => a.description)?.description;
  const types = [...new Set(alts.flatMap(typesOf))];
  const enumValues = alts.flatMap((a) => (a.enum ?? []).map(String));
  return {
    key, description, types, required,
    deprecated: !!written.deprecated || alts.some((a) => a.deprecated),
    ...(enumValues.length ? { enum: [...new Set(enumValues)] } : {}),
  };
}

/** What the schema says about the key at the end of `path` (e.g. `['services', 'web', 'image']`). */
export function describeKey(root: JsonSchema, path: readonly PathSegment[]): KeyInfo | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  return describeChild(root, schemasAt(root, path.slice(0, -1)), key);
}

/** The keys the schema names for the mapping at `path` (pattern keys such as service names excluded). */
export function keysAt(root: JsonSchema, path: readonly PathSegment[]): KeyInfo[] {
  const parents = schemasAt(root, path).filter((s) => typesOf(s).includes('object'));
  const names = [...new Set(parents.flatMap((p) => Object.keys(p.properties ?? {})))];
  return names.map((n) => describeChild(root, parents, n)!).filter(Boolean);
}

// ---- Where the cursor is, from the text (completion works on half-typed, unparsable YAML) -------

export interface KeyContext {
  /** Path of the mapping the key is typed into; sequence items are `0`. */
  path: PathSegment[];
  /** The partial key before the cursor and where it starts. */
  prefix: string;
  prefixStart: number;
  /** Column of the key (indentation of the mapping). */
  column: number;
  /** Keys already written in the same mapping (above and below the cursor). */
  siblings: string[];
}

interface LineShape {
  /** Columns of `- ` sequence markers, left to right. */
  dashes: number[];
  key?: string;
  keyColumn?: number;
  /** The key's value is empty on this line (`key:` or `key: # comment` or `key: &anchor`). */
  opens: boolean;
  /** Column of the first non-blank character; -1 for blank and comment-only lines. */
  content: number;
}

// A plain key takes a run of blanks only when more key follows (`[ \t]+(?=…)`), leaving the blanks before the colon
// to `[ \t]*:`. A lazy `[^#:]*?` in its place tried `[ \t]*:` from every character of a long blank run
// (quadratic: a 20,000-space line took 1.2 s). Same matches and groups.
const KEY_LINE = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}:,&*!|>%@`-](?:[^#: \t]|[ \t]+(?=[^#: \t]))*|-[^\s#:](?:[^#: \t]|[ \t]+(?=[^#: \t]))*))[ \t]*:(?:[ \t]+(.*))?$/;

function shapeOf(line: string): LineShape {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (i >= line.length || line[i] === '#') return { dashes: [], opens: false, content: -1 };
  const content = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  const rest = line.slice(i).trimEnd(); // not /\s+$/: quadratic on a long run of blanks inside the line
  const m = KEY_LINE.exec(rest);
  if (!m) return { dashes, opens: false, content };
  const raw = m[1].trim();
  const key = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  const value = (m[2] ?? '').replace(/(^|\s)#.*$/, '').trim();
  return { dashes, key, keyColumn: i, opens: value === '' || /^[&!][^\s]*$/.test(value), content };
}

/**
 * The mapping a key is being typed into at `offset`, worked out from indentation (block-style YAML),
 * or undefined when the cursor is not at a key (e.g. after `key: `).
 */
export function keyContextAt(text: string, offset: number): KeyContext | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const before = text.slice(lineStart, offset);
  const m = /^([ \t]*)((?:-[ \t]+)*)([A-Za-z0-9_.-]*)$/.exec(before);
  if (!m) return undefined;
  const prefix = m[3];
  const column = before.length - prefix.length;
  const lines = text.split(/\r?\n|\r/);
  const lineNo = text.slice(0, lineStart).split(/\r?\n|\r/).length - 1;
  const path: PathSegment[] = [];
  const siblings: string[] = [];

  // Dashes on the cursor's own line: the key goes into a mapping that is a sequence item.
  const ownDashes: number[] = [];
  for (let i = m[1].length; i < m[1].length + m[2].length; i++) if (before[i] === '-') ownDashes.push(i);
  let col = column;
  let mode: 'map' | 'seq' = 'map';
  if (ownDashes.length) {
    for (let d = ownDashes.length - 1; d >= 0; d--) path.unshift(0);
    col = ownDashes[0];
    mode = 'seq';
  } else {
    // Keys of the same mapping below the cursor.
    for (let l = lineNo + 1; l < lines.length; l++) {
      const s = shapeOf(lines[l]);
      if (s.content < 0 || s.content > col) continue;
      if (s.content < col || s.dashes.length) break;
      if (s.key !== undefined && s.keyColumn === col) siblings.push(s.key);
    }
  }
  for (let l = lineNo - 1; l >= 0 && col >= 0; l--) {
    const s = shapeOf(lines[l]);
    if (s.content < 0) continue;
    if (mode === 'map') {
      if (s.content > col && !(s.keyColumn === col && s.dashes.length)) continue;
      if (s.keyColumn === col) {
        // A sibling key, possibly the first key of a sequence item (`- type: bind`).
        if (s.key !== undefined) siblings.push(s.key);
        if (s.dashes.length) {
          for (let d = s.dashes.length - 1; d >= 0; d--) path.unshift(0);
          col = s.dashes[0];
          mode = 'seq';
        }
        continue;
      }
      if (s.content === col) continue; // a scalar or sequence line at the mapping's column: ignore
      // A line left of the mapping: its key owns the mapping.
      if (s.key === undefined || s.keyColumn === undefined || s.keyColumn >= col || !s.opens) return undefined;
      path.unshift(s.key);
      if (s.dashes.length) {
        for (let d = s.dashes.length - 1; d >= 0; d--) path.unshift(0);
        col = s.dashes[0];
        mode = 'seq';
      } else col = s.keyColumn;
    } else {
      // Looking for the key that owns a sequence whose `- ` markers are at `col`.
      if (s.content > col) continue;
      if (s.dashes[0] === col) continue; // another item of the same sequence
      if (s.key === undefined || s.keyColumn === undefined || s.keyColumn > col || !s.opens) return undefined;
      path.unshift(s.key);
      if (s.dashes.length) {
        for (let d = s.dashes.length - 1; d >= 0; d--) path.unshift(0);
        col = s.dashes[0];
        mode = 'seq';
      } else { col = s.keyColumn; mode = 'map'; }
    }
  }
  return { path, prefix, prefixStart: offset - prefix.length, column, siblings: [...new Set(siblings)] };
}

// ---- References and their declarations --------------------------------------------------------

export type ReferenceKind = 'service' | 'network' | 'volume' | 'secret' | 'config';

export const SECTION_OF: Record<ReferenceKind, 'services' | 'networks' | 'volumes' | 'secrets' | 'configs'> = {
  service: 'services', network: 'networks', volume: 'volumes', secret: 'secrets', config: 'configs',
};

export interface Reference {
  kind: ReferenceKind;
  name: string;
  /** The name as written (inside quotes, before `:mode` and the like). */
  span: Span;
  document: ComposeDocument;
}

/** The span of `name` at the start of a scalar's text (after an opening quote), when it is written there. */
function leadingSpan(node: YNode, name: string): Span | undefined {
  if (!isScalar(node)) return undefined;
  const quote = node.style === 'single' || node.style === 'double' ? 1 : 0;
  if (node.source.slice(quote, quote + name.length) !== name) return undefined;
  return { start: node.start + quote, end: node.start + quote + name.length };
}

function wholeSpan(node: YNode, name: string): Span {
  return leadingSpan(node, name) ?? { start: node.start, end: node.end };
}

/** A named volume source (`data` in `data:/var/lib/data:ro`), not a host path. */
const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The reference to a service, network, volume, secret or config under the cursor, if any. */
export function referenceAt(file: ComposeFile, offset: number): Reference | undefined {
  const at = findNodeAtOffset(file, offset);
  if (!at || at.alias) return undefined;
  const { path, node, pair, onKey, document } = at;
  if (path[0] !== 'services' || path.length < 3 || typeof path[1] !== 'string') return undefined;
  const field = path[2];
  const rest = path.slice(3);
  const ref = (kind: ReferenceKind, name: string | undefined, span: Span | undefined): Reference | undefined =>
    name && span && offset >= span.start && offset <= span.end ? { kind, name, span, document } : undefined;
  const keyRef = (kind: ReferenceKind) => (onKey && pair && rest.length === 1 ? ref(kind, scalarString(pair.key), { start: pair.key.start, end: pair.key.end }) : undefined);
  const itemRef = (kind: ReferenceKind) => {
    if (onKey || rest.length !== 1 || typeof rest[0] !== 'number' || !isScalar(node)) return undefined;
    const name = scalarString(node);
    return name ? ref(kind, name, wholeSpan(node, name)) : undefined;
  };
  const sourceRef = (kind: ReferenceKind) => {
    if (onKey || rest.length !== 2 || typeof rest[0] !== 'number' || rest[1] !== 'source' || !isScalar(node)) return undefined;
    const name = scalarString(node);
    return name ? ref(kind, name, wholeSpan(node, name)) : undefined;
  };
  switch (field) {
    case 'depends_on':
      return keyRef('service') ?? itemRef('service');
    case 'networks':
      return keyRef('network') ?? itemRef('network');
    case 'secrets':
    case 'configs': {
      const kind = field === 'secrets' ? 'secret' : 'config';
      return itemRef(kind) ?? sourceRef(kind);
    }
    case 'volumes': {
      if (!onKey && rest.length === 1 && typeof rest[0] === 'number' && isScalar(node)) {
        const text = scalarString(node) ?? '';
        const source = text.split(':')[0];
        if (text.includes(':') && VOLUME_NAME.test(source)) return ref('volume', source, leadingSpan(node, source));
        return undefined;
      }
      const item = rest.length === 2 ? (document.root && isMap(document.root) ? itemAt(document.root, path.slice(0, 4)) : undefined) : undefined;
      const type = isMap(item) ? scalarString(item.get('type')) : undefined;
      if (type !== undefined && type !== 'volume') return undefined;
      return sourceRef('volume');
    }
    case 'extends': {
      // `extends: web` or `extends: { service: web }` without `file:` (a service of this file).
      const ext = isMap(document.root) ? itemAt(document.root, path.slice(0, 3)) : undefined;
      if (isMap(ext) && ext.has('file')) return undefined;
      if (!onKey && rest.length === 0 && isScalar(node)) { const n = scalarString(node); return n ? ref('service', n, wholeSpan(node, n)) : undefined; }
      if (!onKey && rest.length === 1 && rest[0] === 'service' && isScalar(node)) { const n = scalarString(node); return n ? ref('service', n, wholeSpan(node, n)) : undefined; }
      return undefined;
    }
    case 'links':
    case 'volumes_from': {
      if (onKey || rest.length !== 1 || typeof rest[0] !== 'number' || !isScalar(node)) return undefined;
      const text = scalarString(node) ?? '';
      if (field === 'volumes_from' && text.startsWith('container:')) return undefined;
      const name = text.split(':')[0];
      return ref('service', name, leadingSpan(node, name));
    }
    case 'network_mode': {
      if (onKey || rest.length !== 0 || !isScalar(node)) return undefined;
      const text = scalarString(node) ?? '';
      if (!text.startsWith('service:')) return undefined;
      const name = text.slice('service:'.length);
      const lead = leadingSpan(node, text);
      return lead ? ref('service', name, { start: lead.start + 'service:'.length, end: lead.end }) : undefined;
    }
  }
  return undefined;
}

function itemAt(root: YNode, path: readonly PathSegment[]): YNode | null | undefined {
  let n: YNode | null | undefined = root;
  for (const seg of path) {
    if (!n) return undefined;
    if (typeof seg === 'number') n = n.type === 'seq' ? n.items[seg] : undefined;
    else n = isMap(n) ? n.get(seg) : undefined;
  }
  return n;
}

/** Where a service, network, volume, secret or config is declared in a document (its key). */
export function declarationOf(document: ComposeDocument, kind: ReferenceKind, name: string): Span | undefined {
  const e = entries(rootMap(document)?.get(SECTION_OF[kind])).filter((x) => x.name === name && !x.pair.merged).pop();
  return e ? e.nameSpan : undefined;
}

/** Names declared in a section of the document holding `offset` (for completing references). */
export function declaredNames(file: ComposeFile, offset: number, kind: ReferenceKind): string[] {
  const document = file.documents.filter((d) => d.span.start <= offset && offset <= d.span.end).pop() ?? file.documents[0];
  return entries(rootMap(document)?.get(SECTION_OF[kind])).map((e) => e.name);
}

/** For completing a value in a sequence of references: which kind the items under `path` name. */
export function referenceKindOfList(path: readonly PathSegment[]): ReferenceKind | undefined {
  if (path[0] !== 'services' || path.length !== 3) return undefined;
  switch (path[2]) {
    case 'depends_on': case 'links': case 'volumes_from': return 'service';
    case 'networks': return 'network';
    case 'secrets': return 'secret';
    case 'configs': return 'config';
  }
  return undefined;
}

// ---- Outline -------------------------------------------------------------------------------------

export type OutlineKind = 'section' | 'service' | 'network' | 'volume' | 'secret' | 'config' | 'model';

export interface OutlineItem {
  name: string;
  kind: OutlineKind;
  /** The whole entry (key and value). */
  span: Span;
  /** The key. */
  selection: Span;
  /** Short description, e.g. the service's image. */
  detail?: string;
  children: OutlineItem[];
}

const OUTLINE_SECTIONS: [string, OutlineKind][] = [
  ['services', 'service'], ['networks', 'network'], ['volumes', 'volume'], ['secrets', 'secret'], ['configs', 'config'], ['models', 'model'],
];

function serviceDetail(node: YNode | null): string | undefined {
  if (!isMap(node)) return undefined;
  const image = scalarString(node.get('image'));
  if (image) return image;
  const build = node.get('build');
  const context = isMap(build) ? scalarString(build.get('context')) : scalarString(build);
  return build !== undefined ? `build: ${context ?? '.'}` : undefined;
}

/** Services, networks, volumes, secrets, configs and models of every document, in written order. */
export function composeOutline(file: ComposeFile): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (const document of file.documents) {
    const root = rootMap(document);
    if (!root) continue;
    for (const [section, kind] of OUTLINE_SECTIONS) {
      const pair = root.pair(section);
      if (!pair || pair.merged) continue;
      const children = entries(pair.value as YMap | null).filter((e) => !e.pair.merged).map((e) => ({
        name: e.name, kind, span: { start: e.pair.start, end: Math.max(e.pair.end, e.nameSpan.end) }, selection: e.nameSpan,
        ...(kind === 'service' && serviceDetail(e.node) ? { detail: serviceDetail(e.node) } : {}),
        children: [],
      }));
      out.push({ name: section, kind: 'section', span: { start: pair.start, end: Math.max(pair.end, pair.key.end) }, selection: { start: pair.key.start, end: pair.key.end }, children });
    }
  }
  return out;
}
