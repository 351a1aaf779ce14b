// Small helpers for rules that inspect shell commands (argument conventions of getopt-style tools).
import type { ShCommand, ShWord } from './model';
import { baseName } from './parse';
import { emptied, takeAll } from './list-builder';

/** Options that take a value, so that value is not mistaken for a flag cluster or a positional argument. */
export interface OptionSpec {
  /** Short flags taking a value, e.g. `'ot'` for `-o X` / `-oX` / `-t X`. */
  shortWithValue?: string;
  /** Long flags (without `--`) taking a value as the next word when written without `=`. */
  longWithValue?: readonly string[];
}

/** Basename of the command name (`/usr/bin/apt-get` → `apt-get`); undefined for assignment/redirect-only commands. */
export function commandName(cmd: ShCommand): string | undefined {
  return cmd.name === undefined ? undefined : baseName(cmd.name.value);
}

/**
 * Called for each option found by scan: the word holding it, whether it is a long option (`--name`), its name
 * (one character for a short flag) and its value when it takes one. Returning true stops the scan.
 */
type OnOption = (word: ShWord, long: boolean, name: string, value: string | undefined) => boolean | void;

/**
 * Walks the arguments getopt-style: reports options (one per short flag of a cluster) and positionals.
 * Without `onOption`, option names and values are not sliced out (positionalArgs: every package reading asks).
 */
function scan(cmd: ShCommand, spec: OptionSpec | undefined, onOption: OnOption | undefined, onPositional?: (w: ShWord) => void): void {
  const args = cmd.args;
  const shortV = spec?.shortWithValue ?? '';
  const longV = spec?.longWithValue ?? [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v === '--') {
      if (onPositional) for (let k = i + 1; k < args.length; k++) onPositional(args[k]);
      return;
    }
    if (isLongOption(v)) {
      const eq = v.indexOf('=');
      const takesNext = eq < 0 && i + 1 < args.length && isLongIn(v, longV); // `--opt VALUE`
      if (takesNext) i++;
      if (onOption && onOption(w, true, eq < 0 ? v.slice(2) : v.slice(2, eq), eq >= 0 ? v.slice(eq + 1) : takesNext ? args[i].value : undefined) === true) return;
      continue;
    }
    if (isShortOptions(w)) {
      for (let k = 1; k < v.length; k++) {
        const name = v[k];
        if (shortV.includes(name)) {
          // It takes the rest of the word, or the next word when it ends the cluster.
          const value = k < v.length - 1 ? v.slice(k + 1) : i + 1 < args.length ? args[++i].value : undefined;
          if (onOption?.(w, false, name, value) === true) return;
          break;
        }
        if (onOption?.(w, false, name, undefined) === true) return;
      }
      continue;
    }
    onPositional?.(w);
  }
}

/** `--name` or `--name=value` (not `--` alone). */
const isLongOption = (v: string) => v.length > 2 && v.charCodeAt(0) === 45 && v.charCodeAt(1) === 45;

/** `-x`, `-xyz`, `-ovalue`: a cluster of short flags (a dynamic word such as `-$X` is taken as an operand). */
const isShortOptions = (w: ShWord) => w.value.length > 1 && w.value.charCodeAt(0) === 45 && !w.dynamic;

/** `--name` (no `=value`) whose name is in `names`, compared in place. */
function isLongIn(v: string, names: readonly string[]): boolean {
  for (const n of names) if (n.length === v.length - 2 && v.startsWith(n, 2)) return true;
  return false;
}

const list = (x: string | readonly string[] | undefined): readonly string[] => (x === undefined ? [] : typeof x === 'string' ? [x] : x);

/**
 * True when the command has the short flag (alone or in a cluster: `-qy` has `y`) or one of the long flags
 * (`--yes`, `--yes=true`). `short` is a single character; `long` names are given without `--`.
 */
export function hasFlag(cmd: ShCommand, short: string | undefined, long?: string | readonly string[], spec?: OptionSpec): boolean {
  return findFlag(cmd, short, long, spec) !== undefined;
}

/** The word holding the flag (see hasFlag), for diagnostics and fixes. */
export function findFlag(cmd: ShCommand, short: string | undefined, long?: string | readonly string[], spec?: OptionSpec): ShWord | undefined {
  wanted.start(short, long);
  scan(cmd, spec, takeWord);
  const word = wanted.word;
  wanted.start(undefined, undefined);
  return word;
}

/** The value of an option: `-o X`, `-oX` (needs `o` in spec.shortWithValue), `--opt=X`, `--opt X` (needs it in longWithValue). Last one wins. */
export function flagValue(cmd: ShCommand, short: string | undefined, long?: string | readonly string[], spec?: OptionSpec): string | undefined {
  wanted.start(short, long);
  scan(cmd, spec, takeValue);
  const value = wanted.value;
  wanted.start(undefined, undefined);
  return value;
}

