// Whether a name in a config file or comment is a rule id or a peer alias Seaworthy knows.
import { CATALOG } from '../catalog';
import { peerOf } from '../aliases';
import { closest } from './yaml-source';

let names: Map<string, string> | undefined;
/** Every rule id and alias -> the rule id it selects. */
export function ruleNames(): Map<string, string> {
  if (!names) {
    names = new Map();
    for (const r of CATALOG) {
      names.set(r.id, r.id);
      for (const a of r.aliases) names.set(a, r.id);
    }
  }
  return names;
}

/** A ShellCheck code (SCxxxx) is an alias of the `shellcheck` rule when that rule exists. */
const isShellcheckCode = (name: string) => /^SC\d{4}$/.test(name) && ruleNames().has('shellcheck');

export type NameStatus =
  | { status: 'known'; rule: string }
  /** Shaped like a peer's id (hadolint DLxxxx, a BuildKit check…) but no Seaworthy rule covers it. */
  | { status: 'peer' }
  | { status: 'unknown'; suggestion?: string };

export function ruleNameStatus(name: string): NameStatus {
  const rule = ruleNames().get(name);
  if (rule) return { status: 'known', rule };
  if (isShellcheckCode(name)) return { status: 'known', rule: 'shellcheck' };
  const peer = peerOf(name);
  // A kebab-case name that is not ours is more likely a typo of one of ours than a dclint rule.
  if (peer && peer !== 'dclint') return { status: 'peer' };
  return { status: 'unknown', suggestion: closest(name, ruleNames().keys()) };
}
