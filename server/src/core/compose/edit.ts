// Minimal text edits on Compose YAML that keep comments, blank lines, quoting and indentation:
// insert a key into a mapping, append to a list, replace or (un)quote a scalar, remove an entry's
// lines, and reorder entries moving each with the comments above it. Every helper returns edits in
// document offsets (or undefined when the layout is one it cannot edit safely); the ones that add,
// move or remove lines never make a file that parses cleanly fail to parse (see `checked`).
import type { OffsetEdit, Span } from '../types';
import { LineIndex, applyOffsetEdits } from '../text';
import type { AliasUse, ComposeFile, YMap, YNode, YPair, YScalar, YSeq } from './model';
import { parseCompose } from './parse';

const EDITABLE = new WeakMap<ComposeFile, boolean>();

/**
 * Structural edits (inserting keys, moving blocks) are offered only on files that parsed cleanly and
 * use `\n` or `\r\n` line breaks: in a broken document the model's shape is a guess, and an edit
 * placed by it could land anywhere.
 */
export function isEditable(file: ComposeFile): boolean {
  let ok = EDITABLE.get(file);
  if (ok === undefined) {
    ok = !/\r(?!\n)/.test(file.text) && file.documents.every((d) => !d.errors.length);
    EDITABLE.set(file, ok);
  }
  return ok;
}

// A line of blanks with a tab in it. The tab is found by a lookahead: `[ \t]*\t[ \t]*` tried every split of a long
// run of blanks (quadratic: 20,000 tabs and a letter took 1.5 s).
const TAB_IN_BLANK_LINE = /(?:^|[\r\n])(?=[ \t]*\t)[ \t]*(?=[\r\n]|$)/;
const RISKY = new WeakMap<ComposeFile, boolean>();
const checkBudget = new WeakMap<ComposeFile, number>();
/** Characters of edited text re-parsed per file, at most: a bound on the checks' cost in a huge file. */
const CHECK_BUDGET = 1_000_000;

/**
 * `edit`, unless it turns a file that parses cleanly into one that does not. YAML reads a tab in a
 * blank line as indentation in some places (`a:` then a last line `\t`, `---` then `\t`), so moving or
 * removing the lines around such a line can make it an error. Only files holding such a line are
 * checked, by parsing the result; past the budget their edits are not offered. Reorders (the style
 * profile's sorting fixes) are always checked.
 */
function checked(file: ComposeFile, edit: OffsetEdit | undefined, always = false): OffsetEdit | undefined {
  if (!edit) return undefined;
  let risky = RISKY.get(file);
  if (risky === undefined) {
    risky = TAB_IN_BLANK_LINE.test(file.text) && file.documents.every((d) => !d.errors.length);
    RISKY.set(file, risky);
  }
  if (!risky && !(always && isEditable(file))) return edit;
  const after = applyOffsetEdits(file.text, [edit]);
  const left = checkBudget.get(file) ?? CHECK_BUDGET;
  if (after.length > left) return undefined;
  checkBudget.set(file, left - after.length);
  return parseCompose(after).errors.length ? undefined : edit;
}

let eolCache: { text: string; eol: string; loneCr: boolean } | undefined;

/** Line-break facts of a text, computed once while rules edit the same document (each is a scan of the whole text). */
function lineBreaks(text: string): { eol: string; loneCr: boolean } {
  if (eolCache?.text !== text) eolCache = { text, eol: text.includes('\r\n') ? '\r\n' : '\n', loneCr: /\r(?!\n)/.test(text) };
  return eolCache;
}

/** Line break the text mostly uses. */
export function eolOf(text: string): string {
  return lineBreaks(text).eol;
}

const lineStartAt = (text: string, offset: number) => {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
};

const lineEndAt = (text: string, offset: number) => {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
};

/** Offset just after the line break that ends the line containing `offset` (or the text's end). */
const nextLineStart = (text: string, offset: number) => {
  let i = lineEndAt(text, offset);
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
};

/** Column of an offset (YAML indentation is spaces only). */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

let unitCache: { text: string; unit: number } | undefined;
let lineCache: { text: string; index: LineIndex } | undefined;

