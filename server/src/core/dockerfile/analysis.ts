// Facts about a parsed Dockerfile that several rules need, computed lazily once per document:
// variable scopes, stage references and the shell parse of each RUN.
import type { Dockerfile, ImageRef, Instruction, Stage } from './model';
import { expand, type Expansion } from './expand';
import { toSource, type TextMap } from './words';
import { textMapOf } from './parse';
import { parseShell, parseShellAt } from '../shell/parse';
import { runsAscend } from '../shell/offsets';
import { emptied, takeAll } from '../shell/list-builder';
import type { ShCommand, ShScript } from '../shell/model';
import { firstPackageCommand, packageCommand, type ManagerName } from './packages';

/** ARGs BuildKit predefines in the global scope. */
export const AUTOMATIC_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
  'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'SOURCE_DATE_EPOCH',
]);

interface Declaration { index: number; name: string; value: string | undefined; kind: 'ARG' | 'ENV' }
/** The declarations being collected for a stage (the constructor does not nest). */
const declarationScratch: Declaration[] = [];
const NO_DECLARATIONS: readonly Declaration[] = Object.freeze([]);

export interface RunScript { commands: ShCommand[]; errors: ShScript['errors'] }

/**
 * The index of an instruction in the document's list. Instructions are in document order, so a binary search on
 * their start offsets finds it. A Map of every instruction, built by each lint for a few hundred questions, was half
 * the analysis' construction time and ~0.25 MB of allocation per lint of a 5,000-line file. (A list out of order,
 * which the parser does not make, gets the Map.)
 */
class InstructionIndex {
  private readonly byObject: Map<Instruction, number> | undefined;
  /**
   * Each instruction's start offset, in one list of small integers: the search reads these instead of the
   * instructions themselves, which lie apart in the heap (the search's loads were most of its 1.3 % of a lint of
   * the 5,000-line file). Filled by the order check the constructor makes anyway (a plain array: a typed array
   * costs more bytes for the few instructions of a small file).
   */
  private readonly starts: number[];
  /** The last index found: rules mostly ask about the instruction being walked, then about the next one. */
  private hint = 0;

  constructor(private readonly list: readonly Instruction[]) {
    const n = list.length;
    const starts: number[] = this.starts = new Array<number>(n);
    let ordered = true;
    for (let k = 0; k < n; k++) {
      const start = list[k].start;
      starts[k] = start;
      if (k > 0 && !(starts[k - 1] < start)) ordered = false;
    }
    if (!ordered) {
      this.byObject = new Map();
      list.forEach((i, n) => this.byObject!.set(i, n));
    }
  }

  /** Index of `i` in the list, undefined when it is not there (an ONBUILD trigger, another document's). */
  get(i: Instruction | undefined): number | undefined {
    if (i === undefined) return undefined;
    if (this.byObject !== undefined) return this.byObject.get(i);
    const list = this.list;
    const n = list.length;
    const h = this.hint;
    if (h < n && list[h] === i) return h;
    // The first instruction starting at or after i: rules ask in document order, a few instructions apart, so
    // the search gallops forward from the hint (steps 1, 2, 4...) before it bisects; a bisection of the whole list
    // from each RUN to the next was 2.7 % of reading the RUNs of the 5,000-line file.
    const starts = this.starts;
    const start = i.start;
    let lo = 0;
    let hi = n;
    if (h < n && starts[h] < start) {
      let probe = lo = h + 1;
      for (let step = 1; probe < n && starts[probe] < start; step *= 2) { lo = probe + 1; probe = lo + step; }
      hi = probe < n ? probe : n;
    } else if (h < n) hi = h;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < start) lo = mid + 1; else hi = mid;
    }
    if (lo < n && list[lo] === i) return this.hint = lo;
    return undefined;
  }

  get size(): number { return this.list.length; }
}

/**
 * Answers kept per instruction, in a list by the instruction's index. A Map keyed by instruction grew (and
 * rehashed) in every lint: its set and get were 5.6 % of reading the RUNs of the 5,000-line file. An
 * instruction outside the document's list (an ONBUILD trigger) gets a Map.
 */
class PerInstruction<T> {
  private byIndex: (T | undefined)[] | undefined = undefined;
  private others: Map<Instruction, T> | undefined = undefined;

