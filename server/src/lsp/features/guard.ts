// Guards around editor features so that none can hang or crash the server. dockerfile-language-service
// re-parses the text on every request and some of its features grow faster than the text: semantic
// tokens are quadratic in the number of tokens (and worse inside one long instruction), highlights,
// rename and definition grow with the number of `$` references. Each feature therefore runs only
// when the document's shape is below limits measured on the reference machine (see LIMITS), inside a
// try/catch (a throw, including a stack overflow, gives an empty result), and a circuit breaker turns
// a feature off for a document once a call was slow anyway, until the document shrinks or is closed.

/** Cheap facts about a Dockerfile's size, computed in one pass. */
export interface DockerfileShape {
  lines: number;
  chars: number;
  /** Whitespace-separated words. */
  words: number;
  /** Words of the largest instruction (continuation lines and heredoc bodies counted with it). */
  maxInstructionWords: number;
  /** `$` characters: an upper bound of variable references. */
  dollars: number;
  /** Words of ENV and ARG instructions after the keyword: an upper bound of variable declarations. */
  declarations: number;
}

/** Where an instruction starts, with the size of the text before it (for partial results). */
export interface InstructionStart { offset: number; line: number; wordsBefore: number; dollarsBefore: number }

export interface DockerfileScan { shape: DockerfileShape; starts: InstructionStart[] }

