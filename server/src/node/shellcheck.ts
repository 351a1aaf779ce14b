// Runs ShellCheck for the `shellcheck` rule, synchronously, with results cached by script. The
// scripts of one Dockerfile (from the CLI, of a group of files) go to one process
// (`shellcheck -f json1 -s DIALECT FILE...` over temporary files, one per script: starting the program
// is most of its cost); a lone script goes on stdin. Only ever started by an adapter that decided it
// may (CLI: unless --no-shellcheck; server: trusted workspace and enabled). The program is looked up
// on PATH (absolute entries only, never the current folder) unless a user setting names it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LintTools, ShellcheckComment, ShellcheckScript, ShellDialect } from '../core/tools';
import { backgroundShellcheck, type BackgroundShellcheck } from './shellcheck-background';

export const TIMEOUT_MS = 5000;
const CACHE_MAX = 2000;
/** Scripts per ShellCheck process (the CLI sends those of many files at once). */
const BATCH_MAX = 250;

function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch { return false; }
}

/** The ShellCheck executable: `configured` (a path, or a name looked up on PATH), else `shellcheck` on PATH. */
export function findShellcheck(configured?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = configured?.trim() || 'shellcheck';
  if (name.includes('/') || name.includes('\\')) return path.isAbsolute(name) && isExecutable(name) ? name : undefined;
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((e) => e.toLowerCase()) : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const ext of exts) {
      const p = path.join(dir, name.toLowerCase().endsWith(ext) ? name : name + ext);
      if (isExecutable(p)) return p;
    }
  }
  return undefined;
}

type Runner = Required<LintTools>;
const runners = new Map<string, Runner>();

/** What a finished run of the program left (spawnSync's result, or the same fields from an async run). */
export type Finished = Pick<SpawnSyncReturns<string>, 'error' | 'status' | 'stdout'>;

/** The comments of a finished run; undefined when it did not run properly (exit 0: clean; 1: findings). */
export function comments(r: Finished): ShellcheckComment[] | undefined {
  if (r.error || (r.status !== 0 && r.status !== 1)) return undefined;
  try { return (JSON.parse(r.stdout) as { comments: ShellcheckComment[] }).comments; } catch { return undefined; }
}

const isFile = (p: string) => { try { return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false; } catch { return false; } };

/** The rc file ShellCheck reads for a script on stdin: `.shellcheckrc` or `shellcheckrc` in the working
 * folder or the nearest parent, else the user's. Scripts run as files beside a copy of it read the same. */
function stdinRcFile(): string | undefined {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    for (const name of ['.shellcheckrc', 'shellcheckrc']) if (isFile(path.join(dir, name))) return path.join(dir, name);
    if (path.dirname(dir) === dir) break;
  }
  const home = os.homedir();
  return [path.join(home, '.shellcheckrc'), path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'shellcheckrc')].find(isFile);
}

/** Results by dialect and script, least recently used dropped first. */
export class ScriptCache {
  private readonly map = new Map<string, ShellcheckComment[] | undefined>();
  static key(script: string, dialect: ShellDialect) { return `${dialect}\0${script}`; }
  has(key: string) { return this.map.has(key); }
  get(key: string) {
    const v = this.map.get(key);
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }
  set(key: string, v: ShellcheckComment[] | undefined) {
    this.map.set(key, v);
    if (this.map.size > CACHE_MAX) this.map.delete(this.map.keys().next().value as string);
  }
}

/** Arguments for one script on stdin. */
export const stdinArgs = (dialect: ShellDialect) => ['-f', 'json1', '-s', dialect, '-'];

/**
 * Several scripts of one dialect as files in a private temporary folder (with the rc file a script on stdin
 * would read): the arguments to run there, and how to split the program's answer by script.
 */
export function batchFolder(scripts: readonly string[], dialect: ShellDialect): { dir: string; args: string[]; split: (r: Finished) => ShellcheckComment[][] | undefined } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-shellcheck-'));
  const names = scripts.map((script, k) => { fs.writeFileSync(path.join(dir, String(k)), script); return String(k); });
  const rc = stdinRcFile();
  if (rc) fs.copyFileSync(rc, path.join(dir, '.shellcheckrc'));
  const split = (r: Finished) => {
    const all = comments(r);
    if (!all) return undefined;
    const out = scripts.map((): ShellcheckComment[] => []);
    for (const c of all as (ShellcheckComment & { file?: string })[]) {
      const k = Number(c.file);
      if (!out[k]) return undefined;
      out[k].push({ ...c, file: '-' } as ShellcheckComment);
    }
    return out;
  };
  return { dir, args: ['-f', 'json1', '-s', dialect, ...(rc ? [] : ['--norc']), ...names], split };
}

