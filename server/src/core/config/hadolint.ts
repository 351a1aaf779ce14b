// hadolint's `.hadolint.yaml` turned into our settings, with precise errors for wrong keys and values.
import type { RuleLevel } from './settings';
import type { Severity } from '../types';
import { parseLocated, Problems, describe, joinPath, stringList, closest, type LNode } from './yaml-source';
import type { ProjectConfig } from './project';
import { ruleNameStatus } from './rule-names';
import { own } from '../own';

const OVERRIDE_LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const THRESHOLDS: Record<string, Severity | 'none'> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'none', none: 'none' };
export const HADOLINT_KEYS = ['ignored', 'override', 'trustedRegistries', 'label-schema', 'strict-labels', 'disable-ignore-pragma', 'failure-threshold', 'no-fail', 'no-color', 'format', 'verbose'];
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];
/** hadolint's own codes (DLxxxx, and ShellCheck's SCxxxx): anything else in a rule list is a typo. */
const HADOLINT_CODE = /^(DL|SC)\d{4}$/;

export type LoadedConfig = ProjectConfig;

function ruleList(node: LNode, path: string, p: Problems): string[] {
  const list = stringList(node, path, p, 'rule codes') ?? [];
  const out: string[] = [];
  for (const { value, span } of list) {
    if (HADOLINT_CODE.test(value) || ruleNameStatus(value).status === 'known') out.push(value);
    else p.add(span, path, `"${value}" is not a hadolint rule code (DLxxxx or SCxxxx) nor a Seaworthy rule id`);
  }
  return out;
}

const bool = (node: LNode, path: string, p: Problems): boolean | undefined => {
  if (node.type === 'scalar' && typeof node.value === 'boolean') return node.value;
  p.add(node.span, path, `expected true or false, not ${describe(node)}`);
  return undefined;
};

export function parseHadolintConfig(text: string): ProjectConfig {
  const parsed = parseLocated(text);
  const p = new Problems(parsed.problems);
  const rules: Record<string, RuleLevel> = {};
  const out: ProjectConfig = { format: 'hadolint', settings: { rules }, exclude: [], problems: p.list };
  const root = parsed.root;
  if (!root) return out;
  if (root.type !== 'map') { p.add(root.span, '', `expected a mapping of hadolint settings (${HADOLINT_KEYS.join(', ')}), not ${describe(root)}`); return out; }
  const byKey = new Map(root.pairs.map((x) => [x.key, x]));
  for (const pair of root.pairs) {
    if (HADOLINT_KEYS.includes(pair.key)) continue;
    const guess = closest(pair.key, HADOLINT_KEYS);
    p.add(pair.keySpan, pair.key, `unknown key "${pair.key}"; valid keys: ${HADOLINT_KEYS.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  const ignored = byKey.get('ignored');
  if (ignored) for (const id of ruleList(ignored.value, 'ignored', p)) rules[id] = 'off';
  const override = byKey.get('override');
  if (override) {
    const o = override.value;
    if (o.type === 'scalar' && o.value === null) { /* empty */ }
    else if (o.type !== 'map') p.add(o.span, 'override', `expected a mapping of ${Object.keys(OVERRIDE_LEVELS).join('/')} to rule lists, not ${describe(o)}`);
    else for (const lv of o.pairs) {
      const sev = own(OVERRIDE_LEVELS, lv.key);
      const path = joinPath('override', lv.key);
      if (!sev) { p.add(lv.keySpan, path, `unknown level "${lv.key}"; valid: ${Object.keys(OVERRIDE_LEVELS).join(', ')}`); continue; }
      // As in hadolint, `ignored` wins over `override`, whichever comes first in the file.
      for (const id of ruleList(lv.value, path, p)) if (rules[id] !== 'off') rules[id] = sev;
    }
  }
  const trusted = byKey.get('trustedRegistries');
  if (trusted) {
    const list = stringList(trusted.value, 'trustedRegistries', p, 'registry names');
    if (list) out.settings.trustedRegistries = list.map((x) => x.value);
  }
  const schema = byKey.get('label-schema');
  if (schema) {
    const ls = schema.value;
    if (ls.type === 'scalar' && ls.value === null) out.settings.labelSchema = {};
    else if (ls.type !== 'map') p.add(ls.span, 'label-schema', `expected a mapping of label name to type (${LABEL_TYPES.join(', ')}), not ${describe(ls)}`);
    else {
      const labelSchema: Record<string, string> = {};
      for (const l of ls.pairs) {
        const v = l.value;
        if (v.type !== 'scalar' || typeof v.value !== 'string' || !LABEL_TYPES.includes(v.value)) p.add(v.span.end > v.span.start ? v.span : l.keySpan, joinPath('label-schema', l.key), `unknown label type ${describe(v)}; valid: ${LABEL_TYPES.join(', ')}`);
        else labelSchema[l.key] = v.value;
      }
      out.settings.labelSchema = labelSchema;
    }
  }
  const strict = byKey.get('strict-labels');
  if (strict) { const b = bool(strict.value, 'strict-labels', p); if (b !== undefined) out.settings.strictLabels = b; }
  const pragma = byKey.get('disable-ignore-pragma');
  if (pragma) { const b = bool(pragma.value, 'disable-ignore-pragma', p); if (b !== undefined) out.settings.disableIgnorePragma = b; }
  const threshold = byKey.get('failure-threshold');
  if (threshold) {
    const v = threshold.value;
    const t = v.type === 'scalar' ? own(THRESHOLDS, String(v.value)) : undefined;
    if (!t) p.add(v.span.end > v.span.start ? v.span : threshold.keySpan, 'failure-threshold', `unknown value ${describe(v)}; valid: ${Object.keys(THRESHOLDS).join(', ')}`);
    else out.failureThreshold = t;
  }
  const noFail = byKey.get('no-fail');
  if (noFail) { const b = bool(noFail.value, 'no-fail', p); if (b !== undefined) out.noFail = b; }
  for (const k of ['no-color', 'verbose']) { const x = byKey.get(k); if (x) bool(x.value, k, p); }
  return out;
}
