// Resolved settings the rules and the engine see. Config files (.seaworthy.yaml, .hadolint.yaml,
// .dclintrc) and editor settings are all turned into this one shape before linting.
import type { Profile } from '../rule';
import type { Severity } from '../types';

export type RuleLevel = Severity | 'off';
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface RuleSettings {
  /** Profiles switched on; `recommended` is the default. */
  profiles: Profile[];
  /** Per-rule override by id or alias: a severity, or 'off'. */
  rules: Record<string, RuleLevel>;
  trustedRegistries: string[];
  /** hadolint label-schema: label name -> type (text, url, semver, hash, rfc3339, spdx, email). */
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  /** Files larger than this (bytes) get one "too large" finding instead of analysis. */
  maxFileSize: number;
  /** hadolint's `disable-ignore-pragma`: `# hadolint ignore=` comments are not honoured. */
  disableIgnorePragma?: boolean;
}

export const DEFAULT_SETTINGS: RuleSettings = {
  profiles: ['recommended'],
  rules: {},
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
  // Real Dockerfiles and compose files are tens of KB; past this, linting on every keystroke would stall the editor.
  maxFileSize: 256 * 1024,
};

export function withDefaults(partial?: Partial<RuleSettings>): RuleSettings {
  return { ...DEFAULT_SETTINGS, ...partial, rules: { ...(partial?.rules ?? {}) } };
}

/** Layers settings, later layers winning: lists and scalars are replaced, `rules` and `labelSchema` merge by key. */
export function mergeSettings(...layers: (Partial<RuleSettings> | undefined)[]): Partial<RuleSettings> {
  const out: Partial<RuleSettings> = {};
  for (const l of layers) {
    if (!l) continue;
    for (const [k, v] of Object.entries(l) as [keyof RuleSettings, unknown][]) {
      if (v === undefined) continue;
      if (k === 'rules') out.rules = { ...(out.rules ?? {}), ...(v as RuleSettings['rules']) };
      else if (k === 'labelSchema') out.labelSchema = { ...(out.labelSchema ?? {}), ...(v as RuleSettings['labelSchema']) };
      else (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
