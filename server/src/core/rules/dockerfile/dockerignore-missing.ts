import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import { isIgnored, loadDockerignore, parseDockerignore } from '../../dockerfile/dockerignore';
import { effectiveCommand } from './util';

interface Entry {
  /** Line to add to the ignore file. */
  line: string;
  /** Paths that line must exclude (to tell whether the file already covers it). */
  probes: string[];
  why: string;
  sensitive?: boolean;
  /** When an ignore file exists, only ask for the line if this returns true (e.g. the file is really there). */
  thin?: (ctx: DockerfileContext) => boolean;
}

const anyExists = (...files: string[]) => (ctx: DockerfileContext) => files.some((f) => ctx.workspace.exists(f));

const ALWAYS: Entry[] = [
  { line: '.git', probes: ['.git'], why: 'git history', sensitive: true },
  { line: '.env', probes: ['.env'], why: 'secrets in .env', sensitive: true },
  { line: '**/*.pem', probes: ['key.pem', 'certs/server.pem'], why: 'private keys', sensitive: true, thin: anyExists('key.pem', 'private.pem', 'privkey.pem', 'server.pem', 'cert.pem') },
  { line: '**/id_rsa*', probes: ['id_rsa', 'keys/id_rsa'], why: 'SSH keys', sensitive: true, thin: anyExists('id_rsa', 'id_ed25519', 'id_ecdsa', '.ssh') },
];

/** Commands in the Dockerfile that recreate a folder inside the image, so the host copy must not be sent. */
function stackEntries(ctx: DockerfileContext, commands: () => readonly string[]): Entry[] {
  const has = (f: string) => ctx.workspace.exists(f);
  const runs_ = (re: RegExp) => commands().some((r) => re.test(r));
  const out: Entry[] = [];
  if (has('package.json')) {
    out.push({ line: '.npmrc', probes: ['.npmrc'], why: 'npm registry tokens', sensitive: true, thin: anyExists('.npmrc') });
    if (runs_(/^(npm|yarn|pnpm)( |$)/)) out.push({ line: 'node_modules', probes: ['node_modules'], why: 'node_modules (installed in the image)', thin: anyExists('node_modules') });
  }
  if (has('requirements.txt') || has('pyproject.toml') || has('setup.py') || has('Pipfile')) {
    out.push({ line: '**/__pycache__', probes: ['__pycache__', 'app/__pycache__'], why: 'Python caches', thin: anyExists('__pycache__') });
    for (const v of ['.venv', 'venv']) if (has(v)) out.push({ line: v, probes: [v], why: `the ${v} virtualenv` });
  }
  if (has('composer.json') && runs_(/^composer /)) out.push({ line: 'vendor', probes: ['vendor'], why: 'vendor (installed in the image)' });
  if ((has('Cargo.toml') || has('pom.xml')) && has('target') && runs_(/^(cargo|mvn) /)) out.push({ line: 'target', probes: ['target'], why: 'build output' });
  if (has('Gemfile') && has('vendor/bundle')) out.push({ line: 'vendor/bundle', probes: ['vendor/bundle'], why: 'installed gems' });
  for (const dir of ['dist', 'build']) {
    if (has(dir) && runs_(/^(npm|yarn|pnpm) (run )?build\b/) && !out.some((e) => e.line === dir)) out.push({ line: dir, probes: [dir], why: 'build output (rebuilt in the image)' });
  }
  return out;
}

/** What every pattern stackEntries tests commands with starts with: other commands cannot match one. */
const STACK_TOOLS = ['npm', 'yarn', 'pnpm', 'composer', 'cargo', 'mvn'];

/**
 * The file's RUN commands that stackEntries may match, each as `name arg…` (its effective command), in file
 * order. Writing out every command of a 5,000-line file was 5 % of a keystroke's lint there.
 */
function stackCommands(ctx: DockerfileContext): string[] {
  const out: string[] = [];
  for (const i of ctx.doc.instructions) {
    if (i.keyword !== 'RUN') continue;
    for (const cmd of ctx.analysis.shell(i).commands) {
      const e = effectiveCommand(cmd);
      if (e && STACK_TOOLS.some((t) => e.name.startsWith(t))) out.push([e.name, ...e.args.map((a) => a.value)].join(' '));
    }
  }
  return out;
}

