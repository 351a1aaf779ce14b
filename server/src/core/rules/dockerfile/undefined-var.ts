import { defineDockerfileRule } from '../../rule';
import type { Instruction, Stage } from '../../dockerfile/model';
import { sourceSpan } from '../../dockerfile/words';
import { chainFact, closestName, isVariableName, rootStage, variableRefs } from './util';
import { own } from '../../own';

/**
 * Environment variables official base images set (from their published Dockerfiles). A stage built on an image
 * not listed here may get any variable from it, so the rule stays quiet there. Names starting with a listed
 * prefix count as set: these images add version-specific variables over time.
 */
const IMAGE_ENV: Record<string, { names?: string[]; prefixes?: string[] }> = {
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

/** Variables a stage's root image provides, or undefined when the image is unknown (anything may be set). */
function imageEnv(image: string): ((name: string) => boolean) | undefined {
  const m = /^(?:docker\.io\/)?(?:library\/)?([a-z0-9._-]+)(?::[^@]*)?(?:@.*)?$/.exec(image);
  const spec = m ? own(IMAGE_ENV, m[1]) : undefined;
  if (!spec) return undefined;
  return (name) => name === 'PATH' || !!spec.names?.includes(name) || !!spec.prefixes?.some((p) => name.startsWith(p));
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
  create(ctx) {
    // Made on first use: most files have no instruction with a `$` to check.
    let rootImageEnv: Map<Stage, ((n: string) => boolean) | undefined> | undefined;
    let declared: Map<Stage, { start: number; name: string }[]> | undefined;
    const envOf = (stage: Stage) => {
      const root = rootStage(ctx, stage);
      rootImageEnv ??= new Map();
      if (!rootImageEnv.has(root)) {
        const { image, unresolved } = ctx.analysis.resolvedImage(root);
        rootImageEnv.set(root, unresolved.length ? undefined : imageEnv(image.toLowerCase()));
      }
      return rootImageEnv.get(root);
    };
    /** The ARG and ENV names a stage declares, in order, with the start of their instruction. */
    const declarationsOf = (s: Stage) => {
      declared ??= new Map();
      let list = declared.get(s);
      if (!list) {
        list = [];
        for (const x of s.instructions) if (x.keyword === 'ARG' || x.keyword === 'ENV') for (const p of x.pairs) list.push({ start: x.start, name: p.key });
        declared.set(s, list);
      }
      return list;
    };
    /** Adds names (nearest declaration first, no repeats) until there are SUGGESTION_SCOPE of them. */
    const take = (out: string[], seen: Set<string>, names: Iterable<string>) => {
      for (const n of names) {
        if (out.length >= SUGGESTION_SCOPE) return;
        if (!seen.has(n)) { seen.add(n); out.push(n); }
      }
    };
    function* backwards(list: { name: string }[], end: number) { for (let k = end - 1; k >= 0; k--) yield list[k].name; }
    /** Names in scope at the end of a stage, its own and its parents', nearest first (SUGGESTION_SCOPE at most). */
    const namesAtEnd = (s: Stage, inherited: string[] | undefined): string[] => {
      const out: string[] = [];
      const seen = new Set<string>();
      const own = declarationsOf(s);
      take(out, seen, backwards(own, own.length));
      take(out, seen, inherited ?? []);
      return out;
    };
    /** Names defined by ARG/ENV earlier in the stage or its parents, for suggestions: the nearest SUGGESTION_SCOPE. */
    const namesInScope = (i: Instruction, stage: Stage): string[] => {
      const out = ['PATH'];
      const seen = new Set(out);
      const own = declarationsOf(stage);
      let lo = 0;
      let hi = own.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (own[mid].start < i.start) lo = mid + 1; else hi = mid; }
      take(out, seen, backwards(own, lo));
      const parent = ctx.analysis.parentStage(stage);
      if (parent) take(out, seen, chainFact(ctx, namesAtEnd, parent));
      return out;
    };
    const check = (i: Instruction) => {
      if (i.parent || !i.argsText.includes('$')) return;
      const stage = ctx.analysis.stageOf(i);
      if (!stage) return;
      const fromImage = envOf(stage);
      if (!fromImage) return;
      let reported: Set<string> | undefined; // made on the first finding: most references are defined
      for (const ref of variableRefs(i.argsText, ctx.doc.escape)) {
        if (reported?.has(ref.name) || fromImage(ref.name) || ctx.analysis.resolve(ref.name, i).declared) continue;
        (reported ??= new Set()).add(ref.name);
        const guess = closestName(ref.name, namesInScope(i, stage).filter((n) => n !== ref.name && isVariableName(n)));
        ctx.report({
          span: sourceSpan(i.map, ref.start, ref.end),
          message: `"${ref.name}" is not defined at this point (no ARG or ENV before it in this stage), so it expands to an empty string${guess ? ` (did you mean $${guess}?)` : ''}.`,
          fix: guess ? { title: `Use $${guess}`, safe: false, edits: [{ ...sourceSpan(i.map, ref.nameStart, ref.nameEnd), newText: guess }] } : undefined,
        });
      }
    };
    // The instructions whose arguments BuildKit expands (RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK are left to the
    // shell), each by its own handler rather than one handler called for every instruction of every file.
    return { ENV: check, ARG: check, LABEL: check, COPY: check, ADD: check, EXPOSE: check, USER: check, VOLUME: check, STOPSIGNAL: check, WORKDIR: check };
  },
});
