// Facts about a parsed Dockerfile that several rules need, computed lazily once per document:
// variable scopes, stage references and the shell parse of each RUN.
import type { Dockerfile, ImageRef, Instruction, Stage } from './model';
import { expand, type Expansion } from './expand';
import { toSource } from './words';
import { parseShell } from '../shell/parse';
import type { ShCommand, ShScript } from '../shell/model';
import { packageCommand, type ManagerName } from './packages';

/** ARGs BuildKit predefines in the global scope. */
export const AUTOMATIC_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
  'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'SOURCE_DATE_EPOCH',
]);

interface Declaration { index: number; name: string; value: string | undefined; kind: 'ARG' | 'ENV' }

export interface RunScript { commands: ShCommand[]; errors: ShScript['errors'] }

export class DockerfileAnalysis {
  private readonly indexOf = new Map<Instruction, number>();
  private readonly decls: Declaration[][] = [];
  private readonly shellCache = new Map<Instruction, RunScript>();
  private readonly stageByName = new Map<string, Stage>();
  /** Names some stage declares (ARG or ENV): any other name is undeclared in every stage, no chain walk needed. */
  private readonly declaredInStages = new Set<string>();
  /** What a name resolves to at the end of a stage, filled as stage chains are walked (by stage, then name). */
  private readonly atStageEnd = new Map<Stage, Map<string, { declared: boolean; value?: string }>>();

  constructor(readonly doc: Dockerfile) {
    doc.instructions.forEach((i, n) => this.indexOf.set(i, n));
    for (const s of doc.stages) {
      if (s.name && !this.stageByName.has(s.name)) this.stageByName.set(s.name, s);
      const list: Declaration[] = [];
      for (const i of s.instructions) {
        if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
        for (const p of i.pairs) { list.push({ index: this.indexOf.get(i)!, name: p.key, value: p.value, kind: i.keyword }); this.declaredInStages.add(p.key); }
      }
      this.decls.push(list);
    }
  }

  get finalStage(): Stage | undefined { return this.doc.stages[this.doc.stages.length - 1]; }

  stageOf(i: Instruction): Stage | undefined { return i.stage >= 0 ? this.doc.stages[i.stage] : undefined; }

  /** A stage by `AS` name (case-insensitive) or numeric index, as `COPY --from` and `FROM` use them. */
  stageNamed(ref: string, before?: number): Stage | undefined {
    const byName = this.stageByName.get(ref.toLowerCase());
    if (byName && (before === undefined || byName.index < before)) return byName;
    if (/^\d+$/.test(ref)) {
      const s = this.doc.stages[Number(ref)];
      if (s && (before === undefined || s.index < before)) return s;
    }
    return undefined;
  }

  /** Parent of each stage by index (null: none), filled on first use: rules ask per instruction. */
  private parents?: (Stage | null)[];
  /** Whether a later stage builds on each stage, by index. */
  private builtOn?: boolean[];

  /** The earlier stage a FROM builds on, if its image names one. */
  parentStage(stage: Stage): Stage | undefined {
    if (!this.parents) {
      this.parents = this.doc.stages.map((s) => {
        const byName = this.stageByName.get(s.image.raw.toLowerCase());
        return byName && byName.index < s.index ? byName : null;
      });
    }
    const p = this.doc.stages[stage.index] === stage ? this.parents[stage.index] : undefined;
    if (p !== undefined) return p ?? undefined;
    const byName = this.stageByName.get(stage.image.raw.toLowerCase());
    return byName && byName.index < stage.index ? byName : undefined;
  }

  /** True when a later stage's FROM names this stage (its layers reach that stage's image). */
  hasChildStage(stage: Stage): boolean {
    if (!this.builtOn) {
      this.builtOn = this.doc.stages.map(() => false);
      for (const s of this.doc.stages) { const p = this.parentStage(s); if (p) this.builtOn[p.index] = true; }
    }
    return this.doc.stages[stage.index] === stage ? this.builtOn[stage.index] : this.doc.stages.some((s) => s.index > stage.index && this.parentStage(s) === stage);
  }

  private globalValue(name: string, beforeIndex: number): { declared: boolean; value?: string } {
    let found: { declared: boolean; value?: string } = { declared: AUTOMATIC_ARGS.has(name) };
    for (const a of this.doc.globalArgs) {
      if (this.indexOf.get(a)! >= beforeIndex) break;
      for (const p of a.pairs) if (p.key === name) found = { declared: true, value: p.value ?? found.value };
    }
    return found;
  }

  /** Whether a variable is in scope at an instruction, and its value when known. */
  resolve(name: string, at: Instruction): { declared: boolean; value?: string } {
    const idx = this.indexOf.get(at) ?? this.indexOf.get(at.parent!) ?? 0;
    if (at.keyword === 'FROM' || at.stage < 0) return this.globalValue(name, idx);
    const stage: Stage | undefined = this.doc.stages[at.stage];
    if (!stage || !this.declaredInStages.has(name)) return { declared: false };
    const own = this.declaredIn(stage, name, idx);
    if (own) return own;
    const parent = this.parentStage(stage);
    return parent ? this.resolveAtEnd(parent, name) : { declared: false };
  }

