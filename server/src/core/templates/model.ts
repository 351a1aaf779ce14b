// What a template is. Each one becomes a VS Code snippet; whole-file templates are also what
// "Seaworthy: New Dockerfile…" writes, and the tests lint them with the recommended profile.
import type { Body } from './snippet';

/** VS Code language ids the generated snippet files are contributed for. */
export type SnippetLanguage = 'dockerfile' | 'dockercompose' | 'ignore';

export type Stack = 'node' | 'python' | 'go';

export interface Template {
  /** What the user types: `sw-…`. Unique across all templates. */
  prefix: string;
  /** Snippet name (the key in the snippet file; shown in the completion list). */
  name: string;
  /** One or two sentences: what it builds and the choices it makes. */
  description: string;
  language: SnippetLanguage;
  /** A complete file (linted clean by the tests) rather than a fragment to insert into one. */
  wholeFile: boolean;
  /** The app stack a whole file is written for; absent for stack-neutral templates. */
  stack?: Stack;
  body: Body;
}