/** Sources COPY and ADD name from the context (not `.`, not from a stage, without variables), `./` dropped. */
function namedSources(ctx: DockerfileContext): string[] {
  const out: string[] = [];
  for (const i of ctx.doc.instructions) {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
    for (const w of (i.exec ? i.exec.values : i.words).slice(0, -1)) if (w.value !== '.' && w.value !== './' && !w.value.includes('$')) out.push(w.value.replace(/^\.\//, ''));
  }
  return out;
}

export default defineDockerfileRule({
  id: 'dockerignore-missing',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'always',
  docs: {
    summary: 'The build copies the whole context, but `.dockerignore` is missing or leaves out key entries (`.git`, `.env`, keys, dependency folders).',
    why: 'Without an ignore file `COPY . .` sends everything to the builder and into the image: the git history, `.env` files and private keys (readable by anyone with the image), and host `node_modules` or virtualenvs built for another platform. It also makes the context upload slow and breaks layer caching on every unrelated change.',
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app/ ./app/\n',
    fix: 'The safe fix creates `.dockerignore` (or appends to it) with the missing lines: always `.git`, `.env`, `**/*.pem` and `**/id_rsa*`, plus what the project needs: `node_modules` and `.npmrc` for Node, `**/__pycache__` and the virtualenv for Python, `vendor` for Composer, `target` for Cargo/Maven, and build output the Dockerfile rebuilds. A line that would exclude a file the Dockerfile copies by name is left out.',
    notes: 'Only reported when a COPY/ADD sends the whole context (`.`). When an ignore file exists, key patterns, `.npmrc` and dependency folders are only asked for when such files are in the workspace, so a deliberate, short ignore file is not nagged. Dependency folders are only added when the Dockerfile installs them itself, so an image that relies on a host-built folder keeps working. BuildKit\'s `<Dockerfile>.dockerignore` is honoured when present.',
  },
  handlers: {
    end(ctx) {
      if (ctx.path === undefined) return;
      const whole = ctx.doc.instructions.find((i): i is Instruction => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from') && !i.exec && i.words.length >= 2 && i.words.slice(0, -1).some((w) => w.value === '.' || w.value === './'));
      if (!whole) return;
      const loaded = loadDockerignore(ctx.workspace, ctx.path);
      // Read only when a stack file (package.json, composer.json…) or a candidate line asks, and then once.
      let runs: string[] | undefined;
      let named: string[] | undefined;
      const commands = () => (runs ??= stackCommands(ctx));
      const candidates = [...ALWAYS, ...stackEntries(ctx, commands)];
      const missing = candidates.filter((e) => !loaded || ((e.thin?.(ctx) ?? true) && e.probes.some((p) => !isIgnored(loaded.ignore, p))))
        // Never exclude a file the Dockerfile copies by name.
        .filter((e) => { const one = parseDockerignore(e.line); return !(named ??= namedSources(ctx)).some((n) => isIgnored(one, n)); });
      if (!missing.length) return;
      const src = whole.words.slice(0, -1).find((w) => w.value === '.' || w.value === './')!;
      const lines = missing.map((e) => e.line);
      const fileEdit = loaded
        ? { path: loaded.path, newText: (loaded.text === '' || loaded.text.endsWith('\n') ? '' : '\n') + lines.join('\n') + '\n', append: true }
        : { path: '.dockerignore', newText: lines.join('\n') + '\n', create: true };
      const sensitive = missing.some((e) => e.sensitive);
      ctx.report({
        span: { start: src.start, end: src.end },
        severity: sensitive ? undefined : 'info',
        message: loaded
          ? `${whole.keyword} ${src.value} sends the whole context, but ${loaded.path} does not exclude ${missing.map((e) => e.why).join(', ')}: add ${lines.map((l) => `"${l}"`).join(', ')}.`
          : `${whole.keyword} ${src.value} sends the whole context and there is no .dockerignore: ${missing.map((e) => e.why).join(', ')} would end up in the image. Create one.`,
        fix: { title: loaded ? `Add ${lines.length} line${lines.length > 1 ? 's' : ''} to ${loaded.path}` : 'Create .dockerignore', safe: true, edits: [], fileEdits: [fileEdit] },
      });
    },
  },
});
