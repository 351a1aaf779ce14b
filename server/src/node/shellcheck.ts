// Runs ShellCheck for the `shellcheck` rule: `shellcheck -f json1 -s DIALECT -` on each RUN script,
// synchronously, with results cached by script. Only ever started by an adapter that decided it may
// (CLI: unless --no-shellcheck; server: trusted workspace and enabled). The program is looked up on
// PATH (absolute entries only, never the current folder) unless a user setting names it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintTools, ShellcheckComment, ShellDialect } from '../core/tools';

const TIMEOUT_MS = 5000;
const CACHE_MAX = 2000;

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

const runners = new Map<string, NonNullable<LintTools['shellcheck']>>();

/** A runner for the executable, shared (with its cache) by every lint. */
export function shellcheckRunner(executable: string): NonNullable<LintTools['shellcheck']> {
  const hit = runners.get(executable);
  if (hit) return hit;
  const cache = new Map<string, ShellcheckComment[] | undefined>();
  const runner = (script: string, dialect: ShellDialect): ShellcheckComment[] | undefined => {
    const key = `${dialect}\0${script}`;
    if (cache.has(key)) {
      const v = cache.get(key);
      cache.delete(key);
      cache.set(key, v);
      return v;
    }
    const r = spawnSync(executable, ['-f', 'json1', '-s', dialect, '-'], { input: script, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 << 20, windowsHide: true });
    let out: ShellcheckComment[] | undefined;
    // Exit 0: clean; 1: findings. Anything else (crash, timeout, missing) counts as "could not run".
    if (!r.error && (r.status === 0 || r.status === 1)) {
      try { out = (JSON.parse(r.stdout) as { comments: ShellcheckComment[] }).comments; } catch { out = undefined; }
    }
    cache.set(key, out);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
    return out;
  };
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
  return exe ? { shellcheck: shellcheckRunner(exe) } : {};
}

/** Forget where ShellCheck was found (settings changed). */
export function forgetShellcheckLookup() { found.clear(); }
