import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction, KeyValue } from '../../dockerfile/model';
import type { ShAssignment, ShCommand, ShWord } from '../../shell/model';
import type { FixSpec, OffsetEdit, Span } from '../../types';
import { findFlag, flagValue, positionalArgs } from '../../shell/commands';
import { deleteInstructionEdit, effectiveName, effectiveShCommand, removeWordEdit } from './util';

const CURL_SPEC = { shortWithValue: 'AbcCdDeEFHKmoPQrtTuUwxXyYz', longWithValue: ['output', 'data', 'header', 'user', 'request', 'url', 'user-agent', 'cacert', 'cert', 'key', 'proxy', 'max-time', 'retry', 'write-out', 'config', 'form', 'referer', 'range'] };
const WGET_SPEC = { shortWithValue: 'OoaPtTUeiBdwQYl', longWithValue: ['output-document', 'output-file', 'directory-prefix', 'tries', 'timeout', 'user-agent', 'header', 'ca-certificate', 'user', 'password'] };
const PIP_SPEC = { shortWithValue: 'rceit', longWithValue: ['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'target', 'find-links', 'prefix', 'root', 'trusted-host', 'platform', 'python-version', 'cert', 'proxy'] };

/** Environment variables that switch certificate checks off, with the values that do it (undefined: any value). */
const ENV_VARS: { name: RegExp; off?: RegExp; alias: string; what: string }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, off: /^0$/, alias: 'CKV2_DOCKER_6', what: 'Node.js accepts any certificate' },
  { name: /^PYTHONHTTPSVERIFY$/, off: /^0$/, alias: 'CKV2_DOCKER_5', what: 'Python skips HTTPS certificate checks' },
  { name: /^GIT_SSL_NO_VERIFY$/, alias: 'CKV2_DOCKER_14', what: 'git accepts any certificate' },
  { name: /^npm_config_strict_ssl$/i, off: /^false$/i, alias: 'CKV2_DOCKER_12', what: 'npm accepts any certificate' },
  { name: /^PIP_TRUSTED_HOST$/, alias: 'CKV2_DOCKER_16', what: 'pip trusts the host without a valid certificate' },
  { name: /^GOINSECURE$/, alias: 'CKV2_DOCKER_18', what: 'Go fetches modules without certificate checks' },
];

/**
 * The lengths of the names ENV_VARS matches (each pattern is `^NAME$` with a literal name): a variable of any other
 * length (PATH, NODE_ENV, most) is answered without its six regular expressions.
 */
const ENV_VAR_LENGTHS = new Set(ENV_VARS.map((v) => v.name.source.length - 2));

/** The entry of ENV_VARS for a variable name (a loop, not `find` with a closure: asked for every assignment of every RUN). */
function envVarNamed(name: string): (typeof ENV_VARS)[number] | undefined {
  if (!ENV_VAR_LENGTHS.has(name.length)) return undefined;
  for (const v of ENV_VARS) if (v.name.test(name)) return v;
  return undefined;
}

