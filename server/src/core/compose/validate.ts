// Compose Specification schema validation over the project's YAML model: every error (allErrors) at
// the exact key or value, with a readable message and "did you mean" for misspelled keys and values.
// The validator itself is generated at build time from ./schema/compose-spec.json (see its README).
import type { Span } from '../types';
import type { ComposeDocument, YNode } from './model';
import { locationSpan, parsePointer, toJS, type JSLocation } from './query';
import * as generated from './schema/validate.generated';
import { own } from '../own';

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema object holding the failed keyword (ajv `verbose`). */
  parentSchema?: { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> };
}
type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const validateFn = (generated as unknown as { validate: ValidateFn }).validate;

export interface SchemaIssue {
  span: Span;
  message: string;
  /** ajv keyword (additionalProperties, type, enum, required, …), for tests and callers that filter. */
  keyword: string;
  /** JSON pointer of the offending value. */
  pointer: string;
}

// ---- "did you mean" ---------------------------------------------------------------------------

/** Edit distance counting a swap of two neighbouring characters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** The closest candidate by edit distance (case, `-`/`_` differences count little), when close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '');
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = norm(c) === norm(word) ? 0.5 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
}

// ---- Describing places and values ---------------------------------------------------------------

const SECTION_NOUN: Record<string, string> = { services: 'service', networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config', models: 'model' };

/** `services.web.ports[0]` for a JSON pointer. */
export function dottedPath(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : (out ? '.' : '') + s;
  return out;
}

/** Where a pointer is, in words: `service "web"`, `"build" of service "web"`, `the top level`. */
function where(segments: readonly string[]): string {
  if (!segments.length) return 'the top level';
  const noun = own(SECTION_NOUN, segments[0]);
  if (noun && segments.length >= 2) {
    const rest = segments.slice(2);
    return rest.length ? `"${dottedPath(rest)}" of ${noun} "${segments[1]}"` : `${noun} "${segments[1]}"`;
  }
  return `"${dottedPath(segments)}"`;
}

function kindOf(node: YNode | null | undefined): string {
  if (!node) return 'empty';
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'empty (null)';
  if (typeof v === 'number') return `the number ${node.source}`;
  if (typeof v === 'boolean') return `the boolean ${node.source}`;
  return 'a string';
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', null: 'empty (null)',
};

