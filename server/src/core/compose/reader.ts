// Fast reader for the YAML that Compose files are made of: block maps and sequences (compact forms
// included), plain / quoted / block scalars, one-line flow collections, anchors, aliases, merge keys,
// comments, several documents, CRLF and a BOM. It builds exactly the model that the `yaml` library
// path of ./parse builds, several times faster, because that path costs ~85% of a compose lint.
//
// It only answers for text it fully understands and that has no error: on anything else (tabs where
// they could be indentation, tags, complex keys, directives, multi-line flow collections or quoted
// scalars, empty documents, duplicate anchors, unknown aliases…) it gives up and returns undefined,
// and the library, the reference, decides. test/unit/compose-reader.test.ts holds both paths equal.
// Where the library's placement rules are subtle (block scalar extent, value positions), the code
// follows its lexer and composer closely on purpose.
import type { Span } from '../types';
import { Mapping, resolveMerges } from './mapping';
import { bail, blockScalarValue, doubleQuotedValue, resolvePlain } from './yaml-scalars';
import type { AliasUse, ComposeComment, ComposeDocument, ComposeFile, DuplicateKey, YNode, YPair, YScalar, YSeq } from './model';
import type { ComposeParse } from './parse';
import { keyString } from './query';

/** Far below the library path's MAX_DEPTH, so that its depth cut never applies when the reader answers. */
const MAX_READER_DEPTH = 100;
/** Longest implicit key the reader accepts (the library reports keys over 1024 characters). */
const MAX_KEY_LENGTH = 1000;

const TAB = 9, LF = 10, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, PERCENT = 37, AMP = 38, SQUOTE = 39,
  STAR = 42, COMMA = 44, DASH = 45, DOT = 46, COLON = 58, GT = 62, QUESTION = 63, AT = 64, LBRACKET = 91,
  BACKSLASH = 92, RBRACKET = 93, BACKTICK = 96, LBRACE = 123, PIPE = 124, RBRACE = 125;

/** Characters the reader never accepts: controls, NEL, Unicode line separators, a BOM after the start, lone CR. */
const UNSUPPORTED_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)/;

const isFlowIndicator = (c: number) => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
/** End of text, space or line break (a tab makes the caller give up further on). */
const isBlank = (c: number) => c !== c || c === SPACE || c === LF || c === CR || c === TAB;

/** What ended a plain scalar. */
const STOP_EOL: number = 0, STOP_COLON: number = 1, STOP_COMMENT: number = 2, STOP_FLOW: number = 3;
/** What the cursor's line is. */
const EOF: number = 0, CONTENT: number = 1, DOC_START: number = 2, DOC_END: number = 3;

interface Item { node: YNode; alias?: Span }

class Reader {
  private readonly len: number;
  readonly comments: ComposeComment[] = [];
  readonly duplicateKeys: DuplicateKey[] = [];
  readonly aliases: AliasUse[] = [];
  private readonly budget = { merged: 0 };
  private anchors = new Map<string, YNode>();
  private pending = new Set<string>();

  // The cursor: the next line with content (blank and comment lines are skipped, their comments kept).
  private kind = EOF;
  /** Line start, indentation and first non-space offset of the cursor's line. */
  private ls = 0;
  private ind = 0;
  private cp = 0;

  /** Offset just after the last key's colon, alias, or flow collection. */
  private q = 0;
  private stop = STOP_EOL;
  private stopAt = 0;
  /**
   * Where the last node read was an empty value (`key:`, `-`), else -1; and how many comments had been
   * read then. A document ending with an empty value ends there, as far as the library is concerned.
   */
  private lastEmpty = -1;
  private lastEmptyComments = 0;
  /** An empty sequence item (`-`) ending a document: comments before it move the end too; left to the library. */
  private lastEmptyInSeq = false;

  constructor(private readonly text: string) { this.len = text.length; }

