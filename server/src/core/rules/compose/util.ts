// Helpers shared by the Compose rules (domain reads live in core/compose/facts, text edits in core/compose/edit).
import type { ComposeContext } from '../../rule';
import type { FixSpec, OffsetEdit, Span } from '../../types';
import { EMPTY_WORKSPACE } from '../../workspace';
import { parseDockerfile } from '../../dockerfile/parse';
import type { Dockerfile } from '../../dockerfile/model';
import type { YMap, YNode } from '../../compose/model';
import { isMap, isScalar, isSeq, keyString, scalarString } from '../../compose/query';
import { nearest } from '../../compose/validate';
import { insertInScalarEdit, insertPairEdit, replaceScalarEdit } from '../../compose/edit';
import {
  allServices, buildInfo, hasVariable, isRemoteContext, joinRelative, projectOf,
  type PortBinding, type Project, type Section, type Service,
} from '../../compose/facts';

/** The project this file belongs to (base file and includes merged in), parsed once per document. */
export function project(ctx: ComposeContext): Project {
  return projectOf(ctx.doc, ctx.path, ctx.workspace, ctx.workspace === EMPTY_WORKSPACE);
}

/** Whether files beside the document can be read (false for untitled buffers and virtual workspaces). */
export function canReadFiles(ctx: ComposeContext): boolean {
  return ctx.workspace !== EMPTY_WORKSPACE && ctx.path !== undefined;
}

export interface Reference { name: string; span: Span }

/** `; did you mean "x"?` or `` for an unknown name. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const guess = nearest(name, [...known]);
  return guess ? `; did you mean "${guess}"?` : '';
}

/** The Dockerfile a service builds from, parsed, when it is a local file that can be read. */
export function serviceDockerfile(ctx: ComposeContext, service: YMap | null): { path: string; doc: Dockerfile } | undefined {
  const b = buildInfo(service);
  if (!b || b.inline || !canReadFiles(ctx) || hasVariable(b.context) || hasVariable(b.dockerfile) || isRemoteContext(b.context)) return undefined;
  const path = joinRelative(b.context, b.dockerfile);
  if (!path) return undefined;
  const text = ctx.workspace.readFile(path);
  return text === undefined ? undefined : { path, doc: parseDockerfile(text).ast };
}

/**
 * Whether the image a service builds has a HEALTHCHECK: 'defined', 'disabled' (HEALTHCHECK NONE),
 * or 'unknown' (no build, unreadable, or the chain ends in an external image that may define one).
 */