  constructor(private readonly index: InstructionIndex) {}

  get(i: Instruction): T | undefined {
    const k = this.index.get(i);
    if (k === undefined) return this.others?.get(i);
    return this.byIndex === undefined ? undefined : this.byIndex[k];
  }

  set(i: Instruction, value: T): void {
    const k = this.index.get(i);
    if (k === undefined) (this.others ??= new Map()).set(i, value);
    else (this.byIndex ??= new Array<T | undefined>(this.index.size))[k] = value;
  }
}

export class DockerfileAnalysis {
  private readonly indexOf: InstructionIndex;
  /** The ARG and ENV declarations of each stage, by stage index. */
  private readonly decls: (readonly Declaration[])[];
  private readonly shellCache: PerInstruction<RunScript>;
  private readonly stageByName = new Map<string, Stage>();
  /** No stage name holds a `:` or a `/` (see stageCalled). */
  private namesPlain = true;
  /** Names some stage declares (ARG or ENV): any other name is undeclared in every stage, no chain walk needed. */
  private readonly declaredInStages = new Set<string>();
  /** What a name resolves to at the end of a stage, filled as stage chains are walked (by stage, then name). */
  private atStageEnd: Map<Stage, Map<string, { declared: boolean; value?: string }>> | undefined = undefined;

  constructor(readonly doc: Dockerfile) {
    this.indexOf = new InstructionIndex(doc.instructions);
    this.shellCache = new PerInstruction(this.indexOf);
    // Indexed loops: this runs once per lint, mostly before the optimising compiler has seen it, where a for-of
    // makes an iterator and a result object per element (0.04 MB per lint of the 5,000-line file).
    const stages = doc.stages;
    this.decls = new Array<readonly Declaration[]>(stages.length);
    const list = emptied(declarationScratch);
    for (let k = 0; k < stages.length; k++) {
      const s = stages[k];
      if (s.name && !this.stageByName.has(s.name)) {
        this.stageByName.set(s.name, s);
        if (this.namesPlain && !isPlainName(s.name)) this.namesPlain = false;
      }
      const instructions = s.instructions;
      for (let n = 0; n < instructions.length; n++) {
        const i = instructions[n];
        if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
        const pairs = i.pairs;
        for (let q = 0; q < pairs.length; q++) {
          const p = pairs[q];
          list.push({ index: this.indexOf.get(i)!, name: p.key, value: p.value, kind: i.keyword });
          this.declaredInStages.add(p.key);
        }
      }
      // Exact-size lists, one shared empty one: a list grown by push per stage was 0.04 MB per lint of the
      // 5,000-line file (389 stages, most without ARG or ENV).
      this.decls[k] = list.length === 0 ? NO_DECLARATIONS : takeAll(list);
    }
  }

  get finalStage(): Stage | undefined { return this.doc.stages[this.doc.stages.length - 1]; }

  stageOf(i: Instruction): Stage | undefined { return i.stage >= 0 ? this.doc.stages[i.stage] : undefined; }

  /** A stage by `AS` name (case-insensitive) or numeric index, as `COPY --from` and `FROM` use them. */
  stageNamed(ref: string, before?: number): Stage | undefined {
    const byName = this.stageCalled(ref);
    if (byName && (before === undefined || byName.index < before)) return byName;
    if (/^\d+$/.test(ref)) {
      const s = this.doc.stages[Number(ref)];
      if (s && (before === undefined || s.index < before)) return s;
    }
    return undefined;
  }

  /**
   * The stage whose `AS` name is `ref` lower-cased. An image reference with a tag, a digest or a registry (`:` or
   * `/`) names no stage when no stage name holds either (lower-casing keeps them): answered without lower-casing and
   * hashing it, which for the FROM and `COPY --from` of the 5,000-line file was 1 % of its lint (most of it in
   * toLowerCase; see lowerCased).
   */
  private stageCalled(ref: string): Stage | undefined {
    if (this.stageByName.size === 0 || (this.namesPlain && !isPlainName(ref))) return undefined;
    return this.stageByName.get(lowerCased(ref));
  }

  /** Parent of each stage by index (null: none), filled on first use: rules ask per instruction. */
  private parents?: (Stage | null)[];
  /** Whether a later stage builds on each stage, by index. */
  private builtOn?: boolean[];

