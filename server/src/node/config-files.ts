// Finds and loads configuration files beside the linted file, for the CLI and the server: walking up
// from the file's folder, the nearest folder holding a config file for the document's kind wins
// (.seaworthy.yaml/.yml for both kinds, .hadolint.yaml/.yml for Dockerfiles, .dclintrc[.json|.yaml|.yml]
// for compose files). When one folder holds several, they are merged, ours last.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configNamesFor, parseConfigFile, type ConfigProblem, type ProjectConfig } from '../core/config/project';
import { mergeSettings, type RuleSettings } from '../core/config/settings';
import { LineIndex } from '../core/text';
import type { DocumentKind, Severity } from '../core/types';

export interface LoadedConfigFile extends ProjectConfig {
  file: string;
  text: string;
  /** The problems of severity `error` (the CLI exits 2 on these). */
  errors: ConfigProblem[];
}

const MAX_CONFIG = 1024 * 1024;

export function loadConfigFile(file: string, readText?: (file: string) => string | undefined): LoadedConfigFile {
  let text = readText?.(file);
  if (text === undefined) {
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (st.size > MAX_CONFIG) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const problem: ConfigProblem = { message: `cannot read: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}`, path: '', span: { start: 0, end: 0 }, severity: 'error' };
      return { file, text: '', format: 'seaworthy', settings: {}, exclude: [], problems: [problem], errors: [problem] };
    }
  }
  const cfg = parseConfigFile(file, text);
  return { ...cfg, file, text, errors: cfg.problems.filter((p) => p.severity === 'error') };
}

/** Whether `file` is a regular file. Asked for every config name in every folder up from each linted
 * file, and mostly absent: a miss must not cost a thrown ENOENT. */
function isFile(file: string): boolean {
  try { return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false; } catch { return false; }
}

/** Config files for a document of `kind`, from `startDir` up to `stopAt` (inclusive); [] when none. */
export function findConfigFiles(startDir: string, kind: DocumentKind, stopAt?: string, isFileAt: (file: string) => boolean = isFile): string[] {
  const names = configNamesFor(kind);
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const found = names.map((n) => path.join(dir, n)).filter(isFileAt);
    if (found.length) return found;
    if (stop && dir === stop) return [];
    const up = path.dirname(dir);
    if (up === dir) return [];
    dir = up;
  }
}

/** The config file that decides settings for a Dockerfile (or `kind`) in `startDir`: ours over a peer's. */
export function findConfigFile(startDir: string, stopAt?: string, kind: DocumentKind = 'dockerfile'): string | undefined {
  const files = findConfigFiles(startDir, kind, stopAt);
  return files[files.length - 1];
}

export interface ResolvedConfig {
  /** Files merged, in order (a peer's first, ours last). */
  files: LoadedConfigFile[];
  settings: Partial<RuleSettings>;
  /** Exclude globs with the folder they are relative to. */
  exclude: { base: string; patterns: string[]; file: string }[];
  failureThreshold?: Severity | 'none';
  noFail?: boolean;
  shellcheck?: { enable?: boolean };
}

export function resolveConfig(files: LoadedConfigFile[]): ResolvedConfig {
  const out: ResolvedConfig = { files, settings: mergeSettings(...files.map((f) => f.settings)), exclude: [] };
  for (const f of files) {
    if (f.exclude.length) out.exclude.push({ base: path.dirname(f.file), patterns: f.exclude, file: f.file });
    if (f.failureThreshold !== undefined) out.failureThreshold = f.failureThreshold;
    if (f.noFail !== undefined) out.noFail = f.noFail;
    if (f.shellcheck) out.shellcheck = { ...out.shellcheck, ...f.shellcheck };
  }
  return out;
}

/** Finds and loads configuration per folder and kind, once; `clear()` after files change. Sibling
 * folders share their parents, so whether a config name is in a folder is asked once too (a CLI run
 * over many folders paid 12% of its time re-asking). */
export class ConfigResolver {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly byFile = new Map<string, LoadedConfigFile>();
  private readonly isFile = new Map<string, boolean>();
  private readonly roots = new Map<string, string | undefined>();
  constructor(private readonly readText?: (file: string) => string | undefined) {}

  forDirectory(dir: string, kind: DocumentKind, stopAt?: string): ResolvedConfig {
    const key = `${kind}\0${dir}\0${stopAt ?? ''}`;
    const hit = this.byDir.get(key);
    if (hit) return hit;
    const isFileAt = (f: string) => { let v = this.isFile.get(f); if (v === undefined) { v = isFile(f); this.isFile.set(f, v); } return v; };
    const files = findConfigFiles(dir, kind, stopAt, isFileAt).map((f) => this.load(f));
    const r = resolveConfig(files);
    this.byDir.set(key, r);
    return r;
  }

  load(file: string): LoadedConfigFile {
    const abs = path.resolve(file);
    let f = this.byFile.get(abs);
    if (!f) { f = loadConfigFile(abs, this.readText); this.byFile.set(abs, f); }
    return f;
  }

  /** repositoryRoot, remembered for `dir` and every folder passed on the way up. */
  repositoryRoot(dir: string): string | undefined {
    const start = path.resolve(dir);
    const passed: string[] = [];
    let d = start;
    let root: string | undefined;
    for (;;) {
      if (this.roots.has(d)) { root = this.roots.get(d); break; }
      passed.push(d);
      if (fs.existsSync(path.join(d, '.git'))) { root = d; break; }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const p of passed) this.roots.set(p, root);
    return root;
  }

  clear() { this.byDir.clear(); this.byFile.clear(); this.isFile.clear(); this.roots.clear(); }
}

/** `file:line:col` of a problem, 1-based, for terminal output. */
export function problemLocation(text: string, problem: ConfigProblem): { line: number; column: number } {
  const pos = new LineIndex(text).position(problem.span.start);
  return { line: pos.line + 1, column: pos.character + 1 };
}

/** The nearest folder at or above `dir` that holds `.git` (a repository root), if any. */
export function repositoryRoot(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}
