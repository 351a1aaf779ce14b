import { defineDockerfileRule } from '../../rule';
import type { ShWord } from '../../shell/model';
import { flagValue, isPackageManagerInstall, packageManagerSpec, positionalArgs } from '../../shell/commands';
import { effectiveName, effectiveShCommand, layersShipped } from './util';
import { goMultiStageFix } from './go-multistage';
import { cutLastLineAt } from '../../text';

const TOOL_PACKAGES = /^(build-essential|build-base|gcc(-[\d.]+)?|g\+\+(-[\d.]+)?|gcc-c\+\+|clang(-[\d.]+)?|llvm(-[\d.]+)?|make|cmake|autoconf|automake|libtool|pkg-config|pkgconf|linux-headers|musl-dev|golang(-go)?|rustc|cargo|default-jdk|openjdk-\d+-jdk(-headless)?|java-[\d.]+-openjdk-devel|nodejs-dev)$/;
const DEV_PACKAGE = /^[a-z0-9][a-z0-9.+_-]*-(dev|devel)$/;
/** DEV_PACKAGE, asked only of names with its ending (most packages are not headers). */
const isDevPackage = (name: string) => (name.endsWith('-dev') || name.endsWith('-devel')) && DEV_PACKAGE.test(name);

/** Package managers whose removals count (`apk del`, `apt-get purge`…): other commands' arguments are not read for them. */
const REMOVERS = new Set(['apk', 'apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'zypper']);
/** The subcommands of a package manager that remove packages (`apt-get purge`, `dnf erase`…). */
const REMOVAL = /^(purge|remove|autoremove|erase|rm)$/;
/** The words REMOVAL matches. */
const REMOVAL_WORDS = new Set(['purge', 'remove', 'autoremove', 'erase', 'rm']);

/** Whether some argument is the removal subcommand of this manager (`del` for apk; REMOVAL for the others). */
function hasRemovalWord(args: readonly ShWord[], manager: string): boolean {
  for (let k = 0; k < args.length; k++) {
    const v = args[k].value;
    if (manager === 'apk' ? v === 'del' : REMOVAL_WORDS.has(v)) return true;
  }
  return false;
}

/** The programs `buildCommand` knows: other commands' arguments are not read for it. */
const BUILDERS = new Set(['go', 'cargo', 'mvn', 'gradle', 'gradlew', 'npm', 'pnpm', 'yarn', 'dotnet', 'tsc']);

/** Every subcommand word buildCommand looks for (`tsc` needs none). */
const BUILD_WORDS = new Set(['build', 'package', 'install', 'verify', 'assemble', 'bootJar', 'installDist', 'publish']);

/**
 * Whether buildCommand can answer for this command: its patterns test positional words, which are among the
 * arguments, so a command with none of BUILD_WORDS (`npm ci`, `go mod download`) is passed over before its
 * positional arguments are read.
 */
function mayBuild(name: string, args: readonly ShWord[]): boolean {
  if (name === 'tsc') return true;
  for (let k = 0; k < args.length; k++) if (BUILD_WORDS.has(args[k].value)) return true;
  return false;
}

/** Build commands whose output should be copied into a slimmer final stage: name and subcommand patterns. */
function buildCommand(name: string, pos: string[]): string | undefined {
  const [a, b] = pos;
  if (name === 'go' && a === 'build') return 'go build';
  if (name === 'cargo' && a === 'build') return 'cargo build';
  if (name === 'mvn' && pos.some((p) => /^(package|install|verify)$/.test(p))) return 'mvn package';
  if ((name === 'gradle' || name === 'gradlew') && pos.some((p) => /^(build|assemble|bootJar|installDist)$/.test(p))) return `${name} build`;
  if ((name === 'npm' || name === 'pnpm' || name === 'yarn') && ((a === 'run' && b === 'build') || (a === 'build' && name !== 'npm'))) return `${name} run build`;
  if (name === 'dotnet' && (a === 'publish' || a === 'build')) return `dotnet ${a}`;
  if (name === 'tsc') return 'tsc';
  return undefined;
}

export default defineDockerfileRule({
  id: 'build-tools-in-final-stage',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'The image that ships installs compilers or `-dev` packages, or builds the app itself.',
    why: 'Compilers, headers and build caches make the image several times larger, slower to pull and full of tools an attacker can use, and each of them brings its own CVEs. A multi-stage build compiles in one stage and copies only the result into a small runtime image.',
    bad: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2\n',
    good: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip wheel --wheel-dir /wheels psycopg2\n\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*.whl\n',
    fix: 'Move the build into its own stage (`FROM … AS build`) and `COPY --from=build` only the artifacts into the final stage; or remove the build packages in the same RUN that installed them (`apk add --virtual .build-deps … && apk del .build-deps`). For a single-stage Go image that builds one binary with `go build -o /abs/path`, the fix (it changes behaviour, so Harden asks first) does the split: the stage becomes `AS build`, the build gets `CGO_ENABLED=0` for a static binary, and a `gcr.io/distroless/static-debian12:nonroot` stage receives the binary with the EXPOSE, HEALTHCHECK, STOPSIGNAL, CMD and ENTRYPOINT lines (and their comments).',
    notes: 'Only stages whose layers ship are checked (the final stage and stages it is built FROM). Packages removed again in the same RUN (`apk del`, `apt-get purge`/`remove`, or `--auto-remove`/`autoremove` as the official images do after `apt-mark auto`) are not reported. Info only: a single-stage image for a small CLI can be a fair trade-off.',
  },
  handlers: {
    RUN(i, ctx) {
      if (i.parent || !layersShipped(ctx, i)) return;
      const commands = ctx.analysis.shell(i).commands;
      // The set and the list are made on first need: most RUNs remove and find nothing.
      let removed: Set<string> | undefined;
      let autoRemove = false;
      for (const cmd of commands) {
        // Program names first (effectiveName): most commands are none of these, and reading every command of
        // every RUN through its wrappers (effectiveCommand) was most of this rule's time; effectiveShCommand makes no
        // object for a command that wraps nothing.
        const name = effectiveName(cmd);
        if (name === undefined || !REMOVERS.has(name)) continue;
        const c = effectiveShCommand(cmd)!;
        // The subcommand is one of the arguments: a command with no removal word among them (an install, most) is
        // passed over before its options are read.
        if (!hasRemovalWord(c.args, name)) continue;
        const pos = positionalArgs(c, packageManagerSpec(name)).map((w) => w.value);
        if ((name === 'apk' && pos[0] === 'del') || (name !== 'apk' && REMOVAL.test(pos[0] ?? ''))) {
          for (const p of pos.slice(1)) (removed ??= new Set()).add(cutLastLineAt(p, '=:'));
          // `apt-get purge -y --auto-remove` / `autoremove` after `apt-mark auto`: the official images' way.
          if (pos[0] === 'autoremove' || c.args.some((a) => a.value === '--auto-remove' || a.value === '--autoremove')) autoRemove = true;
        }
      }
      let found: { word: ShWord; what: string }[] | undefined;
      for (const cmd of commands) {
        const name = effectiveName(cmd);
        // isPackageManagerInstall answers only for the managers packageManagerSpec knows.
        if (name === undefined || (packageManagerSpec(name) === undefined && !BUILDERS.has(name))) continue;
        const c = effectiveShCommand(cmd)!;
        const install = isPackageManagerInstall(c);
        if (install) {
          if (autoRemove) continue;
          const virtual = name === 'apk' ? flagValue(c, 't', 'virtual', packageManagerSpec('apk')) : undefined;
          if (virtual && removed?.has(virtual)) continue;
          for (const p of install.packages) {
            const name = cutLastLineAt(p.value, '=<>~');
            if ((TOOL_PACKAGES.test(name) || isDevPackage(name)) && !removed?.has(name)) (found ??= []).push({ word: p, what: name });
          }
          continue;
        }
        const b = BUILDERS.has(name) && mayBuild(name, c.args) ? buildCommand(name, positionalArgs(c).map((w) => w.value)) : undefined;
        if (b) (found ??= []).push({ word: c.name!, what: b });
      }
      if (!found) return;
      const first = found[0];
      const goBuild = commands.find((c) => effectiveName(c) === 'go' && c.args[0]?.value === 'build');
      const stage = ctx.analysis.stageOf(i);
      const what = [...new Set(found.map((f) => f.what))];
      ctx.report({
        span: first.word,
        message: `${what.length > 1 ? `${what.slice(0, 4).join(', ')}${what.length > 4 ? '…' : ''} end` : `${what[0]} ends`} up in the image that ships: build in a separate stage and COPY --from it only the result.`,
        fix: goBuild && stage && found.every((f) => f.what === 'go build') ? goMultiStageFix(ctx, stage, i, goBuild) : undefined,
      });
    },
  },
});
