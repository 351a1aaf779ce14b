// Package-manager knowledge for the package rules: how each manager's command line reads (subcommands and
// the options that take a value), what a version pin looks like, where each manager keeps its cache and
// which commands clean it. Rules read RUN scripts through the shell model only, never through regexes
// over the raw line.
import type { ShCommand, ShWord } from '../shell/model';
import { commandName, flagValues, hasFlag, isWrapper, pipedFrom, positionalArgs, unwrapCommand, type OptionSpec } from '../shell/commands';
import type { Instruction } from './model';
import type { DockerfileAnalysis } from './analysis';
import { cutLastLineAt, trimTrailing } from '../text';

export type ManagerName =
  | 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper'
  | 'pip' | 'pipx' | 'npm' | 'yarn' | 'gem' | 'go';

// ---- command grammars ------------------------------------------------------------------------------

const APT: OptionSpec = { shortWithValue: 'octa', longWithValue: ['option', 'config-file', 'target-release', 'default-release', 'host-architecture'] };
const RPM_COMMON = ['setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'exclude', 'excludepkgs', 'installroot', 'releasever', 'config', 'forcearch', 'downloaddir', 'destdir', 'comment', 'advisory', 'advisories', 'bz', 'cve', 'sec-severity', 'secseverity', 'debuglevel', 'errorlevel', 'rpmverbosity', 'randomwait', 'color', 'use-host-config'];

/** Options that take a value (as the next word) per manager; `--opt=value` is understood for every option. */
export const OPTION_SPECS: Readonly<Record<ManagerName, OptionSpec>> = {
  'apt-get': APT,
  apt: APT,
  aptitude: { shortWithValue: 'octFw', longWithValue: ['option', 'target-release', 'default-release', 'display-format', 'width', 'sort'] },
  // -U (--update-cache) is a switch; -X, -t, -p take values.
  apk: { shortWithValue: 'Xtp', longWithValue: ['repository', 'virtual', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'cache-max-age', 'timeout'] },
  yum: { shortWithValue: 'cRdex', longWithValue: RPM_COMMON },
  dnf: { shortWithValue: 'cRdex', longWithValue: RPM_COMMON },
  microdnf: { longWithValue: RPM_COMMON },
  zypper: { shortWithValue: 'rRDCct', longWithValue: ['repo', 'root', 'reposd-path', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'config', 'type', 'from', 'name', 'auto-agree-with-product-licenses-for'] },
  pip: {
    shortWithValue: 'bceifrtC',
    longWithValue: [
      'abi', 'build', 'constraint', 'editable', 'extra-index-url', 'find-links', 'index-url', 'implementation', 'no-binary',
      'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 'target', 'trusted-host',
      'upgrade-strategy', 'root-user-action', 'requirement', 'cache-dir', 'log', 'log-file', 'timeout', 'retries',
      'exists-action', 'cert', 'client-cert', 'global-option', 'install-option', 'config-settings', 'report', 'use-feature',
      'use-deprecated', 'python', 'keyring-provider', 'group', 'build-constraint',
    ],
  },
  pipx: { longWithValue: ['python', 'pip-args', 'index-url', 'suffix', 'preinstall', 'spec', 'backend'] },
  npm: {
    shortWithValue: 'w',
    longWithValue: ['registry', 'prefix', 'cache', 'userconfig', 'globalconfig', 'loglevel', 'tag', 'workspace', 'omit', 'include', 'install-strategy', 'before', 'otp', 'scope', 'save-prefix', 'auth-type', 'fetch-retries', 'fetch-timeout'],
  },
  yarn: { longWithValue: ['cwd', 'cache-folder', 'modules-folder', 'registry', 'network-timeout', 'mutex', 'global-folder', 'link-folder', 'use-yarnrc'] },
  gem: { shortWithValue: 'vsinPB', longWithValue: ['version', 'source', 'install-dir', 'bindir', 'platform', 'trust-policy', 'build-root', 'target-rbconfig', 'config-file', 'bulk-threshold'] },
  // go uses single-dash long flags: see goPositionals.
  go: {},
};

// gem's documented switches (no value); an unknown long option is taken to consume the next word (see gemPositionals).
const GEM_SWITCHES = new Set([
  'no-document', 'no-ri', 'no-rdoc', 'user-install', 'no-user-install', 'conservative', 'minimal-deps', 'force', 'no-force',
  'local', 'remote', 'both', 'prerelease', 'no-prerelease', 'clear-sources', 'ignore-dependencies', 'development',
  'development-all', 'env-shebang', 'no-env-shebang', 'wrappers', 'no-wrappers', 'format-executable', 'no-format-executable',
  'post-install-message', 'no-post-install-message', 'suggestions', 'no-suggestions', 'lock', 'no-lock', 'explain',
  'silent', 'quiet', 'verbose', 'no-verbose', 'backtrace', 'debug', 'norc', 'update-sources', 'no-update-sources',
  'default', 'vendor', 'no-http-proxy', 'install-as-default',
]);

// go build flags that take a value (all other go flags are booleans).
const GO_VALUE_FLAGS = new Set([
  'o', 'p', 'C', 'mod', 'modfile', 'tags', 'ldflags', 'gcflags', 'asmflags', 'buildmode', 'compiler', 'gccgoflags',
  'installsuffix', 'overlay', 'pgo', 'pkgdir', 'toolexec', 'exec', 'covermode', 'coverpkg',
]);

export interface PackageCommand {
  manager: ManagerName;
  /** The command with wrappers (`sudo`, `env`, `python -m`) taken off: its name is the manager word. */
  cmd: ShCommand;
  /** The command as parsed (spans, pipelines, context). */
  source: ShCommand;
  /** Where the invocation starts: the manager word, or `python` in `python -m pip`. */
  head: ShWord;
  spec: OptionSpec;
  /** Positional arguments, the subcommand first; option values are not included. */
  positionals: ShWord[];
}

/**
 * The manager a command name runs. The answer is always one of the literals below, never `name` itself: `name` is
 * a piece of the document, and V8 looks a property key that is not a literal up in its string table on every
 * keyed load (`OPTION_SPECS[manager]` was 84 % of reading a package command, 0.7 % of a corpus lint).
 */
function managerOf(name: string): ManagerName | undefined {
  switch (name) {
    case 'apt-get': return 'apt-get';
    case 'apt': return 'apt';
    case 'aptitude': return 'aptitude';
    case 'apk': return 'apk';
    case 'yum': return 'yum';
    case 'microdnf': return 'microdnf';
    case 'zypper': return 'zypper';
    case 'pipx': return 'pipx';
    case 'npm': return 'npm';
    case 'yarn': return 'yarn';
    case 'gem': return 'gem';
    case 'go': return 'go';
    case 'dnf': case 'dnf5': case 'dnf-3':
      return 'dnf';
    default:
      // Most names are not pip: the prefix check spares them the regex (every command is read).
      return name.startsWith('pip') && /^pip(\d+(\.\d+)?)?$/.test(name) ? 'pip' : undefined;
  }
}

/** `python`, `python3`, `python3.12`: may run pip as a module. */
const isPython = (name: string) => name.startsWith('python') && /^python[\d.]*$/.test(name);

/** `python3 -m pip …` / `python -m pipx …`: the module word and the words after it. */
function pythonModule(cmd: ShCommand): { module: ShWord; rest: ShWord[] } | undefined {
  const args = cmd.args;
  for (let k = 0; k < args.length; k++) {
    const v = args[k].value;
    if (v === '-m' && k + 1 < args.length) return { module: args[k + 1], rest: args.slice(k + 2) };
    if (!v.startsWith('-') || v === '-c') return undefined;
  }
  return undefined;
}

/**
 * The readings of the last RECENT package commands asked about, newest at `recentNext - 1`. The walk hands each
 * instruction to every rule in turn, and the 25 package rules ask about the same few commands of a RUN one after
 * another: a short list of the latest readings answers them. It replaced a WeakMap holding a reading per command
 * until the lint ended, whose insertions alone were 2.3 % of a corpus lint (and its entries work for the collector).
 * A command asked about again after RECENT others (a rule reading earlier RUNs at the end) is read again: the same
 * answer in a new object, so no caller relies on a reading's identity.
 */
const RECENT = 32;
const recentSources: (ShCommand | undefined)[] = new Array(RECENT).fill(undefined);
const recentReadings: (PackageCommand | undefined)[] = new Array(RECENT).fill(undefined);
let recentNext = 0;

/** A package-manager invocation (`apt-get …`, `sudo yum …`, `python3 -m pip …`), or undefined. Read-only (shared between rules). */
export function packageCommand(source: ShCommand): PackageCommand | undefined {
  // The package rules ask about the commands of a RUN one after another: most questions are about one of the last
  // NEWEST commands read, answered before the name is looked at (the name tests were a third of this function).
  for (let n = 0, k = recentNext; n < NEWEST; n++) {
    k = k === 0 ? RECENT - 1 : k - 1;
    if (recentSources[k] === source) return recentReadings[k];
  }
  // Most commands (cd, rm, echo…) are answered from their name, without reading them: every rule asks about every
  // command of every RUN.
  const named = nameReading(source);
  if (named === undefined) return undefined;
  // Newest first, stepping back around the ring without a modulo per step (the `%` loop was a third of this
  // function's time).
  for (let k = recentNext - 1; k >= 0; k--) if (recentSources[k] === source) return recentReadings[k];
  for (let k = RECENT - 1; k >= recentNext; k--) if (recentSources[k] === source) return recentReadings[k];
  return rememberReading(source, named);
}

/** How many of the latest readings packageCommand compares before it reads a command's name. */
const NEWEST = 4;

/**
 * packageCommand for a command no rule has asked about yet: the analysis reads each RUN's commands for its
 * manager bits before the package rules ask about them, and each of those first readings compared all RECENT
 * recent ones in vain (~640 commands per lint of the 5,000-line file). Were the command asked about before after
 * all, the ring holds two equal readings; the newer one answers.
 */
export function firstPackageCommand(source: ShCommand): PackageCommand | undefined {
  const named = nameReading(source);
  return named === undefined ? undefined : rememberReading(source, named);
}

/** nameReading's answer for a wrapper (`sudo`, `env`…) or Python: only reading the command tells what it runs. */
const RUNS_ANOTHER = 'runs another command';

/**
 * What a command's name tells: the manager it names, RUNS_ANOTHER, or undefined when the command cannot be a
 * package command (no manager's name is a wrapper's).
 */
function nameReading(source: ShCommand): ManagerName | typeof RUNS_ANOTHER | undefined {
  const name = commandName(source);
  if (name === undefined) return undefined;
  const manager = managerOf(name);
  if (manager !== undefined) return manager;
  return isWrapper(name) || isPython(name) ? RUNS_ANOTHER : undefined;
}

function rememberReading(source: ShCommand, named: ManagerName | typeof RUNS_ANOTHER): PackageCommand | undefined {
  const r = named === RUNS_ANOTHER ? readWrapped(source) : reading(named, source, source, source.name!);
  recentSources[recentNext] = source;
  recentReadings[recentNext] = r;
  recentNext = recentNext + 1 === RECENT ? 0 : recentNext + 1;
  return r;
}

/** The package command a wrapper or Python runs (`sudo apt-get …`, `python3 -m pip …`), if any. */
function readWrapped(source: ShCommand): PackageCommand | undefined {
  let cmd = unwrapCommand(source);
  const name = commandName(cmd);
  if (name === undefined) return undefined;
  const head = cmd.name!;
  let manager = managerOf(name);
  if (manager === undefined && isPython(name)) {
    const m = pythonModule(cmd);
    const mod = m && managerOf(m.module.value);
    if (!m || (mod !== 'pip' && mod !== 'pipx')) return undefined;
    manager = mod;
    cmd = { ...cmd, name: m.module, args: m.rest };
  }
  if (manager === undefined) return undefined;
  return reading(manager, cmd, source, head);
}

/** The reading of `cmd`, a command whose name is the manager word (or `pip` after `python -m`). */
function reading(manager: ManagerName, cmd: ShCommand, source: ShCommand, head: ShWord): PackageCommand {
  const spec = OPTION_SPECS[manager];
  let positionals: ShWord[];
  if (manager === 'go') positionals = goPositionals(cmd.args);
  else if (manager === 'gem') positionals = gemPositionals(cmd.args);
  else positionals = positionalArgs(cmd, spec);
  return { manager, cmd, source, head, spec, positionals };
}

/** Positional words of a go command line (`-flag=value`, `-flag value` for value flags, `--flag` like `-flag`). */
function goPositionals(args: readonly ShWord[]): ShWord[] {
  const out: ShWord[] = [];
  for (let k = 0; k < args.length; k++) {
    const v = args[k].value;
    if (out.length >= 2 && out[0].value === 'run') { out.push(args[k]); continue; } // program arguments of `go run pkg …`
    if (v === '--') { for (let j = k + 1; j < args.length; j++) out.push(args[j]); break; } // no spread: there may be more than a call takes
    if (v.length > 1 && v.startsWith('-') && !args[k].dynamic) {
      const flag = v.replace(/^--?/, '');
      if (!flag.includes('=') && GO_VALUE_FLAGS.has(flag)) k++;
      continue;
    }
    out.push(args[k]);
  }
  return out;
}

/** Positional words of a gem command line; build arguments after `--` are not gems. */
function gemPositionals(args: readonly ShWord[]): ShWord[] {
  const out: ShWord[] = [];
  const spec = OPTION_SPECS.gem;
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    const v = w.value;
    if (v === '--') break;
    if (v.startsWith('--') && v.length > 2) {
      const name = v.slice(2);
      if (name.includes('=')) continue;
      // Known value options take the next word; so does an option gem does not document (gem would reject the
      // command anyway), e.g. a build flag written without `--` in front of it.
      if (spec.longWithValue!.includes(name) || (!GEM_SWITCHES.has(name) && !name.startsWith('no-'))) k++;
      continue;
    }
    if (v.length > 1 && v.startsWith('-') && !w.dynamic) {
      if (v.length === 2 && spec.shortWithValue!.includes(v[1])) k++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The subcommand word (`install` in `apt-get -y install x`). */
export const subcommand = (p: PackageCommand): ShWord | undefined => p.positionals[0];

/** Span from the manager word to its subcommand (`apt-get install`), the narrowest text naming the action. */
export function commandSpan(p: PackageCommand, upTo?: ShWord): { start: number; end: number } {
  const last = upTo ?? subcommand(p) ?? p.cmd.name!;
  return { start: p.head.start, end: Math.max(last.end, p.head.end) };
}

// ---- what the managers do ----------------------------------------------------------------------------

/** npm's spellings of `install` (npm accepts these abbreviations and typos). */
export const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

/** apt subcommands that change installed packages and ask for confirmation without -y. */
export const APT_CONFIRMING = new Set(['install', 'remove', 'purge', 'autoremove', 'autopurge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'satisfy']);

/** yum / dnf / microdnf subcommands that change installed packages (and ask for confirmation without -y). */
export const RPM_CHANGING = new Set([
  'install', 'in', 'install-n', 'install-na', 'install-nevra', 'localinstall', 'groupinstall', 'groupupdate', 'reinstall', 'rei',
  'update', 'upgrade', 'up', 'update-minimal', 'upgrade-minimal', 'up-min', 'downgrade', 'dg', 'distro-sync', 'dsync',
  'distrosync', 'swap', 'remove', 'erase', 'rm', 'autoremove',
]);
/** Subcommands that download packages into the cache (cleanup rules). */
export const RPM_DOWNLOADING = new Set([...RPM_CHANGING].filter((s) => !['remove', 'erase', 'rm', 'autoremove'].includes(s)));

/** zypper subcommands that change installed packages. */
export const ZYPPER_CHANGING = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr']);
export const ZYPPER_DOWNLOADING = new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr']);

/**
 * The words of a yum/dnf command naming what it changes: `module install` and `group install` / `groupinstall`
 * are folded into one action, e.g. `dnf -y module install nodejs:20` → { action: 'module install', operands: ['nodejs:20'] }.
 */
export function rpmAction(p: PackageCommand): { action: string; word: ShWord; operands: ShWord[] } | undefined {
  const [a, b] = p.positionals;
  if (!a) return undefined;
  if ((a.value === 'module' || a.value === 'group' || a.value === 'groups') && b) {
    return { action: `${a.value === 'groups' ? 'group' : a.value} ${b.value}`, word: b, operands: p.positionals.slice(2) };
  }
  return { action: a.value, word: a, operands: p.positionals.slice(1) };
}

/**
 * yum/dnf/microdnf/zypper will not stop at a confirmation prompt: `-y`/`--assumeyes` (`--setopt=assumeyes=1`),
 * zypper's `-n`/`--non-interactive`/`--no-confirm`, or `yes` piped in.
 */
export function confirmsAutomatically(p: PackageCommand, commands: readonly ShCommand[]): boolean {
  const feeder = pipedFrom(commands, p.source);
  if (feeder !== undefined && commandName(feeder) === 'yes') return true;
  if (p.manager === 'zypper') return hasFlag(p.cmd, 'n', ['non-interactive', 'no-confirm'], p.spec) || hasFlag(p.cmd, 'y', undefined, p.spec);
  if (hasFlag(p.cmd, 'y', ['assumeyes', 'assume-yes'], p.spec)) return true;
  return flagValues(p.cmd, undefined, ['setopt'], p.spec).some((v) => /^assumeyes=(1|true|yes)$/i.test(v));
}

// ---- version pins ------------------------------------------------------------------------------------

/** `pkg=1.2`, `pkg/bookworm-backports` (release pin), a local `.deb`. */
export const aptPinned = (v: string) => v.includes('=') || v.includes('/') || v.endsWith('.deb');

/** `pkg=1.2-r0`, `pkg~1.2`, `pkg>=1.2`, `pkg<2`, a local `.apk`. */
export const apkPinned = (v: string) => /[=~<>]/.test(v) || v.endsWith('.apk');

/**
 * RPM `name-version[-release]`: the last dash-separated part starts with a digit (`httpd-2.4.6`,
 * `git-core-2.51.0-2.fc42`, `openssl-1:1.1.1k`), or a local/remote `.rpm` file. `java-11-openjdk` is a name.
 */
export function rpmPinned(v: string): boolean {
  if (v.endsWith('.rpm') || v.includes('/')) return true;
  const parts = v.split('-');
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1];
  return /^\d[\w.~^:+*]*$/.test(last);
}

/** zypper capability with an operator (`pkg=1.2`, `pkg>=1.2`), or an `.rpm` file. */
export const zypperPinned = (v: string) => /[=<>]/.test(v) || v.endsWith('.rpm') || v.includes('/');

const PIP_VERSION_OPS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;

/** pip requirement with a version specifier, a VCS URL with `@ref`, a local archive, a path or URL. */
export function pipPinned(v: string): boolean {
  if (PIP_VERSION_OPS.some((op) => v.includes(op))) return true;
  if (VCS.test(v)) {
    // `git+https://host/repo.git@v1.2#egg=x`: a ref is an `@` in the path, not the `user@` before the host.
    const rest = cutLastLineAt(v, '#').replace(/^[^:]+:\/*/, '');
    const slash = rest.indexOf('/');
    return slash >= 0 && rest.slice(slash).includes('@');
  }
  if (/\.(whl|tar\.gz|tgz|tar\.bz2|zip)$/.test(v)) return true;
  return v.includes('/') || v === '.';
}

/** npm spec pinned to a version, tag, range, tarball, folder or git ref. `@latest` is reported separately. */
export function npmPinned(v: string): boolean {
  if (/^(git(\+(ssh|https?|file))?):\/\//.test(v) || /^(github|gitlab|bitbucket):/.test(v)) return v.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(v)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/|file:)/.test(v) || v === '.' || v === '..') return true;
  if (/^https?:\/\//.test(v)) return true;
  const name = v.startsWith('@') ? v.slice(v.indexOf('/') + 1) : v;
  return name.includes('@');
}

/** The dist-tag or version after `@` in an npm spec (`express@latest` → `latest`). */
export function npmVersionOf(v: string): string | undefined {
  const name = v.startsWith('@') ? v.slice(v.indexOf('/') + 1) : v;
  const at = name.indexOf('@');
  return at < 0 ? undefined : name.slice(at + 1);
}

/** A go package path is local (`.`, `./x`, `/abs`, `x.go`) or carries `@version`. */
export function goVersionOf(v: string): { local: boolean; version?: string } {
  if (v.startsWith('.') || v.startsWith('/') || v.endsWith('.go')) return { local: true };
  const at = v.lastIndexOf('@');
  return { local: false, version: at < 0 ? undefined : v.slice(at + 1) };
}

/** Versions that move: `@latest` and branch names used as versions. */
export const MOVING_VERSIONS = new Set(['latest', 'master', 'main', 'HEAD', 'upgrade', 'patch']);

// ---- caches ------------------------------------------------------------------------------------------

/** Where each manager keeps downloaded indexes and packages inside the image. */
export const CACHE_DIRS = {
  aptLists: '/var/lib/apt/lists',
  aptState: '/var/lib/apt',
  aptArchives: '/var/cache/apt',
  apk: ['/var/cache/apk', '/etc/apk/cache'],
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'],
  zypper: ['/var/cache/zypp'],
  pip: ['/root/.cache/pip'],
  yarn: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'],
} as const;

export interface RunMount { type: string; target?: string }

/** `RUN --mount=type=cache,target=/x` flags (type defaults to bind). */
export function runMounts(i: Instruction): RunMount[] {
  const out: RunMount[] = [];
  for (const f of i.flags) {
    if (f.name !== 'mount' || f.value === undefined) continue;
    const m: RunMount = { type: 'bind' };
    for (const field of f.value.split(',')) {
      const eq = field.indexOf('=');
      const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : field.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
      if (key === 'type') m.type = value.toLowerCase();
      else if (key === 'target' || key === 'dst' || key === 'destination') m.target = trimTrailing(value, '/') || '/';
    }
    out.push(m);
  }
  return out;
}

const covers = (dir: string, path: string) => dir === '/' || path === dir || path.startsWith(dir + '/');

/** A cache or tmpfs mount keeps `path` out of the layer (its target is `path` or a parent of it). */
export function cacheMountCovers(i: Instruction, path: string): boolean {
  if (!i.flags.length) return false; // most RUNs: no mounts to read
  return runMounts(i).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && covers(m.target, path));
}

/** A cache or tmpfs mount whose target ends with the given tail (`/.cache/pip` for any user's home). */
export function cacheMountEndsWith(i: Instruction, tail: string): boolean {
  if (!i.flags.length) return false;
  return runMounts(i).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && (m.target + '/').endsWith(tail.replace(/\/?$/, '/')));
}

/** `rm [-rf] /dir/*`, `rm -r /dir`, `find /dir … -delete`: the command deletes `path` (or a parent of it). */
export function removesPath(cmd: ShCommand, path: string): boolean {
  const c = unwrapCommand(cmd);
  const name = commandName(c);
  if (name === 'rm') return c.args.some((w) => !w.value.startsWith('-') && deletes(w, path));
  if (name === 'find') return c.args.length > 0 && deletes(c.args[0], path) && c.args.some((w) => w.value === '-delete' || w.value === 'rm');
  return false;
}

/** An absolute path operand (`/dir`, `/dir/`, `/dir/*`) naming `path` or a parent of it. */
function deletes(w: ShWord, path: string): boolean {
  const p = trimTrailing(w.value.replace(/\/\*$/, ''), '/');
  return p.startsWith('/') && p.length > 1 && !p.includes('*') && covers(p, path);
}

// ---- variables -----------------------------------------------------------------------------------------

/**
 * The value of a package argument with Dockerfile variables expanded, or undefined when it cannot be known
 * (command substitution, an ARG without default, a variable the base image may set). A variable declared only
 * by ENV in a stage this one does not inherit from is known to be empty here.
 */
export function argumentValue(analysis: DockerfileAnalysis, i: Instruction, w: ShWord): string | undefined {
  if (!w.dynamic || !w.value.includes('$')) return w.value;
  if (/\$\(|`/.test(w.value)) return undefined;
  const e = analysis.expand(w.value, i);
  for (const name of e.unresolved) if (!knownEmpty(analysis, i, name)) return undefined;
  return e.value;
}

/** The package names a word stands for: its expanded value split like the shell would (unquoted). */
export function argumentValues(analysis: DockerfileAnalysis, i: Instruction, w: ShWord): string[] | undefined {
  const v = argumentValue(analysis, i, w);
  if (v === undefined) return undefined;
  return v !== w.value && !w.quoted ? v.split(/\s+/).filter(Boolean) : [v];
}

/**
 * Whether every package name a word stands for passes `test` (`argumentValues(…).every(test)`), undefined when
 * its value cannot be known. A word without variables, by far the usual package word, is tested without the
 * one-element array argumentValues makes: the unpinned rules ask this for every package of every install.
 */
export function everyArgumentValue(analysis: DockerfileAnalysis, i: Instruction, w: ShWord, test: (v: string) => boolean): boolean | undefined {
  if (!w.dynamic || !w.value.includes('$')) return test(w.value);
  const values = argumentValues(analysis, i, w);
  return values && values.every((v) => test(v));
}

function knownEmpty(analysis: DockerfileAnalysis, i: Instruction, name: string): boolean {
  if (analysis.resolve(name, i).declared) return false;
  const doc = analysis.doc;
  const all = [...doc.globalArgs, ...doc.stages.flatMap((s) => s.instructions)];
  if (all.some((x) => x.keyword === 'ARG' && x.pairs.some((p) => p.key === name))) return false;
  return all.some((x) => x.keyword === 'ENV' && x.pairs.some((p) => p.key === name));
}

/** Values pip reads as "on" for PIP_NO_CACHE_DIR and similar switches. */
export const TRUTHY = new Set(['1', 'true', 'yes', 'on', 'y']);
export const isTruthy = (v: string | undefined) => v !== undefined && TRUTHY.has(v.trim().toLowerCase());

/**
 * The value an environment variable has for a command of a RUN: an assignment on the command itself, an
 * `export NAME=…` / `NAME=…` earlier in the same script, or the ENV/ARG in scope.
 */
export function envValue(analysis: DockerfileAnalysis, i: Instruction, commands: readonly ShCommand[], cmd: ShCommand, name: string): string | undefined {
  const own = unwrapCommand(cmd).assignments.find((a) => a.name === name);
  if (own) return own.value?.value ?? '';
  let value: string | undefined;
  let found = false;
  for (const c of commands) {
    if (c.start >= cmd.start) break;
    if (c.name === undefined) {
      const a = c.assignments.find((x) => x.name === name);
      if (a) { value = a.value?.value ?? ''; found = true; }
      continue;
    }
    const n = commandName(c);
    if (n === 'export' || n === 'declare' || n === 'typeset') {
      for (const w of c.args) if (w.value.startsWith(name + '=')) { value = w.value.slice(name.length + 1); found = true; }
    }
  }
  if (found) return value;
  const inScope = analysis.resolve(name, i);
  if (inScope.declared || i.stage >= 0) return inScope.value;
  // A file without FROM (a fragment being written): ENV lines above still describe the environment.
  const at = i.parent ?? i;
  for (const x of [...analysis.doc.instructions].reverse()) {
    if (x.start >= at.start || x.keyword !== 'ENV') continue;
    const pair = [...x.pairs].reverse().find((p) => p.key === name);
    if (pair) return pair.value;
  }
  return undefined;
}