/** A LineIndex for the text, reused while rules edit the same document. */
function linesOf(text: string): LineIndex {
  if (lineCache?.text !== text) lineCache = { text, index: new LineIndex(text) };
  return lineCache.index;
}

/** The indentation step the file uses for nested mappings (2 when it cannot tell); computed once per text. */
export function indentUnit(text: string): number {
  if (unitCache?.text === text) return unitCache.unit;
  const unit = detectIndentUnit(text);
  unitCache = { text, unit };
  return unit;
}

function detectIndentUnit(text: string): number {
  const counts = new Map<number, number>();
  let prev = 0;
  for (const line of text.split(/\r?\n|\r/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const ind = line.length - line.trimStart().length;
    if (ind > prev) counts.set(ind - prev, (counts.get(ind - prev) ?? 0) + 1);
    prev = ind;
  }
  let best = 2;
  let n = 0;
  for (const [step, c] of counts) if (step >= 1 && step <= 8 && (c > n || (c === n && step < best))) { best = step; n = c; }
  return best;
}

/** End of a node's text, not counting the line break a block scalar keeps. */
function contentEnd(text: string, node: Span): number {
  let end = node.end;
  while (end > node.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/** Pairs written in the map itself (no merged pairs), `<<` included, in text order. */
function writtenPairs(map: YMap): YPair[] {
  return [...map.pairs.filter((p) => !p.merged), ...map.merges].sort((a, b) => a.start - b.start);
}

/**
 * The indentation of a block map's keys; undefined when its first key has an anchor or tag before it
 * (`&a key:`, `!!str key:`): the key's span starts after them, so its column is not the indentation.
 */
function keyColumn(text: string, map: YMap): number | undefined {
  const first = writtenPairs(map)[0];
  // Only spaces and `- ` list markers before the key. (`[ ]*(?:-[ ]+)*`, not `(?:[ ]*-[ ]+)*[ ]*`, which matches the
  // same text but backtracks exponentially on spaced dashes followed by an anchor.)
  if (!first || !/^[ ]*(?:-[ ]+)*$/.test(text.slice(lineStartAt(text, first.key.start), first.key.start))) return undefined;
  return columnOf(text, first.key.start);
}

/** A list written inline in flow style (`["CMD", "redis-cli", "ping"]`) by the insert helpers. */
export class FlowList {
  constructor(readonly items: readonly (string | number | boolean)[]) {}
  toString(): string { return `[${this.items.map((v) => JSON.stringify(v)).join(', ')}]`; }
}

const isBlockValue = (v: unknown) => v !== null && typeof v === 'object' && !(v instanceof FlowList);

/** A value as YAML lines: scalars inline, arrays and objects as block collections (strings quoted when needed). */
export function yamlLines(value: unknown, indent: string, unit: string): string[] {
  if (value instanceof FlowList) return [`${indent}${value}`];
  if (Array.isArray(value)) {
    return value.flatMap((v) => {
      if (isBlockValue(v)) {
        const inner = yamlLines(v, indent + '  ', unit);
        return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
      }
      return [`${indent}- ${yamlScalar(v)}`];
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      if (isBlockValue(v)) return [`${indent}${yamlKey(k)}:`, ...yamlLines(v, indent + unit, unit)];
      return [`${indent}${yamlKey(k)}: ${v instanceof FlowList ? String(v) : yamlScalar(v)}`];
    });
  }
  return [`${indent}${yamlScalar(value)}`];
}

const yamlKey = (k: string) => (isPlainSafe(k) ? k : JSON.stringify(k));

/** A scalar for YAML: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  const s = String(v);
  return isPlainSafe(s) ? s : JSON.stringify(s);
}

const plainCache = new Map<string, boolean>();

/** True when `s` written without quotes reads back as the same string (not a number, boolean, null or syntax). */
export function isPlainSafe(s: string): boolean {
  if (!s || s !== s.trim() || /[\n\r\t]/.test(s) || s.length > 200) return false;
  // YAML 1.1 readers (and Compose for `restart: no`) take these as booleans or base-60 numbers
  if (/^(?:y|n|yes|no|on|off|true|false)$/i.test(s) || /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?$/.test(s)) return false;
  const hit = plainCache.get(s);
  if (hit !== undefined) return hit;
  const { ast, errors } = parseCompose(`k: ${s}\n`);
  const root = ast.documents[0]?.root;
  const v = root?.type === 'map' ? root.get('k') : undefined;
  const ok = !errors.length && !!v && v.type === 'scalar' && v.style === 'plain' && v.value === s && root!.type === 'map' && root!.pairs.length === 1;
  if (plainCache.size > 1000) plainCache.clear();
  plainCache.set(s, ok);
  return ok;
}

/**
 * Adds `key: value` as the last entry of a block mapping, at its keys' indentation; `value` is any
 * JSON-like value (collections become block YAML). Undefined for flow or empty mappings.
 */
export function insertPairEdit(file: ComposeFile, map: YMap, key: string, value: unknown): OffsetEdit | undefined {
  return insertPairsEdit(file, map, [[key, value]]);
}

/** Adds several entries at the end of a block mapping in one edit (see insertPairEdit). */
export function insertPairsEdit(file: ComposeFile, map: YMap, pairs: readonly (readonly [string, unknown])[]): OffsetEdit | undefined {
  return checked(file, insertPairsEditUnchecked(file, map, pairs));
}

function insertPairsEditUnchecked(file: ComposeFile, map: YMap, pairs: readonly (readonly [string, unknown])[]): OffsetEdit | undefined {
  const text = file.text;
  if (map.flow || !pairs.length || !isEditable(file)) return undefined;
  const written = writtenPairs(map);
  const last = written[written.length - 1];
  const col = keyColumn(text, map);
  if (!last || col === undefined) return undefined;
  const indent = ' '.repeat(col);
  const unit = ' '.repeat(indentUnit(text));
  const eol = eolOf(text);
  const lines = pairs.flatMap(([key, value]) => (isBlockValue(value)
    ? [`${indent}${yamlKey(key)}:`, ...yamlLines(value, indent + unit, unit)]
    : [`${indent}${yamlKey(key)}: ${value instanceof FlowList ? String(value) : yamlScalar(value)}`]));
  const at = afterEntry(text, last);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** End of the line an entry's value ends on, past deeper-indented comment lines that follow it. */
function afterEntry(text: string, entry: Span & { key?: YScalar }): number {
  const end = contentEnd(text, entry);
  let at = lineEndAt(text, end);
  const col = columnOf(text, entry.key ? entry.key.start : entry.start);
  // comment lines indented deeper than the entry belong to it (e.g. a commented-out option)
  for (;;) {
    const next = nextLineStart(text, at);
    if (next >= text.length || next === at) break;
    const lineEnd = lineEndAt(text, next);
    const line = text.slice(next, lineEnd);
    const ind = line.length - line.trimStart().length;
    if (line.trimStart().startsWith('#') && ind > col) { at = lineEnd; continue; }
    break;
  }
  return at;
}

/** Appends an item to a list: `- item` in a block list, `, item` in a flow list. */
export function appendItemEdit(file: ComposeFile, seq: YSeq, item: unknown): OffsetEdit | undefined {
  return checked(file, appendItemEditUnchecked(file, seq, item));
}

function appendItemEditUnchecked(file: ComposeFile, seq: YSeq, item: unknown): OffsetEdit | undefined {
  const text = file.text;
  if (!isEditable(file)) return undefined;
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.end);
    if (close < seq.start) return undefined;
    const inner = text.slice(seq.start + 1, close);
    const value = typeof item === 'string' ? yamlScalar(item) : JSON.stringify(item);
    return { start: close, end: close, newText: inner.trim() ? `, ${value}` : value };
  }
  const last = seq.items[seq.items.length - 1];
  if (!last) return undefined;
  const dash = text.lastIndexOf('-', last.start);
  if (dash < 0 || text.slice(lineStartAt(text, dash), dash).trim()) return undefined;
  const indent = ' '.repeat(columnOf(text, dash));
  const unit = ' '.repeat(indentUnit(text));
  const eol = eolOf(text);
  const lines = yamlLines([item], indent, unit);
  const at = afterEntry(text, { start: dash, end: last.end });
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** Characters that end a plain scalar inside `{…}` or `[…]` (where `${NAME}` would lose its `}`). */
const FLOW_INDICATOR = /[,[\]{}]/;

/**
 * Replaces a scalar's value keeping its quoting style (plain becomes double-quoted only when it must: `inFlow`, the
 * scalar is inside a flow collection, where the characters of FLOW_INDICATOR cannot be plain).
 */
export function replaceScalarEdit(scalar: YScalar, value: string, inFlow = false): OffsetEdit | undefined {
  if (scalar.style === 'block-literal' || scalar.style === 'block-folded') return undefined;
  let newText: string;
  if (scalar.style === 'single') newText = `'${value.replace(/'/g, "''")}'`;
  else if (scalar.style === 'double') newText = JSON.stringify(value);
  else newText = isPlainSafe(value) && !(inFlow && FLOW_INDICATOR.test(value)) ? value : JSON.stringify(value);
  return { start: scalar.start, end: scalar.end, newText };
}

/** Inserts text inside a scalar's value at a value index, when its source maps 1:1 to the value. */
export function insertInScalarEdit(scalar: YScalar, index: number, insert: string): OffsetEdit | undefined {
  const value = typeof scalar.value === 'string' ? scalar.value : scalar.source;
  const quoted = scalar.style === 'single' || scalar.style === 'double';
  if (scalar.style !== 'plain' && !quoted) return undefined;
  const inner = quoted ? scalar.source.slice(1, -1) : scalar.source;
  if (inner !== value) return undefined;
  const at = scalar.start + (quoted ? 1 : 0) + index;
  return { start: at, end: at, newText: insert };
}

/** Wraps a plain scalar in quotes. */
export function quoteScalarEdit(scalar: YScalar, quote: '"' | "'" = '"'): OffsetEdit | undefined {
  if (scalar.style !== 'plain') return undefined;
  const v = scalar.source;
  const newText = quote === "'" ? `'${v.replace(/'/g, "''")}'` : JSON.stringify(v);
  return { start: scalar.start, end: scalar.end, newText };
}

/** Removes the quotes of a quoted scalar when the plain form reads back as the same string. */
export function unquoteScalarEdit(scalar: YScalar): OffsetEdit | undefined {
  if (scalar.style !== 'single' && scalar.style !== 'double') return undefined;
  if (typeof scalar.value !== 'string' || !isPlainSafe(scalar.value)) return undefined;
  return { start: scalar.start, end: scalar.end, newText: scalar.value };
}

/**
 * Removes the whole lines of a map entry (its value's lines and any comment on its last line),
 * keeping comment lines above and below it. Undefined when something else shares its lines.
 */
export function removePairLinesEdit(file: ComposeFile, pair: YPair): OffsetEdit | undefined {
  return checked(file, removePairLinesEditUnchecked(file, pair));
}

function removePairLinesEditUnchecked(file: ComposeFile, pair: YPair): OffsetEdit | undefined {
  const text = file.text;
  if (!isEditable(file)) return undefined;
  const start = lineStartAt(text, pair.key.start);
  if (text.slice(start, pair.key.start).trim()) return undefined;
  const end = contentEnd(text, pair);
  const rest = text.slice(end, lineEndAt(text, end)).trim();
  if (rest && !rest.startsWith('#')) return undefined;
  // An alias outside the removed lines may name an anchor inside them: removing them would break it.
  if (file.aliases.some((a) => (a.start < start || a.start >= end) && a.target && a.target.start >= start && a.target.start < end)) return undefined;
  return { start, end: nextLineStart(text, end), newText: '' };
}

// ---- Reordering -------------------------------------------------------------------------------------

interface Block { start: number; end: number }

/**
 * Reorders sibling entries (pairs of a block map, or items of a block list), each moving with the
 * comment lines directly above it and the deeper-indented comment lines below it; blank lines stay
 * where they are. `order[k]` is the index (in `entries`) of the entry that goes to place k.
 * Undefined when entries share lines, or moving them could break an anchor/alias order.
 */
export function reorderEdit(file: ComposeFile, entriesInOrder: readonly (Span & { key?: YScalar; dash?: number })[], order: readonly number[]): OffsetEdit | undefined {
  // Moving whole blocks depends on every line's indentation being what the model says (odd indents, empty keys): always re-read.
  return checked(file, reorderEditUnchecked(file, entriesInOrder, order), true);
}

function reorderEditUnchecked(file: ComposeFile, entriesInOrder: readonly (Span & { key?: YScalar; dash?: number })[], order: readonly number[]): OffsetEdit | undefined {
  const text = file.text;
  // With duplicate keys in the file, which block a key names is ambiguous (and Compose rejects the file).
  if (entriesInOrder.length < 2 || order.length !== entriesInOrder.length || !isEditable(file) || file.duplicateKeys.length) return undefined;
  const li = linesOf(text);
  const blocks: Block[] = [];
  let prevEnd = -1;
  for (const e of entriesInOrder) {
    const head = e.dash ?? (e.key ? e.key.start : e.start);
    const line = li.lineOf(head);
    const lineStart = li.lineStarts[line];
    if (text.slice(lineStart, head).trim()) return undefined; // shares its first line with something else
    const col = head - lineStart;
    // comment lines directly above (no blank line between), at the entry's indentation or deeper
    let first = line;
    while (first > 0 && li.lineStarts[first - 1] > prevEnd) {
      const t = li.lineText(first - 1);
      if (!t.trimStart().startsWith('#') || t.length - t.trimStart().length < col) break;
      first--;
    }
    const start = li.lineStarts[first];
    const end = afterEntry(text, { ...e, start: head });
    if (start <= prevEnd) return undefined;
    blocks.push({ start, end });
    prevEnd = end;
  }
  // an anchor must still come before every alias to it
  const blockOf = (offset: number) => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (blocks[mid].end <= offset) lo = mid + 1; else hi = mid; }
    return lo < blocks.length && blocks[lo].start <= offset ? lo : -1;
  };
  const place = new Map<number, number>();
  order.forEach((src, k) => place.set(src, k));
  const region = { start: blocks[0].start, end: blocks[blocks.length - 1].end };
  for (const a of aliasesIn(file, region)) {
    // An alias means the latest anchor of its name before it: with two of that name, moving blocks can change which.
    if (anchorsDefinedTwice(file).has(a.name)) return undefined;
    if (!a.target?.anchor || a.target.start < region.start || a.target.start >= region.end) continue;
    const from = blockOf(a.target.start);
    const to = blockOf(a.start);
    if (from >= 0 && to >= 0 && from !== to && place.get(from)! > place.get(to)!) return undefined;
  }
  let out = '';
  for (let k = 0; k < blocks.length; k++) {
    const src = blocks[order[k]];
    out += text.slice(src.start, src.end);
    if (k < blocks.length - 1) out += text.slice(blocks[k].end, blocks[k + 1].start);
  }
  return { start: blocks[0].start, end: blocks[blocks.length - 1].end, newText: out };
}

const SORTED_ALIASES = new WeakMap<ComposeFile, AliasUse[]>();

/** The aliases written inside a span (binary search: reorderEdit runs once per service in some rules). */
function aliasesIn(file: ComposeFile, span: Span): AliasUse[] {
  let sorted = SORTED_ALIASES.get(file);
  if (!sorted) { sorted = [...file.aliases].sort((a, b) => a.start - b.start); SORTED_ALIASES.set(file, sorted); }
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid].start < span.start) lo = mid + 1; else hi = mid; }
  const out: AliasUse[] = [];
  for (let k = lo; k < sorted.length && sorted[k].start < span.end; k++) out.push(sorted[k]);
  return out;
}

