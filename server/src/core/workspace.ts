// The core reads files beside a document (.dockerignore, a compose file's Dockerfile) only through
// this interface, so the LSP server can serve open buffers and tests can serve a map.
import { trimTrailing } from './text';

export interface WorkspaceHost {
  /** Text of a file, path relative to the linted document's folder; undefined when absent or outside the workspace. */
  readFile(relativePath: string): string | undefined;
  /** Whether a file or folder exists, same path rules as readFile. */
  exists(relativePath: string): boolean;
}

export const EMPTY_WORKSPACE: WorkspaceHost = { readFile: () => undefined, exists: () => false };

export function mapWorkspace(files: Record<string, string>, dirs: string[] = []): WorkspaceHost {
  const norm = (p: string) => trimTrailing(p.replace(/^\.\//, ''), '/');
  return {
    readFile: (p) => files[norm(p)],
    exists: (p) => norm(p) in files || dirs.includes(norm(p)) || Object.keys(files).some((f) => f.startsWith(norm(p) + '/')),
  };
}
