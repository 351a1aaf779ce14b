// The `seaworthy.*` editor settings (VS Code's, or any LSP client's) validated and turned into the
// same settings shape as config files. Editor settings override the project's config file.
import type { RuleSettings } from './settings';
import { Problems, describe, type LNode } from './yaml-source';
import { parseExclude, parseProfiles, parseRuleLevels } from './seaworthy';
import { COMPOSE_SYNTAX_ERRORS_VALUES, type ComposeSyntaxErrorsSetting } from '../compose/coexist';

export interface EditorSettings {
  /** `seaworthy.enable`: false turns linting off for the resource. */
  enable: boolean;
  /** Only what the user set; unset (null) settings leave the config file's values. */
  settings: Partial<RuleSettings>;
  /** Globs relative to the workspace folder. */
  exclude: string[];
  shellcheck: { enable?: boolean; path?: string };
  /** `seaworthy.compose.syntaxErrors`: auto | on | off (see core/compose/coexist.ts). */
  composeSyntaxErrors?: ComposeSyntaxErrorsSetting;
  /** Human-readable problems, each starting with the setting's full name. */
  problems: string[];
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { enable: true, settings: {}, exclude: [], shellcheck: {}, problems: [] };

const ZERO = { start: 0, end: 0 };

/** A plain JSON value as a located node (no positions: settings come as values, not text). */
export function fromJS(v: unknown, depth = 0): LNode {
  if (depth > 20) return { type: 'scalar', span: ZERO, value: null };
  if (Array.isArray(v)) return { type: 'seq', span: ZERO, items: v.map((x) => fromJS(x, depth + 1)) };
  if (v && typeof v === 'object') return { type: 'map', span: ZERO, pairs: Object.entries(v).map(([key, x]) => ({ key, keySpan: ZERO, value: fromJS(x, depth + 1) })) };
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { type: 'scalar', span: ZERO, value: v ?? null };
  return { type: 'scalar', span: ZERO, value: String(v) };
}

const isSet = (v: unknown) => v !== undefined && v !== null;

export function parseEditorSettings(value: unknown): EditorSettings {
  const out: EditorSettings = { enable: true, settings: {}, exclude: [], shellcheck: {}, problems: [] };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  const v = value as Record<string, unknown>;
  const p = new Problems();
  if (isSet(v.enable)) {
    if (typeof v.enable === 'boolean') out.enable = v.enable;
    else p.add(ZERO, 'enable', `expected true or false, not ${describe(fromJS(v.enable))}`);
  }
  if (isSet(v.profiles)) {
    const profiles = parseProfiles(fromJS(v.profiles), 'profiles', p);
    if (profiles?.length) out.settings.profiles = profiles;
  }
  if (isSet(v.rules)) {
    const rules = parseRuleLevels(fromJS(v.rules), 'rules', p);
    if (Object.keys(rules).length) out.settings.rules = rules;
  }
  if (isSet(v.trustedRegistries)) {
    const t = v.trustedRegistries;
    if (Array.isArray(t) && t.every((x) => typeof x === 'string')) out.settings.trustedRegistries = t as string[];
    else p.add(ZERO, 'trustedRegistries', `expected a list of registry names, not ${describe(fromJS(t))}`);
  }
  if (isSet(v.exclude)) out.exclude = parseExclude(fromJS(v.exclude), 'exclude', p);
  if (isSet(v.maxFileSize)) {
    if (typeof v.maxFileSize === 'number' && Number.isInteger(v.maxFileSize) && v.maxFileSize > 0) out.settings.maxFileSize = v.maxFileSize;
    else p.add(ZERO, 'maxFileSize', `expected a positive whole number of bytes, not ${describe(fromJS(v.maxFileSize))}`);
  }
  const sc = v.shellcheck;
  if (isSet(sc)) {
    if (typeof sc !== 'object' || Array.isArray(sc)) p.add(ZERO, 'shellcheck', 'expected an object with "enable" and "path"');
    else {
      const s = sc as Record<string, unknown>;
      if (isSet(s.enable)) { if (typeof s.enable === 'boolean') out.shellcheck.enable = s.enable; else p.add(ZERO, 'shellcheck.enable', 'expected true or false'); }
      if (isSet(s.path) && s.path !== '') { if (typeof s.path === 'string') out.shellcheck.path = s.path; else p.add(ZERO, 'shellcheck.path', 'expected a program name or path'); }
    }
  }
  const compose = v.compose;
  if (isSet(compose) && typeof compose === 'object' && !Array.isArray(compose)) {
    const se = (compose as Record<string, unknown>).syntaxErrors;
    if (isSet(se)) {
      if (COMPOSE_SYNTAX_ERRORS_VALUES.includes(se as ComposeSyntaxErrorsSetting)) out.composeSyntaxErrors = se as ComposeSyntaxErrorsSetting;
      else p.add(ZERO, 'compose.syntaxErrors', `expected one of ${COMPOSE_SYNTAX_ERRORS_VALUES.join(', ')}, not ${describe(fromJS(se))}`);
    }
  }
  out.problems = p.list.filter((x) => x.severity !== 'info').map((x) => `seaworthy.${x.path}: ${x.message}`);
  return out;
}
