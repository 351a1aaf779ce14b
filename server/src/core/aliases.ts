// Which peer an alias belongs to, read from its shape (each peer names rules its own way).
export type Peer = 'hadolint' | 'shellcheck' | 'buildkit' | 'dclint' | 'trivy' | 'checkov';

export function peerOf(alias: string): Peer | undefined {
  if (/^DL\d{4}$/.test(alias)) return 'hadolint';
  if (/^SC\d{4}$/.test(alias)) return 'shellcheck';
  if (/^(DS|AVD-DS-)\d+$/.test(alias) || /^DS-\d+$/.test(alias)) return 'trivy';
  if (/^CKV2?_DOCKER_\d+$/.test(alias)) return 'checkov';
  // `[A-Z][A-Za-z]*` and not `(?:[A-Z][A-Za-z]*)+`: the same names, but the nested form backtracks exponentially
  // (a 30-letter id in a suppression comment took 30 s).
  if (/^[A-Z][a-z]+[A-Z][A-Za-z]*$/.test(alias) || /^JSON[A-Z]/.test(alias)) return 'buildkit';
  if (/^[a-z]+(?:-[a-z]+)+$/.test(alias)) return 'dclint';
  return undefined;
}

const BUILDKIT = new WeakMap<readonly string[], boolean>();
/** Whether a rule covers a BuildKit check (asked per finding; the answer is kept per alias list). */
export function isBuildkitRule(aliases: readonly string[]): boolean {
  let b = BUILDKIT.get(aliases);
  if (b === undefined) { b = aliases.some((a) => peerOf(a) === 'buildkit'); BUILDKIT.set(aliases, b); }
  return b;
}
