// Command-line parsing with clear messages for every mistake (exit status 2).

export class UsageError extends Error {}

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  config?: string;
  stdinFilename?: string;
  profiles?: string[];
  failureThreshold?: string;
  color: boolean;
  quiet: boolean;
  /** Run ShellCheck on RUN scripts when it is on PATH (default); --no-shellcheck turns it off. */
  shellcheck: boolean;
}
export interface RulesArgs { command: 'rules'; format: 'text' | 'json' }
export interface HardenArgs { command: 'harden'; file: string; write: boolean; config?: string }
export type Args = LintArgs | RulesArgs | HardenArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  seaworthy lint [PATH...] [options]     lint Dockerfiles and compose files (folders are searched)
  seaworthy harden FILE [--write]        print (or apply) the hardening edits for a Dockerfile
  seaworthy rules [--format json]        list every rule with its metadata

lint options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply safe fixes in place, then report what is left
  --config FILE              settings file in .seaworthy.yaml, .hadolint.yaml or .dclintrc format
                             (default: the nearest such file above each linted file)
  --profile NAMES            comma-separated profiles: recommended,strict,style
  --failure-threshold LEVEL  lowest severity that fails the run: error|warning|info|hint|none (default: info)
  --stdin-filename NAME      with PATH "-": read stdin and lint it as NAME
  --no-shellcheck            do not run ShellCheck on RUN scripts (it runs when found on PATH)
  --quiet                    print nothing when there are no problems
  --no-color                 plain text output

Exit status: 0 no problems at or above the threshold, 1 problems found, 2 usage, configuration or file errors.`;

function value(argv: string[], i: number, name: string): string {
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('--') && v !== '-')) throw new UsageError(`${name} needs a value`);
  return v;
}

export function parseArgs(argv: string[], isTty: boolean): Args {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') return { command: 'help' };
  if (cmd === '-v' || cmd === '--version') return { command: 'version' };
  if (cmd === 'rules') {
    let format: RulesArgs['format'] = 'text';
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--format') { const v = value(rest, i++, a); if (v !== 'json' && v !== 'text') throw new UsageError(`--format for rules must be text or json, not "${v}"`); format = v; }
      else if (a.startsWith('--format=')) { const v = a.slice(9); if (v !== 'json' && v !== 'text') throw new UsageError(`--format for rules must be text or json, not "${v}"`); format = v; }
      else throw new UsageError(`unknown option for rules: ${a}`);
    }
    return { command: 'rules', format };
  }
  if (cmd === 'harden') {
    const out: HardenArgs = { command: 'harden', file: '', write: false };
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--write') out.write = true;
      else if (a === '--config') out.config = value(rest, i++, a);
      else if (a.startsWith('--')) throw new UsageError(`unknown option for harden: ${a}`);
      else if (out.file) throw new UsageError('harden takes one file');
      else out.file = a;
    }
    if (!out.file) throw new UsageError('harden needs a Dockerfile path');
    return out;
  }
  if (cmd !== 'lint') throw new UsageError(`unknown command "${cmd}"; try: seaworthy lint PATH`);
  const out: LintArgs = { command: 'lint', paths: [], format: 'text', fix: false, color: isTty && !process.env.NO_COLOR, quiet: false, shellcheck: true };
  for (let i = 0; i < rest.length; i++) {
    let a = rest[i];
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) { inline = a.slice(a.indexOf('=') + 1); a = a.slice(0, a.indexOf('=')); }
    const take = () => inline ?? value(rest, i++, a);
    switch (a) {
      case '--format': {
        const v = take();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
        out.format = v;
        break;
      }
      case '--fix': out.fix = true; break;
      case '--config': out.config = take(); break;
      case '--stdin-filename': out.stdinFilename = take(); break;
      case '--profile': out.profiles = take().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--failure-threshold': out.failureThreshold = take(); break;
      case '--quiet': out.quiet = true; break;
      case '--no-shellcheck': out.shellcheck = false; break;
      case '--no-color': out.color = false; break;
      case '--color': out.color = true; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        out.paths.push(a);
    }
  }
  if (!out.paths.length) out.paths.push('.');
  if (out.paths.includes('-') && out.paths.length > 1) throw new UsageError('"-" (stdin) cannot be combined with other paths');
  if (out.paths.includes('-') && out.fix) throw new UsageError('--fix cannot rewrite stdin; pipe the file through harden instead');
  return out;
}
