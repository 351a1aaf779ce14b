// What Compose means by the values rules look at: services across documents, declared names, ports,
// mounts, dependencies, image references, healthchecks. Pure reads over the model (./model).
import type { Span } from '../types';
import type { ComposeDocument, ComposeFile, YMap, YNode, YPair, YScalar, YSeq } from './model';
import { parseCompose } from './parse';
import { entries, isMap, isScalar, isSeq, keyString, rootMap, scalarString, type TopLevelSection } from './query';

// ---- Services and declarations ------------------------------------------------------------------

export interface Service {
  name: string;
  nameSpan: Span;
  pair: YPair;
  /** null when the service is not a mapping. */
  node: YMap | null;
  document: ComposeDocument;
}

/** Every service of every document, in order (a file may hold several documents that Compose merges). */
export function allServices(file: ComposeFile): Service[] {
  const out: Service[] = [];
  for (const document of file.documents) {
    for (const e of entries(rootMap(document)?.get('services'))) {
      out.push({ name: e.name, nameSpan: e.nameSpan, pair: e.pair, node: isMap(e.node) ? e.node : null, document });
    }
  }
  return out;
}

/** Names declared in a top-level section of any document. */
export function declaredNames(file: ComposeFile, section: TopLevelSection): Set<string> {
  const names = new Set<string>();
  for (const d of file.documents) for (const e of entries(rootMap(d)?.get(section))) names.add(e.name);
  return names;
}

