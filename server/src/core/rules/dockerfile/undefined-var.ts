import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { sourceSpan } from '../../dockerfile/words';
import { chainFact, closestName, isVariableName, lintState, rootStage, variableRefs } from './util';

/**
 * Environment variables official base images set (from their published Dockerfiles). A stage built on an image
 * not listed here may get any variable from it, so the rule stays quiet there. Names starting with a listed
 * prefix count as set: these images add version-specific variables over time.
 */
type ImageEnv = { names?: string[]; prefixes?: string[] };

const IMAGE_ENV: Record<string, ImageEnv> = {
  scratch: {}, alpine: {}, busybox: {}, debian: {}, ubuntu: {},
  python: { names: ['LANG', 'GPG_KEY'], prefixes: ['PYTHON_'] },
  node: { names: ['NODE_VERSION', 'YARN_VERSION'] },
  golang: { names: ['GOPATH', 'GOTOOLCHAIN'], prefixes: ['GOLANG_'] },
  ruby: { names: ['LANG', 'GEM_HOME'], prefixes: ['RUBY_', 'BUNDLE_'] },
  'eclipse-temurin': { names: ['JAVA_HOME', 'LANG', 'LANGUAGE', 'LC_ALL'], prefixes: ['JAVA_'] },
  openjdk: { names: ['JAVA_HOME', 'LANG'], prefixes: ['JAVA_'] },
  nginx: { prefixes: ['NGINX_', 'NJS_', 'PKG_', 'DYNPKG_'] },
  php: { names: ['PHPIZE_DEPS', 'GPG_KEYS'], prefixes: ['PHP_', 'APACHE_'] },
  rust: { names: ['RUSTUP_HOME', 'CARGO_HOME'], prefixes: ['RUST_'] },
};

const IMAGE_NAMES = Object.keys(IMAGE_ENV);

/**
 * What a stage's root image sets, or undefined when the image is unknown (anything may be set). The name is the one
 * `^(?:docker\.io\/)?(?:library\/)?([a-z0-9._-]+)(?::[^@]*)?(?:@.*)?$` captures, read by hand: no match array and
 * no copy of the name per stage root.
 */
function imageEnv(image: string): ImageEnv | undefined {
  let from = image.startsWith('docker.io/') ? 10 : 0;
  if (image.startsWith('library/', from)) from += 8;
  let end = from;
  while (end < image.length && isNameChar(image.charCodeAt(end))) end++;
  if (end === from || (end < image.length && image[end] !== ':' && image[end] !== '@')) return undefined;
  // The regular expression's `.*` after the digest's `@` stops at a line break, which then fails its `$`.
  const at = image.indexOf('@', end);
  if (at >= 0 && /[\n\r\u2028\u2029]/.test(image.slice(at))) return undefined;
  for (const name of IMAGE_NAMES) if (name.length === end - from && image.startsWith(name, from)) return IMAGE_ENV[name];
  return undefined;
}

/** [a-z0-9._-] */
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45;

/** Whether the image sets a variable (a loop: a closure per reference for `some` showed in the allocation profile). */
function imageSets(env: ImageEnv, name: string): boolean {
  if (name === 'PATH' || env.names?.includes(name)) return true;
  if (env.prefixes) for (const p of env.prefixes) if (name.startsWith(p)) return true;
  return false;
}

/**
 * How many names in scope a "did you mean" looks at, nearest declaration first: enough for any real
 * Dockerfile, and a bound on the work per finding in a generated file of thousands of stages and names.
 */
const SUGGESTION_SCOPE = 200;

export default defineDockerfileRule({
  id: 'undefined-var',
  aliases: ['UndefinedVar'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'An instruction uses a variable that no ARG or ENV before it defines.',
    why: 'An undefined variable expands to an empty string without any error: `COPY $SRC .` copies the whole context, `ENV PATH=$PAHT:/x` wipes PATH. Usually it is a typo or a missing `ARG` inside the stage (ARGs before FROM are not visible in stages unless redeclared).',
    bad: 'FROM alpine:3.20\nENV PATH=$PAHT:/opt/app/bin\n',
    good: 'FROM alpine:3.20\nENV PATH=$PATH:/opt/app/bin\n',
    fix: 'Declare the variable (`ARG NAME` in the stage, or ENV) before using it. When the name is a near miss of one in scope, the unsafe fix corrects the spelling.',
    notes: 'BuildKit reads the base image\'s environment from the registry; Seaworthy knows what the official images (alpine, debian, ubuntu, python, node, golang, ruby, eclipse-temurin, nginx, php, rust…) set and stays quiet for stages built on any other image, whose variables it cannot see. RUN, CMD and ENTRYPOINT are expanded by the shell at run time and are not checked, as in BuildKit. Like `docker build --check`, every stage is checked; a plain `docker build` warns only for the stages its target needs.',
  },
  // The instructions whose arguments BuildKit expands (RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK are left to the
  // shell), each by its own handler rather than one handler called for every instruction of every file.
  handlers: { ENV: check, ARG: check, LABEL: check, COPY: check, ADD: check, EXPOSE: check, USER: check, VOLUME: check, STOPSIGNAL: check, WORKDIR: check },
});