const TWICE = new WeakMap<ComposeFile, Set<string>>();

/** Anchor names that more than one node of the file defines (each written node visited once, aliases not followed twice). */
function anchorsDefinedTwice(file: ComposeFile): Set<string> {
  let twice = TWICE.get(file);
  if (twice) return twice;
  twice = new Set();
  const once = new Set<string>();
  const seen = new Set<YNode>();
  const stack: YNode[] = [];
  for (const d of file.documents) if (d.root) stack.push(d.root);
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.anchor) { if (once.has(n.anchor)) twice.add(n.anchor); else once.add(n.anchor); }
    if (n.type === 'map') for (const p of [...n.pairs, ...n.merges]) { stack.push(p.key); if (p.value) stack.push(p.value); }
    else if (n.type === 'seq') for (const item of n.items) if (item) stack.push(item);
  }
  TWICE.set(file, twice);
  return twice;
}

/** Spans to pass to reorderEdit for a block map's written pairs (undefined for flow maps or maps with `<<`). */
export function pairBlocks(map: YMap): YPair[] | undefined {
  if (map.flow || map.merges.length) return undefined;
  return map.pairs.filter((p) => !p.merged);
}

/** Spans to pass to reorderEdit for a block list's items (the `- ` included). */
export function itemBlocks(file: ComposeFile, seq: YSeq): (Span & { dash: number })[] | undefined {
  if (seq.flow) return undefined;
  const out: (Span & { dash: number })[] = [];
  for (let i = 0; i < seq.items.length; i++) {
    const item = seq.items[i];
    const alias = seq.itemAliases?.[i];
    const s = alias ?? item;
    const dash = file.text.lastIndexOf('-', s.start);
    if (dash < 0) return undefined;
    out.push({ start: dash, end: s.end, dash });
  }
  return out;
}