  read(): ComposeFile {
    const t = this.text;
    const documents: ComposeDocument[] = [];
    const bom = t.charCodeAt(0) === 0xfeff;
    this.advance(bom ? 1 : 0);
    // After a BOM the library miscounts the first line's indentation: `- a` or an indented key there is an error.
    if (bom && this.ls === 1 && this.kind === CONTENT && (this.ind > 0 || this.isDash(this.cp))) bail();
    while (this.kind !== EOF) {
      const start = this.ls;
      if (this.kind === DOC_END) bail();
      if (this.kind === DOC_START) {
        this.finishLine(this.cp + 3);
        if (this.kind !== CONTENT) bail(); // an empty document: its span follows rules not worth copying
      }
      this.anchors = new Map();
      this.pending = new Set();
      this.lastEmpty = -1;
      const root = this.root();
      let end: number;
      if (this.kind === CONTENT) bail(); // content left of the root's indentation
      if (this.kind !== DOC_END && this.lastEmpty >= 0) {
        // The library's document then ends after the empty value, unless comments follow (rules not worth copying).
        if (this.comments.length > this.lastEmptyComments || this.lastEmptyInSeq) bail();
        end = this.lastEmpty;
      } else if (this.kind === EOF) end = this.len;
      else if (this.kind === DOC_START) end = this.ls;
      else {
        const after = this.cp + 3;
        const c = t.charCodeAt(after);
        if (c === LF) end = after + 1;
        else if (c === CR) end = after + 2;
        else if (after >= this.len) end = this.len;
        else bail();
        this.advance(end);
      }
      documents.push({ root, span: { start, end }, errors: [] });
    }
    this.numberCommentLines();
    return { text: t, documents, comments: this.comments, duplicateKeys: this.duplicateKeys, aliases: this.aliases, warnings: [] };
  }

  private numberCommentLines(): void {
    const t = this.text;
    let line = 0;
    let at = 0;
    for (const c of this.comments) {
      for (let nl = t.indexOf('\n', at); nl !== -1 && nl < c.start; nl = t.indexOf('\n', nl + 1)) line++;
      at = c.start;
      c.line = line;
    }
  }

  // ---- lines ----------------------------------------------------------------------------------

  /** Moves the cursor to the first line with content at or after `p` (a line start). */
  private advance(p: number): void {
    const t = this.text;
    const n = this.len;
    while (p < n) {
      let i = p;
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      if (c === LF) { p = i + 1; continue; }
      if (c === CR) { p = i + 2; continue; }
      if (i >= n) break;
      if (c === TAB) bail();
      if (c === HASH) { p = this.comment(i); continue; }
      this.ls = p;
      this.ind = i - p;
      this.cp = i;
      if (i === p && (c === DASH || c === DOT) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c && isBlank(t.charCodeAt(i + 3))) {
        this.kind = c === DASH ? DOC_START : DOC_END;
      } else this.kind = CONTENT;
      return;
    }
    this.kind = EOF;
    this.ls = this.cp = n;
    this.ind = -1;
  }

  /** Records the comment starting at `i`; returns the start of the next line. */
  private comment(i: number): number {
    const t = this.text;
    let nl = t.indexOf('\n', i);
    if (nl < 0) nl = this.len;
    const end = t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    this.comments.push({ text: t.slice(i + 1, end).trim(), line: 0, start: i, end });
    return nl + 1;
  }

  /** After a node at `i`: only spaces and a comment may follow on the line; moves the cursor on. */
  private finishLine(i: number): void {
    const t = this.text;
    const s = i;
    while (t.charCodeAt(i) === SPACE) i++;
    const c = t.charCodeAt(i);
    if (c === HASH) {
      if (i === s) bail();
      this.advance(this.comment(i));
    } else if (c === LF) this.advance(i + 1);
    else if (c === CR) this.advance(i + 2);
    else if (i >= this.len) this.advance(i);
    else bail();
  }