/**
 * The flag findFlag or flagValue looks for and what it found: one object and two callbacks for every call (scan
 * calls back synchronously, and neither function nests), where each call made a closure over its locals and a
 * list for a single long name (the rules ask ~1,100 times per corpus pass). Emptied before they return, so
 * nothing of a lint stays reachable from here.
 */
const wanted = {
  short: undefined as string | undefined,
  long: undefined as string | readonly string[] | undefined,
  word: undefined as ShWord | undefined,
  value: undefined as string | undefined,
  start(short: string | undefined, long: string | readonly string[] | undefined): void {
    this.short = short;
    this.long = long;
    this.word = undefined;
    this.value = undefined;
  },
  /** The option is the wanted flag (`long` compared as the list it stands for: see list). */
  is(isLong: boolean, name: string): boolean {
    if (!isLong) return name === this.short;
    const long = this.long;
    return typeof long === 'string' ? name === long : long !== undefined && long.includes(name);
  },
};
const takeWord: OnOption = (word, isLong, name) => {
  if (!wanted.is(isLong, name)) return false;
  wanted.word = word;
  return true;
};
const takeValue: OnOption = (_word, isLong, name, value) => {
  if (value !== undefined && wanted.is(isLong, name)) wanted.value = value;
};

/** Arguments that are neither options nor option values (everything after `--` is positional). */
export function positionalArgs(cmd: ShCommand, spec?: OptionSpec): ShWord[] {
  emptied(positionals);
  scan(cmd, spec, undefined, pushPositional);
  return takeAll(positionals);
}

// One list and callback for every positionalArgs call (scan calls back synchronously and positionalArgs does not
// nest): no closure per call, and an exact-size answer, which package readings keep until the lint ends.
const positionals: ShWord[] = [];
const pushPositional = (w: ShWord): void => { positionals.push(w); };

export interface PackageInstall {
  /** Basename of the package manager command. */
  manager: string;
  /** The subcommand word (`install`, `add`, `in`...). */
  subcommand: ShWord;
  /** Package arguments (positionals after the subcommand). */
  packages: ShWord[];
}