function typeList(types: readonly string[]): string {
  const names = [...new Set(types.map((t) => own(TYPE_NAMES, t) ?? t))];
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Values containing `$` may become valid after interpolation; Compose validates interpolated values. */
function hasVariable(node: YNode | null | undefined): boolean {
  return !!node && node.type === 'scalar' && typeof node.value === 'string' && /\$(?!\$)/.test(node.value.replace(/\$\$/g, ''));
}

// ---- Error grouping ------------------------------------------------------------------------------

const under = (path: string, base: string) => path === base || path.startsWith(base + '/');

/**
 * Collapses the errors of `oneOf`/`anyOf` alternatives: ajv reports every failed alternative and then the
 * combinator. Alternatives that failed only on their `type` at the combinator's place did not apply, so
 * their errors go when another alternative got further; when none did, one "must be X or Y" remains.
 */
function collapse(errors: readonly AjvError[]): AjvError[] {
  const out: AjvError[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') { out.push(e); continue; }
    if (e.params.passingSchemas) { out.push(e); continue; } // oneOf: more than one alternative matched
    let k = out.length;
    while (k > 0 && under(out[k - 1].instancePath, e.instancePath)) k--;
    const branch = out.splice(k);
    const typeOnly = (x: AjvError) => x.instancePath === e.instancePath && (x.keyword === 'type' || x.keyword === 'combined-type');
    const deeper = branch.filter((x) => !typeOnly(x));
    if (deeper.length) { for (const x of deeper) out.push(x); continue; } // no spread: a huge file can have more errors than a call takes
    const types = branch.flatMap((x) => (x.keyword === 'combined-type' ? (x.params.type as string[]) : ([] as string[]).concat(x.params.type as string | string[])));
    out.push({ instancePath: e.instancePath, schemaPath: e.schemaPath, keyword: types.length ? 'combined-type' : e.keyword, params: types.length ? { type: types } : e.params, message: e.message });
  }
  return out;
}

// ---- Messages ------------------------------------------------------------------------------------

function shapeFor(e: AjvError): { keys: string[]; patterns: string[] } | undefined {
  const s = e.parentSchema;
  return s ? { keys: Object.keys(s.properties ?? {}), patterns: Object.keys(s.patternProperties ?? {}) } : undefined;
}

function nameRule(patterns: readonly string[]): string | undefined {
  const p = patterns.find((x) => x !== '^x-');
  return p === '^[a-zA-Z0-9._-]+$' ? 'use only letters, digits, ".", "_" and "-"' : p ? `names must match ${p}` : undefined;
}

function issueFor(e: AjvError, locations: Map<string, JSLocation>): SchemaIssue | undefined {
  const segments = parsePointer(e.instancePath);
  const loc = locations.get(e.instancePath);
  if (!loc) return undefined;
  const node = loc.node;
  if (node?.tag === '!reset' || node?.tag === '!override') return undefined;
  const p = e.params;
  const at = (l: JSLocation | undefined, prefer: 'key' | 'value' = 'value') => (l ? locationSpan(l, prefer) : undefined);
  const mk = (span: Span | undefined, message: string, pointer = e.instancePath): SchemaIssue | undefined =>
    span ? { span, message, keyword: e.keyword, pointer } : undefined;
  const last = segments[segments.length - 1];
  const subject = segments.length ? where(segments) : 'The file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const keyPointer = `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const keyLoc = locations.get(keyPointer);
      const shape = shapeFor(e);
      if (shape && !shape.keys.length && shape.patterns.length) {
        const noun = segments.length === 1 ? own(SECTION_NOUN, segments[0]) : undefined;
        const rule = nameRule(shape.patterns);
        return mk(at(keyLoc, 'key'), `${noun ? `${noun[0].toUpperCase()}${noun.slice(1)} name` : 'Key'} "${key}" is not valid${rule ? `: ${rule}` : ''}.`, keyPointer);
      }
      const guess = shape ? nearest(key, shape.keys) : undefined;
      const known = shape && !guess && shape.keys.length <= 12 ? ` Known keys: ${shape.keys.join(', ')}.` : '';
      const ext = shape?.patterns.includes('^x-') ? ' (custom keys must start with "x-")' : '';
      return mk(at(keyLoc, 'key'), `Unknown key "${key}" ${segments.length ? `in ${where(segments)}` : 'at the top level'}${guess ? `; did you mean "${guess}"?` : `${ext}.`}${known}`, keyPointer);
    }
    case 'type':
    case 'combined-type': {
      if (hasVariable(node)) return undefined;
      const types = ([] as string[]).concat(p.type as string | string[]);
      return mk(at(loc), `${segments.length ? where(segments) : 'The file'} must be ${typeList(types)}, not ${kindOf(node)}.`.replace(/^"/, '"'));
    }
    case 'enum': {
      if (hasVariable(node)) return undefined;
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const value = node?.type === 'scalar' ? String(node.value) : undefined;
      const guess = value !== undefined ? nearest(value, allowed.map(String)) : undefined;
      return mk(at(loc), `${where(segments)} must be one of ${quoteList(allowed)}${value !== undefined ? `, not "${value}"` : ''}${guess ? `; did you mean "${guess}"?` : '.'}`);
    }
    case 'const':
      return mk(at(loc), `${where(segments)} must be ${JSON.stringify(p.allowedValue)}.`);
    case 'required': {
      const missing = String(p.missingProperty);
      const span = at(loc, 'key') ?? (node ? { start: node.start, end: Math.min(node.end, node.start + 1) } : undefined);
      return mk(span, `${segments.length ? where(segments) : 'The file'} is missing the required key "${missing}".`);
    }
    case 'pattern':
      if (hasVariable(node)) return undefined;
      return mk(at(loc), `${where(segments)} does not have the expected format (${String(p.pattern)}).`);
    case 'uniqueItems': {
      const i = Number(p.i);
      const j = Number(p.j);
      const later = Math.max(i, j);
      const dupLoc = locations.get(`${e.instancePath}/${later}`);
      const item = dupLoc?.node;
      const shown = item?.type === 'scalar' ? ` "${item.source}"` : '';
      return mk(at(dupLoc) ?? at(loc), `Duplicate item${shown} in ${where(segments)}: item ${later + 1} repeats item ${Math.min(i, j) + 1}; remove one.`, `${e.instancePath}/${later}`);
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      if (hasVariable(node)) return undefined;
      const op = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[e.keyword];
      return mk(at(loc), `${where(segments)} must be ${op} ${String(p.limit)}.`);
    }
    case 'minItems':
      return mk(at(loc, 'key'), `${where(segments)} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}.`);
    case 'oneOf':
      if (p.passingSchemas) return mk(at(loc), `${where(segments)} is ambiguous: it matches more than one allowed form.`);
      return mk(at(loc), `${where(segments)} does not have any of the allowed forms.`);
    default:
      void last;
      return mk(at(loc), `${subject} ${e.message ?? 'is not valid'}.`);
  }
}

/** Validates one document against the Compose Specification; every problem, located. */
export function validateComposeDocument(doc: ComposeDocument): SchemaIssue[] {
  if (!doc.root) return [];
  const js = toJS(doc.root);
  if (js.error) return [{ span: { start: doc.root.start, end: Math.min(doc.root.end, doc.root.start + 1) }, message: js.error, keyword: 'limit', pointer: '' }];
  validateFn(js.value);
  const errors = validateFn.errors ?? [];
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of collapse(errors)) {
    const issue = issueFor(e, js.locations);
    if (!issue) continue;
    issue.message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    const key = `${issue.span.start}:${issue.span.end}:${issue.keyword}`;
    if (seen.has(key)) continue; // a merged (<<) or aliased node is checked once per use
    seen.add(key);
    out.push(issue);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