  /** Offset of the first non-space character at or after `i`. */
  private skipSpaces(i: number): number {
    const t = this.text;
    while (t.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private isDash(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && isBlank(this.text.charCodeAt(i + 1));
  }

  // ---- block structure --------------------------------------------------------------------------

  /** The root: a block map or sequence (a Compose file is a map; the library ends scalar and flow roots at odd places). */
  private root(): YNode {
    const p = this.cp;
    if (this.isDash(p)) return this.blockSeq(p, this.ind, 0);
    if (this.isKey(p)) return this.blockMap(p, this.ind, 0);
    bail();
  }

  /** A value starting on the cursor's line, more indented than its parent in column `col`: a block collection, maybe anchored. */
  private nextLineNode(col: number, depth: number): YNode {
    if (this.text.charCodeAt(this.cp) !== AMP) return this.blockNode(depth);
    this.lastEmpty = -1;
    return this.anchored(this.cp, col, depth, false, true);
  }

  /** A block node starting on the cursor's line, more indented than its parent. */
  private blockNode(depth: number): YNode {
    if (this.isDash(this.cp)) return this.blockSeq(this.cp, this.ind, depth);
    return this.blockMap(this.cp, this.ind, depth);
  }

  /** A block map whose first key is at `p` (maybe mid-line, after `- `) in column `col`. */
  private blockMap(p: number, col: number, depth: number): Mapping {
    if (depth > MAX_READER_DEPTH) bail();
    const t = this.text;
    const m = new Mapping(p, p, false);
    const written: YPair[] = [];
    let index: Map<string, YPair> | undefined;
    for (;;) {
      const key = this.key(p);
      const colon = this.q;
      const i = this.skipSpaces(colon);
      const c = t.charCodeAt(i);
      let pair: YPair;
      if (c === HASH || c === LF || c === CR || i >= this.len) {
        const comments = this.comments.length;
        this.finishLine(colon);
        if (this.kind === CONTENT && (this.ind > col || (this.ind === col && this.isDash(this.cp)))) {
          const value = this.ind === col ? this.blockSeq(this.cp, col, depth + 1) : this.nextLineNode(col, depth + 1);
          pair = { key, value, start: key.start, end: value.end };
        } else {
          pair = { key, value: null, start: key.start, end: colon };
          this.empty(i, comments, false);
        }
      } else {
        if (c === TAB) bail();
        const item = this.inline(i, col, depth + 1, true);
        pair = { key, value: item.node, start: key.start, end: item.alias ? item.alias.end : item.node.end };
        if (item.alias) pair.alias = item.alias;
      }
      index = this.addPair(written, index, pair);
      if (pair.end > m.end) m.end = pair.end;
      if (this.kind !== CONTENT || this.ind < col) break;
      if (this.ind > col || this.isDash(this.cp)) bail();
      p = this.cp;
    }
    resolveMerges(m, written, this.budget, bail);
    return m;
  }

  private empty(at: number, comments: number, inSeq: boolean): void {
    this.lastEmpty = at;
    this.lastEmptyComments = comments;
    this.lastEmptyInSeq = inSeq;
  }

  /**
   * Appends a pair and records it when its key repeats an earlier one. Small maps are searched, larger
   * ones get an index of first occurrences (returned, to pass back in).
   */
  private addPair(written: YPair[], index: Map<string, YPair> | undefined, pair: YPair): Map<string, YPair> | undefined {
    const k = keyString(pair.key);
    let first: YPair | undefined;
    if (index) first = index.get(k);
    else for (const p of written) if (keyString(p.key) === k) { first = p; break; }
    if (first) this.duplicateKeys.push({ key: k, first: { start: first.key.start, end: first.key.end }, second: { start: pair.key.start, end: pair.key.end } });
    else index?.set(k, pair);
    written.push(pair);
    if (!index && written.length >= 16) {
      index = new Map();
      for (const p of written) { const key = keyString(p.key); if (!index.has(key)) index.set(key, p); }
    }
    return index;
  }

  /** A block sequence whose first `-` is at `p` in column `col`. */
  private blockSeq(p: number, col: number, depth: number): YSeq {
    if (depth > MAX_READER_DEPTH) bail();
    const t = this.text;
    const s: YSeq = { type: 'seq', items: [], flow: false, start: p, end: p };
    let end = p;
    for (;;) {
      const i = this.skipSpaces(p + 1);
      const c = t.charCodeAt(i);
      let item: Item;
      if (c === HASH || c === LF || c === CR || i >= this.len) {
        const comments = this.comments.length;
        this.finishLine(p + 1);
        if (this.kind === CONTENT && this.ind > col) item = { node: this.nextLineNode(col, depth + 1) };
        else {
          item = { node: { type: 'scalar', value: null, source: '', style: 'plain', start: i, end: i } };
          this.empty(i, comments, true);
        }
      } else if (c === TAB) bail();
      else if (this.isDash(i)) item = { node: this.blockSeq(i, i - this.ls, depth + 1) };
      else if (this.isKey(i)) item = { node: this.blockMap(i, i - this.ls, depth + 1) };
      else item = this.inline(i, col, depth + 1, false);
      if (item.alias) (s.itemAliases ??= [])[s.items.length] = item.alias;
      s.items.push(item.node);
      end = Math.max(end, item.alias ? item.alias.end : item.node.end);
      if (this.kind !== CONTENT || this.ind < col) break;
      if (this.ind > col) bail();
      if (!this.isDash(this.cp)) break; // a map key in the same column: this sequence was a map value
      p = this.cp;
    }
    s.end = end;
    return s;
  }

  /**
   * A value written after `key: ` or `- ` at `i`: scalar, alias, flow collection, block scalar, or an
   * anchor before one of them or before a block collection on the next lines. `col` is the column
   * of the collection that holds it. Moves the cursor past it.
   */
  private inline(i: number, col: number, depth: number, mapValue: boolean): Item {
    const t = this.text;
    this.lastEmpty = -1;
    const c = t.charCodeAt(i);
    if (c === AMP) return { node: this.anchored(i, col, depth, mapValue) };
    if (c === STAR) {
      const node = this.alias(i);
      const alias = { start: i, end: this.q };
      this.finishLine(this.q);
      return { node, alias };
    }
    return { node: this.plainValue(i, col, depth) };
  }

  /** A value without properties: scalar, flow collection or block scalar. */
  private plainValue(i: number, col: number, depth: number): YNode {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === PIPE || c === GT) return this.blockScalar(i, col);
    let node: YNode;
    if (c === LBRACKET || c === LBRACE) { node = this.flow(i, depth); this.finishLine(this.q); return node; }
    if (c === DQUOTE || c === SQUOTE) { node = this.quoted(i); this.finishLine(node.end); return node; }
    if (!this.plainStart(i)) bail();
    const end = this.scanPlain(i, false);
    if (this.stop === STOP_COLON) bail(); // `a: b: c`
    node = plainScalar(t, i, end);
    this.finishLine(end);
    return node;
  }

  /**
   * `&name` at `i` and the node it names. On a line of its own (`ownLine`, as in `key:\n  &x\n  a: 1`),
   * only a block collection starting in the anchor's column may follow.
   */
  private anchored(i: number, col: number, depth: number, mapValue: boolean, ownLine = false): YNode {
    const t = this.text;
    const anchorCol = i - this.ls;
    const end = this.name(i + 1);
    const name = t.slice(i + 1, end);
    if (this.anchors.has(name) || this.pending.has(name)) bail();
    const after = t.charCodeAt(end);
    if (!(after === SPACE || after === LF || after === CR || end >= this.len)) bail();
    this.pending.add(name);
    const j = this.skipSpaces(end);
    const c = t.charCodeAt(j);
    let node: YNode;
    if (c === HASH || c === LF || c === CR || j >= this.len) {
      this.finishLine(end);
      if (this.kind !== CONTENT) bail();
      if (ownLine) { if (this.ind !== anchorCol) bail(); node = this.blockNode(depth); }
      else if (this.ind > col) node = this.blockNode(depth);
      else if (mapValue && this.ind === col && this.isDash(this.cp)) node = this.blockSeq(this.cp, col, depth);
      else bail();
    } else {
      if (ownLine || c === STAR || c === AMP || c === BANG || c === PIPE || c === GT || c === TAB) bail();
      node = this.plainValue(j, col, depth);
    }
    this.pending.delete(name);
    node.anchor = name;
    this.anchors.set(name, node);
    return node;
  }

  /** `*name` at `i`: the anchored node (sets `q` after the name). */
  private alias(i: number): YNode {
    const end = this.name(i + 1);
    const name = this.text.slice(i + 1, end);
    const target = this.anchors.get(name);
    if (!target) bail(); // unknown, or an alias inside its own anchor: errors for the library to report
    target.aliased = true;
    this.aliases.push({ name, start: i, end, target });
    this.q = end;
    return target;
  }

  /** End of an anchor or alias name starting at `i`. */
  private name(i: number): number {
    const t = this.text;
    let j = i;
    for (;; j++) {
      const c = t.charCodeAt(j);
      if (j >= this.len || c === SPACE || c === LF || c === CR || c === TAB || isFlowIndicator(c)) break;
    }
    if (j === i || t.charCodeAt(j - 1) === COLON) bail();
    return j;
  }

  // ---- scalars ----------------------------------------------------------------------------------

  /** True when a key (one-line scalar, then `:` and a space or line end) starts at `i`. */
  private isKey(i: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.closingQuote(i);
      if (close < 0) return false;
      const j = this.skipSpaces(close + 1);
      return t.charCodeAt(j) === COLON && isBlank(t.charCodeAt(j + 1));
    }
    if (!this.plainStart(i)) return false;
    this.scanPlain(i, false);
    return this.stop === STOP_COLON;
  }

