// Every documented rule id: the registry's rules plus the engine's own findings.
import type { RuleMeta } from './rule';
import { RULES } from './rules/registry';
import { FILE_TOO_LARGE, SYNTAX_ERROR } from './rules/common/builtin';
// ShellCheck runs only when the adapter provides the program, so it is not in the registry's list.
import SHELLCHECK from './rules/dockerfile/shellcheck';

export const CATALOG: readonly RuleMeta[] = [...RULES, SHELLCHECK, SYNTAX_ERROR, FILE_TOO_LARGE];

const byId = new Map<string, RuleMeta>(CATALOG.map((r) => [r.id, r]));
export const ruleMeta = (id: string): RuleMeta | undefined => byId.get(id);
