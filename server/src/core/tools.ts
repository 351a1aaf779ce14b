// Programs the core may use through the adapter, like files through WorkspaceHost: the core never
// spawns anything itself. Absent when unavailable (not installed, untrusted workspace, turned off).

/** One ShellCheck finding (`shellcheck -f json1`): 1-based lines and columns, a tab counts as one column. */
export interface ShellcheckComment {
  code: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  fix?: { replacements: { line: number; column: number; endLine: number; endColumn: number; replacement: string; insertionPoint?: string; precedence?: number }[] } | null;
}

export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

export interface LintTools {
  /** Runs ShellCheck on a script; undefined when it could not run. Synchronous; the adapter caches. */
  shellcheck?: (script: string, dialect: ShellDialect) => ShellcheckComment[] | undefined;
  /** The same for all the scripts of one document, in order: the adapter may run the program once for them. */
  shellcheckAll?: (scripts: readonly ShellcheckScript[]) => (ShellcheckComment[] | undefined)[];
}

export interface ShellcheckScript { script: string; dialect: ShellDialect }