  /** A block map key at `p`; sets `q` just after its colon. */
  private key(p: number): YScalar {
    const t = this.text;
    const c = t.charCodeAt(p);
    let node: YScalar;
    let colon: number;
    if (c === DQUOTE || c === SQUOTE) {
      node = this.quoted(p);
      colon = this.skipSpaces(node.end);
      if (t.charCodeAt(colon) !== COLON) bail();
    } else {
      if (!this.plainStart(p)) bail();
      const end = this.scanPlain(p, false);
      if (this.stop !== STOP_COLON) bail();
      colon = this.stopAt;
      node = plainScalar(t, p, end);
    }
    const after = t.charCodeAt(colon + 1);
    if (!(after === SPACE || after === LF || after === CR || colon + 1 >= this.len)) bail();
    if (colon - p > MAX_KEY_LENGTH) bail();
    this.q = colon + 1;
    return node;
  }

  /** Whether a plain scalar may start at `i` (indicators, and the rarer `?x` / `:x` forms, are left to the library). */
  private plainStart(i: number): boolean {
    const c = this.text.charCodeAt(i);
    switch (c) {
      case COMMA: case LBRACKET: case RBRACKET: case LBRACE: case RBRACE: case HASH: case AMP: case STAR: case BANG:
      case PIPE: case GT: case SQUOTE: case DQUOTE: case PERCENT: case AT: case BACKTICK: case QUESTION: case COLON:
      case SPACE: case TAB: case LF: case CR:
        return false;
      case DASH: {
        const next = this.text.charCodeAt(i + 1);
        return !isBlank(next) && !isFlowIndicator(next);
      }
      default:
        return i < this.len;
    }
  }

