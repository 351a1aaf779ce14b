// A temporary folder holding given files, for tests that need real files on disk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A fresh folder under the system's temp folder (`prefix` names it) with these files, paths relative to
 * it and parent folders made as needed. `real`: return its real path (the temp folder can be a symlink).
 */
export function tempTree(prefix: string, files: Record<string, string | Buffer>, opts: { real?: boolean } = {}): string {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = opts.real === false ? made : fs.realpathSync(made);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
