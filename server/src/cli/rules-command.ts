// `seaworthy rules`: the catalogue from rule metadata.
import { CATALOG } from '../core/catalog';
import { ruleDocUrl } from '../core/meta';

export function runRules(format: 'text' | 'json'): string {
  const rules = [...CATALOG].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  if (format === 'json') {
    return JSON.stringify(rules.map((r) => ({
      id: r.id, kind: r.kind, aliases: r.aliases, severity: r.severity, profile: r.profile, fixable: r.fixable,
      docs: r.docs, url: ruleDocUrl(r.id),
    })), null, 2) + '\n';
  }
  const w = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(w)}  ${r.kind.padEnd(10)} ${r.severity.padEnd(7)} ${r.profile.padEnd(11)} ${r.fixable.padEnd(9)} ${r.docs.summary}${r.aliases.length ? `  [${r.aliases.join(', ')}]` : ''}`).join('\n') + `\n${rules.length} rules\n`;
}
