// `.seaworthy.yaml`: our own project configuration (schema: schemas/seaworthy.schema.json).
import { PROFILES, type Profile } from '../rule';
import type { Severity } from '../types';
import { RULE_LEVELS, type RuleLevel } from './settings';
import { parseLocated, Problems, describe, joinPath, stringList, closest, type LNode } from './yaml-source';
import type { ProjectConfig } from './project';
import { LABEL_TYPES } from './hadolint';
import { ruleNameStatus } from './rule-names';
import { globProblem } from './glob';

export const SEAWORTHY_KEYS = ['$schema', 'profiles', 'rules', 'trustedRegistries', 'labelSchema', 'strictLabels', 'exclude', 'maxFileSize', 'failureThreshold', 'shellcheck'];
const THRESHOLDS: readonly (Severity | 'none')[] = ['error', 'warning', 'info', 'hint', 'none'];

const bool = (node: LNode, path: string, p: Problems): boolean | undefined => {
  if (node.type === 'scalar' && typeof node.value === 'boolean') return node.value;
  p.add(node.span, path, `expected true or false, not ${describe(node)}`);
  return undefined;
};

/** `rules:` of `.seaworthy.yaml` and of the `seaworthy.rules` setting: rule id or alias -> level. */
export function parseRuleLevels(node: LNode, path: string, p: Problems): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  if (node.type === 'scalar' && node.value === null) return rules;
  if (node.type !== 'map') { p.add(node.span, path, `expected a mapping of rule id to ${RULE_LEVELS.join('|')}, not ${describe(node)}`); return rules; }
  for (const r of node.pairs) {
    const at = joinPath(path, r.key);
    const st = ruleNameStatus(r.key);
    if (st.status === 'unknown') p.add(r.keySpan, at, `unknown rule "${r.key}"${st.suggestion ? ` (did you mean "${st.suggestion}"?)` : ''}; \`seaworthy rules\` lists every rule id and alias`);
    else if (st.status === 'peer') p.add(r.keySpan, at, `no Seaworthy rule covers "${r.key}", so this entry has no effect`, 'warning');
    const v = r.value;
    const level = v.type === 'scalar' && typeof v.value === 'string' ? v.value.toLowerCase() : undefined;
    if (!level || !(RULE_LEVELS as readonly string[]).includes(level)) {
      p.add(v.span.end > v.span.start ? v.span : r.keySpan, at, `invalid level ${describe(v)}; valid: ${RULE_LEVELS.join(', ')}`);
      continue;
    }
    if (st.status !== 'unknown') rules[r.key] = level as RuleLevel;
  }
  return rules;
}

export function parseExclude(node: LNode, path: string, p: Problems): string[] {
  const list = stringList(node, path, p, 'glob patterns', true) ?? [];
  const out: string[] = [];
  list.forEach(({ value, span }, i) => {
    const bad = globProblem(value);
    if (bad) p.add(span, joinPath(path, i), `invalid glob "${value}": ${bad}`);
    else out.push(value);
  });
  return out;
}

export function parseProfiles(node: LNode, path: string, p: Problems): Profile[] | undefined {
  const list = stringList(node, path, p, 'profile names', true);
  if (!list) return undefined;
  const out: Profile[] = [];
  list.forEach(({ value, span }, i) => {
    if ((PROFILES as readonly string[]).includes(value)) out.push(value as Profile);
    else p.add(span, joinPath(path, i), `unknown profile "${value}"; valid: ${PROFILES.join(', ')}`);
  });
  return out;
}

export function parseSeaworthyConfig(text: string): ProjectConfig {
  const parsed = parseLocated(text);
  const p = new Problems(parsed.problems);
  const out: ProjectConfig = { format: 'seaworthy', settings: {}, exclude: [], problems: p.list };
  const root = parsed.root;
  if (!root) return out;
  if (root.type !== 'map') { p.add(root.span, '', `expected a mapping of settings (${SEAWORTHY_KEYS.slice(1).join(', ')}), not ${describe(root)}`); return out; }
  for (const pair of root.pairs) {
    const v = pair.value;
    const key = pair.key;
    switch (key) {
      case '$schema':
        if (v.type !== 'scalar' || typeof v.value !== 'string') p.add(v.span, key, `expected a URL or path, not ${describe(v)}`);
        break;
      case 'profiles': {
        const profiles = parseProfiles(v, key, p);
        if (profiles) out.settings.profiles = profiles;
        break;
      }
      case 'rules':
        out.settings.rules = parseRuleLevels(v, key, p);
        break;
      case 'trustedRegistries': {
        const list = stringList(v, key, p, 'registry names');
        if (list) out.settings.trustedRegistries = list.map((x) => x.value);
        break;
      }
      case 'labelSchema': {
        if (v.type !== 'map') { p.add(v.span, key, `expected a mapping of label name to type (${LABEL_TYPES.join(', ')}), not ${describe(v)}`); break; }
        const schema: Record<string, string> = {};
        for (const l of v.pairs) {
          const t = l.value;
          if (t.type === 'scalar' && typeof t.value === 'string' && LABEL_TYPES.includes(t.value)) schema[l.key] = t.value;
          else p.add(t.span.end > t.span.start ? t.span : l.keySpan, joinPath(key, l.key), `unknown label type ${describe(t)}; valid: ${LABEL_TYPES.join(', ')}`);
        }
        out.settings.labelSchema = schema;
        break;
      }
      case 'strictLabels': {
        const b = bool(v, key, p);
        if (b !== undefined) out.settings.strictLabels = b;
        break;
      }
      case 'exclude':
        out.exclude = parseExclude(v, key, p);
        break;
      case 'maxFileSize':
        if (v.type === 'scalar' && typeof v.value === 'number' && Number.isInteger(v.value) && v.value > 0) out.settings.maxFileSize = v.value;
        else p.add(v.span, key, `expected a positive whole number of bytes, not ${describe(v)}`);
        break;
      case 'failureThreshold':
        if (v.type === 'scalar' && (THRESHOLDS as readonly unknown[]).includes(v.value)) out.failureThreshold = v.value as Severity | 'none';
        else p.add(v.span.end > v.span.start ? v.span : pair.keySpan, key, `invalid value ${describe(v)}; valid: ${THRESHOLDS.join(', ')}`);
        break;
      case 'shellcheck': {
        if (v.type !== 'map') { p.add(v.span, key, `expected a mapping with "enable", not ${describe(v)}`); break; }
        for (const s of v.pairs) {
          const at = joinPath(key, s.key);
          if (s.key === 'enable') { const b = bool(s.value, at, p); if (b !== undefined) out.shellcheck = { enable: b }; }
          else if (s.key === 'path') p.add(s.keySpan, at, 'the ShellCheck program can only be chosen in user settings (`seaworthy.shellcheck.path`), never by a repository');
          else p.add(s.keySpan, at, `unknown key "${s.key}"; valid keys: enable`);
        }
        break;
      }
      default: {
        const guess = closest(key, SEAWORTHY_KEYS);
        p.add(pair.keySpan, key, `unknown key "${key}"; valid keys: ${SEAWORTHY_KEYS.slice(1).join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
      }
    }
  }
  return out;
}
