// Scalar values as the `yaml` library resolves them, for the fast reader (./reader): the YAML 1.2 core
// schema for plain scalars, double-quoted escapes, and block scalar folding and chomping (ported from
// the library's resolve-flow-scalar / resolve-block-scalar). Where the library would report an error,
// these give up by throwing BAIL, which only readCompose catches.
import type { YScalar } from './model';

/** Thrown to give up: the text is left to the library. */
const BAIL = { bail: true };
export function bail(): never { throw BAIL; }

// YAML 1.2 core schema, in the library's order of precedence.
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_INF_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const HEX_DIGITS = /^[0-9a-fA-F]+$/;
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** The value of a plain scalar under the core schema (a `<<` key resolves to the string `<<` in the model). */
export function resolvePlain(s: string): YScalar['value'] {
  const c = s.charCodeAt(0);
  // Digits, sign, dot, `~`, and the first letters of null / true / false: anything else is a string.
  if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45 && c !== 46 && c !== 126
    && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return c === 116 || c === 84;
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_INF_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

/** The value of the one-line double-quoted scalar whose content is `t[from, close)`. */
export function doubleQuotedValue(t: string, from: number, close: number): string {
  let value = '';
  for (let i = from; i < close; i++) {
    if (t.charCodeAt(i) !== 92 /* \\ */) continue;
    value += t.slice(from, i);
    const e = t[i + 1];
    const simple = ESCAPES[e];
    if (simple !== undefined) { value += simple; i += 1; }
    else if (e === 'x' || e === 'u' || e === 'U') {
      const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = t.substr(i + 2, length);
      if (hex.length !== length || !HEX_DIGITS.test(hex)) bail();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) bail();
      value += String.fromCodePoint(code);
      i += 1 + length;
    } else bail();
    from = i + 1;
  }
  return value + t.slice(from, close);
}

/** The library's block scalar value (resolve-block-scalar), for a header without indentation indicator. */
export function blockScalarValue(source: string, folded: boolean, chomp: '' | '-' | '+'): string {
  const lines = splitLines(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) bail();
  let trimIndent = 0;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === '' || content === '\r') {
      if (indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) bail(); // more-indented leading empty lines
      trimIndent = indent.length;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i][0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = lines[i][0];
    let content = lines[i][1];
    if (content[content.length - 1] === '\r') content = content.slice(0, -1);
    if (content && indent.length < trimIndent) bail();
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i][0].slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== '-') value += '\n';
  return value;
}

/** Lines of a block scalar's source as [indentation, content]. */
function splitLines(source: string): [string, string][] {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = /^( *)/.exec(first);
  const lines: [string, string][] = [m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i], split[i + 1]]);
  return lines;
}
