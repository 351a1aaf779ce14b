// WorkspaceHost over the file system, confined to a root folder: workspace-level rules never read
// outside it, symlinks included.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceHost } from '../core/workspace';

const MAX_READ = 1024 * 1024;

export function fsWorkspace(documentDir: string, root: string, overlay?: (absPath: string) => string | undefined): WorkspaceHost {
  let realRoot: string;
  try { realRoot = fs.realpathSync(root); } catch { realRoot = path.resolve(root); }
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  const resolve = (rel: string): string | undefined => {
    const abs = path.resolve(documentDir, rel);
    if (!inside(path.resolve(abs)) && !inside(abs)) return undefined;
    try {
      const real = fs.realpathSync(abs);
      return inside(real) ? real : undefined;
    } catch { return undefined; }
  };
  return {
    readFile(rel) {
      const abs = path.resolve(documentDir, rel);
      const open = overlay?.(abs);
      if (open !== undefined) return open;
      const real = resolve(rel);
      if (!real) return undefined;
      try {
        const st = fs.statSync(real);
        if (!st.isFile() || st.size > MAX_READ) return undefined;
        return fs.readFileSync(real, 'utf8');
      } catch { return undefined; }
    },
    exists(rel) {
      const abs = path.resolve(documentDir, rel);
      if (overlay?.(abs) !== undefined) return true;
      return resolve(rel) !== undefined;
    },
  };
}