const SHORT_FLAG_CLUSTER = /^-[A-Za-z]{2,}$/;
const QUOTED_FLAG = /^["']?-/;
const EXPORTED = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
/** `--strict-ssl=false`: tested on every argument of every npm, yarn and pnpm command. */
const STRICT_SSL_OFF = /^--strict-ssl=(false|0)$/i;

/** The first `--strict-ssl=false` or `=0` argument (a loop without a closure; only the two lengths it can have are tested). */
function strictSslOff(args: readonly ShWord[]): ShWord | undefined {
  for (const w of args) if ((w.value.length === 14 || w.value.length === 18) && STRICT_SSL_OFF.test(w.value)) return w;
  return undefined;
}

/** Whether some argument is `value` (a loop: `some` with an arrow made a closure per npm command). */
function hasArgument(args: readonly ShWord[], value: string): boolean {
  for (const w of args) if (w.value === value) return true;
  return false;
}

const isPip = (name: string) => name.startsWith('pip') && /^pip[0-9.]*$/.test(name);
const PROGRAMS = new Set(['export', 'curl', 'wget', 'npm', 'yarn', 'pnpm', 'git', 'yum', 'dnf', 'yum-config-manager', 'microdnf']);
/** The programs the RUN handler's branches check (keep in step): every other command is passed over by its name alone. */
const isCheckedProgram = (name: string) => PROGRAMS.has(name) || isPip(name);

const offValue = (v: string | undefined) => v !== undefined && /^(0|false|no|off)$/i.test(v.trim());

// The helpers are module functions taking the lint's context, not closures made in create(): six closures per file
// were most of what this rule allocated over the 300 small files of the bench corpus.

// A prefix (`A=0 node x.js`) goes up to the command, one of several bare assignments alone. The only
// assignment of a command leaves nothing to run in its place (`A=0 && b` would become `&& b`): only a
// RUN that holds nothing else can go, whole.
function assignmentEdits(ctx: DockerfileContext, i: Instruction, commands: readonly ShCommand[], cmd: ShCommand, a: ShAssignment): OffsetEdit[] | undefined {
  if (cmd.name) return [{ start: a.start, end: Math.min(cmd.name.start, ctx.text.length), newText: '' }];
  if (cmd.assignments.length > 1) return [{ start: a.start, end: a.end, newText: '' }];
  const remove = commands.length === 1 && !cmd.redirects.length && !i.heredocs.length ? deleteInstructionEdit(ctx, i) : undefined;
  return remove && [remove];
}

function report(ctx: DockerfileContext, span: Span, message: string, alias: string | undefined, edits?: OffsetEdit[]) {
  const fix: FixSpec | undefined = edits?.length ? { title: 'Remove the setting that disables certificate checks', safe: false, edits } : undefined;
  ctx.report({ span, message, aliases: alias ? [alias] : [], fix });
}

function flagEdit(ctx: DockerfileContext, w: ShWord, flag: string, valueWord?: ShWord): OffsetEdit[] {
  // A short flag inside a cluster (`-fsSLk`): drop that letter only.
  if (SHORT_FLAG_CLUSTER.test(w.raw) && flag.length === 1) {
    const at = w.raw.indexOf(flag);
    return [{ start: w.start + at, end: w.start + at + 1, newText: '' }];
  }
  if (w.raw !== w.value && !QUOTED_FLAG.test(w.raw)) return [];
  const edits = [removeWordEdit(ctx, w)];
  if (valueWord) edits.push(removeWordEdit(ctx, valueWord));
  return edits;
}

function checkPair(ctx: DockerfileContext, i: Instruction, p: KeyValue) {
  if (!ENV_VAR_LENGTHS.has(p.key.length)) return;
  for (const v of ENV_VARS) {
    if (!v.name.test(p.key) || p.value === undefined) continue;
    if (v.off ? !v.off.test(p.value.trim()) : p.value.trim() === '') continue;
    const remove = i.pairs.length === 1 ? deleteInstructionEdit(ctx, i) : removeWordEdit(ctx, p);
    report(ctx, p, `${i.keyword} ${p.key}=… means ${v.what}, here and in containers from this image: remove it and install the CA certificate you need instead.`, v.alias, remove && [remove]);
  }
}

/** Reports settings in the assignments of a command (`A=0 cmd`, or `A=0` alone). */
function checkAssignments(ctx: DockerfileContext, i: Instruction, commands: readonly ShCommand[], cmd: ShCommand) {
  for (const a of cmd.assignments) {
    const v = envVarNamed(a.name);
    if (!v || !a.value) continue;
    if (v.off ? !v.off.test(a.value.value) : a.value.value === '') continue;
    report(ctx, a, `${a.name}=… means ${v.what}: remove it and make the certificate trusted instead.`, v.alias, assignmentEdits(ctx, i, commands, cmd, a));
  }
}

/** Reports the options of a program this rule checks (`name`: the program the command runs, wrappers peeled off). */
function checkProgram(ctx: DockerfileContext, cmd: ShCommand, name: string) {
  const c = effectiveShCommand(cmd)!;
  if (name === 'export') {
    for (const w of c.args) {
      const m = EXPORTED.exec(w.value);
      const v = m ? envVarNamed(m[1]) : undefined;
      if (!m || !v || (v.off ? !v.off.test(m[2]) : m[2] === '')) continue;
      report(ctx, w, `export ${m[1]}=… means ${v.what}: remove it and make the certificate trusted instead.`, v.alias);
    }
  } else if (name === 'curl') {
    const w = findFlag(c, 'k', 'insecure', CURL_SPEC);
    if (w) report(ctx, w, 'curl -k/--insecure accepts any certificate, so the download can be swapped in transit: remove it.', 'CKV2_DOCKER_2', flagEdit(ctx, w, w.value.startsWith('--') ? 'insecure' : 'k'));
  } else if (name === 'wget') {
    const w = findFlag(c, undefined, 'no-check-certificate', WGET_SPEC);
    if (w) report(ctx, w, 'wget --no-check-certificate accepts any certificate, so the download can be swapped in transit: remove it.', 'CKV2_DOCKER_3', flagEdit(ctx, w, 'no-check-certificate'));
  } else if (isPip(name)) {
    const w = findFlag(c, undefined, 'trusted-host', PIP_SPEC);
    if (w) {
      const k = c.args.indexOf(w);
      const valueWord = w.value.includes('=') ? undefined : c.args[k + 1];
      report(ctx, w, 'pip --trusted-host downloads from that host without a valid certificate: remove it and use HTTPS with a trusted CA.', 'CKV2_DOCKER_4', flagEdit(ctx, w, 'trusted-host', valueWord));
    }
  } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    // `config set` is rare: the positionals are read only when some argument is `set`.
    if (hasArgument(c.args, 'set')) {
      const pos = positionalArgs(c);
      const idx = pos.findIndex((w) => w.value === 'set');
      const sub = pos[0]?.value;
      if (idx >= 0 && (idx === 0 || sub === 'config' || sub === 'c')) {
        const rest = pos.slice(idx + 1).map((w) => w.value);
        const joined = rest.join(' ');
        if (/^strict-ssl(=|\s+)(false|0)\b/i.test(joined)) report(ctx, pos[idx + 1], `${name} config strict-ssl false accepts any registry certificate: remove it and configure the registry's CA (cafile) instead.`, 'CKV2_DOCKER_13');
      }
    }
    const f = strictSslOff(c.args);
    if (f) report(ctx, f, `${name} --strict-ssl=false accepts any registry certificate: remove it.`, 'CKV2_DOCKER_13', flagEdit(ctx, f, 'strict-ssl'));
  } else if (name === 'git') {
    for (let k = 0; k < c.args.length; k++) {
      const w = c.args[k];
      if (w.value === '-c' && c.args[k + 1] && /^http\.(.*\.)?sslverify=(false|0|no|off)$/i.test(c.args[k + 1].value)) {
        report(ctx, c.args[k + 1], 'git -c http.sslVerify=false accepts any certificate: remove it.', undefined, [removeWordEdit(ctx, w), removeWordEdit(ctx, c.args[k + 1])]);
      }
    }
    const pos = positionalArgs(c, { shortWithValue: 'cC' });
    if (pos[0]?.value === 'config') {
      const key = pos.findIndex((w) => /^http\.(.*\.)?sslverify$/i.test(w.value));
      if (key > 0 && offValue(pos[key + 1]?.value)) report(ctx, pos[key], 'git config http.sslVerify false makes git accept any certificate, also for later clones in the image: remove it.', undefined);
    }
  } else if (name === 'yum' || name === 'dnf' || name === 'yum-config-manager' || name === 'microdnf') {
    for (const w of c.args) {
      const m = /^--setopt=(?:[^=]*\.)?sslverify=(.*)$/i.exec(w.value);
      if (m && offValue(m[1])) report(ctx, w, `${name} sslverify=${m[1]} downloads packages without certificate checks: remove it.`, 'CKV2_DOCKER_15');
    }
  }
}

