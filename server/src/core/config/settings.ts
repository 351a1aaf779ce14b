// Resolved settings the rules and the engine see. Config files (.seaworthy.yaml, .hadolint.yaml,
// .dclintrc) and editor settings are all turned into this one shape before linting.
import type { Profile } from '../rule';
import type { Severity } from '../types';

export interface RuleSettings {
  /** Profiles switched on; `recommended` is the default. */
  profiles: Profile[];
  /** Per-rule override by id or alias: a severity, or 'off'. */
  rules: Record<string, Severity | 'off'>;
  trustedRegistries: string[];
  /** hadolint label-schema: label name -> type (text, url, semver, hash, rfc3339, spdx, email). */
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  /** Files larger than this (bytes) get one "too large" finding instead of analysis. */
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: RuleSettings = {
  profiles: ['recommended'],
  rules: {},
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
  maxFileSize: 2 * 1024 * 1024,
};

export function withDefaults(partial?: Partial<RuleSettings>): RuleSettings {
  return { ...DEFAULT_SETTINGS, ...partial, rules: { ...(partial?.rules ?? {}) } };
}