export const batchTimeout = (count: number) => TIMEOUT_MS * Math.ceil(count / 10);

/** Scripts grouped by dialect, in batches of at most BATCH_MAX, each script once. */
export function batches(scripts: Iterable<ShellcheckScript>): { dialect: ShellDialect; scripts: string[] }[] {
  const byDialect = new Map<ShellDialect, Set<string>>();
  for (const { script, dialect } of scripts) {
    const set = byDialect.get(dialect) ?? new Set<string>();
    byDialect.set(dialect, set);
    set.add(script);
  }
  const out: { dialect: ShellDialect; scripts: string[] }[] = [];
  for (const [dialect, set] of byDialect) {
    const all = [...set];
    for (let from = 0; from < all.length; from += BATCH_MAX) out.push({ dialect, scripts: all.slice(from, from + BATCH_MAX) });
  }
  return out;
}

/** A runner for the executable, shared (with its cache) by every lint. */
export function shellcheckRunner(executable: string): Runner {
  const hit = runners.get(executable);
  if (hit) return hit;
  const cache = new ScriptCache();
  const runOne = (script: string, dialect: ShellDialect) =>
    comments(spawnSync(executable, stdinArgs(dialect), { input: script, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 << 20, windowsHide: true }));
  /** Several scripts of one dialect in one process; undefined when that run failed. */
  const runMany = (scripts: string[], dialect: ShellDialect): ShellcheckComment[][] | undefined => {
    let dir: string | undefined;
    try {
      const batch = batchFolder(scripts, dialect);
      dir = batch.dir;
      return batch.split(spawnSync(executable, batch.args, { cwd: dir, encoding: 'utf8', timeout: batchTimeout(scripts.length), maxBuffer: 64 << 20, windowsHide: true }));
    } catch {
      return undefined;
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const shellcheck = (script: string, dialect: ShellDialect) => {
    const key = ScriptCache.key(script, dialect);
    if (cache.has(key)) return cache.get(key);
    const out = runOne(script, dialect);
    cache.set(key, out);
    return out;
  };
  const shellcheckAll = (scripts: readonly ShellcheckScript[]) => {
    // Answers are kept here too: a run of more scripts than the cache holds must not evict its own.
    const answers = new Map<string, ShellcheckComment[] | undefined>();
    const missing: ShellcheckScript[] = [];
    for (const s of scripts) {
      const key = ScriptCache.key(s.script, s.dialect);
      if (answers.has(key)) continue;
      if (cache.has(key)) answers.set(key, cache.get(key)); else missing.push(s);
    }
    // A failed batch (one script the program chokes on) is retried one script at a time.
    for (const batch of batches(missing)) {
      const many = batch.scripts.length > 1 ? runMany(batch.scripts, batch.dialect) : undefined;
      batch.scripts.forEach((script, n) => {
        const key = ScriptCache.key(script, batch.dialect);
        const out = many ? many[n] : runOne(script, batch.dialect);
        answers.set(key, out);
        cache.set(key, out);
      });
    }
    return scripts.map(({ script, dialect }) => answers.get(ScriptCache.key(script, dialect)));
  };
  const runner = { shellcheck, shellcheckAll };
  runners.set(executable, runner);
  return runner;
}

const found = new Map<string, string | undefined>();
const background = new Map<string, BackgroundShellcheck>();

/**
 * Tools for one lint: ShellCheck when allowed and found (the lookup is remembered per setting and PATH).
 * With `background` (the language server), answers not known yet are worked out without blocking the lint,
 * and `ready` is called when they are in.
 */
export function lintTools(opts: { shellcheck: boolean; shellcheckPath?: string; background?: { document: string; ready: () => void } }): LintTools {
  if (!opts.shellcheck) return {};
  const key = `${opts.shellcheckPath ?? ''}\0${process.env.PATH ?? ''}`;
  if (!found.has(key)) found.set(key, findShellcheck(opts.shellcheckPath));
  const exe = found.get(key);
  if (!exe) return {};
  if (!opts.background) return shellcheckRunner(exe);
  let runner = background.get(exe);
  if (!runner) { runner = backgroundShellcheck(exe, opts.background.ready); background.set(exe, runner); }
  return runner.toolsFor(opts.background.document);
}

/** Forget where ShellCheck was found (settings changed). */
export function forgetShellcheckLookup() { found.clear(); }