/** Reorders the items of a flow list in place (`[b, a]` → `[a, b]`), keeping the separators. */
export function reorderFlowItemsEdit(file: ComposeFile, seq: YSeq, order: readonly number[]): OffsetEdit | undefined {
  return checked(file, reorderFlowItemsEditUnchecked(file, seq, order), true);
}

function reorderFlowItemsEditUnchecked(file: ComposeFile, seq: YSeq, order: readonly number[]): OffsetEdit | undefined {
  if (!seq.flow || seq.itemAliases?.some(Boolean) || seq.items.length < 2 || !isEditable(file)) return undefined;
  const text = file.text;
  const items = seq.items;
  let out = '';
  for (let k = 0; k < items.length; k++) {
    const src = items[order[k]];
    out += text.slice(src.start, src.end);
    if (k < items.length - 1) out += text.slice(items[k].end, items[k + 1].start);
  }
  return { start: items[0].start, end: items[items.length - 1].end, newText: out };
}


/**
 * Rewrites a short-syntax `depends_on` list as a mapping with a condition per service
 * (`- db` → `db:\n  condition: service_healthy`). Undefined when the list holds comments, aliases or non-names.
 */
export function dependsOnToLongSyntaxEdit(file: ComposeFile, pair: YPair, seq: YSeq, conditionOf: (name: string) => string): OffsetEdit | undefined {
  return checked(file, dependsOnToLongSyntaxEditUnchecked(file, pair, seq, conditionOf));
}