  /** The last declaration of a name in a stage before instruction index `limit`, if any. */
  private declaredIn(stage: Stage, name: string, limit: number): { declared: boolean; value?: string } | undefined {
    const list = this.decls[stage.index];
    for (let k = list.length - 1; k >= 0; k--) {
      const d = list[k];
      if (d.index >= limit || d.name !== name) continue;
      if (d.kind === 'ARG' && d.value === undefined) {
        // `ARG NAME` without a default brings in the global default, if any.
        const g = this.globalValue(name, this.indexOf.get(this.doc.stages[0].from)!);
        return { declared: true, value: g.value };
      }
      return { declared: true, value: d.value };
    }
    return undefined;
  }

  /**
   * A name at the end of a stage, following the stages it builds on. The answer is kept for the stage
   * asked about: the next stage of a `FROM <stage>` chain asking for the same name stops there, so the
   * stages of a long chain walk it once in all, not once each (and memory grows with the questions).
   */
  private resolveAtEnd(stage: Stage, name: string): { declared: boolean; value?: string } {
    let found: { declared: boolean; value?: string } | undefined;
    for (let s: Stage | undefined = stage; s; s = this.parentStage(s)) {
      found = this.atStageEnd.get(s)?.get(name) ?? this.declaredIn(s, name, Infinity);
      if (found) break;
    }
    found ??= { declared: false };
    let m = this.atStageEnd.get(stage);
    if (!m) { m = new Map(); this.atStageEnd.set(stage, m); }
    m.set(name, found);
    return { ...found };
  }

  expand(text: string, at: Instruction): Expansion {
    return expand(text, (n) => this.resolve(n, at).value, this.doc.escape);
  }

  private readonly imageCache = new Map<Stage, { image: string; unresolved: string[] }>();

  /** The stage's base image with variables expanded (computed once per stage; treat the result as read-only). */
  resolvedImage(stage: Stage): { image: string; unresolved: string[] } {
    let r = this.imageCache.get(stage);
    if (!r) {
      const e = this.expand(stage.image.raw, stage.from);
      r = { image: e.value, unresolved: e.unresolved };
      this.imageCache.set(stage, r);
    }
    return r;
  }

  private readonly managerCache = new Map<Instruction, Set<ManagerName>>();

  /**
   * Whether the RUN invokes one of these package managers (as `packageCommand` reads its commands): the
   * package rules ask this first, so a RUN that cannot concern them costs one set lookup, not a scan.
   */
  runsManager(i: Instruction, a: ManagerName, b?: ManagerName, c?: ManagerName): boolean {
    const set = this.managersOf(i);
    return set.size > 0 && (set.has(a) || (b !== undefined && set.has(b)) || (c !== undefined && set.has(c)));
  }

  /** The package managers a RUN invokes (see runsManager). */
  managersOf(i: Instruction): ReadonlySet<ManagerName> {
    let set = this.managerCache.get(i);
    if (!set) {
      set = new Set();
      for (const c of this.shell(i).commands) { const p = packageCommand(c); if (p) set.add(p.manager); }
      this.managerCache.set(i, set);
    }
    return set;
  }

  /** Shell commands of a RUN (shell form, or a heredoc used as the script), with document offsets. */
  shell(i: Instruction): RunScript {
    const cached = this.shellCache.get(i);
    if (cached) return cached;
    const result: RunScript = { commands: [], errors: [] };
    if (!i.exec) {
      const line = i.rest;
      const heredocOnly = i.heredocs.length > 0 && /^\s*(<<-?["']?[A-Za-z_][\w.-]*["']?\s*)+$/.test(line.replace(/\s*>+\s*\S+/g, ''));
      if (!heredocOnly && line.trim()) {
        const s = parseShell(line, { mapOffset: (o) => toSource(i.map, i.restOffset + o) });
        for (const c of s.commands) result.commands.push(c); // no spread: a 2 MB RUN has more commands than the stack holds arguments
        for (const e of s.errors) result.errors.push(e);
      }
      const feedsShell = heredocOnly || /^\s*(\/bin\/|\/usr\/bin\/)?(ba|da|z|a)?sh\b(?!\s+-c)/.test(line);
      if (feedsShell) {
        for (const h of i.heredocs) {
          const s = parseShell(h.body, { mapOffset: heredocOffsetMap(this.doc.text, h.bodySpan.start, h.bodySpan.end, h.stripTabs) });
          for (const c of s.commands) result.commands.push(c);
          for (const e of s.errors) result.errors.push(e);
        }
      }
    }
    this.shellCache.set(i, result);
    return result;
  }
}

/** Maps offsets in a heredoc body (tabs stripped for `<<-`) back to document offsets. */
function heredocOffsetMap(text: string, start: number, end: number, stripTabs: boolean): (o: number) => number {
  if (!stripTabs) return (o) => start + o;
  const logical: number[] = [];
  const source: number[] = [];
  let l = 0;
  for (let p = start; p <= end;) {
    let q = p;
    while (q < end && text[q] === '\t') q++;
    logical.push(l);
    source.push(q);
    const nl = text.indexOf('\n', q);
    const lineEnd = nl < 0 || nl >= end ? end : nl + 1;
    l += lineEnd - q;
    if (lineEnd >= end) break;
    p = lineEnd;
  }
  return (o) => toSource({ logical, source }, o);
}

export type { ImageRef };
