// A hand-written, dependency-free, synchronous POSIX/bash parser for RUN scripts.
//
// One recursive-descent pass over char codes; never throws, always terminates, nesting depth is capped.
// It is tolerant: half-typed input yields the commands that could be read plus errors.
//
// Spans: a span [s, e) in the parsed text becomes { start: map(s), end: e > s ? map(e - 1) + 1 : map(s) }
// where map is `options.mapOffset` (identity when absent), so a span never stretches over text the caller
// removed (e.g. Dockerfile line continuations). Commands found inside `sh -c '...'` or backquotes are mapped
// through the quoting back into the original text.
import type { Span } from '../types';
import { dropFrom, emptied, takeAll, takeFrom } from './list-builder';
import { RunCursor, type ScriptRuns } from './offsets';
import type {
  ShAssignment, ShCommand, ShContext, ShHeredoc, ShJoin, ShRedirect, ShScript, ShWord,
} from './model';

export interface ParseShellOptions {
  /** Maps an offset in `text` to a document offset. */
  mapOffset?: (offset: number) => number;
  /**
   * Without mapOffset: added to every offset, for a script that is one run of the document (no function call per
   * offset, and no closure per script).
   */
  offset?: number;
  /**
   * Without mapOffset: the runs of the document the text was read from (script offsets in ascending order), for
   * a script over several lines; `offset` is then the script offset of the text's first char.
   */
  runs?: ScriptRuns;
  /**
   * The Dockerfile escape character (`\` or `` ` ``). When it is a backquote, `` ` `` followed by a line
   * break is a line continuation rather than a command substitution. Backslash always stays the shell escape.
   */
  escape?: string;
}

/** Maximum nesting (lists, substitutions, `${..}`, `sh -c` levels). Beyond it parsing stops with an error. */
export const MAX_SHELL_DEPTH = 100;

// ---- character classes -------------------------------------------------------------------------------

const BLANK = 1;
const NEWLINE = 2;
const OP = 4; // ; & | < > ( )
const SPECIAL = 8; // characters readWord must look at
const CLS = new Uint8Array(128);
for (const c of [32, 9, 13, 11, 12]) CLS[c] = BLANK;
CLS[10] = NEWLINE;
for (const c of ';&|<>()') CLS[c.charCodeAt(0)] = OP;
for (const c of '\\\'"$`*?[]{},+@!') CLS[c.charCodeAt(0)] = SPECIAL;
const DELIM = BLANK | NEWLINE | OP;

const isDelim = (c: number) => c !== c /* NaN: end of text */ || (c < 128 && (CLS[c] & DELIM) !== 0);
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

// ---- reserved words ----------------------------------------------------------------------------------

const enum Kw { None, If, Then, Elif, Else, Fi, Do, Done, Case, Esac, While, Until, For, Select, Function, LBrace, RBrace, Bang, DBracket }

