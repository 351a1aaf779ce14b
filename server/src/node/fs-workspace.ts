// WorkspaceHost over the file system, confined to a root folder: workspace-level rules never read
// outside it, symlinks included.
//
// Caching (rules ask the same questions many times: every `COPY . .` checks for package-lock.json, every
// rule that reads .dockerignore reads it again):
// - one host serves one lint: each path is resolved (realpath), checked and read at most once per host, so
//   the answers are consistent within a lint and never older than it;
// - a FileCache shared between hosts (the server's DocumentLinter, one CLI run) keeps the real path of each
//   root and file texts across lints. A text is reused only while the file's size and mtime are unchanged
//   (one stat instead of a read), and the server clears the cache on file-change events and settings changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceHost } from '../core/workspace';

const MAX_READ = 1024 * 1024;
const MAX_CACHED_TEXTS = 500;

/**
 * Real paths of roots and texts of files, shared between hosts; `clear()` on file-change events.
 * `resolutions`: also share each path's real path (or absence) between hosts — only where nothing changes
 * files unseen (one CLI run, cleared after --fix writes); the server re-checks them at each lint.
 */
export class FileCache {
  readonly roots = new Map<string, string>();
  readonly texts = new Map<string, { size: number; mtimeMs: number; text: string }>();
  readonly reals = new Map<string, string | null>();
  constructor(readonly resolutions = false) {}
  clear(): void { this.roots.clear(); this.texts.clear(); this.reals.clear(); }
}

/** realpath(3) in one system call (the JavaScript realpathSync lstat()s every path component). */
const realpath = (p: string): string => (process.platform === 'win32' ? fs.realpathSync(p) : fs.realpathSync.native(p));

/** The real path, or undefined when nothing is there. Most questions are about absent files: existsSync answers them without an exception. */
function realpathIfExists(abs: string): string | undefined {
  if (!fs.existsSync(abs)) return undefined;
  try { return realpath(abs); } catch { return undefined; }
}

function sharedRealpath(abs: string, shared: FileCache | undefined): string | undefined {
  if (!shared?.resolutions) return realpathIfExists(abs);
  const hit = shared.reals.get(abs);
  if (hit !== undefined) return hit ?? undefined;
  const r = realpathIfExists(abs);
  shared.reals.set(abs, r ?? null);
  return r;
}

export interface FsWorkspace extends WorkspaceHost {
  /** Drops this host's answers (after the CLI wrote files during `--fix`). */
  forget(): void;
}

export function fsWorkspace(documentDir: string, root: string, overlay?: (absPath: string) => string | undefined, shared?: FileCache): FsWorkspace {
  let realRoot = shared?.roots.get(root);
  if (realRoot === undefined) {
    try { realRoot = realpath(root); } catch { realRoot = path.resolve(root); }
    shared?.roots.set(root, realRoot);
  }
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  // A path as written is checked against the root as given too (a root reached through a symlink);
  // the real path is always checked against the real root.
  const lexicalRoot = path.resolve(root);
  const insideAsWritten = (p: string) => inside(p) || p === lexicalRoot || p.startsWith(lexicalRoot + path.sep);
  // This host's answers, by path relative to the document folder.
  let overlays = new Map<string, string | undefined>();
  let resolved = new Map<string, string | undefined>();
  let texts = new Map<string, string | undefined>();
  const open = (rel: string): string | undefined => {
    if (!overlay) return undefined;
    if (overlays.has(rel)) return overlays.get(rel);
    const abs = path.resolve(documentDir, rel);
    const t = insideAsWritten(abs) ? overlay(abs) : undefined; // an open buffer outside the root is outside too
    overlays.set(rel, t);
    return t;
  };
  const resolve = (rel: string): string | undefined => {
    if (resolved.has(rel)) return resolved.get(rel);
    let real: string | undefined;
    const abs = path.resolve(documentDir, rel);
    if (insideAsWritten(abs)) {
      const r = sharedRealpath(abs, shared);
      real = r !== undefined && inside(r) ? r : undefined;
    }
    resolved.set(rel, real);
    return real;
  };
  const read = (real: string): string | undefined => {
    try {
      const st = fs.statSync(real);
      if (!st.isFile() || st.size > MAX_READ) return undefined;
      const hit = shared?.texts.get(real);
      if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.text;
      const text = fs.readFileSync(real, 'utf8');
      if (shared) {
        if (shared.texts.size >= MAX_CACHED_TEXTS) shared.texts.delete(shared.texts.keys().next().value as string);
        shared.texts.set(real, { size: st.size, mtimeMs: st.mtimeMs, text });
      }
      return text;
    } catch { return undefined; }
  };
  return {
    readFile(rel) {
      const o = open(rel);
      if (o !== undefined) return o;
      if (texts.has(rel)) return texts.get(rel);
      const real = resolve(rel);
      const text = real === undefined ? undefined : read(real);
      texts.set(rel, text);
      return text;
    },
    exists(rel) {
      if (open(rel) !== undefined) return true;
      return resolve(rel) !== undefined;
    },
    forget() { overlays = new Map(); resolved = new Map(); texts = new Map(); },
  };
}
