// Expands the CLI's paths into the files to lint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindFromName } from '../core/kind';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', '__pycache__']);

export interface Target { path: string; explicit: boolean }
export interface DiscoverResult { targets: Target[]; errors: string[] }

export function discover(paths: string[]): DiscoverResult {
  const targets: Target[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => { const k = path.resolve(p); if (!seen.has(k)) { seen.add(k); targets.push({ path: p, explicit }); } };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { errors.push(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code})`); return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(p); }
      else if (e.isFile() && kindFromName(e.name)) add(p, false);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try { st = fs.statSync(p); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push(code === 'ENOENT' ? `${p}: no such file or folder` : `${p}: cannot access (${code})`);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else add(p, true);
  }
  return { targets, errors };
}