  /** The earlier stage a FROM builds on, if its image names one. */
  parentStage(stage: Stage): Stage | undefined {
    if (!this.parents) {
      this.parents = this.doc.stages.map((s) => {
        const byName = this.stageCalled(s.image.raw);
        return byName && byName.index < s.index ? byName : null;
      });
    }
    const p = this.doc.stages[stage.index] === stage ? this.parents[stage.index] : undefined;
    if (p !== undefined) return p ?? undefined;
    const byName = this.stageCalled(stage.image.raw);
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

  /**
   * The index of each global ARG and of the first FROM, found on first need. Looking them up on every question
   * sent the index's hint back to the top of the document, and the next question about the instruction being
   * walked searched forward from there again: the look-ups were 1 % of a lint of the 5,000-line file.
   */
  private globalIndexes: (number | undefined)[] | undefined = undefined;
  private firstFromIndex: number | undefined = undefined;
  private firstFromKnown = false;

  private globalValue(name: string, beforeIndex: number): { declared: boolean; value?: string } {
    let found: { declared: boolean; value?: string } = { declared: AUTOMATIC_ARGS.has(name) };
    const globals = this.doc.globalArgs;
    if (globals.length === 0) return found;
    const indexes = this.globalIndexes ??= globals.map((a) => this.indexOf.get(a));
    for (let k = 0; k < globals.length; k++) {
      if (indexes[k]! >= beforeIndex) break;
      for (const p of globals[k].pairs) if (p.key === name) found = { declared: true, value: p.value ?? found.value };
    }
    return found;
  }

  /** The index of the instruction a variable is asked about at (its ONBUILD's for a trigger), 0 when unknown. */
  private scopeIndex(at: Instruction): number {
    return this.indexOf.get(at) ?? this.indexOf.get(at.parent) ?? 0;
  }

  /** Whether a variable is in scope at an instruction, and its value when known. */
  resolve(name: string, at: Instruction): { declared: boolean; value?: string } {
    if (at.keyword === 'FROM' || at.stage < 0) return this.globalValue(name, this.scopeIndex(at));
    const stage: Stage | undefined = this.doc.stages[at.stage];
    // Most names asked about are declared in no stage: answered before the instruction's index is looked up.
    if (!stage || !this.declaredInStages.has(name)) return { declared: false };
    const own = this.declaredIn(stage, name, this.scopeIndex(at));
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
        if (!this.firstFromKnown) {
          this.firstFromIndex = this.indexOf.get(this.doc.stages[0].from);
          this.firstFromKnown = true;
        }
        const g = this.globalValue(name, this.firstFromIndex!);
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
      found = this.atStageEnd?.get(s)?.get(name) ?? this.declaredIn(s, name, Infinity);
      if (found) break;
    }
    found ??= { declared: false };
    const atEnd = this.atStageEnd ??= new Map();
    let m = atEnd.get(stage);
    if (!m) { m = new Map(); atEnd.set(stage, m); }
    m.set(name, found);
    return { ...found };
  }

  expand(text: string, at: Instruction): Expansion {
    return expand(text, (n) => this.resolve(n, at).value, this.doc.escape);
  }

  /**
   * Each stage's resolved image by stage index, made on first use (a lint of a small file often needs none); a Map
   * by stage was 0.5 % of a lint of the 5,000-line file (389 insertions and rehashes). A stage of another document
   * gets the Map.
   */
  private imageByIndex: ({ image: string; unresolved: string[] } | undefined)[] | undefined = undefined;
  private imageOthers: Map<Stage, { image: string; unresolved: string[] }> | undefined = undefined;

  /** The stage's base image with variables expanded (computed once per stage; treat the result as read-only). */
  resolvedImage(stage: Stage): { image: string; unresolved: string[] } {
    const stages = this.doc.stages;
    const own = stages[stage.index] === stage;
    let r = own ? this.imageByIndex?.[stage.index] : this.imageOthers?.get(stage);
    if (!r) {
      const e = this.expand(stage.image.raw, stage.from);
      r = { image: e.value, unresolved: e.unresolved };
      if (own) (this.imageByIndex ??= new Array(stages.length))[stage.index] = r;
      else (this.imageOthers ??= new Map()).set(stage, r);
    }
    return r;
  }

