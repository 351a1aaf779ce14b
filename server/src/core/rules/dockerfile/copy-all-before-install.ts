import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction, Stage, Word } from '../../dockerfile/model';
import type { ShCommand } from '../../shell/model';
import type { FixSpec, OffsetEdit } from '../../types';
import { hasFlag, positionalArgs } from '../../shell/commands';
import { effectiveCommand, effectiveName, startAboveComments, withArgs, type EffectiveCommand } from './util';

interface Install {
  cmd: ShCommand;
  stack: string;
  /** Files the install needs, as COPY sources (relative to the context). Undefined: we cannot tell, no fix. */
  manifests?: string[];
  /** A build command that also fetches dependencies: the fix adds a separate download step instead of moving. */
  addStep?: string;
}

// Line patterns over manifest files. Blanks before the keyword are matched by `[^\S\r\n\u2028\u2029]*`, not `\s*`:
// `\s*` also crosses line breaks and was quadratic on a long run of blank lines (20,000 took 0.8 s). A match that
// crosses them also starts at the last line start, so the answers are the same.
/** A go.mod `replace … => ./path` (or `../path`): the module needs sources beside go.mod. */
const GO_LOCAL_REPLACE = /^[^\S\r\n\u2028\u2029]*replace\s.*=>\s*\.{1,2}\//m;
const PIP_SPEC = { shortWithValue: 'rceit', longWithValue: ['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'target', 'find-links', 'prefix', 'root', 'trusted-host'] };

/** Context-relative manifest files that exist, or the fallback when the workspace cannot tell. */
function present(ctx: DockerfileContext, files: string[], fallback: string[]): string[] {
  const found = files.filter((f) => ctx.workspace.exists(f));
  return found.length ? found : fallback;
}

/**
 * Programs `classify` knows: any other command is answered before its arguments are read (most commands of a RUN).
 * A program added to the switch below must be added here too, or its case is never reached.
 */
const INSTALLERS = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'uv', 'poetry', 'bundle', 'bundler', 'go', 'composer', 'mvn', 'cargo', 'gradle', 'gradlew']);

/** The command read through its wrappers when it runs a program `classify` knows (its name is asked first: cheaper). */
function installerCommand(cmd: ShCommand): EffectiveCommand | undefined {
  const name = effectiveName(cmd);
  return name !== undefined && INSTALLERS.has(name) ? effectiveCommand(cmd) : undefined;
}

/**
 * For the programs whose every case in `classify` needs a given subcommand: one of those words. A subcommand is one
 * of the arguments, so a command with none of them (`npm run build`, `go mod tidy`) is passed over before its
 * positional arguments are read. Programs not listed (yarn and bundle install without a subcommand; mvn and gradle
 * match patterns) are always read.
 */
const SUBCOMMANDS = new Map<string, ReadonlySet<string>>([
  ['npm', new Set(['ci', 'install', 'i'])],
  ['pnpm', new Set(['install', 'i', 'fetch'])],
  ['pip', new Set(['install'])],
  ['pip3', new Set(['install'])],
  ['uv', new Set(['install', 'sync'])],
  ['poetry', new Set(['install'])],
  ['go', new Set(['download', 'build', 'install', 'test'])],
  ['composer', new Set(['install'])],
  ['cargo', new Set(['build', 'fetch', 'install'])],
]);

/** Whether classify can find an install in this command (see SUBCOMMANDS). */
function mayInstall(e: EffectiveCommand): boolean {
  const words = SUBCOMMANDS.get(e.name);
  if (words === undefined) return true;
  for (let k = 0; k < e.args.length; k++) if (words.has(e.args[k].value)) return true;
  return false;
}

