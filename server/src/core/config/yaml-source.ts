// Configuration files read as a small located tree: every map key and value keeps its span, so a
// wrong key or value is reported exactly where it is written. JSON is read by the same parser.
import { parseDocument, isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Span } from '../types';
import { editDistance } from '../text';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** A problem in a configuration file: what is wrong, where (key path and span), and how bad. */
export interface ConfigProblem {
  message: string;
  /** Dotted key path, e.g. `rules.image-untagged` or `override.error[2]`; '' for the whole file. */
  path: string;
  span: Span;
  severity: ProblemSeverity;
}

export type LNode = LMap | LSeq | LScalar;
export interface LMap { type: 'map'; span: Span; pairs: LPair[] }
export interface LPair { key: string; keySpan: Span; value: LNode }
export interface LSeq { type: 'seq'; span: Span; items: LNode[] }
export interface LScalar { type: 'scalar'; span: Span; value: string | number | boolean | null }

const firstLine = (s: string) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

/** Parses YAML (or JSON) text; never throws. An empty file has no root. */
export function parseLocated(text: string): { root: LNode | undefined; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false });
  } catch (e) {
    return { root: undefined, problems: [{ message: `not valid YAML: ${firstLine((e as Error).message)}`, path: '', span: { start: 0, end: 0 }, severity: 'error' }] };
  }
  for (const e of doc.errors) {
    const [start, end] = e.pos ?? [0, 0];
    problems.push({ message: `not valid YAML: ${firstLine(e.message)}`, path: '', span: { start, end: Math.max(start, end) }, severity: 'error' });
  }
  if (!doc.contents) return { root: undefined, problems };
  const budget = { nodes: 0 };
  const root = convert(doc, doc.contents as Node, 0, problems, { start: 0, end: 0 }, budget);
  if (budget.nodes > MAX_NODES) problems.push({ message: `too many values (over ${MAX_NODES}, aliases expanded): the rest is ignored`, path: '', span: { start: 0, end: 0 }, severity: 'error' });
  if (root.type === 'scalar' && root.value === null) return { root: undefined, problems };
  return { root, problems };
}

function spanOf(node: Node | null | undefined, fallback: Span): Span {
  const r = node?.range;
  if (!r || r[1] <= r[0]) return fallback;
  return { start: r[0], end: r[1] };
}

const MAX_NODES = 100_000;

function convert(doc: Document, node: Node | null | undefined, depth: number, problems: ConfigProblem[], fallback: Span, budget: { nodes: number }): LNode {
  const span = spanOf(node, fallback);
  if (!node || depth > 50 || ++budget.nodes > MAX_NODES) return { type: 'scalar', span, value: null };
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) {
      problems.push({ message: `unknown anchor "${node.source}"`, path: '', span, severity: 'error' });
      return { type: 'scalar', span, value: null };
    }
    const inner = convert(doc, target as Node, depth + 1, problems, span, budget);
    return { ...inner, span };
  }
  if (isMap(node)) {
    const pairs: LPair[] = [];
    for (const p of node.items) {
      const keyNode = p.key as Node | null;
      const keySpan = spanOf(keyNode, span);
      const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const valueFallback = { start: keySpan.end, end: keySpan.end };
      pairs.push({ key, keySpan, value: convert(doc, p.value as Node | null, depth + 1, problems, valueFallback, budget) });
    }
    return { type: 'map', span, pairs };
  }
  if (isSeq(node)) return { type: 'seq', span, items: node.items.map((it) => convert(doc, it as Node, depth + 1, problems, span, budget)) };
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { type: 'scalar', span, value };
  }
  return { type: 'scalar', span, value: null };
}

/** Collects problems while a file is validated. */
export class Problems {
  readonly list: ConfigProblem[] = [];
  constructor(initial: ConfigProblem[] = []) { this.list.push(...initial); }
  add(span: Span, path: string, message: string, severity: ProblemSeverity = 'error') { this.list.push({ message, path, span, severity }); }
  get errors() { return this.list.filter((p) => p.severity === 'error'); }
}

export const describe = (n: LNode): string =>
  n.type === 'map' ? 'a mapping' : n.type === 'seq' ? 'a list' : n.value === null ? 'nothing' : JSON.stringify(n.value);

export const joinPath = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/** A list of strings (a single string counts as a list of one when `single` is set). */
export function stringList(node: LNode, path: string, p: Problems, what: string, single = false): { value: string; span: Span }[] | undefined {
  if (single && node.type === 'scalar' && typeof node.value === 'string') return [{ value: node.value, span: node.span }];
  if (node.type === 'scalar' && node.value === null) return [];
  if (node.type !== 'seq') { p.add(node.span, path, `expected a list of ${what}, not ${describe(node)}`); return undefined; }
  const out: { value: string; span: Span }[] = [];
  node.items.forEach((it, i) => {
    if (it.type === 'scalar' && (typeof it.value === 'string' || typeof it.value === 'number')) out.push({ value: String(it.value), span: it.span });
    else p.add(it.span, joinPath(path, i), `expected ${what.replace(/s$/, '')}, not ${describe(it)}`);
  });
  return out;
}

/** The closest candidate by edit distance, for "did you mean" suggestions. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), bestD - 1);
    if (d < bestD) { bestD = d; best = c; }
  }
  return bestD <= Math.min(max, Math.max(1, Math.floor(word.length / 3))) ? best : undefined;
}
