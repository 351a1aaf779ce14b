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

const TIMEOUT_MS = 5000;
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

/** The comments of a finished run; undefined when it did not run properly (exit 0: clean; 1: findings). */
function comments(r: SpawnSyncReturns<string>): ShellcheckComment[] | undefined {
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

/** A runner for the executable, shared (with its cache) by every lint. */
export function shellcheckRunner(executable: string): Runner {
  const hit = runners.get(executable);
  if (hit) return hit;
  const cache = new Map<string, ShellcheckComment[] | undefined>();
  const cached = (key: string) => {
    const v = cache.get(key);
    cache.delete(key);
    cache.set(key, v);
    return v;
  };
  const remember = (key: string, v: ShellcheckComment[] | undefined) => {
    cache.set(key, v);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  };
  const runOne = (script: string, dialect: ShellDialect) =>
    comments(spawnSync(executable, ['-f', 'json1', '-s', dialect, '-'], { input: script, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 << 20, windowsHide: true }));
  /** Several scripts of one dialect, one file each in a private temporary folder; undefined when that run failed. */
  const runMany = (scripts: string[], dialect: ShellDialect): ShellcheckComment[][] | undefined => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seaworthy-shellcheck-'));
    try {
      const names = scripts.map((script, k) => { fs.writeFileSync(path.join(dir, String(k)), script); return String(k); });
      const rc = stdinRcFile();
      if (rc) fs.copyFileSync(rc, path.join(dir, '.shellcheckrc'));
      const r = spawnSync(executable, ['-f', 'json1', '-s', dialect, ...(rc ? [] : ['--norc']), ...names], {
        cwd: dir, encoding: 'utf8', timeout: TIMEOUT_MS * Math.ceil(scripts.length / 10), maxBuffer: 64 << 20, windowsHide: true,
      });
      const all = comments(r);
      if (!all) return undefined;
      const out = scripts.map((): ShellcheckComment[] => []);
      for (const c of all as (ShellcheckComment & { file?: string })[]) {
        const k = Number(c.file);
        if (!out[k]) return undefined;
        out[k].push({ ...c, file: '-' } as ShellcheckComment);
      }
      return out;
    } catch {
      return undefined;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const shellcheck = (script: string, dialect: ShellDialect) => {
    const key = `${dialect}\0${script}`;
    if (cache.has(key)) return cached(key);
    const out = runOne(script, dialect);
    remember(key, out);
    return out;
  };
  const shellcheckAll = (scripts: readonly ShellcheckScript[]) => {
    const results = new Array<ShellcheckComment[] | undefined>(scripts.length);
    const todo = new Map<ShellDialect, Map<string, number[]>>();
    scripts.forEach(({ script, dialect }, k) => {
      const key = `${dialect}\0${script}`;
      if (cache.has(key)) { results[k] = cached(key); return; }
      const byScript = todo.get(dialect) ?? new Map<string, number[]>();
      todo.set(dialect, byScript);
      byScript.set(script, [...(byScript.get(script) ?? []), k]);
    });
    for (const [dialect, byScript] of todo) {
      const all = [...byScript.keys()];
      // Batches of a bounded size: a failed batch (one script the program chokes on) is retried one script at a time.
      for (let from = 0; from < all.length; from += BATCH_MAX) {
        const list = all.slice(from, from + BATCH_MAX);
        const many = list.length > 1 ? runMany(list, dialect) : undefined;
        list.forEach((script, n) => {
          const out = many ? many[n] : runOne(script, dialect);
          remember(`${dialect}\0${script}`, out);
          for (const k of byScript.get(script)!) results[k] = out;
        });
      }
    }
    return results;
  };
  const runner = { shellcheck, shellcheckAll };
  runners.set(executable, runner);
  return runner;
}

const found = new Map<string, string | undefined>();

/** Tools for one lint: ShellCheck when allowed and found (the lookup is remembered per setting and PATH). */
export function lintTools(opts: { shellcheck: boolean; shellcheckPath?: string }): LintTools {
  if (!opts.shellcheck) return {};
  const key = `${opts.shellcheckPath ?? ''}\0${process.env.PATH ?? ''}`;
  if (!found.has(key)) found.set(key, findShellcheck(opts.shellcheckPath));
  const exe = found.get(key);
  return exe ? shellcheckRunner(exe) : {};
}

/** Forget where ShellCheck was found (settings changed). */
export function forgetShellcheckLookup() { found.clear(); }
