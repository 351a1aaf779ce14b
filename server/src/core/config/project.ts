// Project configuration files: which names we read, which documents each applies to, format
// detection for a file named on the command line, and one parse entry point (text in -> settings
// plus problems with key paths and spans). Discovery on disk lives in server/src/node/config-files.ts.
import type { DocumentKind, Severity } from '../types';
import type { RuleSettings } from './settings';
import { closest, parseLocated, type ConfigProblem } from './yaml-source';
import { parseSeaworthyConfig, SEAWORTHY_KEYS } from './seaworthy';
import { parseHadolintConfig, HADOLINT_KEYS } from './hadolint';
import { parseDclintConfig } from './dclint';

export type { ConfigProblem } from './yaml-source';
export type ConfigFormat = 'seaworthy' | 'hadolint' | 'dclint';

export interface ProjectConfig {
  format: ConfigFormat;
  settings: Partial<RuleSettings>;
  /** Globs relative to the config file's folder. */
  exclude: string[];
  /** CLI exit status: lowest severity that fails the run. */
  failureThreshold?: Severity | 'none';
  noFail?: boolean;
  shellcheck?: { enable?: boolean };
  /** Errors, warnings and notes, each at its key or value. */
  problems: ConfigProblem[];
}

/** File names per format, in the order they are preferred inside one folder. */
export const CONFIG_FILE_NAMES: Record<ConfigFormat, readonly string[]> = {
  seaworthy: ['.seaworthy.yaml', '.seaworthy.yml'],
  hadolint: ['.hadolint.yaml', '.hadolint.yml'],
  dclint: ['.dclintrc', '.dclintrc.json', '.dclintrc.yaml', '.dclintrc.yml'],
};

/** Which documents a format configures: hadolint's only Dockerfiles, dclint's only compose files. */
export const configAppliesTo = (format: ConfigFormat, kind: DocumentKind) =>
  format === 'seaworthy' || (format === 'hadolint' ? kind === 'dockerfile' : kind === 'compose');

/** Names to look for beside a document of this kind; within one folder, peers' files first, ours last (it wins). */
export function configNamesFor(kind: DocumentKind): string[] {
  const peer = kind === 'dockerfile' ? CONFIG_FILE_NAMES.hadolint : CONFIG_FILE_NAMES.dclint;
  return [...peer, ...CONFIG_FILE_NAMES.seaworthy];
}

/** The format a file name stands for, if it is one of the names we discover. */
export function configFormatOf(fileName: string): ConfigFormat | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  for (const [format, names] of Object.entries(CONFIG_FILE_NAMES) as [ConfigFormat, readonly string[]][]) if (names.includes(base)) return format;
  return undefined;
}

/** For `--config FILE`: the name first (`*seaworthy*`, `*hadolint*`, `*dclint*`), then the keys in the text. */
export function detectConfigFormat(fileName: string, text: string): ConfigFormat {
  const exact = configFormatOf(fileName);
  if (exact) return exact;
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  for (const f of ['seaworthy', 'hadolint', 'dclint'] as const) if (base.includes(f)) return f;
  const { root } = parseLocated(text);
  if (!root || root.type !== 'map') return 'seaworthy';
  const keys = new Set(root.pairs.map((p) => p.key));
  const ours = ['profiles', 'labelSchema', 'strictLabels', 'maxFileSize', 'failureThreshold', 'shellcheck'].some((k) => keys.has(k));
  if (!ours && ['ignored', 'override', 'trustedRegistries', 'label-schema', 'strict-labels', 'failure-threshold', 'no-fail', 'disable-ignore-pragma'].some((k) => keys.has(k))) return 'hadolint';
  // dclint: rule levels are numbers (`no-version-field: 2`, `"rule": [1, {...}]`).
  const rules = root.pairs.find((p) => p.key === 'rules')?.value;
  if (!ours && rules?.type === 'map' && rules.pairs.length && rules.pairs.every((r) => r.value.type === 'seq' || (r.value.type === 'scalar' && typeof r.value.value === 'number'))) return 'dclint';
  if (ours || keys.has('rules') || keys.has('exclude')) return 'seaworthy';
  // Nothing recognisable (typos only): --config has always meant hadolint's format, unless the keys look like ours.
  const looksOurs = [...keys].some((k) => closest(k, SEAWORTHY_KEYS) && !closest(k, HADOLINT_KEYS));
  return looksOurs ? 'seaworthy' : 'hadolint';
}

export function parseConfig(format: ConfigFormat, text: string): ProjectConfig {
  switch (format) {
    case 'hadolint': return parseHadolintConfig(text);
    case 'dclint': return parseDclintConfig(text);
    default: return parseSeaworthyConfig(text);
  }
}

export function parseConfigFile(fileName: string, text: string): ProjectConfig {
  return parseConfig(detectConfigFormat(fileName, text), text);
}