export default defineDockerfileRule({
  id: 'tls-verification-disabled',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A download or tool is told to skip TLS certificate checks (`curl -k`, `wget --no-check-certificate`, `NODE_TLS_REJECT_UNAUTHORIZED=0`…).',
    why: 'Without certificate checks anyone on the network path (a proxy, a compromised mirror, public Wi-Fi in CI) can swap the file or package you download, and the build runs it. ENV settings also stay in the image and weaken every connection the app makes at run time.',
    bad: 'FROM debian:12-slim\nRUN curl -fsSLk https://example.com/install.tar.gz -o /tmp/i.tgz\n',
    good: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.tar.gz -o /tmp/i.tgz\n',
    fix: 'The unsafe fix removes the flag or the setting; if the download then fails, install the CA certificate the server needs (`ca-certificates`, or COPY your internal CA and run `update-ca-certificates`) instead of turning checks off.',
    notes: 'Covers curl `-k`/`--insecure`, wget `--no-check-certificate`, pip `--trusted-host`, `npm|yarn|pnpm config set strict-ssl false` and `--strict-ssl=false`, `git config http.sslVerify false` and `git -c http.sslVerify=false`, yum/dnf `sslverify=0`, and the variables NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, NPM_CONFIG_STRICT_SSL=false, PIP_TRUSTED_HOST, GOINSECURE in ENV, ARG or a RUN. Commands are found in the parsed shell script (also behind sudo/env and inside `sh -c`), not by matching text.',
  },
  handlers: {
    ENV(i, ctx) { for (const p of i.pairs) checkPair(ctx, i, p); },
    ARG(i, ctx) { for (const p of i.pairs) checkPair(ctx, i, p); },
    RUN(i, ctx) {
      // Assignments and program names here; a program this rule checks is read by a function of its own (the
      // variables its closures capture made every call of this handler allocate them).
      const commands = ctx.analysis.shell(i).commands;
      for (let k = 0; k < commands.length; k++) {
        const cmd = commands[k];
        if (cmd.assignments.length) checkAssignments(ctx, i, commands, cmd);
        const name = effectiveName(cmd);
        if (name !== undefined && isCheckedProgram(name)) checkProgram(ctx, cmd, name);
      }
    },
  },
});