function dependsOnToLongSyntaxEditUnchecked(file: ComposeFile, pair: YPair, seq: YSeq, conditionOf: (name: string) => string): OffsetEdit | undefined {
  const text = file.text;
  if (seq.itemAliases?.some(Boolean) || !seq.items.length || !isEditable(file)) return undefined;
  const names: string[] = [];
  for (const item of seq.items) {
    if (item.type !== 'scalar' || typeof item.value !== 'string') return undefined;
    names.push(item.value);
  }
  const keyCol = columnOf(text, pair.key.start);
  const unit = indentUnit(text);
  const eol = eolOf(text);
  let start: number;
  let end: number;
  let indentCol: number;
  let prefix = '';
  if (seq.flow) {
    if (!/^\s*:\s*$/.test(text.slice(pair.key.end, seq.start))) return undefined;
    start = pair.key.end;
    end = seq.end;
    indentCol = keyCol + unit;
    prefix = ':' + eol;
  } else {
    const first = seq.items[0];
    const dash = text.lastIndexOf('-', first.start);
    const lineStart = lineStartAt(text, dash);
    if (dash < 0 || text.slice(lineStart, dash).trim()) return undefined;
    start = lineStart;
    end = afterEntry(text, { start: dash, end: seq.items[seq.items.length - 1].end });
    const dashCol = dash - lineStart;
    indentCol = dashCol > keyCol ? dashCol : keyCol + unit;
  }
  if (file.comments.some((c) => c.start >= start && c.start < end)) return undefined;
  const ind = ' '.repeat(indentCol);
  const lines = names.flatMap((n) => [`${ind}${yamlKey(n)}:`, `${ind}${' '.repeat(unit)}condition: ${conditionOf(n)}`]);
  return { start, end, newText: prefix + lines.join(eol) };
}
