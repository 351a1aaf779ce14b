import { defineDockerfileRule } from '../../rule';
import type { ShWord } from '../../shell/model';
import { packageManagerSpec } from '../../shell/commands';
import { effectiveCommand, effectiveName, removeWordEdit, type EffectiveCommand } from './util';
import { own } from '../../own';

interface Bypass { flag: RegExp; alias?: string }
const BYPASSES: Record<string, Bypass[]> = {
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
BYPASSES.apt = BYPASSES['apt-get'];
BYPASSES.aptitude = BYPASSES['apt-get'];
BYPASSES.dnf = BYPASSES.yum;
BYPASSES.microdnf = BYPASSES.yum;
BYPASSES.tdnf = BYPASSES.yum;

/** `-o APT::Get::AllowUnauthenticated=true`, `-oAcquire::AllowInsecureRepositories=1`. */
const APT_OPTION = /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=(1|true|yes)$/i;

/** The bypass this argument spells, if any (a loop, not `find`: it runs for every argument of every package command). */
function bypassIn(list: readonly Bypass[], value: string): Bypass | undefined {
  for (const b of list) if (b.flag.test(value)) return b;
  return undefined;
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
  create(ctx) {
    const report = (e: EffectiveCommand, w: ShWord, what: string, alias: string | undefined, edits = [removeWordEdit(ctx, w)]) => ctx.report({
      span: w,
      message: `${e.name} ${what} installs packages without verifying their signatures: remove it and trust the repository's signing key instead.`,
      aliases: alias ? [alias] : [],
      fix: { title: `Remove ${what}`, safe: false, edits },
    });
    return {
      RUN(i) {
        for (const cmd of ctx.analysis.shell(i).commands) {
          const name = effectiveName(cmd);
          const list = name === undefined ? undefined : own(BYPASSES, name);
          if (!list) continue;
          const e = effectiveCommand(cmd)!;
          const spec = packageManagerSpec(e.name);
          for (let k = 0; k < e.args.length; k++) {
            const w = e.args[k];
            if (!w.value.startsWith('-')) continue; // a package or a value: everything below looks for an option
            const hit = bypassIn(list, w.value);
            if (hit) { report(e, w, w.value, hit.alias); continue; }
            if (e.name.startsWith('apt')) {
              if (w.value === '-o' && e.args[k + 1] && APT_OPTION.test(e.args[k + 1].value)) {
                report(e, e.args[k + 1], `-o ${e.args[k + 1].value}`, 'CKV2_DOCKER_8', [removeWordEdit(ctx, w), removeWordEdit(ctx, e.args[k + 1])]);
                k++;
              } else if (/^(-o|--option=)/.test(w.value) && APT_OPTION.test(w.value.replace(/^(-o|--option=)/, ''))) {
                report(e, w, w.value, 'CKV2_DOCKER_8');
              }
            }
            if (spec?.shortWithValue && /^-[A-Za-z]$/.test(w.value) && spec.shortWithValue.includes(w.value[1]) && w.value !== '-o') k++;
          }
        }
      },
    };
  },
});