  /**
   * Scans a one-line plain scalar from `p`; returns its end (trailing spaces excluded) and sets `stop`
   * and `stopAt` to what ended it. A multi-line plain scalar is caught by the indentation checks.
   */
  private scanPlain(p: number, flow: boolean): number {
    const t = this.text;
    const n = this.len;
    let i = p;
    let end = p;
    for (;; i++) {
      if (i >= n) { this.stop = STOP_EOL; break; }
      const c = t.charCodeAt(i);
      if (c === LF || c === CR) { this.stop = STOP_EOL; break; }
      if (c === COLON) {
        const d = t.charCodeAt(i + 1);
        if (isBlank(d) || (flow && isFlowIndicator(d))) { this.stop = STOP_COLON; break; }
        end = i + 1;
      } else if (c === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) { this.stop = STOP_COMMENT; break; }
      } else if (c === TAB) bail();
      else if (flow && isFlowIndicator(c)) { this.stop = STOP_FLOW; break; }
      else end = i + 1;
    }
    this.stopAt = i;
    return end;
  }

  /** Offset of the quote closing a one-line quoted scalar at `p`, or -1. */
  private closingQuote(p: number): number {
    const t = this.text;
    const quote = t.charCodeAt(p);
    for (let i = p + 1; i < this.len; i++) {
      const c = t.charCodeAt(i);
      if (c === quote) {
        if (quote === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) { i++; continue; }
        return i;
      }
      if (c === LF || c === CR) return -1;
      if (c === BACKSLASH && quote === DQUOTE) i++;
    }
    return -1;
  }

  /** A one-line quoted scalar at `p`. */
  private quoted(p: number): YScalar {
    const t = this.text;
    const close = this.closingQuote(p);
    if (close < 0) bail();
    const end = close + 1;
    const source = t.slice(p, end);
    if (t.charCodeAt(p) === SQUOTE) {
      const raw = t.slice(p + 1, close);
      return { type: 'scalar', value: raw.includes("'") ? raw.replace(/''/g, "'") : raw, source, style: 'single', start: p, end };
    }
    const value = doubleQuotedValue(t, p + 1, close);
    return { type: 'scalar', value, source, style: 'double', start: p, end };
  }

  /** A `|` or `>` block scalar at `h`, held by a collection in column `col`. Moves the cursor past it. */
  private blockScalar(h: number, col: number): YScalar {
    const t = this.text;
    const folded = t.charCodeAt(h) === GT;
    let i = h + 1;
    let chomp: '' | '-' | '+' = '';
    if (t[i] === '-' || t[i] === '+') { chomp = t[i] as '-' | '+'; i++; }
    const after = t.charCodeAt(i);
    if (!(after === SPACE || after === LF || after === CR)) bail(); // indentation indicators, stray characters, end of text
    // The header line: spaces, maybe a comment, then the line break.
    let j = this.skipSpaces(i);
    if (t.charCodeAt(j) === HASH) {
      if (j === i) bail();
      j = this.comment(j);
    } else if (t.charCodeAt(j) === CR) j += 2;
    else if (t.charCodeAt(j) === LF) j += 1;
    else bail();
    if (j >= this.len) bail();
    const nl = this.blockScalarEnd(j, col + 1, chomp === '+');
    const source = t.slice(j, nl + 1);
    const value = blockScalarValue(source, folded, chomp);
    const end = Math.min(nl + 1, this.len);
    this.advance(end);
    return { type: 'scalar', value, source: t.slice(h, end), style: folded ? 'block-folded' : 'block-literal', start: h, end };
  }

  /**
   * The library lexer's extent of a block scalar whose content starts at line `pos`: the offset of the
   * line break ending its last line (or the text length). Gives up when there is no content line.
   */
  private blockScalarEnd(pos: number, indentNext: number, keep: boolean): number {
    const t = this.text;
    const n = this.len;
    let nl = pos - 1;
    let indent = 0;
    let i = pos;
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c === SPACE) indent++;
      else if (c === LF) { nl = i; indent = 0; }
      else if (c === CR) continue;
      else break;
    }
    if (i >= n || indent < indentNext) bail(); // no content: an empty block scalar
    indentNext = indent;
    do {
      const cs = this.continueBlock(nl + 1, indentNext);
      if (cs === -1) break;
      nl = t.indexOf('\n', cs);
    } while (nl !== -1);
    if (nl === -1) nl = n;
    let k = nl + 1;
    while (t.charCodeAt(k) === SPACE) k++;
    if (t.charCodeAt(k) === TAB) bail(); // the lexer keeps such lines in the scalar, then reports them
    if (!keep) {
      for (;;) {
        let b = nl - 1;
        let ch = t.charCodeAt(b);
        if (ch === CR) ch = t.charCodeAt(--b);
        const lastChar = b;
        while (ch === SPACE) ch = t.charCodeAt(--b);
        if (ch === LF && b >= pos && b + 1 + indent > lastChar) nl = b;
        else break;
      }
    }
    return nl;
  }

  /** Start of the content of the line at `offset` when it continues a block scalar, else -1. */
  private continueBlock(offset: number, indentNext: number): number {
    const t = this.text;
    let indent = 0;
    let ch = t.charCodeAt(offset);
    while (ch === SPACE) ch = t.charCodeAt(++indent + offset);
    if (ch === CR && t.charCodeAt(indent + offset + 1) === LF) return offset + indent + 1;
    return ch === LF || indent >= indentNext ? offset + indent : -1;
  }

  // ---- flow collections (one line) ------------------------------------------------------------------

  /** A flow collection at `p` that closes on the same line; sets `q` after it. */
  private flow(p: number, depth: number): YNode {
    if (depth > MAX_READER_DEPTH) bail();
    const t = this.text;
    const isMap = t.charCodeAt(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const written: YPair[] = [];
    let index: Map<string, YPair> | undefined;
    const items: YNode[] = [];
    let itemAliases: (Span | undefined)[] | undefined;
    let i = this.skipSpaces(p + 1);
    if (t.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowKey(i);
          i = this.skipSpaces(this.q);
          const item = this.flowItem(i, depth + 1);
          const pair: YPair = { key, value: item.node, start: key.start, end: item.alias ? item.alias.end : item.node.end };
          if (item.alias) pair.alias = item.alias;
          index = this.addPair(written, index, pair);
        } else {
          const item = this.flowItem(i, depth + 1);
          if (item.alias) (itemAliases ??= [])[items.length] = item.alias;
          items.push(item.node);
        }
        i = this.skipSpaces(this.q);
        const c = t.charCodeAt(i);
        if (c === close) break;
        if (c !== COMMA) bail();
        i = this.skipSpaces(i + 1);
        if (t.charCodeAt(i) === close) bail(); // a trailing comma
      }
    }
    const end = i + 1;
    this.q = end;
    if (isMap) {
      const m = new Mapping(p, end, true);
      resolveMerges(m, written, this.budget, bail);
      return m;
    }
    const s: YSeq = { type: 'seq', items, flow: true, start: p, end };
    if (itemAliases) s.itemAliases = itemAliases;
    return s;
  }

  /** A flow map key at `i`, then `: `; sets `q` after the colon. */
  private flowKey(i: number): YScalar {
    const t = this.text;
    const c = t.charCodeAt(i);
    let key: YScalar;
    let colon: number;
    if (c === DQUOTE || c === SQUOTE) {
      key = this.quoted(i);
      colon = this.skipSpaces(key.end);
    } else {
      if (!this.plainStart(i)) bail();
      const end = this.scanPlain(i, true);
      if (this.stop !== STOP_COLON) bail();
      key = plainScalar(t, i, end);
      colon = this.stopAt;
    }
    if (t.charCodeAt(colon) !== COLON || t.charCodeAt(colon + 1) !== SPACE) bail();
    this.q = colon + 1;
    return key;
  }

  /** A flow collection entry (no anchors, no implicit pairs); sets `q` after it. */
  private flowItem(i: number, depth: number): Item {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) return { node: this.flow(i, depth) };
    if (c === STAR) {
      const node = this.alias(i);
      return { node, alias: { start: i, end: this.q } };
    }
    let node: YScalar;
    if (c === DQUOTE || c === SQUOTE) node = this.quoted(i);
    else {
      if (!this.plainStart(i)) bail();
      const end = this.scanPlain(i, true);
      if (this.stop !== STOP_FLOW && this.stop !== STOP_COLON) bail();
      node = plainScalar(t, i, end);
    }
    this.q = node.end;
    if (t.charCodeAt(this.skipSpaces(node.end)) === COLON) bail(); // `[a: b]`, `{a: b: c}`
    return { node };
  }
}

function plainScalar(t: string, start: number, end: number): YScalar {
  const source = t.slice(start, end);
  return { type: 'scalar', value: resolvePlain(source), source, style: 'plain', start, end };
}

/**
 * The Compose model of `text` when it is within the reader's YAML subset and free of errors;
 * undefined otherwise (the caller then uses the library). Never throws.
 */
export function readCompose(text: string): ComposeParse | undefined {
  if (UNSUPPORTED_CHARS.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) return undefined;
  try {
    return { ast: new Reader(text).read(), errors: [] };
  } catch {
    return undefined; // BAIL, or anything unforeseen (a stack overflow…): the library decides
  }
}