/** True when a value uses interpolation (`$VAR`, `${VAR}`); `$$` is a literal dollar. */
export function hasVariable(s: string | undefined): boolean {
  return !!s && /\$(?:\{|[A-Za-z_])/.test(s.replace(/\$\$/g, ''));
}

/** A span inside a scalar's text for `value.slice(index, index + length)`, when the source maps 1:1 (no escapes, single line). */
export function subSpan(scalar: YScalar, index: number, length: number): Span {
  const value = typeof scalar.value === 'string' ? scalar.value : scalar.source;
  const quoted = scalar.style === 'single' || scalar.style === 'double';
  const inner = quoted ? scalar.source.slice(1, -1) : scalar.source;
  if (inner === value && !value.includes('\n')) {
    const start = scalar.start + (quoted ? 1 : 0) + index;
    return { start, end: start + length };
  }
  return { start: scalar.start, end: scalar.end };
}

/** Scalar items of a list (or the single scalar), with their nodes. */
export function stringItems(node: YNode | null | undefined): { value: string; node: YScalar }[] {
  if (isScalar(node)) { const v = scalarString(node); return v === undefined ? [] : [{ value: v, node }]; }
  if (!isSeq(node)) return [];
  const out: { value: string; node: YScalar }[] = [];
  for (const item of node.items) if (isScalar(item)) { const v = scalarString(item); if (v !== undefined) out.push({ value: v, node: item }); }
  return out;
}

// ---- Ports ----------------------------------------------------------------------------------------

export interface PortRange { start: number; end: number }

export interface PortSpec {
  hostIp?: string;
  /** Host port(s) as written; undefined when Docker picks one (ephemeral). */
  published?: string;
  target: string;
  protocol: string;
}

/** Splits on a character, not inside `${…}`. */
export function splitOutsideBraces(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') { depth++; cur += '${'; i++; continue; }
    if (c === '}' && depth > 0) depth--;
    if (c === sep && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host addresses in brackets. */
export function parsePortString(s: string): PortSpec | undefined {
  let rest = s.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) { protocol = rest.slice(slash + 1).toLowerCase(); rest = rest.slice(0, slash); }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return undefined;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = splitOutsideBraces(rest, ':');
  if (hostIp !== undefined) {
    if (parts.length === 1) return { hostIp, target: parts[0], protocol };
    if (parts.length !== 2) return undefined;
    return { hostIp, published: parts[0] || undefined, target: parts[1], protocol };
  }
  if (parts.length === 1) return { target: parts[0], protocol };
  if (parts.length === 2) return { published: parts[0] || undefined, target: parts[1], protocol };
  // ip:host:container, or an unbracketed IPv6 address
  const target = parts[parts.length - 1];
  const published = parts[parts.length - 2];
  return { hostIp: parts.slice(0, -2).join(':'), published: published || undefined, target, protocol };
}

/** `8080` or `8000-8010`; undefined for anything else (variables included). */
export function parseRange(s: string | undefined): PortRange | undefined {
  if (s === undefined) return undefined;
  const m = /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/.exec(s);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  return end >= start ? { start, end } : undefined;
}

export interface PortBinding {
  /** The list item. */
  item: YNode;
  /** Short syntax: the scalar; long syntax: the mapping. */
  long: boolean;
  spec: PortSpec;
  /** Where to report about the host side: the short-syntax scalar, or `published` (else the item) in long syntax. */
  span: Span;
  /** Long syntax: the pairs, for edits. */
  map?: YMap;
  /** Any part uses interpolation. */
  variable: boolean;
}

export function portBindings(service: YMap | null): PortBinding[] {
  const ports = service?.get('ports');
  if (!isSeq(ports)) return [];
  const out: PortBinding[] = [];
  for (const item of ports.items) {
    if (isScalar(item)) {
      const text = scalarString(item);
      if (text === undefined) continue;
      const spec = parsePortString(text);
      if (!spec) continue;
      out.push({ item, long: false, spec, span: { start: item.start, end: item.end }, variable: hasVariable(text) });
    } else if (isMap(item)) {
      const target = scalarString(item.get('target'));
      if (target === undefined) continue;
      const publishedNode = item.get('published');
      const published = scalarString(publishedNode);
      const hostIp = scalarString(item.get('host_ip'));
      const protocol = (scalarString(item.get('protocol')) ?? 'tcp').toLowerCase();
      const at = publishedNode ?? item;
      out.push({
        item, long: true, map: item, spec: { hostIp, published, target, protocol },
        span: { start: at.start, end: at.end }, variable: [target, published, hostIp].some(hasVariable),
      });
    }
  }
  return out;
}

/** All interfaces: no address, `0.0.0.0` or `::`. */
export function isAllInterfaces(hostIp: string | undefined): boolean {
  return !hostIp || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}

// ---- Mounts -----------------------------------------------------------------------------------------

export interface Mount {
  item: YNode;
  long: boolean;
  type: string;
  source?: string;
  sourceSpan?: Span;
  target?: string;
  targetSpan?: Span;
  readOnly: boolean;
  /** A named volume (not a path) as the source. */
  named: boolean;
}

const isPathLike = (s: string) => /^(?:[./~]|\$|[A-Za-z]:[\\/]|\\\\)/.test(s) || s.includes('/');

/** Short syntax `[SOURCE:]TARGET[:MODE]`; Windows drive letters and `${…}` stay whole. */
export function parseVolumeString(s: string): { source?: string; sourceIndex: number; target: string; targetIndex: number; mode?: string } | undefined {
  const colons: number[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') { depth++; i++; continue; }
    if (s[i] === '}' && depth > 0) { depth--; continue; }
    if (s[i] !== ':' || depth > 0) continue;
    const segStart = colons.length ? colons[colons.length - 1] + 1 : 0;
    if (i === segStart + 1 && /[A-Za-z]/.test(s[segStart]) && /[\\/]/.test(s[i + 1] ?? '')) continue; // C:\ or C:/
    colons.push(i);
  }
  if (!colons.length) return s ? { target: s, targetIndex: 0, sourceIndex: 0 } : undefined;
  const source = s.slice(0, colons[0]);
  const targetIndex = colons[0] + 1;
  const target = s.slice(targetIndex, colons[1] ?? s.length);
  const mode = colons.length > 1 ? s.slice(colons[1] + 1) : undefined;
  if (!target) return undefined;
  return { source, sourceIndex: 0, target, targetIndex, mode };
}

export function mounts(service: YMap | null): Mount[] {
  const vols = service?.get('volumes');
  if (!isSeq(vols)) return [];
  const out: Mount[] = [];
  for (const item of vols.items) {
    if (isScalar(item)) {
      const text = scalarString(item);
      if (text === undefined) continue;
      const v = parseVolumeString(text);
      if (!v) continue;
      const named = v.source !== undefined && !isPathLike(v.source);
      out.push({
        item, long: false, type: v.source === undefined ? 'volume' : named ? 'volume' : 'bind',
        source: v.source, sourceSpan: v.source !== undefined ? subSpan(item, v.sourceIndex, v.source.length) : undefined,
        target: v.target, targetSpan: subSpan(item, v.targetIndex, v.target.length),
        readOnly: !!v.mode && v.mode.split(',').includes('ro'), named,
      });
    } else if (isMap(item)) {
      const type = scalarString(item.get('type')) ?? 'volume';
      const sourceNode = item.get('source');
      const targetNode = item.get('target');
      const source = scalarString(sourceNode);
      const target = scalarString(targetNode);
      out.push({
        item, long: true, type, source, sourceSpan: sourceNode ? { start: sourceNode.start, end: sourceNode.end } : undefined,
        target, targetSpan: targetNode ? { start: targetNode.start, end: targetNode.end } : undefined,
        readOnly: item.get('read_only') !== undefined && isScalar(item.get('read_only')) && (item.get('read_only') as YScalar).value === true,
        named: type === 'volume' && !!source,
      });
    }
  }
  return out;
}

/** Normalises a container path for comparison (`/data/` = `/data`). */
export function normalizeTarget(p: string): string {
  const t = p.replace(/\/+/g, '/');
  return t.length > 1 ? t.replace(/\/$/, '') : t;
}

// ---- Dependencies ---------------------------------------------------------------------------------

export interface Dependency {
  name: string;
  /** The service name as written (list item or mapping key). */
  span: Span;
  /** Long syntax only. */
  condition?: string;
  conditionNode?: YScalar;
  short: boolean;
  /** Short syntax: the list and the item; long syntax: the mapping and the entry. */
  list?: YSeq;
  item?: YScalar;
  map?: YMap;
  pair?: YPair;
}

export function dependencies(service: YMap | null): Dependency[] {
  const dep = service?.get('depends_on');
  if (isSeq(dep)) {
    const out: Dependency[] = [];
    for (const item of dep.items) {
      const name = scalarString(item);
      if (name !== undefined && isScalar(item)) out.push({ name, span: { start: item.start, end: item.end }, short: true, list: dep, item });
    }
    return out;
  }
  if (isMap(dep)) {
    return dep.pairs.map((pair) => {
      const cond = isMap(pair.value) ? pair.value.get('condition') : undefined;
      const d: Dependency = { name: keyString(pair.key), span: { start: pair.key.start, end: pair.key.end }, short: false, map: dep, pair };
      if (isScalar(cond)) { d.condition = scalarString(cond); d.conditionNode = cond; }
      return d;
    });
  }
  return [];
}

// ---- Images -----------------------------------------------------------------------------------------

export interface ImageRef {
  /** Repository without tag or digest (registry and path included). */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(s: string): ImageRef {
  let rest = s.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  return { repository: rest, tag, digest };
}

/** `nginx`, `library/nginx` and `docker.io/library/nginx` are the same repository. */
export function canonicalRepository(repo: string): string {
  let r = repo.toLowerCase();
  r = r.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  r = r.replace(/^library\//, '');
  return r;
}

// ---- Healthchecks ------------------------------------------------------------------------------------

/** 'defined' when the service has an enabled healthcheck in the compose file, 'disabled' when switched off, 'none' otherwise. */
export function healthcheckState(service: YMap | null): 'defined' | 'disabled' | 'none' {
  const hc = service?.get('healthcheck');
  if (!isMap(hc)) return 'none';
  const disable = hc.get('disable');
  if (isScalar(disable) && disable.value === true) return 'disabled';
  const test = hc.get('test');
  if (isSeq(test) && scalarString(test.items[0])?.toUpperCase() === 'NONE') return 'disabled';
  if (test === undefined) return 'none'; // only timing options: the image's HEALTHCHECK (if any) runs with them
  return 'defined';
}

/** The Dockerfile a service builds from, relative to the compose file, when it is a local build. */
export function buildInfo(service: YMap | null): { context: string; contextNode?: YNode; dockerfile: string; dockerfileNode?: YNode; target?: string; targetNode?: YScalar; inline: boolean } | undefined {
  const build = service?.get('build');
  if (build === undefined || build === null) return undefined;
  if (isScalar(build)) {
    const context = scalarString(build);
    return context === undefined ? undefined : { context, contextNode: build, dockerfile: 'Dockerfile', inline: false };
  }
  if (!isMap(build)) return undefined;
  const contextNode = build.get('context') ?? undefined;
  const dockerfileNode = build.get('dockerfile') ?? undefined;
  const targetNode = build.get('target');
  return {
    context: scalarString(contextNode) ?? '.', contextNode: contextNode ?? undefined,
    dockerfile: scalarString(dockerfileNode) ?? 'Dockerfile', dockerfileNode: dockerfileNode ?? undefined,
    target: scalarString(targetNode), targetNode: isScalar(targetNode) ? targetNode : undefined,
    inline: build.has('dockerfile_inline'),
  };
}

/** A build context Compose fetches rather than reads from disk (git, URL, another service or image). */
export function isRemoteContext(context: string): boolean {
  return /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/|[a-z]+:\/\/)/i.test(context) || /\.git(?:#.*)?$/.test(context) || /^(?:service|docker-image|target|oci-layout):/.test(context);
}

/** Joins a path relative to the compose file's folder; undefined for absolute or home-relative paths. */
export function joinRelative(base: string, rel: string): string | undefined {
  if (/^(?:\/|~|[A-Za-z]:[\\/]|\\\\)/.test(rel) || /^(?:\/|~|[A-Za-z]:[\\/])/.test(base)) return undefined;
  const parts: string[] = [];
  for (const seg of `${base}/${rel}`.split(/[\\/]+/)) {
    if (!seg || seg === '.') continue;
    if (seg === '..') { if (parts.length && parts[parts.length - 1] !== '..') parts.pop(); else parts.push('..'); }
    else parts.push(seg);
  }
  return parts.join('/') || '.';
}

// ---- The project around a file ---------------------------------------------------------------------

export type Section = 'networks' | 'volumes' | 'secrets' | 'configs';
const SECTIONS: readonly Section[] = ['networks', 'volumes', 'secrets', 'configs'];

export interface Project {
  /** Services of this file and of the files it is combined with (base file, `include`d files). */
  services: Map<string, Service>;
  /** Definitions of services in the other files (a base file and an override both define `web`). */
  external: Map<string, Service[]>;
  /** The file is an override or environment file combined with a base file that was read. */
  partial: boolean;
  declared: Record<Section, Set<string>>;
  /** Some definitions may live in files that could not be read: reference checks should stay quiet. */
  incomplete: boolean;
}

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const PROJECTS = new WeakMap<ComposeFile, Project>();

/** Minimal view of the host the rules get (kept structural so this module does not depend on the rule context). */
export interface FileReader { readFile(relativePath: string): string | undefined; exists(relativePath: string): boolean }

/**
 * This file plus what Compose combines it with: for an override or environment file
 * (`compose.override.yaml`, `docker-compose.prod.yml`), the base file beside it; and the files named
 * by `include`. Parsed once per document.
 */
export function projectOf(file: ComposeFile, path: string | undefined, workspace: FileReader, noWorkspace: boolean): Project {
  const parse = (text: string) => parseCompose(text).ast;
  const hit = PROJECTS.get(file);
  if (hit) return hit;
  const project: Project = { services: new Map(), external: new Map(), partial: false, declared: { networks: new Set(), volumes: new Set(), secrets: new Set(), configs: new Set() }, incomplete: false };
  const add = (f: ComposeFile, own: boolean) => {
    for (const s of allServices(f)) {
      if (own || !project.services.has(s.name)) project.services.set(s.name, s);
      if (own) continue;
      const defs = project.external.get(s.name) ?? [];
      defs.push(s);
      project.external.set(s.name, defs);
    }
    for (const sec of SECTIONS) for (const n of declaredNames(f, sec)) project.declared[sec].add(n);
  };
  add(file, true);
  const base = path?.replace(/^.*[\\/]/, '');
  if (base && !BASE_NAMES.includes(base.toLowerCase())) {
    if (noWorkspace) project.incomplete = true;
    else for (const name of BASE_NAMES) {
      const text = workspace.readFile(name);
      if (text !== undefined) { add(parse(text), false); project.partial = true; break; }
    }
    // an override file is always combined with a base file; without one, what it refers to is unknown
    if (!project.partial && /\.override\./i.test(base)) project.incomplete = true;
  }
  for (const d of file.documents) {
    const inc = rootMap(d)?.get('include');
    if (!isSeq(inc)) continue;
    for (const item of inc.items) {
      const paths = isMap(item) ? stringItems(item.get('path')).map((x) => x.value) : stringItems(item).map((x) => x.value);
      for (const p of paths) {
        const text = noWorkspace || hasVariable(p) ? undefined : workspace.readFile(p);
        if (text === undefined) project.incomplete = true;
        else add(parse(text), false);
      }
    }
  }
  PROJECTS.set(file, project);
  return project;
}
