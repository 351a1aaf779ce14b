// The Dockerfile walk: every active rule's visitor over the instructions in one pass, each rule isolated
// (a rule that throws is reported once and skipped from then on).
import type { Severity } from './types';
import type { Dockerfile, Instruction, Stage } from './dockerfile/model';
import type { DockerfileAnalysis } from './dockerfile/analysis';
import type { DockerfileContext, DockerfileHandlers, DockerfileRule, DockerfileVisitor, Report, Rule } from './rule';

/** A rule's visitor for this lint: made by its `create`, or its shared `handlers` (which also take the context). */
type Visitor = DockerfileVisitor | DockerfileHandlers;

const STAGE = 0;
const KEYWORD = 1;
const INSTRUCTION = 2;
type HandlerKind = typeof STAGE | typeof KEYWORD | typeof INSTRUCTION;
/** One call of the walk: the visitor at `index` in the lint's list, which of its handlers, under which key. */
interface Entry { index: number; kind: HandlerKind; key: string }
type Handler = (x: Instruction | Stage, ctx: DockerfileContext) => void;
/** A keyword's calls in this lint: the shared table, and this lint's function for each of its entries. */
interface Bound { table: readonly Entry[]; fns: Handler[] }

/**
 * Which visitors answer which keyword, in visitor order. It depends only on the rules and the handler
 * names their visitors have, so it is kept on the rule selection and reused by the next lint of any file
 * whose visitors have the same handlers (almost always): building it cost as much as analysing a small file.
 */
export interface Dispatch {
  rules: readonly Rule[];
  /** Each visitor's own keys when it was built (null: not a plain object, never reused). */
  keys: readonly (readonly string[] | null)[];
  /** The shared `handlers` objects it was built from (undefined for a visitor made by `create`): the same object again needs no shape check. */
  shared: readonly (object | undefined)[];
  /** Each visitor's own handler names, or undefined when it is asked about every keyword. */
  names: readonly (readonly string[] | undefined)[];
  tables: Map<string, Entry[]>;
  /** Indices of the visitors with an `end` hook (asking all ~90 visitors for one was a tenth of a small file's walk). */
  ends: readonly number[];
  /** The rule list it was built for: a lint passing the same list skips comparing the rules one by one. */
  active: readonly unknown[];
}

export interface Collected { rule: Rule; severity: Severity; report: Report }
export interface RuleFailure { rule: string; message: string }
type Shared = Omit<DockerfileContext, 'doc' | 'analysis' | 'report'>;

function sameRules(dispatch: Dispatch, active: readonly { rule: Rule }[]): boolean {
  if (dispatch.active === active) return true;
  return dispatch.rules.length === active.length && active.every((a, k) => a.rule === dispatch.rules[k]);
}

/** Whether a visitor has exactly these own keys, in this order (a for-in over a plain object allocates nothing). */
function sameShape(v: Visitor | undefined, keys: readonly string[] | null): boolean {
  if (!v || !keys || Object.getPrototypeOf(v) !== Object.prototype) return false;
  let k = 0;
  for (const key in v) if (keys[k++] !== key) return false;
  return k === keys.length;
}