// List terminators (bit set).
const T_RPAREN = 1;
const T_RBRACE = 2;
const T_THEN = 4;
const T_ELIF = 8;
const T_ELSE = 16;
const T_FI = 32;
const T_DO = 64;
const T_DONE = 128;
const T_ESAC = 256;
const T_DSEMI = 512;
function kwBit(k: Kw): number {
  switch (k) {
    case Kw.RBrace: return T_RBRACE;
    case Kw.Then: return T_THEN;
    case Kw.Elif: return T_ELIF;
    case Kw.Else: return T_ELSE;
    case Kw.Fi: return T_FI;
    case Kw.Do: return T_DO;
    case Kw.Done: return T_DONE;
    case Kw.Esac: return T_ESAC;
    default: return 0;
  }
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox-sh']);

/** `v.endsWith('sh')` without the builtin call, asked of every command name. */
function endsWithSh(v: string): boolean {
  const n = v.length;
  return n >= 2 && v.charCodeAt(n - 1) === 104 && v.charCodeAt(n - 2) === 115;
}

// ---- shared state ------------------------------------------------------------------------------------

interface Shared {
  commands: ShCommand[];
  errors: { message: string; span: Span }[];
  pipelines: number;
  depth: number;
  aborted: boolean;
  /** Dockerfile escape char code when it is not a backslash (then `esc` + newline is a continuation), else -1. */
  esc: number;
  /**
   * Document offsets of substitutions already parsed. The value of an `sh -c` word keeps the outer shell's
   * `$(..)` verbatim; re-parsing it inside the script would report its commands twice. Created on the first
   * substitution: most RUN scripts have none, and a Set per script was a tenth of the shell layer's allocation.
   */
  substitutions: Set<number> | undefined;
}

interface PendingHeredoc { delim: string; strip: boolean; quoted: boolean; redirect: ShRedirect }

type OffsetMap = (offset: number) => number;

/** No pending here-document: most scripts have none, and an empty list per script and substitution was garbage. */
const NO_HEREDOCS: PendingHeredoc[] = [];

/**
 * The commands of the script being parsed (parseShell is not reentrant), handed out as an exact-size array: a
 * `[]` grown by push reserves 17 slots at its first push, and most scripts have one to three commands.
 */
const commandStack: ShCommand[] = [];
/**
 * The arguments of the simple commands being read, innermost command last (a command in a substitution or an
 * `sh -c` script is read while the outer one's arguments are on the stack); each command takes its own as an
 * exact-size array. Most commands have one to four arguments: on the 5,000-line file this keeps 0.12 MB less
 * until the lint ends, for 0.06 ms more reading the RUNs (slices and pops).
 */
const argStack: ShWord[] = [];
/**
 * The same for each command's assignments and redirects, which a command used to push into `[]`s of its own (a
 * list grown by push reserves 17 slots, see list-builder.ts). A command is created with PENDING lists, so the
 * `[]` it had for arguments is no longer garbage once it has some.
 */
const assignmentStack: ShAssignment[] = [];
const redirectStack: ShRedirect[] = [];
/** A command's lists while it is read (never exposed: parseSimple sets its own lists before it returns). */
const PENDING: never[] = [];

const EMPTY_CONTEXT: ShContext[] = [];
const TOP_CHILD = new Map<ShContext, ShContext[]>();

/** `parent` + `ctx`; context arrays are shared read-only, the common top-level ones are allocated once. */
function childContext(parent: ShContext[], ctx: ShContext): ShContext[] {
  if (parent !== EMPTY_CONTEXT) return parent.concat(ctx);
  let c = TOP_CHILD.get(ctx);
  if (c === undefined) TOP_CHILD.set(ctx, c = [ctx]);
  return c;
}

/** The reserved word of length `len` at `s` (lower-case letters already checked), or Kw.None. No allocation. */
function keywordAt(text: string, s: number, len: number): Kw {
  const c = text.charCodeAt(s);
  switch (len) {
    case 2:
      if (c === 105) return text.charCodeAt(s + 1) === 102 ? Kw.If : Kw.None; // if
      if (c === 102) return text.charCodeAt(s + 1) === 105 ? Kw.Fi : Kw.None; // fi
      if (c === 100) return text.charCodeAt(s + 1) === 111 ? Kw.Do : Kw.None; // do
      return Kw.None;
    case 3: return c === 102 && text.startsWith('for', s) ? Kw.For : Kw.None;
    case 4:
      switch (c) {
        case 116: return text.startsWith('then', s) ? Kw.Then : Kw.None;
        case 101: return text.startsWith('elif', s) ? Kw.Elif : text.startsWith('else', s) ? Kw.Else : text.startsWith('esac', s) ? Kw.Esac : Kw.None;
        case 100: return text.startsWith('done', s) ? Kw.Done : Kw.None;
        case 99: return text.startsWith('case', s) ? Kw.Case : Kw.None;
        default: return Kw.None;
      }
    case 5: return c === 119 && text.startsWith('while', s) ? Kw.While : c === 117 && text.startsWith('until', s) ? Kw.Until : Kw.None;
    case 6: return c === 115 && text.startsWith('select', s) ? Kw.Select : Kw.None;
    case 8: return c === 102 && text.startsWith('function', s) ? Kw.Function : Kw.None;
    default: return Kw.None;
  }
}

class Parser {
  pos = 0;
  n: number;
  /** Terminators of all enclosing lists (of this text). */
  private encl = 0;
  /** Here-documents whose bodies start after the next newline (NO_HEREDOCS, never pushed to, until the first). */
  private heredocs: PendingHeredoc[] = NO_HEREDOCS;
  /** End of the last reserved word found by peekReserved. */
  private kwEnd = 0;
  /**
   * The last position peekReserved looked at, its answer and kwEnd: a command's start is looked at by the list,
   * the pipeline and the command in turn, and these 3 scans of the same word were about 2 % of reading the RUNs.
   */
  private peekedAt = -1;
  private peeked = Kw.None;
  private peekedEnd = 0;
  /** Resolved text of the last readDouble call. */
  private dq = '';
  /**
   * When set, the next readWord records, for each char of its value, the source offsets of the first and
   * last char it came from (pairs: `\"` gives the backslash and the quote).
   */
  private rec: number[] | undefined;

  /**
   * @param mapStart maps an offset to the document offset where that char starts
   * @param mapLast maps the offset of a span's last char to the document offset of that char's last source char
   */
  constructor(
    public text: string,
    private readonly sh: Shared,
    private readonly mapStart: OffsetMap | undefined,
    private readonly mapLast: OffsetMap | undefined,
    private ctx: ShContext[],
    /** Added to an offset when there is no map. */
    private shift = 0,
    /** Without a map: maps offsets through the document runs of a script over several lines. */
    private cursor: RunCursor | undefined = undefined,
  ) {
    this.n = text.length;
  }

  /**
   * Makes this parser (one without a map) read `text` from its start, as a new one would: the analysis parses
   * every RUN with the same parser (see topParser). `restart('', 0, undefined)` lets go of the last script.
   */
  restart(text: string, shift: number, cursor: RunCursor | undefined): void {
    this.text = text;
    this.n = text.length;
    this.pos = 0;
    this.encl = 0;
    this.heredocs = NO_HEREDOCS;
    this.kwEnd = 0;
    this.peekedAt = -1;
    this.peeked = Kw.None;
    this.peekedEnd = 0;
    this.dq = '';
    this.rec = undefined;
    this.ctx = EMPTY_CONTEXT;
    this.shift = shift;
    this.cursor = cursor;
  }

  // ---- offsets and errors ----

  at(o: number): number {
    return this.mapStart !== undefined ? this.mapStart(o) : this.cursor !== undefined ? this.cursor.map(o) : o + this.shift;
  }

  last(o: number): number {
    return this.mapLast !== undefined ? this.mapLast(o) : this.cursor !== undefined ? this.cursor.map(o) : o + this.shift;
  }

  private span(s: number, e: number): Span {
    return { start: this.at(s), end: this.spanEnd(s, e) };
  }

  /** The document end offset of the span [s, e). */
  private spanEnd(s: number, e: number): number { return e > s ? this.last(e - 1) + 1 : this.at(s); }

  private error(message: string, s: number, e: number): void {
    if (this.sh.aborted) return;
    this.sh.errors.push({ message, span: this.span(s, Math.min(Math.max(e, s), this.n)) });
  }

  private enter(at: number): boolean {
    const sh = this.sh;
    if (sh.aborted) { this.pos = this.n; return false; }
    if (sh.depth >= MAX_SHELL_DEPTH) {
      this.error(`nesting deeper than ${MAX_SHELL_DEPTH} levels: the rest of the script is not analysed`, at, at + 1);
      sh.aborted = true;
      this.pos = this.n;
      return false;
    }
    sh.depth++;
    return true;
  }

  private leave(): void { this.sh.depth--; if (this.sh.aborted) this.pos = this.n; }

  // ---- blanks, newlines, here-documents ----

  /** Skips blanks, line continuations and comments; stops at a newline or a token. */
  private skipBlanks(): void {
    const text = this.text;
    const n = this.n;
    let pos = this.pos;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) { pos++; continue; }
      if (c === 92 || c === this.sh.esc) {
        const d = text.charCodeAt(pos + 1);
        if (d === 10) { pos += 2; continue; }
        if (d === 13 && text.charCodeAt(pos + 2) === 10) { pos += 3; continue; }
        break;
      }
      if (c === 35) { // '#': comment to end of line
        const e = text.indexOf('\n', pos);
        pos = e < 0 ? n : e;
        break;
      }
      break;
    }
    this.pos = pos;
  }

  /** Skips blanks and newline tokens (reading pending here-document bodies). Returns true if a newline was seen. */
  private skipNewlines(): boolean {
    let seen = false;
    for (;;) {
      this.skipBlanks();
      if (this.pos < this.n && this.text.charCodeAt(this.pos) === 10) {
        this.pos++;
        seen = true;
        if (this.heredocs.length) this.readHeredocs();
      } else return seen;
    }
  }

  private readHeredocs(): void {
    const text = this.text;
    const n = this.n;
    const pending = this.heredocs;
    this.heredocs = NO_HEREDOCS;
    for (const h of pending) {
      const bodyStart = this.pos;
      let pos = bodyStart;
      let terminated = false;
      let bodyEnd = n;
      while (pos < n) {
        const nl = text.indexOf('\n', pos);
        const lineEnd = nl < 0 ? n : nl;
        let ls = pos;
        if (h.strip) while (ls < lineEnd && text.charCodeAt(ls) === 9) ls++;
        let le = lineEnd;
        if (le > ls && text.charCodeAt(le - 1) === 13) le--;
        if (le - ls === h.delim.length && text.startsWith(h.delim, ls)) {
          bodyEnd = pos;
          terminated = true;
          pos = nl < 0 ? n : nl + 1;
          break;
        }
        pos = nl < 0 ? n : nl + 1;
      }
      this.pos = pos;
      const heredoc: ShHeredoc = {
        body: text.slice(bodyStart, bodyEnd), bodySpan: this.span(bodyStart, bodyEnd),
        quoted: h.quoted, stripTabs: h.strip, terminated,
      };
      h.redirect.heredoc = heredoc;
      if (!terminated) {
        const r = h.redirect;
        if (!this.sh.aborted) this.sh.errors.push({ message: `here-document delimited by '${h.delim}' is not terminated`, span: { start: r.start, end: r.end } });
      }
    }
  }

  // ---- reserved words ----

  /** The reserved word at pos (after blanks), or Kw.None. Sets kwEnd. */
  private peekReserved(): Kw {
    const s = this.pos;
    if (s !== this.peekedAt) {
      this.peeked = this.reservedAt(s);
      this.peekedAt = s;
      this.peekedEnd = this.kwEnd;
    }
    if (this.peeked !== Kw.None) this.kwEnd = this.peekedEnd;
    return this.peeked;
  }

  /** The reserved word at `s`, or Kw.None. Sets kwEnd when it finds one. */
  private reservedAt(s: number): Kw {
    const text = this.text;
    const c = text.charCodeAt(s);
    let e = s;
    let k = Kw.None;
    if (c === 123) { e = s + 1; k = Kw.LBrace; } // {
    else if (c === 125) { e = s + 1; k = Kw.RBrace; } // }
    else if (c === 33) { // !
      const d = text.charCodeAt(s + 1);
      if (d === d && !(d < 128 && (CLS[d] & (BLANK | NEWLINE)))) return Kw.None;
      this.kwEnd = s + 1;
      return Kw.Bang;
    } else if (c === 91 && text.charCodeAt(s + 1) === 91) { e = s + 2; k = Kw.DBracket; } // [[
    else if (c >= 97 && c <= 119) {
      while (e < this.n && e - s < 9) { const d = text.charCodeAt(e); if (d < 97 || d > 122) break; e++; }
      k = keywordAt(text, s, e - s);
      if (k === Kw.None) return Kw.None;
    } else return Kw.None;
    if (!isDelim(text.charCodeAt(e))) return Kw.None;
    this.kwEnd = e;
    return k;
  }

  /** Consumes reserved word `k` at pos (after blanks) if present. */
  private acceptKw(k: Kw): boolean {
    this.skipBlanks();
    if (this.peekReserved() !== k) return false;
    this.pos = this.kwEnd;
    return true;
  }

  /** True when the text at pos (after blanks) can begin a command. */
  private canStartCommand(): boolean {
    this.skipBlanks();
    if (this.pos >= this.n || this.sh.aborted) return false;
    const c = this.text.charCodeAt(this.pos);
    const d = this.text.charCodeAt(this.pos + 1);
    if (c === 10 || c === 41 || c === 59 || c === 124) return false; // \n ) ; |
    if (c === 38) return d === 62; // &>
    const k = this.peekReserved();
    return kwBit(k) === 0;
  }

  // ---- lists ----

  /** Parses a list until EOF or a terminator of this or an enclosing list (left unconsumed). */
  parseList(stop: number): void {
    if (!this.enter(this.pos)) return;
    const saved = this.encl;
    this.encl = saved | stop;
    const text = this.text;
    let joined: ShJoin | undefined;
    let any = false;
    let needSep = false;
    while (!this.sh.aborted) {
      const before = this.pos;
      if (this.skipNewlines()) {
        needSep = false;
        if (any && joined === undefined) joined = '\n';
      }
      if (this.pos >= this.n) break;
      const p = this.pos;
      const c = text.charCodeAt(p);
      const d = text.charCodeAt(p + 1);
      if (c === 41) { // )
        if (this.encl & T_RPAREN) break;
        this.error("unexpected ')'", p, p + 1);
        this.pos++;
        continue;
      }
      if (c === 59) { // ;
        if (d === 59 || d === 38) {
          if (this.encl & T_DSEMI) break;
          const len = d === 59 && text.charCodeAt(p + 2) === 38 ? 3 : 2;
          this.error(`unexpected '${text.slice(p, p + len)}' outside 'case'`, p, p + len);
          this.pos += len;
        } else {
          this.error("unexpected ';': expected a command", p, p + 1);
          this.pos++;
        }
        continue;
      }
      if (c === 124 || (c === 38 && d !== 62)) { // | || |& & &&
        const len = d === c || (c === 124 && d === 38) ? 2 : 1;
        this.error(`expected a command before '${text.slice(p, p + len)}'`, p, p + len);
        this.pos += len;
        continue;
      }
      const k = this.peekReserved();
      const bit = kwBit(k);
      if (bit !== 0) {
        if (this.encl & bit) break;
        this.error(`unexpected '${text.slice(p, this.kwEnd)}'`, p, this.kwEnd);
        this.pos = this.kwEnd;
        continue;
      }
      if (needSep) this.error("expected ';' or a newline before this command", p, p + 1);
      this.parseAndOr(joined);
      any = true;
      joined = undefined;
      needSep = false;
      this.skipBlanks();
      const q = this.pos;
      if (q < this.n) {
        const e = text.charCodeAt(q);
        const f = text.charCodeAt(q + 1);
        if (e === 59 && f !== 59 && f !== 38) { joined = ';'; this.pos++; }
        else if (e === 38 && f !== 38 && f !== 62) { joined = '&'; this.pos++; }
        else if (e !== 10) needSep = true;
      }
      if (this.pos === before) { // cannot happen, but never loop forever
        this.error('unexpected character', before, before + 1);
        this.pos++;
      }
    }
    this.encl = saved;
    this.leave();
  }

  private parseAndOr(joined: ShJoin | undefined): void {
    this.parsePipeline(joined);
    const text = this.text;
    while (!this.sh.aborted) {
      this.skipBlanks();
      const p = this.pos;
      const c = text.charCodeAt(p);
      if ((c === 38 || c === 124) && text.charCodeAt(p + 1) === c) {
        const op = c === 38 ? '&&' : '||';
        this.pos += 2;
        this.skipNewlines();
        if (!this.canStartCommand()) { this.error(`expected a command after '${op}'`, p, p + 2); return; }
        this.parsePipeline(op);
      } else return;
    }
  }

  private parsePipeline(joined: ShJoin | undefined): void {
    const text = this.text;
    this.skipBlanks();
    let negated = false;
    if (this.peekReserved() === Kw.Bang) {
      const b = this.pos;
      negated = true;
      this.pos = this.kwEnd;
      if (!this.canStartCommand()) { this.error("expected a command after '!'", b, b + 1); return; }
    }
    const id = this.sh.pipelines++;
    // Simple commands of this pipeline, to set their pipelineLength. Created at the first `|`: a command
    // alone is already created with length 1, and most pipelines are one command.
    let first: ShCommand | undefined;
    let elements: ShCommand[] | undefined;
    let count = 0;
    let op = joined;
    while (!this.sh.aborted) {
      const cmd = this.parseCommand(op, id, count, negated);
      if (cmd !== undefined) {
        if (count === 0) first = cmd;
        else (elements ??= first === undefined ? [] : [first]).push(cmd);
      }
      count++;
      this.skipBlanks();
      const p = this.pos;
      if (text.charCodeAt(p) === 124 && text.charCodeAt(p + 1) !== 124) {
        const amp = text.charCodeAt(p + 1) === 38;
        op = amp ? '|&' : '|';
        this.pos += amp ? 2 : 1;
        this.skipNewlines();
        if (!this.canStartCommand()) { this.error(`expected a command after '${op}'`, p, p + op.length); break; }
      } else break;
    }
    if (count > 1) {
      if (elements === undefined) { if (first !== undefined) first.pipelineLength = count; }
      else for (const e of elements) e.pipelineLength = count;
    }
  }

  // ---- commands ----

  private parseCommand(joined: ShJoin | undefined, pipeline: number, index: number, negated: boolean): ShCommand | undefined {
    this.skipBlanks();
    if (this.pos >= this.n) return undefined;
    const c = this.text.charCodeAt(this.pos);
    if (c === 40) { // (
      if (this.text.charCodeAt(this.pos + 1) === 40) { this.skipArith(this.pos, 2); this.trailingRedirects(); return undefined; }
      this.parseBlock(this.pos, 1, 'subshell', T_RPAREN, "missing ')' for '('");
      return undefined;
    }
    switch (this.peekReserved()) {
      case Kw.LBrace: this.parseBlock(this.pos, 1, 'group', T_RBRACE, "missing '}' for '{'"); return undefined;
      case Kw.If: this.parseIf(); return undefined;
      case Kw.While: case Kw.Until: this.parseWhile(); return undefined;
      case Kw.For: case Kw.Select: this.parseFor(); return undefined;
      case Kw.Case: this.parseCase(); return undefined;
      case Kw.Function: this.parseFunctionKeyword(); return undefined;
      case Kw.DBracket: return this.parseSimple(joined, pipeline, index, negated, true);
      default: return this.parseSimple(joined, pipeline, index, negated, false);
    }
  }

  /** `( list )`, `{ list; }` and function bodies; `open` is the opening token, `len` its length. */
  private parseBlock(open: number, len: number, ctx: ShContext, stop: number, missing: string): void {
    this.pos = open + len;
    const saved = this.ctx;
    this.ctx = childContext(saved, ctx);
    this.parseList(stop);
    this.ctx = saved;
    let closed: boolean;
    if (stop === T_RPAREN) {
      this.skipBlanks();
      closed = this.pos < this.n && this.text.charCodeAt(this.pos) === 41;
      if (closed) this.pos++;
    } else closed = this.acceptKw(Kw.RBrace);
    if (!closed) this.error(missing, open, open + len);
    this.trailingRedirects();
  }

  private withContext(ctx: ShContext, body: () => void): void {
    const saved = this.ctx;
    this.ctx = childContext(saved, ctx);
    body();
    this.ctx = saved;
  }

  private parseIf(): void {
    const open = this.pos;
    const openEnd = this.kwEnd;
    this.pos = openEnd;
    this.withContext('if', () => {
      let kw = 'if';
      for (;;) {
        const at = this.pos;
        this.parseList(T_THEN);
        if (!this.acceptKw(Kw.Then)) { this.error(`'${kw}' without 'then'`, kw === 'if' ? open : at, kw === 'if' ? openEnd : at + 1); return; }
        this.parseList(T_ELIF | T_ELSE | T_FI);
        if (this.acceptKw(Kw.Elif)) { kw = 'elif'; continue; }
        if (this.acceptKw(Kw.Else)) this.parseList(T_FI);
        if (!this.acceptKw(Kw.Fi)) this.error("'if' without matching 'fi'", open, openEnd);
        return;
      }
    });
    this.trailingRedirects();
  }

  private parseWhile(): void {
    const open = this.pos;
    const openEnd = this.kwEnd;
    const kw = this.text.slice(open, openEnd);
    this.pos = openEnd;
    this.withContext('loop', () => {
      this.parseList(T_DO);
      this.parseDoDone(kw, open, openEnd);
    });
    this.trailingRedirects();
  }

  private parseDoDone(kw: string, open: number, openEnd: number): void {
    if (!this.acceptKw(Kw.Do)) {
      // bash also accepts `for x in a; { ...; }`
      this.skipBlanks();
      if (this.peekReserved() === Kw.LBrace) { this.parseBlock(this.pos, 1, 'group', T_RBRACE, "missing '}' for '{'"); return; }
      this.error(`'${kw}' without 'do'`, open, openEnd);
      return;
    }
    this.parseList(T_DONE);
    if (!this.acceptKw(Kw.Done)) this.error(`'${kw}' without matching 'done'`, open, openEnd);
  }

  private parseFor(): void {
    const open = this.pos;
    const openEnd = this.kwEnd;
    const kw = this.text.slice(open, openEnd);
    this.pos = openEnd;
    this.withContext('loop', () => {
      this.skipBlanks();
      const text = this.text;
      if (text.charCodeAt(this.pos) === 40 && text.charCodeAt(this.pos + 1) === 40) {
        this.skipArith(this.pos, 2);
      } else {
        const name = this.readWord();
        if (name === undefined) { this.error(`expected a variable name after '${kw}'`, open, openEnd); return; }
        this.skipNewlines();
        if (text.startsWith('in', this.pos) && isDelim(text.charCodeAt(this.pos + 2))) {
          this.pos += 2;
          for (;;) {
            this.skipBlanks();
            if (this.pos >= this.n) break;
            const c = text.charCodeAt(this.pos);
            if (c < 128 && CLS[c] & (NEWLINE | OP)) break;
            if (this.readWord() === undefined) break;
          }
        }
      }
      this.skipBlanks();
      if (text.charCodeAt(this.pos) === 59 && text.charCodeAt(this.pos + 1) !== 59) this.pos++;
      this.skipNewlines();
      this.parseDoDone(kw, open, openEnd);
    });
    this.trailingRedirects();
  }

  private parseCase(): void {
    const open = this.pos;
    const openEnd = this.kwEnd;
    const text = this.text;
    this.pos = openEnd;
    this.withContext('case', () => {
      this.skipBlanks();
      if (this.readWord() === undefined) { this.error("expected a word after 'case'", open, openEnd); return; }
      this.skipNewlines();
      if (!(text.startsWith('in', this.pos) && isDelim(text.charCodeAt(this.pos + 2)))) {
        this.error("expected 'in' after 'case WORD'", open, openEnd);
        return;
      }
      this.pos += 2;
      while (!this.sh.aborted) {
        this.skipNewlines();
        if (this.pos >= this.n) break;
        if (this.peekReserved() === Kw.Esac) { this.pos = this.kwEnd; return; }
        const itemStart = this.pos;
        if (text.charCodeAt(this.pos) === 40) this.pos++;
        // patterns: word ( '|' word )* ')'
        for (;;) {
          this.skipBlanks();
          const w = this.readWord();
          this.skipBlanks();
          if (w !== undefined && text.charCodeAt(this.pos) === 124 && text.charCodeAt(this.pos + 1) !== 124) { this.pos++; continue; }
          break;
        }
        if (text.charCodeAt(this.pos) !== 41) {
          this.error("expected ')' after a case pattern", itemStart, Math.max(this.pos, itemStart + 1));
          break;
        }
        this.pos++;
        this.parseList(T_DSEMI | T_ESAC);
        this.skipBlanks();
        const p = this.pos;
        if (text.charCodeAt(p) === 59 && (text.charCodeAt(p + 1) === 59 || text.charCodeAt(p + 1) === 38)) {
          this.pos += text.charCodeAt(p + 1) === 59 && text.charCodeAt(p + 2) === 38 ? 3 : 2;
          continue;
        }
        if (this.peekReserved() === Kw.Esac) continue;
        break;
      }
      this.error("'case' without matching 'esac'", open, openEnd);
    });
    this.trailingRedirects();
  }

  private parseFunctionKeyword(): void {
    const open = this.pos;
    const openEnd = this.kwEnd;
    this.pos = openEnd;
    this.skipBlanks();
    if (this.readWord() === undefined) { this.error("expected a function name after 'function'", open, openEnd); return; }
    this.skipBlanks();
    const text = this.text;
    if (text.charCodeAt(this.pos) === 40 && text.charCodeAt(this.pos + 1) !== 40) {
      const k = this.pos;
      this.pos++;
      this.skipBlanks();
      if (text.charCodeAt(this.pos) === 41) this.pos++;
      else { this.error("expected ')' in function definition", k, k + 1); return; }
    }
    this.parseFunctionBody(open, openEnd);
  }

  private parseFunctionBody(open: number, openEnd: number): void {
    this.skipNewlines();
    const text = this.text;
    if (this.peekReserved() === Kw.LBrace) { this.parseBlock(this.pos, 1, 'function', T_RBRACE, "missing '}' for '{'"); return; }
    if (text.charCodeAt(this.pos) === 40 && text.charCodeAt(this.pos + 1) !== 40) { this.parseBlock(this.pos, 1, 'function', T_RPAREN, "missing ')' for '('"); return; }
    if (!this.canStartCommand()) { this.error('expected a function body', open, openEnd); return; }
    this.withContext('function', () => { this.parseCommand(undefined, this.sh.pipelines++, 0, false); });
  }

  /** Redirects after a compound command (parsed for here-documents, not kept). */
  private trailingRedirects(): void {
    for (;;) {
      this.skipBlanks();
      const r = this.redirectAt();
      if (r < 0) return;
      this.parseRedirect(r);
    }
  }

  /** If a redirect operator (optionally with an fd) starts at pos, the offset of its operator; else -1. */
  private redirectAt(): number {
    const text = this.text;
    const p = this.pos;
    let c = text.charCodeAt(p);
    if (c === 60 || c === 62) return text.charCodeAt(p + 1) === 40 ? -1 : p; // <( >( are words
    if (c === 38) return text.charCodeAt(p + 1) === 62 ? p : -1; // &>
    if (!isDigit(c)) return -1;
    let k = p + 1;
    while (k < this.n && isDigit(c = text.charCodeAt(k))) k++;
    if ((c === 60 || c === 62) && text.charCodeAt(k + 1) !== 40) return k;
    return -1;
  }

  /** Parses the redirect at pos whose operator starts at `opAt` (digits before it are the fd). */
  private parseRedirect(opAt: number): ShRedirect {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(opAt);
    const d = text.charCodeAt(opAt + 1);
    const e = text.charCodeAt(opAt + 2);
    let len = 1;
    if (c === 60) { // <
      if (d === 60) len = e === 60 || e === 45 ? 3 : 2; // <<< <<- <<
      else if (d === 38 || d === 62) len = 2; // <& <>
    } else if (c === 62) { // >
      if (d === 62 || d === 124 || d === 38) len = 2; // >> >| >&
    } else len = e === 62 ? 3 : 2; // &>> &>
    const opEnd = opAt + len;
    const op = text.slice(start, opEnd);
    const redirect: ShRedirect = { start: 0, end: 0, op, fd: opAt > start ? Number(text.slice(start, opAt)) : undefined, target: undefined };
    this.pos = opEnd;
    this.skipBlanks();
    let end = opEnd;
    const target = this.pos < this.n && !isDelim(text.charCodeAt(this.pos)) ? this.readWord() : undefined;
    if (target === undefined) this.error(`missing target for '${op}'`, start, opEnd);
    else {
      redirect.target = target;
      end = this.pos;
    }
    const sp = this.span(start, end);
    redirect.start = sp.start;
    redirect.end = sp.end;
    if (target !== undefined && c === 60 && d === 60 && e !== 60) {
      if (this.heredocs === NO_HEREDOCS) this.heredocs = [];
      this.heredocs.push({ delim: target.value, strip: e === 45, quoted: target.quoted, redirect });
    }
    return redirect;
  }

  private parseSimple(joined: ShJoin | undefined, pipeline: number, index: number, negated: boolean, dbracket: boolean): ShCommand | undefined {
    const text = this.text;
    const sh = this.sh;
    const start = this.pos;
    const cmd: ShCommand = {
      start: 0, end: 0, name: undefined, args: PENDING, assignments: PENDING, redirects: PENDING, joinedBy: joined,
      pipeline, pipelineIndex: index, pipelineLength: 1, negated, context: this.ctx,
    };
    // this command's arguments, assignments and redirects go on the stacks from here
    const base = argStack.length;
    const assignmentBase = assignmentStack.length;
    const redirectBase = redirectStack.length;
    const slot = sh.commands.length;
    sh.commands.push(cmd);
    let end = start;
    // `sh -c SCRIPT` detection: 0 = not a shell, 1 = options, 2 = skip option argument, 3 = done
    let shell = 0;
    let sawC = false;
    while (!sh.aborted) {
      this.skipBlanks();
      if (this.pos >= this.n) break;
      const c = text.charCodeAt(this.pos);
      const r = dbracket ? -1 : this.redirectAt();
      if (r >= 0) {
        redirectStack.push(this.parseRedirect(r));
        end = this.pos;
        continue;
      }
      if (dbracket && cmd.name !== undefined && c < 128 && CLS[c] & (OP | NEWLINE)) {
        if (c === 10) { this.skipNewlines(); continue; }
        const d = text.charCodeAt(this.pos + 1);
        const len = (c === 38 || c === 124) && d === c ? 2 : 1;
        if (c === 59) break; // inside [[ ]] only ';' ends the command early (an error is reported)
        argStack.push(this.opWord(this.pos, this.pos + len));
        this.pos += len;
        end = this.pos;
        continue;
      }
      if (c < 128 && CLS[c] & (OP | NEWLINE) && !((c === 60 || c === 62) && text.charCodeAt(this.pos + 1) === 40)) break;
      const wStart = this.pos;
      const w = this.readWord();
      if (w === undefined) break;
      end = this.pos;
      if (cmd.name === undefined) {
        if (!dbracket && this.tryAssignment(w, wStart)) { end = this.pos; continue; }
        cmd.name = w;
        if (dbracket) continue;
        // `name ( )` starts a function definition
        this.skipBlanks();
        if (text.charCodeAt(this.pos) === 40 && !w.quoted && !w.dynamic) {
          const k = this.pos;
          this.pos++;
          this.skipBlanks();
          if (text.charCodeAt(this.pos) === 41) {
            this.pos++;
            sh.commands.splice(slot, 1);
            dropFrom(assignmentStack, assignmentBase); // a function definition keeps neither
            dropFrom(redirectStack, redirectBase);
            this.parseFunctionBody(wStart, end);
            return undefined;
          }
          this.pos = k;
        }
        shell = !w.dynamic && endsWithSh(w.value) && SHELLS.has(baseName(w.value)) ? 1 : 0;
        continue;
      }
      argStack.push(w);
      if (dbracket && w.raw === ']]') break;
      if (shell === 1 || shell === 2) {
        const v = w.value;
        const c0 = v.charCodeAt(0);
        if (shell === 2) shell = 1;
        else if ((c0 === 45 || c0 === 43) && v.length > 1 && v !== '--') { // -x / +x
          if (v.charCodeAt(1) === 45) { if (v === '--rcfile' || v === '--init-file') shell = 2; }
          else {
            if (c0 === 45 && v.includes('c')) sawC = true;
            if (v.includes('o') || v.includes('O')) shell = 2;
          }
        } else if (v === '--') { if (!sawC) shell = 3; }
        else {
          shell = 3;
          if (sawC) this.parseShC(w, wStart);
        }
      }
    }
    if (dbracket && (argStack.length === base || argStack[argStack.length - 1].raw !== ']]')) {
      this.error("'[[' without matching ']]'", start, start + 2);
    }
    cmd.args = takeFrom(argStack, base);
    cmd.assignments = takeFrom(assignmentStack, assignmentBase);
    cmd.redirects = takeFrom(redirectStack, redirectBase);
    if (end === start) { sh.commands.splice(slot, 1); return undefined; }
    cmd.start = this.at(start);
    cmd.end = this.spanEnd(start, end);
    return cmd;
  }

  private opWord(s: number, e: number): ShWord {
    const raw = this.text.slice(s, e);
    const sp = this.span(s, e);
    return { start: sp.start, end: sp.end, raw, value: raw, dynamic: false, quoted: false };
  }

  /** `NAME=value`, `NAME+=value`, `NAME[i]=value`, `NAME=(a b)` before the command name. */
  private tryAssignment(w: ShWord, wStart: number): boolean {
    const raw = w.raw;
    if (!isNameStart(raw.charCodeAt(0))) return false;
    let i = 1;
    while (i < raw.length && isNameChar(raw.charCodeAt(i))) i++;
    const nameEnd = i;
    if (raw.charCodeAt(i) === 91) { // [index]
      const close = raw.indexOf(']', i);
      if (close < 0) return false;
      i = close + 1;
    }
    if (raw.charCodeAt(i) === 43) i++; // +=
    if (raw.charCodeAt(i) !== 61) return false; // =
    const eq = i;
    const text = this.text;
    let valueWord: ShWord | undefined;
    if (eq === raw.length - 1 && text.charCodeAt(this.pos) === 40) {
      // array: NAME=( words )
      const open = this.pos;
      this.skipBalanced(open, 40, 41, "missing ')' in array assignment");
      const vRaw = text.slice(open, this.pos);
      const sp = this.span(open, this.pos);
      valueWord = { start: sp.start, end: sp.end, raw: vRaw, value: vRaw, dynamic: vRaw.includes('$'), quoted: /["'\\]/.test(vRaw) };
      const all = this.span(wStart, this.pos);
      assignmentStack.push({ start: all.start, end: all.end, name: raw.slice(0, nameEnd), value: valueWord });
      return true;
    }
    if (eq < raw.length - 1) {
      const vRaw = raw.slice(eq + 1);
      const veq = w.value.indexOf('=');
      const sp = this.span(wStart + eq + 1, wStart + raw.length);
      valueWord = {
        start: sp.start, end: sp.end, raw: vRaw, value: veq < 0 ? vRaw : w.value.slice(veq + 1),
        dynamic: w.dynamic, quoted: w.quoted,
      };
    }
    const a: ShAssignment = { start: w.start, end: w.end, name: raw.slice(0, nameEnd), value: valueWord };
    assignmentStack.push(a);
    return true;
  }

  // ---- words ----

  /** Reads one word at pos; undefined when pos is at a delimiter or the end. */
  readWord(): ShWord | undefined {
    const text = this.text;
    const n = this.n;
    const start = this.pos;
    let pos = start;
    let value = '';
    let seg = start;
    let dynamic = false;
    let quoted = false;
    let bracket = false;
    let brace = 0;
    const rec = this.rec;
    this.rec = undefined; // nested words (in substitutions) do not record
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c >= 128) { pos++; continue; }
      const k = CLS[c];
      if (k === 0) { pos++; continue; }
      if (k !== SPECIAL) {
        if (pos === start && (c === 60 || c === 62) && text.charCodeAt(pos + 1) === 40) { // <( >( process substitution
          this.parseSubstitution(pos, 2);
          pos = this.pos;
          dynamic = true;
          continue;
        }
        break;
      }
      switch (c) {
        case 92: { // backslash
          const d = text.charCodeAt(pos + 1);
          value += text.slice(seg, pos);
          if (d === 10) { if (rec) record(rec, seg, pos); pos += 2; seg = pos; break; }
          if (d === 13 && text.charCodeAt(pos + 2) === 10) { if (rec) record(rec, seg, pos); pos += 3; seg = pos; break; }
          if (d !== d) { seg = pos; pos++; break; } // trailing backslash stays literal
          quoted = true;
          value += text[pos + 1];
          if (rec) { record(rec, seg, pos); rec.push(pos, pos + 1); }
          pos += 2;
          seg = pos;
          break;
        }
        case 39: { // '
          value += text.slice(seg, pos);
          if (rec) record(rec, seg, pos);
          quoted = true;
          const e = text.indexOf("'", pos + 1);
          if (e < 0) {
            this.error('unterminated single quote', pos, pos + 1);
            value += text.slice(pos + 1);
            if (rec) record(rec, pos + 1, n);
            pos = n;
          } else {
            value += text.slice(pos + 1, e);
            if (rec) record(rec, pos + 1, e);
            pos = e + 1;
          }
          seg = pos;
          break;
        }
        case 34: // "
          value += text.slice(seg, pos);
          if (rec) record(rec, seg, pos);
          quoted = true;
          this.pos = pos;
          if (this.readDouble(false, rec)) dynamic = true;
          value += this.dq;
          pos = seg = this.pos;
          break;
        case 36: { // $
          const d = text.charCodeAt(pos + 1);
          if (d === 39) { // $'...'
            value += text.slice(seg, pos);
            if (rec) record(rec, seg, pos);
            quoted = true;
            this.pos = pos;
            value += this.readAnsiC(rec);
            pos = seg = this.pos;
          } else if (d === 34) { // $"..."
            value += text.slice(seg, pos);
            if (rec) record(rec, seg, pos);
            quoted = true;
            this.pos = pos + 1;
            if (this.readDouble(false, rec)) dynamic = true;
            value += this.dq;
            pos = seg = this.pos;
          } else {
            this.pos = pos;
            if (this.scanDollar(false)) dynamic = true;
            pos = this.pos;
          }
          break;
        }
        case 96: { // `
          const d = text.charCodeAt(pos + 1);
          if (this.sh.esc === 96 && (d === 10 || (d === 13 && text.charCodeAt(pos + 2) === 10))) {
            value += text.slice(seg, pos);
            if (rec) record(rec, seg, pos);
            pos += d === 10 ? 2 : 3;
            seg = pos;
            break;
          }
          this.pos = pos;
          this.scanBackquote(false);
          pos = this.pos;
          dynamic = true;
          break;
        }
        case 42: case 63: // * ?
          dynamic = true;
          if (text.charCodeAt(pos + 1) === 40) { this.skipBalanced(pos + 1, 40, 41, 'unterminated extended glob'); pos = this.pos; } else pos++;
          break;
        case 43: case 64: case 33: // + @ !   (extended globs +( @( !( )
          if (text.charCodeAt(pos + 1) === 40) { dynamic = true; this.skipBalanced(pos + 1, 40, 41, 'unterminated extended glob'); pos = this.pos; } else pos++;
          break;
        case 91: bracket = true; pos++; break;
        case 93: if (bracket) dynamic = true; pos++; break;
        case 123: if (brace === 0) brace = 1; pos++; break;
        case 44: if (brace === 1) brace = 2; pos++; break;
        case 125: if (brace === 2) dynamic = true; pos++; break;
        default: pos++;
      }
      if (this.sh.aborted) { pos = n; break; }
    }
    this.pos = pos;
    if (pos === start) return undefined;
    const raw = text.slice(start, pos);
    value = seg === start ? raw : value + text.slice(seg, pos);
    if (rec) record(rec, seg, pos);
    const a = this.at(start);
    return { start: a, end: this.last(pos - 1) + 1, raw, value, dynamic, quoted };
  }

  /**
   * At `"`: reads to the closing quote. Puts the resolved content in `this.dq` (unless verbatim) and
   * returns true when it contains an expansion.
   */
  private readDouble(verbatim: boolean, rec?: number[]): boolean {
    const text = this.text;
    const n = this.n;
    const open = this.pos;
    let pos = open + 1;
    let seg = pos;
    let out = '';
    let dynamic = false;
    for (;;) {
      if (pos >= n) { this.error('unterminated double quote', open, open + 1); break; }
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (c === 92) {
        const d = text.charCodeAt(pos + 1);
        if (d === 36 || d === 96 || d === 34 || d === 92 || d === 10) {
          if (!verbatim) out += text.slice(seg, pos) + (d === 10 ? '' : text[pos + 1]);
          if (rec) { record(rec, seg, pos); if (d !== 10) rec.push(pos, pos + 1); }
          pos += 2;
          seg = pos;
        } else if (d === 13 && text.charCodeAt(pos + 2) === 10) {
          if (!verbatim) out += text.slice(seg, pos);
          if (rec) record(rec, seg, pos);
          pos += 3;
          seg = pos;
        } else pos++;
      } else if (c === 36) {
        this.pos = pos;
        if (this.scanDollar(true)) dynamic = true;
        pos = this.pos;
      } else if (c === 96) {
        const d = text.charCodeAt(pos + 1);
        if (this.sh.esc === 96 && d === 10) {
          if (!verbatim) out += text.slice(seg, pos);
          if (rec) record(rec, seg, pos);
          pos += 2;
          seg = pos;
          continue;
        }
        this.pos = pos;
        this.scanBackquote(true);
        pos = this.pos;
        dynamic = true;
      } else pos++;
      if (this.sh.aborted) { pos = n; break; }
    }
    if (!verbatim) this.dq = out + text.slice(seg, Math.min(pos, n));
    if (rec) record(rec, seg, Math.min(pos, n));
    this.pos = pos < n ? pos + 1 : n;
    return dynamic;
  }

  /** At `$'`: resolves ANSI-C escapes; returns the value. */
  private readAnsiC(rec: number[] | undefined): string {
    const text = this.text;
    const n = this.n;
    const open = this.pos;
    let pos = open + 2;
    let out = '';
    for (;;) {
      if (pos >= n) { this.error("unterminated $'...' string", open, open + 2); break; }
      const c = text[pos];
      if (c === "'") { pos++; break; }
      if (c !== '\\' || pos + 1 >= n) { out += c; if (rec) rec.push(pos, pos); pos++; continue; }
      const d = text[pos + 1];
      const escAt = pos;
      const before = out.length;
      pos += 2;
      switch (d) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\x07'; break;
        case 'b': out += '\b'; break;
        case 'e': case 'E': out += '\x1b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '\\': case "'": case '"': case '?': out += d; break;
        case 'x': case 'u': case 'U': {
          const max = d === 'x' ? 2 : d === 'u' ? 4 : 8;
          let k = 0;
          while (k < max && /[0-9a-fA-F]/.test(text[pos + k] ?? '')) k++;
          const cp = k ? parseInt(text.slice(pos, pos + k), 16) : NaN;
          if (cp === cp && cp <= 0x10ffff) { out += String.fromCodePoint(cp); pos += k; } else out += '\\' + d;
          break;
        }
        default:
          if (d >= '0' && d <= '7') {
            let k = 0;
            while (k < 2 && text[pos + k] >= '0' && text[pos + k] <= '7') k++;
            out += String.fromCharCode(parseInt(d + text.slice(pos, pos + k), 8) & 0xff);
            pos += k;
          } else out += '\\' + d;
      }
      if (rec) for (let k = before; k < out.length; k++) rec.push(escAt, pos - 1);
    }
    this.pos = pos;
    return out;
  }

  /** At `$`: skips an expansion; returns false when the `$` is literal. */
  private scanDollar(inDouble: boolean): boolean {
    const text = this.text;
    const p = this.pos;
    const d = text.charCodeAt(p + 1);
    if (d === 123) { this.scanBrace(inDouble); return true; } // ${
    if (d === 40) { // $( or $((
      if (text.charCodeAt(p + 2) === 40) this.skipArith(p, 3);
      else this.parseSubstitution(p, 2);
      return true;
    }
    if (d === 91) { this.skipBalanced(p + 1, 91, 93, "unterminated '$['"); return true; } // $[ ] old arithmetic
    if (isNameStart(d)) {
      let k = p + 2;
      while (k < this.n && isNameChar(text.charCodeAt(k))) k++;
      this.pos = k;
      return true;
    }
    if (isDigit(d) || d === 64 || d === 42 || d === 35 || d === 63 || d === 36 || d === 33 || d === 45) { // @ * # ? $ ! -
      this.pos = p + 2;
      return true;
    }
    this.pos = p + 1;
    return false;
  }

  /** At `${`: skips to the matching `}` (nested braces, quotes and substitutions inside). */
  private scanBrace(inDouble: boolean): void {
    const text = this.text;
    const n = this.n;
    const open = this.pos;
    if (!this.enter(open)) return;
    let pos = open + 2;
    let depth = 1;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 125) { if (--depth === 0) break; pos++; }
      else if (c === 123) { depth++; pos++; }
      else if (c === 92) pos += 2;
      else if (c === 39 && !inDouble) {
        const e = text.indexOf("'", pos + 1);
        pos = e < 0 ? n : e + 1;
      } else if (c === 34) { this.pos = pos; this.readDouble(true); pos = this.pos; }
      else if (c === 36) { this.pos = pos; this.scanDollar(inDouble); pos = this.pos; }
      else if (c === 96) { this.pos = pos; this.scanBackquote(inDouble); pos = this.pos; }
      else pos++;
      if (this.sh.aborted) break;
    }
    if (pos >= n) { this.error("unterminated '${'", open, open + 2); this.pos = n; }
    else this.pos = pos + 1;
    this.leave();
  }

  /** At `$(` / `<(` / `>(`: parses the inner list as a substitution. */
  private parseSubstitution(open: number, len: number): void {
    this.pos = open + len;
    const sh = this.sh;
    const at = this.at(open);
    const seen = markSubstitution(sh, at);
    const commands = sh.commands.length;
    const errors = sh.errors.length;
    const pipelines = sh.pipelines;
    const savedCtx = this.ctx;
    const savedEncl = this.encl;
    const outerHeredocs = this.heredocs; // bodies of the outer line start after its own newline
    this.heredocs = NO_HEREDOCS;
    this.ctx = childContext(savedCtx, 'substitution');
    this.encl = 0;
    this.parseList(T_RPAREN);
    this.ctx = savedCtx;
    this.encl = savedEncl;
    if (this.heredocs === NO_HEREDOCS) this.heredocs = outerHeredocs;
    else if (outerHeredocs !== NO_HEREDOCS) { for (const h of this.heredocs) outerHeredocs.push(h); this.heredocs = outerHeredocs; }
    if (this.pos < this.n && this.text.charCodeAt(this.pos) === 41) this.pos++;
    else this.error(`unterminated '${this.text.slice(open, open + len)}'`, open, open + len);
    if (seen) { // already reported by the outer shell
      sh.commands.length = commands;
      sh.errors.length = errors;
      sh.pipelines = pipelines;
    }
  }

  /** From `open` (a run of `len` opening parens, possibly after `$`), skips to the matching `))`. */
  private skipArith(open: number, len: number): void {
    const text = this.text;
    let depth = 0;
    let pos = open;
    for (let i = 0; i < len; i++) if (text.charCodeAt(open + i) === 40) depth++;
    pos = open + len;
    while (pos < this.n) {
      const c = text.charCodeAt(pos++);
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) { this.pos = pos; return; }
    }
    this.error(`unterminated '${text.slice(open, open + len)}'`, open, open + len);
    this.pos = this.n;
  }

  /** At `openCh` (offset `open`): skips to the matching close char, honouring quotes and backslashes. */
  private skipBalanced(open: number, openCh: number, closeCh: number, message: string): void {
    const text = this.text;
    let depth = 0;
    let pos = open;
    while (pos < this.n) {
      const c = text.charCodeAt(pos);
      if (c === 92) { pos += 2; continue; }
      if (c === 39 || c === 34) {
        const e = text.indexOf(c === 39 ? "'" : '"', pos + 1);
        pos = e < 0 ? this.n : e + 1;
        continue;
      }
      pos++;
      if (c === openCh) depth++;
      else if (c === closeCh && --depth === 0) { this.pos = pos; return; }
    }
    this.error(message, open, open + 1);
    this.pos = this.n;
  }

  /** At `` ` ``: finds the closing backquote and parses the inner script. */
  private scanBackquote(inDouble: boolean): void {
    const text = this.text;
    const n = this.n;
    const open = this.pos;
    let k = open + 1;
    let esc = false;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 96) break;
      if (c === 92 && k + 1 < n) { esc = true; k += 2; continue; }
      k++;
    }
    if (k >= n) this.error('unterminated backquote', open, open + 1);
    const end = Math.min(k, n);
    let inner: string;
    let table: number[] | undefined;
    if (!esc) inner = text.slice(open + 1, end);
    else {
      inner = '';
      table = [];
      for (let i = open + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        const first = i;
        if (c === 92 && i + 1 < end) {
          const d = text.charCodeAt(i + 1);
          if (d === 36 || d === 96 || d === 92 || (inDouble && d === 34)) { i++; }
        }
        inner += text[i];
        table.push(first, i);
      }
      table.push(end, end - 1);
    }
    const base = open + 1;
    const sh = this.sh;
    const at = this.at(open);
    if (markSubstitution(sh, at)) { this.pos = k < n ? k + 1 : n; return; } // already parsed by the outer shell
    this.subParse(inner, table, base, 'substitution', open);
    this.pos = k < n ? k + 1 : n;
    if (this.sh.aborted) this.pos = n;
  }

  /** `sh -c WORD`: parses the word's value as a script with spans mapped back through the quoting. */
  private parseShC(w: ShWord, wStart: number): void {
    // Re-read the word recording where each value char comes from; side effects of the second read are undone.
    const sh = this.sh;
    const saved = { pos: this.pos, commands: sh.commands.length, errors: sh.errors.length, pipelines: sh.pipelines, heredocs: this.heredocs === NO_HEREDOCS ? NO_HEREDOCS : this.heredocs.slice() };
    const rec: number[] = [];
    this.pos = wStart;
    this.rec = rec;
    const again = this.readWord();
    this.rec = undefined;
    this.pos = saved.pos;
    sh.commands.length = saved.commands;
    sh.errors.length = saved.errors;
    sh.pipelines = saved.pipelines;
    this.heredocs = saved.heredocs;
    if (sh.aborted) { this.pos = this.n; return; }
    const value = w.value;
    const wEnd = wStart + w.raw.length;
    if (again === undefined || again.value !== value || rec.length !== 2 * value.length) {
      // Cannot happen (readWord is deterministic); keep spans inside the word anyway.
      rec.length = 0;
      for (let i = 0; i < value.length; i++) { const o = Math.min(wStart + i, wEnd - 1); rec.push(o, o); }
    }
    rec.push(wEnd, wEnd - 1);
    this.subParse(value, rec, 0, 'sh-c', wStart);
    if (sh.aborted) this.pos = this.n;
  }

  private subParse(script: string, table: number[] | undefined, base: number, ctx: ShContext, at: number): void {
    if (!this.enter(at)) return;
    const len = script.length;
    let mapStart: OffsetMap;
    let mapLast: OffsetMap;
    if (table === undefined) {
      mapStart = (o) => this.at(base + o);
      mapLast = (o) => this.last(base + o);
    } else {
      mapStart = (o) => this.at(table[2 * (o < 0 ? 0 : o > len ? len : o)]);
      mapLast = (o) => this.last(table[2 * (o < 0 ? 0 : o > len ? len : o) + 1]);
    }
    const sub = new Parser(script, this.sh, mapStart, mapLast, childContext(this.ctx, ctx));
    sub.parseList(0);
    this.leave();
  }
}