  /**
   * The package managers each RUN invokes, as a bit set by instruction index (managerBit; KNOWN once read): a Set
   * per RUN with a manager and a list of them were 0.07 MB kept until a lint of the 5,000-line file ended.
   */
  private managerMasks: Uint16Array | undefined = undefined;
  /** The same for instructions outside the document's list (ONBUILD triggers). */
  private otherMasks: Map<Instruction, number> | undefined = undefined;
  // The last instruction asked about and its answers: the walk runs every rule on one instruction before the
  // next, so most of the ~30,000 questions per 300 files repeat the previous one and skip the index look-up and
  // the per-index cache (kept on top of them: without it a lint measured 2-5 % slower, session 5).
  private lastMaskOf: Instruction | undefined = undefined;
  private lastMask = 0;
  private lastShellOf: Instruction | undefined = undefined;
  private lastShell: RunScript | undefined = undefined;

  /**
   * Whether the RUN invokes one of these package managers (as `packageCommand` reads its commands): the
   * package rules ask this first, so a RUN that cannot concern them costs one bit test, not a scan.
   */
  runsManager(i: Instruction, a: ManagerName, b?: ManagerName, c?: ManagerName): boolean {
    const mask = this.managerMask(i);
    return mask !== KNOWN && (hasManager(mask, a) || hasManager(mask, b) || hasManager(mask, c));
  }

  /** The package managers a RUN invokes, in the order of their first command (see runsManager, the cheap question). */
  managersOf(i: Instruction): ReadonlySet<ManagerName> {
    if (this.managerMask(i) === KNOWN) return NO_MANAGERS;
    const set = new Set<ManagerName>();
    for (const c of this.shell(i).commands) {
      const p = packageCommand(c);
      if (p) set.add(p.manager);
    }
    return set;
  }

  /** The RUN's manager bits, KNOWN included. */
  private managerMask(i: Instruction): number {
    if (i === this.lastMaskOf) return this.lastMask;
    const k = this.indexOf.get(i);
    let mask = k === undefined ? this.otherMasks?.get(i) ?? 0 : this.managerMasks === undefined ? 0 : this.managerMasks[k];
    if (mask === 0) {
      mask = managerBitsOf(this.shell(i).commands);
      if (k === undefined) (this.otherMasks ??= new Map()).set(i, mask);
      else (this.managerMasks ??= new Uint16Array(this.indexOf.size))[k] = mask;
    }
    this.lastMaskOf = i;
    this.lastMask = mask;
    return mask;
  }

  /** Shell commands of a RUN (shell form, or a heredoc used as the script), with document offsets. */
  shell(i: Instruction): RunScript {
    if (i === this.lastShellOf) return this.lastShell!;
    let script = this.shellCache.get(i);
    if (script === undefined) {
      script = readRunScript(i, this.doc.text);
      this.shellCache.set(i, script);
    }
    this.lastShellOf = i;
    this.lastShell = script;
    return script;
  }
}

/**
 * `s.toLowerCase()`, without calling it for the usual name that is lower-case ASCII already (the same string
 * then): the call cost about as much as the Map look-up after it.
 */
function lowerCased(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}

/** Neither `:` nor `/` in the name (see DockerfileAnalysis.stageCalled). */
const isPlainName = (name: string): boolean => !name.includes(':') && !name.includes('/');

/** Shared answer for the many RUNs that invoke no package manager (read-only, like every answer). */
const NO_MANAGERS: ReadonlySet<ManagerName> = new Set();

/**
 * A bit per package manager, for a RUN's manager mask (14 bits and KNOWN fit the Uint16Array). A switch, not a Map
 * of names: the ~25 package rules ask runsManager about every RUN, whose bit tests cost 0.8 % of a lint of the
 * 5,000-line file with a Map look-up each and about 0.55 % with the switch (`m` is a literal, so each case is a
 * pointer comparison).
 */
