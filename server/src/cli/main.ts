// The `seaworthy` command: a thin adapter from files and flags to the core engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError, USAGE, type LintArgs } from './args';
import { discover } from './discover';
import { formatJson, formatSarif, formatText, type FileReport } from './formats';
import { runRules } from './rules-command';
import { runHarden } from './harden-command';
import { lint, type LintInput } from '../core/engine';
import { fixAll } from '../core/fix';
import { guessKind, kindFromName } from '../core/kind';
import { PROFILES, type Profile } from '../core/rule';
import { mergeSettings, type RuleSettings } from '../core/config/settings';
import type { DocumentKind, Severity } from '../core/types';
import { VERSION } from '../core/meta';
import { FileCache, fsWorkspace } from '../node/fs-workspace';
import { writeFileEdits } from '../node/file-edits';
import { ConfigResolver, problemLocation, resolveConfig, type ResolvedConfig } from '../node/config-files';
import { excludedBy } from '../core/config/glob';
import { configFormatOf } from '../core/config/project';
import { lintTools } from '../node/shellcheck';
import { prefetchShellcheck } from './shellcheck-prefetch';
import { own } from '../core/own';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
/** Files linted together (their ShellCheck scripts batched); bounded so the runner's script cache holds a group's answers. */
const GROUP_SIZE = 100;

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

// Configuration: `--config FILE` (any of the three formats) for every file, otherwise the nearest
// .seaworthy.yaml / .hadolint.yaml / .dclintrc walking up from each file to the repository root;
// command-line flags override both.
function settingsFrom(args: LintArgs, cfg: ResolvedConfig): Partial<RuleSettings> {
  return mergeSettings(cfg.settings, args.profiles ? { profiles: args.profiles as Profile[] } : undefined);
}

class CliConfig {
  private readonly resolver = new ConfigResolver();
  private explicit?: ResolvedConfig;
  private readonly reported = new Set<string>();
  errors = 0;
  constructor(private readonly args: LintArgs) {}

  for(absPath: string, kind: DocumentKind): ResolvedConfig {
    if (this.args.config) {
      this.explicit ??= resolveConfig([this.resolver.load(this.args.config)]);
      this.report(this.explicit);
      return this.explicit;
    }
    const dir = path.dirname(absPath);
    const cfg = this.resolver.forDirectory(dir, kind, this.resolver.repositoryRoot(dir));
    this.report(cfg);
    return cfg;
  }

  /** Each config file's errors and warnings once, at file, key path, line and column; errors make the run exit 2. */
  /** A configuration file named on the command line is checked, not linted. */
  check(file: string) {
    this.report(resolveConfig([this.resolver.load(file)]));
  }

  private report(cfg: ResolvedConfig) {
    for (const f of cfg.files) {
      if (this.reported.has(f.file)) continue;
      this.reported.add(f.file);
      if (f.errors.length) this.errors++;
      for (const p of f.problems) {
        if (p.severity === 'info') continue;
        const loc = f.text ? problemLocation(f.text, p) : undefined;
        fail(`${displayPath(f.file)}: ${p.path ? p.path + ': ' : ''}${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${loc ? ` (line ${loc.line}, column ${loc.column})` : ''}`);
      }
    }
  }
}

function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** The exclude pattern (and its file) that skips `absPath`, if any. */
function exclusion(absPath: string, cfg: ResolvedConfig): string | undefined {
  for (const e of cfg.exclude) {
    const hit = excludedBy(path.relative(e.base, absPath).split(path.sep).join('/'), e.patterns);
    if (hit) return `${displayPath(e.file)} (exclude: ${hit})`;
  }
  return undefined;
}

function workspaceRoot(file: string): string {
  const abs = path.resolve(file);
  const cwd = process.cwd();
  return abs.startsWith(cwd + path.sep) ? cwd : path.dirname(abs);
}