/** Basename of a command path: `/usr/bin/apt-get` → `apt-get`. */
export function baseName(path: string): string {
  // A char loop, not lastIndexOf: rules ask for every command's name (11k calls in a 5,000-line lint) and
  // V8's lastIndexOf costs about twice as much on these short words.
  let i = path.length - 1;
  while (i >= 0 && path.charCodeAt(i) !== 47) i--;
  return i < 0 ? path : path.slice(i + 1);
}

/** Records a substitution at document offset `at`; true when it was already recorded (see Shared.substitutions). */
function markSubstitution(sh: Shared, at: number): boolean {
  if (sh.substitutions === undefined) sh.substitutions = new Set();
  else if (sh.substitutions.has(at)) return true;
  sh.substitutions.add(at);
  return false;
}

function record(rec: number[], from: number, to: number): void {
  for (let i = from; i < to; i++) rec.push(i, i);
}

/**
 * Commands are pushed when they start, so they are in source order except for an `sh -c` script whose
 * commands come after the outer shell's substitutions inside the same word. Restores the order (stable)
 * and renumbers pipelines in order of first appearance.
 */
function sortBySource(commands: ShCommand[]): void {
  let sorted = true;
  for (let i = 1; i < commands.length; i++) if (commands[i].start < commands[i - 1].start) { sorted = false; break; }
  if (sorted) return;
  commands.sort((a, b) => a.start - b.start);
  const ids = new Map<number, number>();
  for (const c of commands) {
    let id = ids.get(c.pipeline);
    if (id === undefined) ids.set(c.pipeline, id = ids.size);
    c.pipeline = id;
  }
}

