// The `seaworthy` command: a thin adapter from files and flags to the core engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError, USAGE, type LintArgs } from './args';
import { discover } from './discover';
import { formatJson, formatSarif, formatText, type FileReport } from './formats';
import { runRules } from './rules-command';
import { runHarden } from './harden-command';
import { lint } from '../core/engine';
import { fixAll } from '../core/fix';
import { guessKind, kindFromName } from '../core/kind';
import { PROFILES, type Profile } from '../core/rule';
import type { RuleSettings } from '../core/config/settings';
import type { Severity } from '../core/types';
import { VERSION } from '../core/meta';
import { fsWorkspace } from '../node/fs-workspace';
import { findConfigFile, loadConfigFile } from '../node/config-files';
import type { LoadedConfig } from '../core/config/hadolint';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

function write(s: string) { process.stdout.write(s); }
function fail(msg: string) { process.stderr.write(`seaworthy: ${msg}\n`); }

function readText(file: string): { text?: string; error?: string } {
  let buf: Buffer;
  try { buf = fs.readFileSync(file); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code})` };
  }
  if (buf.subarray(0, 8000).includes(0)) return { error: 'binary file (contains NUL bytes), not a Dockerfile or compose file' };
  return { text: buf.toString('utf8') };
}

function readStdin(): string {
  try { return fs.readFileSync(0, 'utf8'); } catch { return ''; }
}

interface ConfigChoice { loaded?: LoadedConfig & { file: string } }

function settingsFrom(args: LintArgs, cfg: ConfigChoice): Partial<RuleSettings> {
  const s: Partial<RuleSettings> = { ...(cfg.loaded?.settings ?? {}) };
  if (args.profiles) s.profiles = args.profiles as Profile[];
  return s;
}

function configFor(file: string, args: LintArgs, cache: Map<string, ConfigChoice>): ConfigChoice {
  if (args.config) {
    const hit = cache.get('--config');
    if (hit) return hit;
    const c = { loaded: loadConfigFile(args.config) };
    cache.set('--config', c);
    return c;
  }
  const dir = path.dirname(path.resolve(file));
  const hit = cache.get(dir);
  if (hit) return hit;
  const found = findConfigFile(dir);
  const c = found ? { loaded: loadConfigFile(found) } : {};
  cache.set(dir, c);
  return c;
}

function workspaceRoot(file: string): string {
  const abs = path.resolve(file);
  const cwd = process.cwd();
  return abs.startsWith(cwd + path.sep) ? cwd : path.dirname(abs);
}

function runLint(args: LintArgs): number {
  for (const p of args.profiles ?? []) if (!PROFILES.includes(p as Profile)) throw new UsageError(`unknown profile "${p}"; valid: ${PROFILES.join(', ')}`);
  const threshold = args.failureThreshold ?? 'info';
  if (threshold !== 'none' && !(threshold in RANK)) throw new UsageError(`--failure-threshold must be error, warning, info, hint or none, not "${threshold}"`);
  const configs = new Map<string, ConfigChoice>();
  const reports: FileReport[] = [];
  let fileErrors = 0;
  let configErrors = 0;
  const reportedConfigs = new Set<string>();
  const ruleErrors = new Set<string>();

  const lintOne = (displayPath: string, absPath: string, text: string, explicit: boolean) => {
    const cfg = configFor(absPath, args, configs);
    if (cfg.loaded?.errors.length) {
      if (!reportedConfigs.has(cfg.loaded.file)) {
        reportedConfigs.add(cfg.loaded.file);
        for (const e of cfg.loaded.errors) fail(`${cfg.loaded.file}: ${e.path ? e.path + ': ' : ''}${e.message}`);
        configErrors++;
      }
      return;
    }
    const kind = explicit ? guessKind(absPath, text) : kindFromName(absPath) ?? guessKind(absPath, text);
    const root = workspaceRoot(absPath);
    const input = {
      text, kind, path: path.relative(root, absPath) || path.basename(absPath),
      workspace: fsWorkspace(path.dirname(absPath), root), settings: settingsFrom(args, cfg),
    };
    if (args.fix) {
      const fixed = fixAll(input);
      if (fixed.text !== text) {
        try { fs.writeFileSync(absPath, fixed.text); } catch (e) { fail(`${displayPath}: cannot write fixes (${(e as NodeJS.ErrnoException).code})`); fileErrors++; }
        text = fixed.text;
      }
      for (const fe of fixed.fileEdits) {
        const target = path.resolve(path.dirname(absPath), fe.path);
        if (fe.create && !fs.existsSync(target)) fs.writeFileSync(target, fe.newText);
        else if (fe.append) fs.appendFileSync(target, fe.newText);
      }
    }
    const res = lint({ ...input, text });
    for (const r of res.ruleErrors) if (!ruleErrors.has(r.rule)) { ruleErrors.add(r.rule); fail(`internal error in rule ${r.rule} (other rules ran): ${r.message.split('\n')[0]}`); }
    reports.push({ path: displayPath, text, findings: res.findings });
  };

  if (args.paths[0] === '-') {
    const name = args.stdinFilename ?? 'Dockerfile';
    lintOne(name, path.resolve(name), readStdin(), true);
  } else {
    const { targets, errors } = discover(args.paths);
    for (const e of errors) { fail(e); fileErrors++; }
    for (const t of targets) {
      const r = readText(t.path);
      if (r.error) { fail(`${t.path}: ${r.error}`); fileErrors++; continue; }
      lintOne(t.path, path.resolve(t.path), r.text!, t.explicit);
    }
  }

  if (args.format === 'json') write(formatJson(reports));
  else if (args.format === 'sarif') write(formatSarif(reports));
  else {
    const any = reports.some((r) => r.findings.length);
    if (any || !args.quiet) write(formatText(reports, args.color));
  }
  if (configErrors) return 2;
  const cfgThreshold = args.config ? configs.get('--config')?.loaded?.failureThreshold : undefined;
  const noFail = args.config ? configs.get('--config')?.loaded?.noFail : undefined;
  const t = (args.failureThreshold ?? cfgThreshold ?? 'info') as Severity | 'none';
  const failing = !noFail && t !== 'none' && reports.some((r) => r.findings.some((f) => RANK[f.severity] >= RANK[t]));
  if (fileErrors) return 2;
  return failing ? 1 : 0;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv, !!process.stdout.isTTY);
    switch (args.command) {
      case 'help': write(USAGE + '\n'); return 0;
      case 'version': write(VERSION + '\n'); return 0;
      case 'rules': write(runRules(args.format)); return 0;
      case 'harden': return runHarden(args);
      case 'lint': return runLint(args);
    }
  } catch (e) {
    if (e instanceof UsageError) { fail(e.message); process.stderr.write('Run "seaworthy --help" for usage.\n'); return 2; }
    fail(`unexpected error: ${(e as Error).stack ?? e}`);
    return 2;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); });
process.exitCode = main(process.argv.slice(2));
