// ShellCheck for the language server without blocking it. A lint gets the answers already known and
// no findings yet for scripts not checked yet; those are checked in a child process in the background
// (one batch per dialect, as the CLI does), and `ready` is called when new answers are in, so the
// server lints again and the findings appear. Typing in a RUN never waits for the program, and a
// script that takes it seconds (a 4,000-command RUN) no longer freezes every editor feature.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { batchFolder, batches, batchTimeout, comments, ScriptCache, stdinArgs, TIMEOUT_MS, type Finished } from './shellcheck';
import type { LintTools, ShellcheckComment, ShellcheckScript } from '../core/tools';

const MAX_OUTPUT = 64 << 20;

function runAsync(executable: string, args: string[], opts: { cwd?: string; input?: string; timeout: number }): Promise<Finished> {
  return new Promise((resolve) => {
    let stdout = '';
    let settled = false;
    const finish = (r: Finished) => { if (!settled) { settled = true; clearTimeout(timer); resolve(r); } };
    let timer: NodeJS.Timeout | undefined;
    try {
      const child = spawn(executable, args, { cwd: opts.cwd, windowsHide: true, stdio: ['pipe', 'pipe', 'ignore'] });
      timer = setTimeout(() => { child.kill(); finish({ error: new Error('timed out'), status: null, stdout }); }, opts.timeout);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d: string) => { stdout += d; if (stdout.length > MAX_OUTPUT) child.kill(); });
      child.on('error', (error) => finish({ error, status: null, stdout }));
      child.on('close', (status) => finish({ error: undefined, status, stdout }));
      child.stdin.on('error', () => undefined); // the program may exit without reading all of it
      child.stdin.end(opts.input ?? '');
    } catch (error) {
      finish({ error: error as Error, status: null, stdout });
    }
  });
}

export interface BackgroundShellcheck {
  /** Tools for a lint of one document: known answers now, the rest checked in the background. */
  toolsFor(document: string): LintTools;
}

export function backgroundShellcheck(executable: string, ready: () => void): BackgroundShellcheck {
  const cache = new ScriptCache();
  /** By document, the scripts its latest lint found unchecked (older versions of a script being typed drop out). */
  const wanted = new Map<string, ShellcheckScript[]>();
  let running = false;

  const runOne = async (script: string, s: ShellcheckScript['dialect']) =>
    comments(await runAsync(executable, stdinArgs(s), { input: script, timeout: TIMEOUT_MS }));
  const runBatch = async ({ dialect, scripts }: { dialect: ShellcheckScript['dialect']; scripts: string[] }) => {
    let many: ShellcheckComment[][] | undefined;
    if (scripts.length > 1) {
      let dir: string | undefined;
      try {
        const batch = batchFolder(scripts, dialect);
        dir = batch.dir;
        many = batch.split(await runAsync(executable, batch.args, { cwd: dir, timeout: batchTimeout(scripts.length) }));
      } catch {
        many = undefined;
      } finally {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    // A failed batch (one script the program chokes on) is retried one script at a time.
    for (let n = 0; n < scripts.length; n++) cache.set(ScriptCache.key(scripts[n], dialect), many ? many[n] : await runOne(scripts[n], dialect));
  };
  const drain = async () => {
    if (running) return;
    running = true;
    try {
      while (wanted.size) {
        const todo = [...wanted.values()].flat().filter((s) => !cache.has(ScriptCache.key(s.script, s.dialect)));
        wanted.clear();
        for (const batch of batches(todo)) await runBatch(batch);
        if (todo.length) ready();
      }
    } finally {
      running = false;
    }
  };

  return {
    toolsFor(document: string): LintTools {
      /** `all`: the whole set of the document's scripts (what the rule passes), replacing what an older lint wanted. */
      const lookup = (scripts: readonly ShellcheckScript[], all: boolean) => {
        const missing = scripts.filter((s) => !cache.has(ScriptCache.key(s.script, s.dialect)));
        if (missing.length) {
          wanted.set(document, all ? missing : [...(wanted.get(document) ?? []), ...missing]);
          setImmediate(() => void drain());
        } else if (all) wanted.delete(document);
        return scripts.map((s) => { const key = ScriptCache.key(s.script, s.dialect); return cache.has(key) ? cache.get(key) : undefined; });
      };
      return { shellcheck: (script, dialect) => lookup([{ script, dialect }], false)[0], shellcheckAll: (scripts) => lookup(scripts, true) };
    },
  };
}