interface Manager { install: readonly string[]; spec: OptionSpec }
const MANAGERS: ReadonlyMap<string, Manager> = new Map<string, Manager>([
  ['apt-get', { install: ['install'], spec: { shortWithValue: 'oct', longWithValue: ['option', 'config-file', 'target-release'] } }],
  ['apt', { install: ['install'], spec: { shortWithValue: 'oct', longWithValue: ['option', 'config-file', 'target-release'] } }],
  ['aptitude', { install: ['install'], spec: { shortWithValue: 'oct', longWithValue: ['option', 'target-release'] } }],
  ['apk', { install: ['add'], spec: { shortWithValue: 'XtpU', longWithValue: ['repository', 'virtual', 'root', 'arch', 'cache-dir', 'keys-dir'] } }],
  ['yum', { install: ['install'], spec: { shortWithValue: 'cRdex', longWithValue: ['setopt', 'enablerepo', 'disablerepo', 'exclude', 'installroot', 'releasever'] } }],
  ['dnf', { install: ['install'], spec: { shortWithValue: 'cRdex', longWithValue: ['setopt', 'enablerepo', 'disablerepo', 'exclude', 'installroot', 'releasever'] } }],
  ['microdnf', { install: ['install'], spec: { longWithValue: ['setopt', 'enablerepo', 'disablerepo', 'installroot', 'releasever'] } }],
  ['tdnf', { install: ['install'], spec: { shortWithValue: 'cR', longWithValue: ['enablerepo', 'disablerepo', 'installroot', 'releasever'] } }],
  ['zypper', { install: ['install', 'in'], spec: { shortWithValue: 'rRDt', longWithValue: ['repo', 'root', 'type', 'from'] } }],
  ['pip', { install: ['install'], spec: { shortWithValue: 'rceit', longWithValue: ['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'target', 'find-links', 'prefix', 'root', 'trusted-host', 'platform', 'python-version'] } }],
  ['pip3', { install: ['install'], spec: { shortWithValue: 'rceit', longWithValue: ['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'target', 'find-links', 'prefix', 'root', 'trusted-host', 'platform', 'python-version'] } }],
  ['npm', { install: ['install', 'i', 'add'], spec: { longWithValue: ['registry', 'prefix', 'cache', 'userconfig'] } }],
  ['gem', { install: ['install'], spec: { shortWithValue: 'vsi', longWithValue: ['version', 'source', 'install-dir', 'bindir'] } }],
]);

/** The options grammar of a known package manager, for hasFlag/positionalArgs on its commands. */
export function packageManagerSpec(manager: string): OptionSpec | undefined {
  return MANAGERS.get(manager)?.spec;
}

/**
 * `apt-get install ...`, `apk add ...`, `yum/dnf install`, `zypper in`, `pip install`, `npm install`, `gem install`.
 * Undefined for other commands and other subcommands.
 */
export function isPackageManagerInstall(cmd: ShCommand): PackageInstall | undefined {
  const manager = commandName(cmd);
  const m = manager === undefined ? undefined : MANAGERS.get(manager);
  if (m === undefined || manager === undefined) return undefined;
  const pos = positionalArgs(cmd, m.spec);
  if (pos.length === 0 || !m.install.includes(pos[0].value)) return undefined;
  return { manager, subcommand: pos[0], packages: pos.slice(1) };
}

/** Every value of an option, in order (`-o A -o B` → ['A', 'B']); same grammar as flagValue. */
export function flagValues(cmd: ShCommand, short: string | undefined, long?: string | readonly string[], spec?: OptionSpec): string[] {
  const longs = list(long);
  const out: string[] = [];
  scan(cmd, spec, (_word, isLong, name, value) => {
    if ((isLong ? longs.includes(name) : name === short) && value !== undefined) out.push(value);
  });
  return out;
}

// Commands that run their arguments as another command, with the options they take before it.
const WRAPPERS: ReadonlyMap<string, OptionSpec> = new Map<string, OptionSpec>([
  ['sudo', { shortWithValue: 'ugpCDhrtTU', longWithValue: ['user', 'group', 'prompt', 'close-from', 'chdir', 'host', 'role', 'type', 'command-timeout', 'other-user'] }],
  ['doas', { shortWithValue: 'uC' }],
  ['env', { shortWithValue: 'uCS', longWithValue: ['unset', 'chdir', 'split-string'] }],
  ['command', {}],
  ['exec', { shortWithValue: 'a' }],
  ['nice', { shortWithValue: 'n', longWithValue: ['adjustment'] }],
  ['nohup', {}],
  ['time', { shortWithValue: 'fo', longWithValue: ['format', 'output'] }],
]);

/** Whether a command of this (base) name runs its arguments as another command (see unwrapCommand). */
export const isWrapper = (name: string): boolean => WRAPPERS.has(name);

/**
 * The command a wrapper runs: `sudo -E apt-get install x`, `env A=1 pip install x`, `command -p npm ci` → a view of
 * the same command whose name is the wrapped program (assignments given to `env` are added to `assignments`).
 * Commands that are not wrappers are returned unchanged.
 */
export function unwrapCommand(cmd: ShCommand): ShCommand {
  let cur = cmd;
  for (let depth = 0; depth < 8; depth++) {
    const name = commandName(cur);
    const spec = name === undefined ? undefined : WRAPPERS.get(name);
    if (spec === undefined) return cur;
    const args = cur.args;
    const shortV = spec.shortWithValue ?? '';
    const longV = spec.longWithValue ?? [];
    const assignments = [...cur.assignments];
    let k = 0;
    for (; k < args.length; k++) {
      const v = args[k].value;
      if (v === '--') { k++; break; }
      if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v) && !args[k].dynamic) {
        const w = args[k];
        const eq = v.indexOf('=');
        assignments.push({ name: v.slice(0, eq), value: { ...w, raw: w.raw.slice(w.raw.indexOf('=') + 1), value: v.slice(eq + 1) }, start: w.start, end: w.end });
        continue;
      }
      if (v.startsWith('--') && v.length > 2) { if (!v.includes('=') && longV.includes(v.slice(2))) k++; continue; }
      if (v.startsWith('-') && v.length > 1) {
        const last = v[v.length - 1];
        if (v.length === 2 && shortV.includes(last)) k++;
        continue;
      }
      break;
    }
    if (k >= args.length) return cur;
    cur = { ...cur, name: args[k], args: args.slice(k + 1), assignments };
  }
  return cur;
}

/** The command writing into this one's stdin through a pipe (`yes | apt-get install x` → `yes`). */
export function pipedFrom(commands: readonly ShCommand[], cmd: ShCommand): ShCommand | undefined {
  if (cmd.pipelineIndex === 0) return undefined;
  return commands.find((c) => c.pipeline === cmd.pipeline && c.pipelineIndex === cmd.pipelineIndex - 1);
}

/** `set -e`, `set -eux`, `set -o errexit`: the script stops at the first failing command. */
export function setsErrexit(cmd: ShCommand): boolean {
  if (commandName(cmd) !== 'set') return false;
  const a = cmd.args.map((w) => w.value);
  return a.some((v, k) => /^-[a-zA-Z]*e[a-zA-Z]*$/.test(v) || (v === '-o' && a[k + 1] === 'errexit'));
}
