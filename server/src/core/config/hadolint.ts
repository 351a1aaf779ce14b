// hadolint's `.hadolint.yaml` turned into our settings, with precise errors for wrong keys and values.
import { parse as parseYaml } from 'yaml';
import type { RuleSettings } from './settings';
import type { Severity } from '../types';

export interface ConfigError { message: string; path: string }
export interface LoadedConfig { settings: Partial<RuleSettings>; failureThreshold?: Severity | 'none'; noFail?: boolean; errors: ConfigError[] }

const OVERRIDE_LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const THRESHOLDS: Record<string, Severity | 'none'> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'none', none: 'none' };
const KNOWN_KEYS = ['ignored', 'override', 'trustedRegistries', 'label-schema', 'strict-labels', 'failure-threshold', 'no-fail', 'no-color', 'format', 'disable-ignore-pragma', 'output-format'];
const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

const stringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');

export function parseHadolintConfig(text: string): LoadedConfig {
  const errors: ConfigError[] = [];
  let doc: unknown;
  try { doc = parseYaml(text, { maxAliasCount: 100 }); } catch (e) {
    return { settings: {}, errors: [{ message: `not valid YAML: ${(e as Error).message.split('\n')[0]}`, path: '' }] };
  }
  if (doc === null || doc === undefined) return { settings: {}, errors };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { settings: {}, errors: [{ message: 'expected a mapping of hadolint settings', path: '' }] };
  const cfg = doc as Record<string, unknown>;
  const rules: Record<string, Severity | 'off'> = {};
  const settings: Partial<RuleSettings> = { rules };
  const out: LoadedConfig = { settings, errors };
  for (const key of Object.keys(cfg)) {
    if (!KNOWN_KEYS.includes(key)) errors.push({ message: `unknown key "${key}"; valid keys: ${KNOWN_KEYS.join(', ')}`, path: key });
  }
  if (cfg.ignored !== undefined) {
    if (!stringList(cfg.ignored)) errors.push({ message: 'ignored: expected a list of rule ids', path: 'ignored' });
    else for (const id of cfg.ignored as string[]) rules[String(id)] = 'off';
  }
  if (cfg.override !== undefined) {
    if (typeof cfg.override !== 'object' || cfg.override === null || Array.isArray(cfg.override)) errors.push({ message: 'override: expected a mapping of error/warning/info/style to rule lists', path: 'override' });
    else for (const [level, list] of Object.entries(cfg.override as Record<string, unknown>)) {
      const sev = OVERRIDE_LEVELS[level];
      if (!sev) { errors.push({ message: `override.${level}: unknown level; valid: ${Object.keys(OVERRIDE_LEVELS).join(', ')}`, path: `override.${level}` }); continue; }
      if (list === null) continue;
      if (!stringList(list)) { errors.push({ message: `override.${level}: expected a list of rule ids`, path: `override.${level}` }); continue; }
      for (const id of list as string[]) rules[String(id)] = sev;
    }
  }
  if (cfg.trustedRegistries !== undefined) {
    if (!stringList(cfg.trustedRegistries)) errors.push({ message: 'trustedRegistries: expected a list of registry names', path: 'trustedRegistries' });
    else settings.trustedRegistries = (cfg.trustedRegistries as string[]).map(String);
  }
  if (cfg['label-schema'] !== undefined) {
    const ls = cfg['label-schema'];
    if (typeof ls !== 'object' || ls === null || Array.isArray(ls)) errors.push({ message: 'label-schema: expected a mapping of label name to type', path: 'label-schema' });
    else {
      settings.labelSchema = {};
      for (const [k, v] of Object.entries(ls as Record<string, unknown>)) {
        if (typeof v !== 'string' || !LABEL_TYPES.includes(v)) errors.push({ message: `label-schema.${k}: unknown type ${JSON.stringify(v)}; valid: ${LABEL_TYPES.join(', ')}`, path: `label-schema.${k}` });
        else settings.labelSchema[k] = v;
      }
    }
  }
  if (cfg['strict-labels'] !== undefined) {
    if (typeof cfg['strict-labels'] !== 'boolean') errors.push({ message: 'strict-labels: expected true or false', path: 'strict-labels' });
    else settings.strictLabels = cfg['strict-labels'];
  }
  if (cfg['failure-threshold'] !== undefined) {
    const t = THRESHOLDS[String(cfg['failure-threshold'])];
    if (!t) errors.push({ message: `failure-threshold: unknown value ${JSON.stringify(cfg['failure-threshold'])}; valid: ${Object.keys(THRESHOLDS).join(', ')}`, path: 'failure-threshold' });
    else out.failureThreshold = t;
  }
  if (cfg['no-fail'] !== undefined) {
    if (typeof cfg['no-fail'] !== 'boolean') errors.push({ message: 'no-fail: expected true or false', path: 'no-fail' });
    else out.noFail = cfg['no-fail'];
  }
  return out;
}
