import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { ShCommand, ShWord } from '../../shell/model';
import { packageManagerSpec } from '../../shell/commands';
import { effectiveName, effectiveShCommand, removeWordEdit } from './util';

interface Bypass { flag: RegExp; alias?: string }
const BYPASSES_BY_NAME: Record<string, Bypass[]> = {
  apk: [{ flag: /^--allow-untrusted$/, alias: 'CKV2_DOCKER_7' }],
  'apt-get': [
    { flag: /^--allow-unauthenticated$/, alias: 'CKV2_DOCKER_8' },
    { flag: /^--force-yes$/, alias: 'CKV2_DOCKER_11' },
    { flag: /^--allow-insecure-repositories$/ },
  ],
  yum: [{ flag: /^--nogpgcheck$/, alias: 'CKV2_DOCKER_9' }, { flag: /^--setopt=(?:[^=]*\.)?(repo_)?gpgcheck=(0|false|no)$/i }],
  rpm: [{ flag: /^--(nosignature|nodigest|nofiledigest|noverify)$/, alias: 'CKV2_DOCKER_10' }, { flag: /^--nogpgcheck$/, alias: 'CKV2_DOCKER_9' }],
  zypper: [{ flag: /^--no-gpg-checks$/ }],
};
BYPASSES_BY_NAME.apt = BYPASSES_BY_NAME['apt-get'];
BYPASSES_BY_NAME.aptitude = BYPASSES_BY_NAME['apt-get'];
BYPASSES_BY_NAME.dnf = BYPASSES_BY_NAME.yum;
BYPASSES_BY_NAME.microdnf = BYPASSES_BY_NAME.yum;
BYPASSES_BY_NAME.tdnf = BYPASSES_BY_NAME.yum;
/** The same table as a Map: asked for the name of every command of every RUN, a Map answers a name that is no key with one hash look-up. */
const BYPASSES = new Map(Object.entries(BYPASSES_BY_NAME));

/** `-o APT::Get::AllowUnauthenticated=true`, `-oAcquire::AllowInsecureRepositories=1`. */
const APT_OPTION = /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=(1|true|yes)$/i;

/** `-o X` / `--option=X`, and a short option whose value may follow in the next word. */
const APT_OPTION_FLAG = /^(-o|--option=)/;
const SHORT_OPTION = /^-[A-Za-z]$/;

/** The bypass this argument spells, if any (a loop, not `find`: it runs for every argument of every package command). */
function bypassIn(list: readonly Bypass[], value: string): Bypass | undefined {
  for (const b of list) if (b.flag.test(value)) return b;
  return undefined;
}

// The helpers are module functions taking the lint's context, not closures made in create() for every file.

function report(ctx: DockerfileContext, name: string, w: ShWord, what: string, alias: string | undefined, edits = [removeWordEdit(ctx, w)]) {
  ctx.report({
    span: w,
    message: `${name} ${what} installs packages without verifying their signatures: remove it and trust the repository's signing key instead.`,
    aliases: alias ? [alias] : [],
    fix: { title: `Remove ${what}`, safe: false, edits },
  });
}

/** Reports the bypass options of a package manager command (`name`: the manager it runs, `list`: its bypasses). */
function check(ctx: DockerfileContext, cmd: ShCommand, name: string, list: readonly Bypass[]) {
  const c = effectiveShCommand(cmd)!;
  const spec = packageManagerSpec(name);
  for (let k = 0; k < c.args.length; k++) {
    const w = c.args[k];
    if (!w.value.startsWith('-')) continue; // a package or a value: everything below looks for an option
    const hit = bypassIn(list, w.value);
    if (hit) { report(ctx, name, w, w.value, hit.alias); continue; }
    if (name.startsWith('apt')) {
      if (w.value === '-o' && c.args[k + 1] && APT_OPTION.test(c.args[k + 1].value)) {
        report(ctx, name, c.args[k + 1], `-o ${c.args[k + 1].value}`, 'CKV2_DOCKER_8', [removeWordEdit(ctx, w), removeWordEdit(ctx, c.args[k + 1])]);
        k++;
      } else if (APT_OPTION_FLAG.test(w.value) && APT_OPTION.test(w.value.replace(APT_OPTION_FLAG, ''))) {
        report(ctx, name, w, w.value, 'CKV2_DOCKER_8');
      }
    }
    if (spec?.shortWithValue && SHORT_OPTION.test(w.value) && spec.shortWithValue.includes(w.value[1]) && w.value !== '-o') k++;
  }
}

export default defineDockerfileRule({
  id: 'package-verification-disabled',
  aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A package manager is told to install packages without checking their signatures.',
    why: 'Signature checks are what makes a mirror or proxy unable to slip a modified package into your image. `--allow-untrusted`, `--allow-unauthenticated`, `--force-yes`, `--nogpgcheck` or `rpm --nosignature` install whatever arrives.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted ./tool.apk\n',
    good: 'FROM alpine:3.20\nCOPY keys/tool.rsa.pub /etc/apk/keys/\nRUN apk add --no-cache ./tool.apk\n',
    fix: 'The unsafe fix removes the flag. If installation then fails, import the repository\'s signing key (`/etc/apk/keys`, `/etc/apt/keyrings` with `signed-by=`, `rpm --import`) rather than skipping the check.',
    notes: 'Covers apk `--allow-untrusted`; apt/apt-get `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes` and `-o APT::Get::AllowUnauthenticated=true`; yum/dnf/microdnf `--nogpgcheck` and `gpgcheck=0`; zypper `--no-gpg-checks`; rpm `--nosignature`, `--nodigest`, `--nofiledigest`, `--noverify`, `--nogpgcheck`. pip `--trusted-host` is a certificate bypass and belongs to tls-verification-disabled.',
  },
  handlers: {
    RUN(i, ctx) {
      // Only the program names here (most commands run no package manager); the reading is a function of its own.
      const commands = ctx.analysis.shell(i).commands;
      for (let k = 0; k < commands.length; k++) {
        const name = effectiveName(commands[k]);
        const list = name === undefined ? undefined : BYPASSES.get(name);
        if (name !== undefined && list) check(ctx, commands[k], name, list);
      }
    },
  },
});