function classify(ctx: DockerfileContext, e: EffectiveCommand, cmd: ShCommand): Install | undefined {
  if (!INSTALLERS.has(e.name) || !mayInstall(e)) return undefined;
  const c = withArgs(e);
  const pos = positionalArgs(c, e.name.startsWith('pip') || e.name === 'uv' ? PIP_SPEC : undefined).map((w) => w.value);
  const sub = pos[0];
  switch (e.name) {
    case 'npm': {
      if (!(sub === 'ci' || ((sub === 'install' || sub === 'i') && pos.length === 1))) return undefined;
      const pkg = ctx.workspace.readFile('package.json');
      if (pkg && /"workspaces"\s*:/.test(pkg)) return { cmd, stack: 'npm' };
      return { cmd, stack: 'npm', manifests: ctx.workspace.exists('package.json') ? present(ctx, ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'], []) : ['package*.json'] };
    }
    case 'yarn': {
      if (!(sub === undefined || (sub === 'install' && pos.length === 1))) return undefined;
      if (ctx.workspace.exists('.yarn') || /"workspaces"\s*:/.test(ctx.workspace.readFile('package.json') ?? '')) return { cmd, stack: 'yarn' };
      return { cmd, stack: 'yarn', manifests: [...present(ctx, ['package.json', 'yarn.lock'], ['package.json', 'yarn.lock']), ...(ctx.workspace.exists('.yarnrc.yml') ? ['.yarnrc.yml'] : [])] };
    }
    case 'pnpm': {
      if (!((sub === 'install' || sub === 'i') && pos.length === 1) && sub !== 'fetch') return undefined;
      if (ctx.workspace.exists('pnpm-workspace.yaml')) return { cmd, stack: 'pnpm' };
      return { cmd, stack: 'pnpm', manifests: present(ctx, ['package.json', 'pnpm-lock.yaml'], ['package.json', 'pnpm-lock.yaml']) };
    }
    case 'pip': case 'pip3': case 'uv':
      return classifyPip(ctx, e, cmd, c, pos);
    case 'poetry':
      if (sub !== 'install') return undefined;
      return { cmd, stack: 'poetry', manifests: hasFlag(c, undefined, 'no-root') ? ['pyproject.toml', 'poetry.lock'] : undefined };
    case 'bundle': case 'bundler':
      if (!(sub === undefined || sub === 'install')) return undefined;
      return { cmd, stack: 'bundler', manifests: /^[^\S\r\n\u2028\u2029]*gemspec/m.test(ctx.workspace.readFile('Gemfile') ?? '') ? undefined : present(ctx, ['Gemfile', 'Gemfile.lock'], ['Gemfile', 'Gemfile.lock']) };
    case 'go':
      if (sub === 'mod' && pos[1] === 'download') {
        return { cmd, stack: 'go', manifests: GO_LOCAL_REPLACE.test(ctx.workspace.readFile('go.mod') ?? '') ? undefined : present(ctx, ['go.mod', 'go.sum'], ['go.mod', 'go.sum']) };
      }
      if (sub === 'build' || sub === 'install' || sub === 'test') {
        return { cmd, stack: 'go', addStep: 'go mod download', manifests: GO_LOCAL_REPLACE.test(ctx.workspace.readFile('go.mod') ?? '') ? undefined : present(ctx, ['go.mod', 'go.sum'], ['go.mod', 'go.sum']) };
      }
      return undefined;
    case 'composer':
      if (sub !== 'install') return undefined;
      return { cmd, stack: 'composer', manifests: hasFlag(c, undefined, 'no-autoloader') ? present(ctx, ['composer.json', 'composer.lock'], ['composer.json', 'composer.lock']) : undefined };
    case 'mvn': {
      if (pos.some((p) => /^dependency:(go-offline|resolve)/.test(p))) return { cmd, stack: 'maven', manifests: /<modules>/.test(ctx.workspace.readFile('pom.xml') ?? '') ? undefined : ['pom.xml'] };
      if (pos.some((p) => /^(package|install|verify|compile)$/.test(p))) return { cmd, stack: 'maven', addStep: 'mvn -B dependency:go-offline', manifests: /<modules>/.test(ctx.workspace.readFile('pom.xml') ?? '') ? undefined : ['pom.xml'] };
      return undefined;
    }
    case 'cargo':
      return sub === 'build' || sub === 'fetch' || sub === 'install' ? { cmd, stack: 'cargo' } : undefined;
    case 'gradle': case 'gradlew':
      return pos.some((p) => /^(build|assemble|bootJar|installDist|dependencies)$/.test(p)) ? { cmd, stack: 'gradle' } : undefined;
  }
  return undefined;
}

/**
 * `pip install -r …` and `uv pip install` / `uv sync` (a function of its own: its closure reads files through `ctx`,
 * and a captured variable made every call of classify allocate a context).
 */
function classifyPip(ctx: DockerfileContext, e: EffectiveCommand, cmd: ShCommand, c: ShCommand, pos: string[]): Install | undefined {
  const sub = pos[0];
  const args = e.name === 'uv' ? (sub === 'pip' ? pos.slice(1) : undefined) : pos;
  if (e.name === 'uv' && sub === 'sync') {
    return { cmd, stack: 'uv', manifests: hasFlag(c, undefined, 'no-install-project') ? ['pyproject.toml', 'uv.lock'] : undefined };
  }
  if (!args || args[0] !== 'install') return undefined;
  const reqs: string[] = [];
  for (let k = 0; k < c.args.length; k++) {
    const v = c.args[k].value;
    if (v === '-r' || v === '--requirement') reqs.push(c.args[k + 1]?.value ?? '');
    else if (v.startsWith('--requirement=')) reqs.push(v.slice(14));
    else if (/^-r./.test(v)) reqs.push(v.slice(2));
  }
  if (!reqs.length || args.length > 1 || hasFlag(c, 'e', 'editable', PIP_SPEC)) return undefined;
  const nested = reqs.some((r) => /^[^\S\r\n\u2028\u2029]*(-r|-c|--requirement|--constraint|-e|\.)/m.test(ctx.workspace.readFile(r) ?? ''));
  return { cmd, stack: 'pip', manifests: nested || reqs.some((r) => !r || r.includes('$') || r.startsWith('/')) ? undefined : reqs };
}

const isWholeContext = (w: Word) => w.value === '.' || w.value === './';

/** A COPY or ADD of the whole build context (`COPY . .`), not from another stage. */
function copiesWholeContext(i: Instruction): boolean {
  if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.exec) return false;
  // The flags first: the words of a `COPY --from` are not read (made on first read).
  for (const f of i.flags) if (f.name === 'from') return false;
  const words = i.words;
  for (let k = 0; k < words.length - 1; k++) if (isWholeContext(words[k])) return true;
  return false;
}

/** The only instructions that may stand between the copy and the install for the fix to move the install (ENV, ARG, WORKDIR, USER or RUN could change it). */
const MOVABLE_PAST = ['COPY', 'ADD', 'LABEL', 'EXPOSE'];

// Module functions taking the lint's context, not closures made in create() for every file.

/** The stacks whose dependencies a RUN before the copy installs: those are done right. */
function installedBefore(ctx: DockerfileContext, list: readonly Instruction[], copyIdx: number) {
  const stacks = new Set<string>();
  for (let k = 0; k < copyIdx; k++) {
    const i = list[k];
    if (i.keyword !== 'RUN') continue;
    for (const cmd of ctx.analysis.shell(i).commands) {
      const e = installerCommand(cmd);
      const inst = e && classify(ctx, e, cmd);
      if (inst) stacks.add(inst.stack);
    }
  }
  return stacks;
}

function checkStage(ctx: DockerfileContext, stage: Stage, copy: Instruction) {
  const list = stage.instructions;
  const copyIdx = list.indexOf(copy);
  // The stacks installed before the copy, and those reported: worked out at the first install after the copy
  // (most stages with a whole-context COPY install nothing after it).
  let reported: Set<string> | undefined;
  let between = true;
  for (let k = copyIdx + 1; k < list.length; k++) {
    const i = list[k];
    if (i.keyword !== 'RUN') {
      if (!MOVABLE_PAST.includes(i.keyword)) between = false;
      continue;
    }
    const commands = ctx.analysis.shell(i).commands;
    for (const cmd of commands) {
      const e = installerCommand(cmd);
      const inst = e && classify(ctx, e, cmd);
      if (!inst) continue;
      reported ??= installedBefore(ctx, list, copyIdx);
      if (reported.has(inst.stack)) continue;
      reported.add(inst.stack);
      const fix = between && cmd.context.length === 0 ? buildFix(ctx, stage, copy, i, inst, commands) : undefined;
      ctx.report({
        span: e.nameWord,
        message: `${inst.addStep ? 'Dependencies are fetched' : 'Dependencies are installed'} after "COPY ${copy.words.slice(0, -1).map((w) => w.raw).join(' ')}" on line ${copy.startLine + 1}, so any source change re-runs this step: copy the ${inst.stack} manifests and ${inst.addStep ? 'download dependencies' : 'install'} first.`,
        fix,
      });
    }
    between = false;
  }
}

export default defineDockerfileRule({
  id: 'copy-all-before-install',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'The whole build context is copied before dependencies are installed, so any source change re-installs them.',
    why: 'Docker reuses a cached layer only while everything it depends on is unchanged. After `COPY . .`, editing any file invalidates the install step, and every build downloads and installs all dependencies again. Copying only the manifests first keeps that slow layer cached until the dependencies really change.',
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
    fix: 'The unsafe fix copies the manifests first (`package.json` and the lockfile, `requirements.txt`, `go.mod`/`go.sum`, `Gemfile`/`Gemfile.lock`, `pom.xml`, `composer.json`/`composer.lock`… as found in the workspace) and moves the install before `COPY . .`; for `go build` and `mvn package` it adds `go mod download` / `mvn dependency:go-offline` there instead. It is unsafe because an install that needs other files (workspaces, local path dependencies, post-install scripts) must get them too.',
    notes: 'npm, yarn, pnpm, pip (`-r` files), uv, poetry, bundler, Go modules, composer, Maven, Gradle and Cargo are recognised. No fix is offered where the install needs the sources (poetry without `--no-root`, `uv sync` without `--no-install-project`, composer without `--no-autoloader`, Gradle, Cargo, workspaces) or when ENV/ARG/WORKDIR/USER/RUN instructions sit between the copy and the install.',
  },
  create(ctx) {
    /**
     * The first whole-context COPY of each stage, by stage index: noted while the walk reads the instruction anyway,
     * so the end looks only at stages that have one (a scan of every stage's instructions at the end was 1.5 % of a
     * 5,000-line lint, its instructions no longer in the cache).
     */
    let wholeCopies: (Instruction | undefined)[] | undefined;
    const note = (i: Instruction) => {
      if (i.parent || i.stage < 0 || wholeCopies?.[i.stage] || !copiesWholeContext(i)) return;
      (wholeCopies ??= [])[i.stage] = i;
    };
    return {
      COPY: note,
      ADD: note,
      end() {
        if (!wholeCopies) return;
        for (let k = 0; k < wholeCopies.length; k++) {
          const copy = wholeCopies[k];
          if (copy) checkStage(ctx, ctx.doc.stages[k], copy);
        }
      },
    };
  },
});