/**
 * The lint's Scope is made on the first instruction with a `$`: most files have none to check. A class kept in the
 * lint's memo, not helper closures made in create() for every file (600 bytes per file over the bench corpus, a
 * third of the rule's allocation).
 */
function check(i: Instruction, ctx: DockerfileContext): void {
  if (i.parent || !i.argsText.includes('$')) return;
  lintState(ctx, newScope).check(i);
}

/** The declarations a lint has looked up so far, and the check of one instruction. */
class Scope {
  /** By root stage index: what its image sets, null when the image is unknown (an array: a Map per file cost more). */
  private readonly rootEnvs: (ImageEnv | null | undefined)[];
  private declared: Map<Stage, { start: number; name: string }[]> | undefined = undefined;
  /** The last stage asked about and its answer: the walk asks for each instruction with a `$`, stage by stage. */
  private lastStage: Stage | undefined = undefined;
  private lastEnv: ImageEnv | null = null;
  /** namesAtEnd as chainFact's fold (its memo key for this lint), made on the first finding. */
  private namesAtEndFold: ((s: Stage, inherited: string[] | undefined) => string[]) | undefined = undefined;

  constructor(private readonly ctx: DockerfileContext) {
    this.rootEnvs = new Array(ctx.doc.stages.length);
  }

  check(i: Instruction): void {
    const ctx = this.ctx;
    const stage = ctx.analysis.stageOf(i);
    if (!stage) return;
    const fromImage = this.envOf(stage);
    if (!fromImage) return;
    let reported: Set<string> | undefined; // made on the first finding: most references are defined
    for (const ref of variableRefs(i.argsText, ctx.doc.escape)) {
      if (reported?.has(ref.name) || imageSets(fromImage, ref.name) || ctx.analysis.resolve(ref.name, i).declared) continue;
      (reported ??= new Set()).add(ref.name);
      const guess = closestName(ref.name, this.namesInScope(i, stage).filter((n) => n !== ref.name && isVariableName(n)));
      ctx.report({
        span: sourceSpan(i.map, ref.start, ref.end),
        message: `"${ref.name}" is not defined at this point (no ARG or ENV before it in this stage), so it expands to an empty string${guess ? ` (did you mean $${guess}?)` : ''}.`,
        fix: guess ? { title: `Use $${guess}`, safe: false, edits: [{ ...sourceSpan(i.map, ref.nameStart, ref.nameEnd), newText: guess }] } : undefined,
      });
    }
  }

  private envOf(stage: Stage): ImageEnv | null {
    if (stage === this.lastStage) return this.lastEnv;
    this.lastStage = stage;
    return this.lastEnv = this.rootEnvOf(rootStage(this.ctx, stage));
  }

  private rootEnvOf(root: Stage): ImageEnv | null {
    let env = this.rootEnvs[root.index];
    if (env === undefined) {
      const { image, unresolved } = this.ctx.analysis.resolvedImage(root);
      env = this.rootEnvs[root.index] = (unresolved.length ? undefined : imageEnv(image.toLowerCase())) ?? null;
    }
    return env;
  }

  /** The ARG and ENV names a stage declares, in order, with the start of their instruction. */
  private declarationsOf(s: Stage): { start: number; name: string }[] {
    this.declared ??= new Map();
    let list = this.declared.get(s);
    if (!list) {
      list = [];
      for (const x of s.instructions) if (x.keyword === 'ARG' || x.keyword === 'ENV') for (const p of x.pairs) list.push({ start: x.start, name: p.key });
      this.declared.set(s, list);
    }
    return list;
  }

  /** Names in scope at the end of a stage, its own and its parents', nearest first (SUGGESTION_SCOPE at most). */
  private namesAtEnd(s: Stage, inherited: string[] | undefined): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const own = this.declarationsOf(s);
    take(out, seen, backwards(own, own.length));
    take(out, seen, inherited ?? []);
    return out;
  }

  /** Names defined by ARG/ENV earlier in the stage or its parents, for suggestions: the nearest SUGGESTION_SCOPE. */
  private namesInScope(i: Instruction, stage: Stage): string[] {
    const out = ['PATH'];
    const seen = new Set(out);
    const own = this.declarationsOf(stage);
    let lo = 0;
    let hi = own.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (own[mid].start < i.start) lo = mid + 1; else hi = mid; }
    take(out, seen, backwards(own, lo));
    const parent = this.ctx.analysis.parentStage(stage);
    if (parent) take(out, seen, chainFact(this.ctx, this.namesAtEndFold ??= (s, inherited) => this.namesAtEnd(s, inherited), parent));
    return out;
  }
}

/** The lint's Scope (also its key in the lint's memo). */
const newScope = (ctx: DockerfileContext) => new Scope(ctx);

/** Adds names (nearest declaration first, no repeats) until there are SUGGESTION_SCOPE of them. */
function take(out: string[], seen: Set<string>, names: Iterable<string>): void {
  for (const n of names) {
    if (out.length >= SUGGESTION_SCOPE) return;
    if (!seen.has(n)) { seen.add(n); out.push(n); }
  }
}

function* backwards(list: { name: string }[], end: number) { for (let k = end - 1; k >= 0; k--) yield list[k].name; }