function runLint(args: LintArgs): number {
  for (const p of args.profiles ?? []) if (!PROFILES.includes(p as Profile)) throw new UsageError(`unknown profile "${p}"; valid: ${PROFILES.join(', ')}`);
  const threshold = args.failureThreshold ?? 'info';
  if (threshold !== 'none' && own(RANK, threshold) === undefined) throw new UsageError(`--failure-threshold must be error, warning, info, hint or none, not "${threshold}"`);
  const configs = new CliConfig(args);
  const reports: FileReport[] = [];
  const thresholds: { threshold: Severity | 'none'; noFail: boolean }[] = [];
  let fileErrors = 0;
  const ruleErrors = new Set<string>();
  // Real paths and file texts (.dockerignore, Dockerfiles named by compose files) shared by the files of this run.
  const files = new FileCache(true);

  interface Job { displayPath: string; absPath: string; input: LintInput; workspace: ReturnType<typeof fsWorkspace>; cfg: ResolvedConfig }
  /** The lint input of a file; undefined when an exclude pattern skips it (silently: pre-commit hooks name every changed file). */
  const prepare = (displayPath: string, absPath: string, text: string, explicit: boolean): Job | undefined => {
    const kind = explicit ? guessKind(absPath, text) : kindFromName(absPath) ?? guessKind(absPath, text);
    const cfg = configs.for(absPath, kind);
    if (exclusion(absPath, cfg)) return undefined;
    const root = workspaceRoot(absPath);
    const workspace = fsWorkspace(path.dirname(absPath), root, undefined, files);
    const input: LintInput = {
      text, kind, path: path.relative(root, absPath) || path.basename(absPath), workspace, settings: settingsFrom(args, cfg),
      tools: lintTools({ shellcheck: args.shellcheck && cfg.shellcheck?.enable !== false }),
    };
    return { displayPath, absPath, input, workspace, cfg };
  };
  const lintJob = ({ displayPath, absPath, input, workspace, cfg }: Job) => {
    let text = input.text;
    if (args.fix) {
      const fixed = fixAll(input);
      if (fixed.text !== text) {
        try { fs.writeFileSync(absPath, fixed.text); } catch (e) { fail(`${displayPath}: cannot write fixes (${(e as NodeJS.ErrnoException).code})`); fileErrors++; }
        text = fixed.text;
      }
      writeFileEdits(path.dirname(absPath), fixed.fileEdits);
      // Files may have been written: what the workspace said before no longer holds.
      files.clear();
      workspace.forget();
    }
    const res = lint({ ...input, text });
    for (const r of res.ruleErrors) if (!ruleErrors.has(r.rule)) { ruleErrors.add(r.rule); fail(`internal error in rule ${r.rule} (other rules ran): ${r.message.split('\n')[0]}`); }
    reports.push({ path: displayPath, text, findings: res.findings });
    thresholds.push({ threshold: (args.failureThreshold ?? cfg.failureThreshold ?? 'info') as Severity | 'none', noFail: !!cfg.noFail && !args.failureThreshold });
  };
  /** Lints a group of files, their RUN scripts sent to ShellCheck together first (one program start, not one per file). */
  const lintGroup = (jobs: Job[]) => {
    if (jobs.length > 1) prefetchShellcheck(jobs.map((j) => j.input));
    for (const j of jobs) lintJob(j);
    jobs.length = 0;
  };

  const group: Job[] = [];
  if (args.paths[0] === '-') {
    const name = args.stdinFilename ?? 'Dockerfile';
    const job = prepare(name, path.resolve(name), readStdin(), true);
    if (job) group.push(job);
  } else {
    const { targets, errors } = discover(args.paths);
    for (const e of errors) { fail(e); fileErrors++; }
    for (const t of targets) {
      const r = readText(t.path);
      if (r.error) { fail(`${t.path}: ${r.error}`); fileErrors++; continue; }
      if (t.explicit && configFormatOf(t.path)) { configs.check(t.path); continue; }
      const job = prepare(t.path, path.resolve(t.path), r.text!, t.explicit);
      if (job) group.push(job);
      if (group.length >= GROUP_SIZE) lintGroup(group);
    }
  }
  lintGroup(group);

  if (args.format === 'json') write(formatJson(reports));
  else if (args.format === 'sarif') write(formatSarif(reports));
  else {
    const any = reports.some((r) => r.findings.length);
    if (any || !args.quiet) write(formatText(reports, args.color));
  }
  if (configs.errors) return 2;
  const failing = reports.some((r, i) => {
    const { threshold: t, noFail } = thresholds[i];
    return !noFail && t !== 'none' && r.findings.some((f) => RANK[f.severity] >= RANK[t]);
  });
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