/**
 * The errors of the script being parsed (parseShell is not reentrant). Most scripts have none: they all get
 * NO_ERRORS instead of an empty list each (0.02 MB less kept until a lint of the 5,000-line file ends).
 */
const errorStack: ShScript['errors'] = [];
/** The errors of a script without any: shared by every such script, frozen (a push would throw, not leak). */
const NO_ERRORS: ShScript['errors'] = Object.freeze([]) as unknown as ShScript['errors'];

/**
 * The state shared by the parsers of one script, reset for each script (parseShell is not reentrant): one object
 * per script was garbage the collector had to sweep, 0.05 MB per lint of the 5,000-line file.
 */
const shared: Shared = { commands: commandStack, errors: errorStack, pipelines: 0, depth: 0, aborted: false, esc: -1, substitutions: undefined };

/**
 * The parser and offset cursor of every script parsed without a map (every RUN's, see parseShellAt), restarted
 * for each: a parser and a cursor per RUN were 0.1 MB of garbage per lint of the 5,000-line file. Sub-scripts
 * (substitutions, `sh -c`) get parsers of their own.
 */
const topParser = new Parser('', shared, undefined, undefined, EMPTY_CONTEXT);
const NO_RUNS: ScriptRuns = { logical: [0], source: [0] };
const topCursor = new RunCursor(NO_RUNS, 0);

