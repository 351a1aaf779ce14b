// The map node of the Compose model and merge-key (`<<`) resolution, shared by both YAML readers
// (./reader for the common subset, ./parse over the `yaml` library) so that they build identical models.
import type { Span } from '../types';
import type { YMap, YNode, YPair, YScalar } from './model';
import { keyString } from './query';

/** Budget of pairs copied into maps by merge keys (`<<`), against quadratic merge chains. */
export const MAX_MERGED_PAIRS = 100_000;

/** Key index of each map, built on first lookup (kept off the object so the model stays plain data). */
const KEY_INDEX = new WeakMap<YMap, Map<string, YPair>>();

export class Mapping implements YMap {
  readonly type = 'map' as const;
  declare anchor?: string;
  declare tag?: string;
  declare aliased?: boolean;
  pairs: YPair[] = [];
  merges: YPair[] = [];

  constructor(public start: number, public end: number, public flow: boolean) {}

  pair(key: string): YPair | undefined {
    let index = KEY_INDEX.get(this);
    if (!index) {
      index = new Map();
      for (const p of this.pairs) index.set(keyString(p.key), p);
      KEY_INDEX.set(this, index);
    }
    return index.get(key);
  }

  get(key: string): YNode | null | undefined { return this.pair(key)?.value; }

  has(key: string): boolean { return this.pair(key) !== undefined; }
}

export type ReportError = (message: string, start: number, end: number) => void;

function isMergeKey(key: YScalar): boolean {
  return key.style === 'plain' && key.source === '<<';
}

/** Fills `pairs` and `merges`: explicit keys win over merged ones, earlier merge sources over later ones. */
export function resolveMerges(m: Mapping, written: YPair[], budget: { merged: number }, error: ReportError): void {
  if (!written.some(p => isMergeKey(p.key))) { m.pairs = written; return; }
  const explicit = new Set<string>();
  for (const p of written) if (!isMergeKey(p.key)) explicit.add(keyString(p.key));
  const mergedKeys = new Set<string>();
  for (const p of written) {
    if (!isMergeKey(p.key)) { m.pairs.push(p); continue; }
    m.merges.push(p);
    for (const source of mergeSources(p, error)) {
      for (const q of source.pairs) {
        const k = keyString(q.key);
        if (explicit.has(k) || mergedKeys.has(k)) continue;
        if (++budget.merged > MAX_MERGED_PAIRS) {
          if (budget.merged === MAX_MERGED_PAIRS + 1) error(`Merge keys (<<) copy more than ${MAX_MERGED_PAIRS} pairs; the rest are ignored`, p.start, p.end);
          return;
        }
        mergedKeys.add(k);
        const copy: YPair = { key: q.key, value: q.value, start: q.start, end: q.end, merged: true, mergeKey: p };
        if (q.alias) copy.alias = q.alias;
        m.pairs.push(copy);
      }
    }
  }
}

function mergeSources(p: YPair, error: ReportError): YMap[] {
  const v = p.value;
  const bad = (s: Span) => error('A merge key (<<) needs a mapping or a list of mappings', s.start, s.end);
  if (!v) { bad(p); return []; }
  if (v.type === 'map') return [v];
  if (v.type === 'seq') {
    const out: YMap[] = [];
    v.items.forEach((item, i) => {
      if (item.type === 'map') out.push(item);
      else bad(v.itemAliases?.[i] ?? item);
    });
    return out;
  }
  bad(p.alias ?? v);
  return [];
}
