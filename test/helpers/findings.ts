// Findings of one rule on one input, for assertions the table tests do not cover (peer aliases, fix safety).
import { lint } from '../../server/src/core/engine';
import type { Rule } from '../../server/src/core/rule';
import { mapWorkspace } from '../../server/src/core/workspace';
import type { Finding } from '../../server/src/core/types';

export function findingsOf(rule: Rule, code: string, files: Record<string, string> = {}): Finding[] {
  const res = lint({ text: code, kind: rule.kind, rules: [rule], path: 'Dockerfile', workspace: mapWorkspace(files) });
  if (res.ruleErrors.length) throw new Error(res.ruleErrors.map((e) => e.message).join('\n'));
  return res.findings.filter((f) => f.rule === rule.id);
}