function managerBit(m: ManagerName): number {
  switch (m) {
    case 'apt-get': return 1 << 0;
    case 'apt': return 1 << 1;
    case 'aptitude': return 1 << 2;
    case 'apk': return 1 << 3;
    case 'yum': return 1 << 4;
    case 'dnf': return 1 << 5;
    case 'microdnf': return 1 << 6;
    case 'zypper': return 1 << 7;
    case 'pip': return 1 << 8;
    case 'pipx': return 1 << 9;
    case 'npm': return 1 << 10;
    case 'yarn': return 1 << 11;
    case 'gem': return 1 << 12;
    case 'go': return 1 << 13;
    default: return 0;
  }
}
/** Set in every mask computed, so that 0 means "not read yet". */
const KNOWN = 1 << 15;

const hasManager = (mask: number, m: ManagerName | undefined): boolean => m !== undefined && (mask & managerBit(m)) !== 0;

function managerBitsOf(commands: readonly ShCommand[]): number {
  let mask = KNOWN;
  for (let k = 0; k < commands.length; k++) {
    const p = firstPackageCommand(commands[k]);
    if (p) mask |= managerBit(p.manager);
  }
  return mask;
}

/** The script of a RUN without one (exec form, blank): shared, read-only. */
// Frozen, as every shared answer: a caller that pushed to it would throw instead of leaking into other RUNs and lints.
const NO_SCRIPT: RunScript = Object.freeze({ commands: Object.freeze([]) as unknown as ShCommand[], errors: Object.freeze([]) as unknown as RunScript['errors'] });

const HEREDOC_ONLY = /^\s*(<<-?["']?[A-Za-z_][\w.-]*["']?\s*)+$/;
const FEEDS_SHELL = /^\s*(\/bin\/|\/usr\/bin\/)?(ba|da|z|a)?sh\b(?!\s+-c)/;

/** Parses a RUN's script: its shell-form text, and its heredocs when they are fed to a shell. */
function readRunScript(i: Instruction, docText: string): RunScript {
  if (i.exec) return NO_SCRIPT;
  const line = i.rest;
  const heredocs = i.heredocs;
  // Redirections dropped before the test (HEREDOC_ONLY allows the blanks they leave). Not `\s*>+…`: a leading
  // `\s*` is tried from every blank of a long run, quadratic on a heredoc line with 40,000 spaces (1.6 s).
  const heredocOnly = heredocs.length > 0 && HEREDOC_ONLY.test(line.replace(/>+\s*\S+/g, ''));
  const main = !heredocOnly && hasNonBlank(line) ? parseRest(line, textMapOf(i), i.restOffset) : undefined;
  const feedsShell = heredocs.length > 0 && (heredocOnly || FEEDS_SHELL.test(line));
  if (!feedsShell) return main ?? NO_SCRIPT;
  const result: RunScript = { commands: [], errors: [] };
  if (main !== undefined) append(result, main);
  for (const h of heredocs) {
    // A body kept as written is one run of the document: the shared parser with a shift, not a parser and an
    // offset closure of its own.
    const body = h.stripTabs
      ? parseShell(h.body, { mapOffset: heredocOffsetMap(docText, h.bodySpan.start, h.bodySpan.end, true) })
      : parseShellAt(h.body, h.bodySpan.start);
    append(result, body);
  }
  return result;
}

/**
 * `line.trim() !== ''` without the trimmed copy. A script almost always starts with a printable ASCII char, which
 * answers at once; otherwise /\S/ (JavaScript's white space and line terminators, as trim) decides. The regex
 * call was 1-2 % of reading the corpus' RUNs.
 */
function hasNonBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c > 32 && c < 127) || /\S/.test(line);
}

/**
 * Parses the script at logical offset `base` of an instruction's text: a plain shift for one segment, without an
 * options object per RUN. The parser follows several segments with a cursor (shell/offsets.ts; a binary search
 * per offset was a twentieth of reading the RUNs): same answers as toSource. A map whose segments are out of
 * order gets toSource itself.
 */
function parseRest(line: string, map: TextMap, base: number): ShScript {
  if (typeof map === 'number') return parseShellAt(line, map + base);
  if (map.logical.length === 1) return parseShellAt(line, map.source[0] - map.logical[0] + base);
  if (runsAscend(map)) return parseShellAt(line, base, map);
  return parseShell(line, { mapOffset: (o) => toSource(map, base + o) });
}

function append(result: RunScript, s: ShScript): void {
  for (const c of s.commands) result.commands.push(c); // no spread: a 2 MB RUN has more commands than the stack holds arguments
  for (const e of s.errors) result.errors.push(e);
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