const KEYWORD = /^[ \t]*(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(?:[ \t]|$)/i;
const DECLARATION = /^[ \t]*(?:ENV|ARG)(?:[ \t]|$)/i;
const ESCAPE_DIRECTIVE = /^[ \t]*#[ \t]*escape[ \t]*=[ \t]*([\\`])[ \t]*$/i;

function countWords(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 32 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * One pass over the text. An instruction starts at a line beginning with a keyword that does not
 * continue the previous line; every other line (continuations, heredoc bodies, stray text) is counted
 * with the instruction before it, so sizes err on the large side.
 */
export function scanDockerfile(text: string): DockerfileScan {
  const shape: DockerfileShape = { lines: 0, chars: text.length, words: 0, maxInstructionWords: 0, dollars: 0, declarations: 0 };
  const starts: InstructionStart[] = [];
  let escape = '\\';
  let seenInstruction = false;
  let continues = false;
  let current = 0;
  let declaring = false;
  let offset = 0;
  while (offset <= text.length) {
    let end = offset;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(offset, end);
    const trimmed = line.trimStart();
    const comment = trimmed.startsWith('#');
    if (!seenInstruction && comment) {
      const m = ESCAPE_DIRECTIVE.exec(line);
      if (m) escape = m[1];
    }
    if (!continues && !comment && KEYWORD.test(line)) {
      seenInstruction = true;
      shape.maxInstructionWords = Math.max(shape.maxInstructionWords, current);
      current = 0;
      declaring = DECLARATION.test(line);
      if (declaring) shape.declarations--; // the keyword
      starts.push({ offset, line: shape.lines, wordsBefore: shape.words, dollarsBefore: shape.dollars });
    }
    const words = countWords(line);
    shape.words += words;
    if (!comment) current += words;
    if (!comment && declaring) shape.declarations += words;
    for (let i = line.indexOf('$'); i >= 0; i = line.indexOf('$', i + 1)) shape.dollars++;
    // A comment line inside a continuation neither ends nor continues it.
    if (!comment || !continues) continues = trimmed.trimEnd().endsWith(escape) && !comment;
    // A final line break does not start another line (a 5,000-line file ends with one).
    if (end > offset || end < text.length || shape.lines === 0) shape.lines++;
    if (end >= text.length) break;
    offset = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  shape.maxInstructionWords = Math.max(shape.maxInstructionWords, current);
  return { shape, starts };
}

/** Upper bounds, all inclusive; a missing bound is not checked. */
export type Limits = Partial<DockerfileShape>;

export type DockerfileFeatureId =
  | 'completion' | 'hover' | 'formatting' | 'symbols' | 'folding' | 'semanticTokens'
  | 'highlights' | 'definition' | 'rename' | 'prepareRename' | 'signatureHelp' | 'links';

/** Linear features: they re-parse the document (dockerfile-ast): ≈ 150–260 ms at 5,000 lines here. */
const LINEAR: Limits = { lines: 5_000, chars: 400_000 };
/**
 * Features that also resolve variables: their cost grows with `$` references and ENV/ARG declarations
 * times the document (1,000 references: hover, definition, prepareRename ≈ 0.2–0.35 s, 3,000: ≈ 1.7–2.1 s;
 * 1,000 declarations: completion ≈ 0.25 s, 3,000: ≈ 1.8 s).
 */
const VARIABLES: Limits = { ...LINEAR, dollars: 1_000, declarations: 1_000 };

/**
 * Limits per feature, measured with `node bench/editor-features.mjs` on the reference machine (2 cores,
 * Node 20, other jobs running): at its bound the slowest generated shape answers in ≈ 0.3 s (rename,
 * which only runs when asked: ≈ 0.6 s); typical files are far below. The numbers are in ARCHITECTURE.md
 * ("Editor features and their guards").
 */
export const LIMITS: Readonly<Record<DockerfileFeatureId, Limits>> = {
  completion: VARIABLES,
  hover: VARIABLES,
  definition: VARIABLES,
  prepareRename: VARIABLES,
  formatting: LINEAR,
  symbols: LINEAR,
  folding: LINEAR,
  signatureHelp: LINEAR,
  links: LINEAR,
  // Grow fastest with references (750: ≈ 0.4–0.6 s, 3,000: ≈ 3.8 s); highlights run on every cursor move.
  highlights: { ...VARIABLES, dollars: 500 },
  rename: { ...VARIABLES, dollars: 750 },
  // Quadratic in tokens overall and worse within one instruction. Larger files get tokens for their
  // first instructions up to these bounds (partial result); the rest keeps the grammar's colours.
  semanticTokens: { lines: 1_000, chars: 60_000, words: 1_000, maxInstructionWords: 400, dollars: 500 },
};

/** Whether a shape is within limits; a measure the shape does not have counts as 0. */
export function withinLimits(shape: Partial<DockerfileShape>, limits: Limits): boolean {
  for (const [k, v] of Object.entries(limits) as [keyof DockerfileShape, number][]) if ((shape[k] ?? 0) > v) return false;
  return true;
}

/**
 * The end offset of the longest prefix made of whole instructions that stays within the limits
 * (0 when even the first instruction is too large), for features that can answer for part of a file.
 */
export function prefixWithin(text: string, scan: DockerfileScan, limits: Limits): number {
  const { starts } = scan;
  let best = 0;
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].offset : text.length;
    const next = i + 1 < starts.length ? starts[i + 1] : { line: scan.shape.lines, wordsBefore: scan.shape.words, dollarsBefore: scan.shape.dollars };
    const prefixShape: DockerfileShape = {
      lines: next.line, chars: end, words: next.wordsBefore, dollars: next.dollarsBefore,
      maxInstructionWords: 0, declarations: 0,
    };
    if (!withinLimits(prefixShape, limits)) break;
    const ownWords = next.wordsBefore - starts[i].wordsBefore;
    if (limits.maxInstructionWords !== undefined && ownWords > limits.maxInstructionWords) break;
    best = end;
  }
  return best;
}

/** A call slower than this turns the feature off for that document (until it shrinks or closes). */
export const BREAKER_MS = 1_000;

export interface GuardLog { (message: string): void }

/**
 * Runs features for documents: shape cache per document version, limits, try/catch, and the
 * circuit breaker.
 */
export class FeatureGuard {
  private readonly scans = new Map<string, { version: number; scan: DockerfileScan }>();
  /** uri → feature → line count when it tripped. */
  private readonly tripped = new Map<string, Map<string, number>>();
  now: () => number = () => performance.now();

  constructor(private readonly log: GuardLog) {}

  scan(uri: string, version: number, text: string): DockerfileScan {
    const hit = this.scans.get(uri);
    if (hit && hit.version === version) return hit.scan;
    const scan = scanDockerfile(text);
    this.scans.set(uri, { version, scan });
    return scan;
  }

  forget(uri: string): void {
    this.scans.delete(uri);
    this.tripped.delete(uri);
  }

  /** Whether a feature may run now for a document of this shape. */
  allowed(uri: string, feature: string, shape: Partial<DockerfileShape> & { lines: number }, limits: Limits | undefined): boolean {
    const at = this.tripped.get(uri)?.get(feature);
    if (at !== undefined) {
      if (shape.lines >= at) return false;
      this.tripped.get(uri)!.delete(feature);
    }
    return !limits || withinLimits(shape, limits);
  }

  /** Runs `fn`; a throw gives `empty`, a slow call trips the breaker for this document. */
  run<T>(uri: string, feature: string, shape: { lines: number }, empty: T, fn: () => T): T {
    const t0 = this.now();
    try {
      return fn();
    } catch (e) {
      this.log(`seaworthy: ${feature} failed on ${uri} and returned nothing: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      return empty;
    } finally {
      const ms = this.now() - t0;
      if (ms > BREAKER_MS) {
        let m = this.tripped.get(uri);
        if (!m) this.tripped.set(uri, m = new Map());
        m.set(feature, shape.lines);
        this.log(`seaworthy: ${feature} took ${Math.round(ms)} ms on ${uri}; it stays off for this document until it gets shorter`);
      }
    }
  }
}