export function builtImageHealthcheck(ctx: ComposeContext, service: YMap | null): 'defined' | 'disabled' | 'none' | 'unknown' {
  const df = serviceDockerfile(ctx, service);
  if (!df || !df.doc.stages.length) return 'unknown';
  const target = buildInfo(service)?.target?.toLowerCase();
  let stage = target ? df.doc.stages.find((s) => s.name === target) : df.doc.stages[df.doc.stages.length - 1];
  for (let guard = 0; stage && guard < 100; guard++) {
    const hc = [...stage.instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
    if (hc) return /^\s*NONE\b/i.test(hc.rest) ? 'disabled' : 'defined';
    if (stage.image.scratch) return 'none';
    const parentName = stage.image.raw.toLowerCase();
    const idx: number = stage.index;
    stage = df.doc.stages.find((s) => s.name === parentName && s.index < idx);
  }
  return 'unknown';
}

/** Names a service uses from a top-level section, written as list items (`- name`) or `source:` of long syntax. */
export function sourceReferences(node: YNode | null | undefined): Reference[] {
  if (!isSeq(node)) return [];
  const out: Reference[] = [];
  for (const item of node.items) {
    if (isScalar(item)) { const v = scalarString(item); if (v !== undefined) out.push({ name: v, span: item }); }
    else if (isMap(item)) { const src = item.get('source'); const v = scalarString(src); if (v !== undefined && src) out.push({ name: v, span: src }); }
  }
  return out;
}

/** Reports every reference of every service (of this file) to a name its top-level section does not declare. */
export function checkDeclared(ctx: ComposeContext, section: Section, noun: string, refs: (service: YMap) => Reference[], implicit: readonly string[] = []): void {
  const p = project(ctx);
  if (p.incomplete) return;
  const declared = p.declared[section];
  for (const s of allServices(ctx.doc)) {
    if (!s.node) continue;
    for (const r of refs(s.node)) {
      if (declared.has(r.name) || implicit.includes(r.name) || hasVariable(r.name)) continue;
      ctx.report({
        span: { start: r.span.start, end: r.span.end },
        message: `Service "${s.name}" uses the ${noun} "${r.name}", which is not declared under the top-level "${section}:"${didYouMean(r.name, declared) || '; declare it there (with `external: true` if it is created outside Compose).'}`,
      });
    }
  }
}

/** Keys of a mapping or items of a list (service `networks:` accepts both). */
export function namesOf(node: YNode | null | undefined): Reference[] {
  if (isMap(node)) return node.pairs.filter((p) => !p.merged).map((p) => ({ name: keyString(p.key), span: p.key }));
  return sourceReferences(node);
}

/** A fix that binds a published port to 127.0.0.1 (short syntax: prefix or replace the address; long syntax: `host_ip`). */
export function bindToLoopbackFix(ctx: ComposeContext, b: PortBinding): FixSpec | undefined {
  let edit: OffsetEdit | undefined;
  if (b.long && b.map) {
    const ip = b.map.get('host_ip');
    edit = isScalar(ip) ? replaceScalarEdit(ip, '127.0.0.1') : insertPairEdit(ctx.doc, b.map, 'host_ip', '127.0.0.1');
  } else if (isScalar(b.item)) {
    const text = scalarString(b.item) ?? '';
    if (typeof b.item.value === 'number') edit = { start: b.item.start, end: b.item.end, newText: `"127.0.0.1::${text}"` };
    else if (b.spec.hostIp === undefined) edit = insertInScalarEdit(b.item, 0, b.spec.published ? '127.0.0.1:' : '127.0.0.1::');
    else {
      const written = text.startsWith(`[${b.spec.hostIp}]`) ? `[${b.spec.hostIp}]` : b.spec.hostIp;
      if (text.startsWith(written)) edit = replaceScalarEdit(b.item, `127.0.0.1${text.slice(written.length)}`);
    }
  }
  return edit ? { title: 'Publish on 127.0.0.1 only', safe: false, edits: [edit] } : undefined;
}

export interface HardeningTarget {
  service: Service;
  node: YMap;
  has: (read: (svc: YMap) => boolean) => boolean;
  /**
   * The service is written as an alias (`web: *base`): its map is the anchored node, shared with every
   * other use of the anchor. An edit there changes them all and lands far from the finding (where the
   * style rules' reorders of that map win every fix-all pass): no fix.
   */
  shared: boolean;
}

/** A hardening rule's fix (they all change behaviour, so none is safe): none for a service whose map is shared. */
export function hardeningFix(t: HardeningTarget, title: string, edit: OffsetEdit | undefined): FixSpec | undefined {
  return edit && !t.shared ? { title, safe: false, edits: [edit] } : undefined;
}

/**
 * Services of this file that hardening rules should look at, with a lookup that also sees the same
 * service in the base file (an override file only adds to it). Services using `extends` are skipped:
 * their keys may come from elsewhere. What the base file says is read once per service name and
 * `read` function (keep it the same function object: a module-level const), so thousands of
 * same-named services in both files cost no more than their count.
 */
export function hardeningTargets(ctx: ComposeContext): HardeningTarget[] {
  const p = project(ctx);
  const out: HardeningTarget[] = [];
  const inBase = new Map<(svc: YMap) => boolean, Map<string, boolean>>();
  const elsewhereHas = (name: string, read: (svc: YMap) => boolean) => {
    let byName = inBase.get(read);
    if (!byName) { byName = new Map(); inBase.set(read, byName); }
    let v = byName.get(name);
    if (v === undefined) { v = (p.external.get(name) ?? []).some((d) => !!d.node && read(d.node)); byName.set(name, v); }
    return v;
  };
  for (const s of allServices(ctx.doc)) {
    if (!s.node || s.node.has('extends')) continue;
    const node = s.node;
    const name = s.name;
    out.push({ service: s, node, has: (read) => read(node) || (p.external.has(name) && elsewhereHas(name, read)), shared: !!s.pair.alias });
  }
  return out;
}

/** Indexes of entries that sort before some earlier entry (each is "out of place"), with the smallest such earlier entry. */
export function outOfOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): { index: number; before: number }[] {
  const out: { index: number; before: number }[] = [];
  const seen: number[] = []; // indexes of earlier items, sorted by value (stable)
  for (let i = 0; i < items.length; i++) {
    // the first earlier item strictly greater than items[i]
    let lo = 0;
    let hi = seen.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (compare(items[seen[mid]], items[i]) > 0) hi = mid; else lo = mid + 1; }
    if (lo < seen.length) out.push({ index: i, before: seen[lo] });
    seen.splice(lo, 0, i);
  }
  return out;
}

/** The stable sorting permutation: order[k] = index of the item that goes to place k. */
export function sortedOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  return items.map((_, i) => i).sort((a, b) => compare(items[a], items[b]) || a - b);
}

export const byText = (a: string, b: string) => a.localeCompare(b);
const NATURAL = new Intl.Collator('en', { numeric: true });
export const byNatural = (a: string, b: string) => NATURAL.compare(a, b);

/** The notes sentence every dclint style rule shares: why it is off by default here and on in dclint. */
export const STYLE_PROFILE_NOTE = 'Deliberate difference: dclint runs this check by default, Seaworthy only in the opt-in style profile — order and quoting are team conventions, and `--fix` or fix-all on save must never rewrite a file\'s layout unasked. With no configuration (as in the conformance run) dclint\'s cases for it therefore count as disagreements; with the style profile on they agree.';