/** Handler names of a plain visitor object; undefined for other shapes and for visitors with catch-all hooks. */
function handlerNames(v: Visitor): string[] | undefined {
  if (Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const keys = Object.keys(v);
  return keys.includes('stage') || keys.includes('instruction') ? undefined : keys;
}

function buildTable(dispatch: Dispatch, visitors: readonly (Visitor | undefined)[], keyword: string): Entry[] {
  const t: Entry[] = [];
  for (let k = 0; k < visitors.length; k++) {
    const v = visitors[k];
    if (!v) continue;
    const own = dispatch.names[k];
    if (own && !own.includes(keyword)) continue;
    if (keyword === 'FROM' && v.stage) t.push({ index: k, kind: STAGE, key: 'stage' });
    if (typeof v[keyword as keyof Visitor] === 'function') t.push({ index: k, kind: KEYWORD, key: keyword });
    if (v.instruction) t.push({ index: k, kind: INSTRUCTION, key: 'instruction' });
  }
  dispatch.tables.set(keyword, t);
  return t;
}

/**
 * Runs the visitors of `active` over the document. Rules share one context per lint: `report` files a
 * finding under the rule whose code is running (rules report synchronously, from create or a handler).
 */
export function walkDockerfile(
  active: readonly { rule: DockerfileRule; severity: Severity }[],
  holder: { dispatch?: Dispatch },
  doc: Dockerfile,
  analysis: DockerfileAnalysis,
  shared: Shared,
  collected: Collected[],
  ruleErrors: RuleFailure[],
): void {
  let current = 0;
  const ctx: DockerfileContext = {
    text: shared.text, lines: shared.lines, workspace: shared.workspace, settings: shared.settings, path: shared.path,
    tools: shared.tools, doc, analysis, memo: undefined,
    report: (r: Report) => { const a = active[current]; collected.push({ rule: a.rule, severity: a.severity, report: r }); },
  };
  const visitors: (Visitor | undefined)[] = new Array(active.length);
  // Rules that threw, by index: a plain array made on the first failure (a typed array per lint cost ~5% of a small file's walk).
  let failed: boolean[] | undefined;
  const fail = (k: number, e: unknown) => {
    (failed ??= [])[k] = true;
    ruleErrors.push({ rule: active[k].rule.id, message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  };
  for (let k = 0; k < active.length; k++) {
    current = k;
    const rule = active[k].rule;
    try { visitors[k] = rule.handlers ?? rule.create!(ctx); } catch (e) { fail(k, e); }
  }

  let dispatch = holder.dispatch;
  if (!dispatch || !sameRules(dispatch, active) || !visitors.every((v, k) => (v !== undefined && v === dispatch!.shared[k]) || sameShape(v, dispatch!.keys[k]))) {
    const keys = visitors.map((v) => (v && Object.getPrototypeOf(v) === Object.prototype ? Object.keys(v) : null));
    const ends: number[] = [];
    visitors.forEach((v, k) => { if (typeof v?.end === 'function') ends.push(k); });
    dispatch = { rules: active.map((a) => a.rule), keys, shared: visitors.map((v, k) => (v !== undefined && v === active[k].rule.handlers ? v : undefined)), names: visitors.map((v) => (v ? handlerNames(v) : undefined)), tables: new Map(), ends, active };
    // Only a complete set of visitors describes the selection; a lint where a rule failed keeps its own.
    if (!failed) holder.dispatch = dispatch;
  }
  const tables = dispatch.tables;
  const stages = doc.stages;

  // This lint's handler functions per keyword, looked up once per keyword from the shared table (a lookup per
  // call would be a megamorphic keyed load, ~50k of them on a 5,000-line file; binding them cost more on small files).
  // One list of functions per keyword beside the shared table, not an object per handler: those were ~100
  // objects per file of the corpus.
  const bound = new Map<string, Bound>();
  const bind = (keyword: string): Bound => {
    const table = tables.get(keyword) ?? buildTable(dispatch!, visitors, keyword);
    const fns: Handler[] = new Array(table.length);
    for (let n = 0; n < table.length; n++) fns[n] = (visitors[table[n].index] as unknown as Record<string, Handler>)[table[n].key];
    const b = { table, fns };
    bound.set(keyword, b);
    return b;
  };
  const visit = (instr: Instruction) => {
    const { table, fns } = bound.get(instr.keyword) ?? bind(instr.keyword);
    const stage = instr.keyword === 'FROM' ? stages[instr.stage] : undefined;
    for (let n = 0; n < table.length; n++) {
      const { index, kind } = table[n];
      if (failed !== undefined && failed[index] === true) continue;
      current = index;
      try {
        if (kind !== STAGE) fns[n].call(visitors[index], instr, ctx);
        else if (stage) fns[n].call(visitors[index], stage, ctx);
      } catch (e) { fail(index, e); }
    }
    if (instr.trigger) visit(instr.trigger);
  };
  for (const instr of doc.instructions) visit(instr);
  for (const k of dispatch.ends) {
    if (failed?.[k]) continue;
    current = k;
    try { (visitors[k] as { end(ctx: DockerfileContext): void }).end(ctx); } catch (e) { fail(k, e); }
  }
}
