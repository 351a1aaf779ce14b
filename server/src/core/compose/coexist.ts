// Living next to other YAML tooling: whether Seaworthy should report plain YAML syntax errors on
// compose files itself, or leave them to another extension that already does (Red Hat YAML).

/** The `seaworthy.compose.syntaxErrors` setting. */
export type ComposeSyntaxErrorsSetting = 'auto' | 'on' | 'off';

export const COMPOSE_SYNTAX_ERRORS_VALUES: readonly ComposeSyntaxErrorsSetting[] = ['auto', 'on', 'off'];

/**
 * Whether `syntax-error` findings are reported on compose documents. `on`/`off` are explicit; `auto`
 * reports them unless the Red Hat YAML extension is active (it underlines the same errors, and two
 * squiggles for one missing colon is noise). An unknown value behaves as `auto`. Compose-specific
 * findings (schema, references, duplicate keys…) are never dropped.
 */
export function reportYamlSyntaxErrors(setting: ComposeSyntaxErrorsSetting | string | undefined, redHatYamlActive: boolean): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return !redHatYamlActive;
}