/** Parses a POSIX/bash script. Never throws. */
export function parseShell(text: string, options?: ParseShellOptions): ShScript {
  const esc = options?.escape && options.escape !== '\\' ? options.escape.charCodeAt(0) : -1;
  const map = options?.mapOffset;
  const runs = map === undefined ? options?.runs : undefined;
  const shift = map === undefined ? options?.offset ?? 0 : 0;
  return parseScript(text, map, shift, runs, esc);
}

/**
 * parseShell(text, { offset, runs }) without the options object (the analysis parses every RUN this way): a
 * script that is one run of the document at `offset`, or whose script offset `offset` maps through `runs`.
 */
export function parseShellAt(text: string, offset: number, runs?: ScriptRuns): ShScript {
  return parseScript(text, undefined, offset, runs, -1);
}

function parseScript(text: string, map: OffsetMap | undefined, shift: number, runs: ScriptRuns | undefined, esc: number): ShScript {
  emptied(argStack);
  emptied(assignmentStack);
  emptied(redirectStack);
  const sh = shared;
  sh.commands = emptied(commandStack);
  sh.errors = emptied(errorStack);
  sh.pipelines = 0;
  sh.depth = 0;
  sh.aborted = false;
  sh.esc = esc;
  sh.substitutions = undefined;
  let p: Parser | undefined;
  try {
    if (map === undefined) {
      const cursor = runs === undefined ? undefined : topCursor.restart(runs, shift);
      p = topParser;
      p.restart(text, cursor === undefined ? shift : 0, cursor);
    } else p = new Parser(text, sh, map, map, EMPTY_CONTEXT);
    p.parseList(0);
    sortBySource(sh.commands);
  } catch (e) {
    // Defensive: a bug or a stack overflow from a deep caller must never break linting.
    sh.errors.push({ message: `internal shell parser error: ${e instanceof Error ? e.message : String(e)}`, span: { start: 0, end: 0 } });
    for (const c of sh.commands) { // commands cut short keep lists of their own
      if (c.args === PENDING) c.args = [];
      if (c.assignments === PENDING) c.assignments = [];
      if (c.redirects === PENDING) c.redirects = [];
    }
  }
  // Nothing of the script stays reachable from the module.
  sh.substitutions = undefined;
  if (p === topParser) {
    topParser.restart('', 0, undefined);
    topCursor.restart(NO_RUNS, 0);
  }
  return { commands: takeAll(commandStack), errors: errorStack.length === 0 ? NO_ERRORS : takeAll(errorStack) };
}