function buildFix(ctx: DockerfileContext, stage: Stage, copy: Instruction, run: Instruction, inst: Install, commands: ShCommand[]): FixSpec | undefined {
  if (!inst.manifests?.length) return undefined;
  const destWord = copy.words[copy.words.length - 1];
  const dest = destWord.value === '.' ? './' : destWord.raw.endsWith('/') ? destWord.raw : destWord.raw + '/';
  // Manifests an earlier COPY in the stage already brings in need no new COPY.
  const earlier = new Set<string>();
  for (const i of stage.instructions) {
    if (i === copy) break;
    if (i.keyword === 'COPY') for (const w of i.words.slice(0, -1)) earlier.add(w.value.replace(/^\.\//, ''));
  }
  const needed = inst.manifests.filter((m) => !earlier.has(m));
  if (needed.some((m) => m.includes('/'))) return undefined;
  const eol = ctx.lines.eol();
  const indent = /^[ \t]*/.exec(ctx.lines.lineText(copy.startLine))![0];
  const flags = run.flags.map((f) => ctx.text.slice(f.start, f.end)).join(' ');
  const runPrefix = `RUN ${flags ? flags + ' ' : ''}`;
  const edits: OffsetEdit[] = [];
  let installText: string;
  if (inst.addStep) {
    installText = inst.addStep;
  } else {
    installText = ctx.text.slice(inst.cmd.start, inst.cmd.end);
    if (/\r?\n/.test(installText) || run.heredocs.length) return undefined;
    const idx = commands.indexOf(inst.cmd);
    if (commands.length === 1) {
      const first = ctx.lines.lineOf(run.start);
      const last = ctx.lines.lineOf(run.end);
      edits.push({ start: ctx.lines.lineStarts[first], end: last + 1 < ctx.lines.lineCount ? ctx.lines.lineStarts[last + 1] : ctx.text.length, newText: '' });
    } else if (idx === 0 && commands[1].joinedBy === '&&' && commands[1].context.length === 0) {
      edits.push({ start: inst.cmd.start, end: commands[1].start, newText: '' });
    } else {
      return undefined;
    }
  }
  const at = startAboveComments(ctx, copy);
  const lines = [
    ...(needed.length ? [`${indent}COPY ${needed.join(' ')} ${dest}`] : []),
    `${indent}${runPrefix}${installText}`,
  ];
  edits.push({ start: at, end: at, newText: lines.join(eol) + eol });
  return { title: `Copy the ${inst.stack} manifests and ${inst.addStep ? 'download dependencies' : 'install'} before COPY .`, safe: false, edits };
}
