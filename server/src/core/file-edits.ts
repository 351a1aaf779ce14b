// What a fix's edit to a neighbouring file (a FileEdit, e.g. a new or longer `.dockerignore`) makes of
// that file. The CLI writes this text and the language server sends the edit that produces it, so
// `harden --write`, `lint --fix`, Harden in the editor and fix-all leave the same file behind.
import type { FileEdit } from './types';

/**
 * The file's text after `edit`, given its text now (undefined: there is no such file), or undefined
 * when the edit leaves it as it is. A `create` never overwrites a file that exists. An `append` starts
 * on a new line of the file as it is now: the rule may have read it before a newline was added.
 */
export function fileEditResult(before: string | undefined, edit: FileEdit): string | undefined {
  const lines = edit.newText.replace(/^(\r?\n)+/, '');
  if (before === undefined) return edit.create || edit.append ? lines : undefined;
  if (!edit.append || !lines) return undefined;
  return before + (before === '' || before.endsWith('\n') ? '' : '\n') + lines;
}
