import { defineDockerfileRule } from '../../rule';
import type { Instruction, Stage, Word } from '../../dockerfile/model';
import type { DockerfileContext } from '../../rule';
import { ancestorStages, canAppendLines, chainHas, execForm, isMinimalImage } from './util';
import { baseImageFacts } from '../../dockerfile/base-image';
import type { FixSpec } from '../../types';

const INSTALLERS = new Set(['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf']);
const NUMERIC_PORT = /^\d+$/;
const PROTOCOL_SUFFIX = /\/(tcp|udp)$/i;

/** A probe that needs nothing the image lacks: the runtime itself, BusyBox wget, or an installed curl. */
function probeCommand(ctx: DockerfileContext, chain: Stage[], root: Stage, port: string): string[] | undefined {
  const url = `http://127.0.0.1:${port}/`;
  const facts = baseImageFacts(ctx.analysis.resolvedImage(root).image);
  if (facts.runtime === 'node') return ['node', '-e', `require('http').get('${url}', (r) => process.exit(r.statusCode < 500 ? 0 : 1)).on('error', () => process.exit(1))`];
  if (facts.runtime === 'python') return ['python', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=3)`];
  if (facts.family === 'alpine') return ['wget', '-q', '--spider', url];
  const installsCurl = chain.some((st) => st.instructions.some((i) => i.keyword === 'RUN'
    && ctx.analysis.shell(i).commands.some((c) => INSTALLERS.has(c.name?.value ?? '') && c.args.some((a) => a.value === 'curl' || a.value.startsWith('curl='))))) ;
  if (installsCurl) return ['curl', '-fsS', '-o', '/dev/null', url];
  return undefined;
}

function healthcheckFix(ctx: DockerfileContext, final: Stage, chain: Stage[], root: Stage, port: string): FixSpec | undefined {
  if (!NUMERIC_PORT.test(port)) return undefined;
  const probe = probeCommand(ctx, chain, root, port);
  if (!probe) return undefined;
  const line = `HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ${execForm(probe)}`;
  const anchor = final.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (!anchor && !canAppendLines(ctx)) return undefined;
  const eol = ctx.lines.eol();
  const at = anchor ? ctx.lines.lineStarts[anchor.startLine] : ctx.text.length;
  const newText = anchor ? line + eol : (ctx.text.endsWith('\n') || !ctx.text ? '' : eol) + line + eol;
  return { title: `Add a HEALTHCHECK probing http://127.0.0.1:${port}/`, safe: false, edits: [{ start: at, end: at, newText }] };
}

const ID = 'healthcheck-missing';
const ALIASES = ['DL3057'];
const NAMES = [ID, ...ALIASES];

/** The `strict` profile, or the rule named in the settings: hadolint's DL3057 check of every output stage. */
function switchedOnExplicitly(s: DockerfileContext['settings']): boolean {
  if (s.profiles.includes('strict')) return true;
  for (const k of NAMES) { const level = s.rules[k]; if (level !== undefined && level !== 'off') return true; }
  return false;
}

/** Stages that end up as images: not the base of another stage and not only copied or mounted from. */
function outputStages(ctx: DockerfileContext): Stage[] {
  const used = new Set<Stage>();
  for (const s of ctx.doc.stages) {
    const parent = ctx.analysis.parentStage(s);
    if (parent) used.add(parent);
    for (const i of s.instructions) {
      for (const f of i.flags) {
        const ref = f.name === 'from' ? f.value : f.name === 'mount' && f.value ? /(?:^|,)from=([^,]+)/.exec(f.value)?.[1] : undefined;
        const st = ref ? ctx.analysis.stageNamed(ref) : undefined;
        if (st && st !== s) used.add(st);
      }
    }
  }
  return ctx.doc.stages.filter((s) => !used.has(s));
}

export default defineDockerfileRule({
  id: ID,
  aliases: ALIASES,
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'The image serves a port (EXPOSE) but defines no HEALTHCHECK.',
    why: 'Without a HEALTHCHECK, Docker, Compose and Swarm only know whether the process is alive, not whether it answers: a hung server keeps receiving traffic, and `depends_on: condition: service_healthy` cannot work.',
    bad: 'FROM nginx:1.27\nEXPOSE 80\n',
    good: 'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1\n',
    fix: 'Add a `HEALTHCHECK CMD …` that probes the service with a tool the image has (curl, wget, or the app\'s own health command), or `HEALTHCHECK NONE` to state that none is wanted (for example when Kubernetes probes are used instead). The fix (it changes behaviour, so Harden asks first) adds an exec-form probe of `http://127.0.0.1:PORT/` with the first EXPOSEd port, using only what the image has: the Node or Python runtime of official images, BusyBox `wget` on Alpine, or `curl` when a RUN installs it. It is not offered when no such tool is known; adjust the path if the app serves health elsewhere.',
    notes: 'By default only the final stage is checked, and only when it (or a stage it builds on) EXPOSEs a port and is not built on scratch or a distroless image, where a probe tool rarely exists. Switched on explicitly (the `strict` profile, or `DL3057`/`healthcheck-missing` in the config, as hadolint users do) it follows hadolint DL3057: every stage that ends up as an image — not a base of another stage, not only copied from — needs a HEALTHCHECK of its own or inherited. A HEALTHCHECK set by the base image itself is invisible to a linter.',
  },
  handlers: {
    end(ctx) {
      if (switchedOnExplicitly(ctx.settings)) {
        for (const st of outputStages(ctx)) {
          if (chainHas(ctx, st, 'HEALTHCHECK')) continue;
          ctx.report({ span: st.from.keywordSpan, message: 'This image has no HEALTHCHECK: add one (or `HEALTHCHECK NONE` to say none is wanted).' });
        }
        return;
      }
      const final = ctx.analysis.finalStage;
      if (!final || finalHasHealthcheck(ctx, final)) return;
      const chain = [final, ...ancestorStages(ctx, final)];
      const expose = firstExpose(chain);
      const root = chain[chain.length - 1];
      if (!expose || root.image.scratch || isMinimalImage(ctx.analysis.resolvedImage(root).image)) return;
      const written = expose.words[0].value;
      const value = written.includes('$') ? ctx.analysis.expand(written, expose).value : written;
      // A port without a `/` has no protocol to take off: no regular expression replace for it (most).
      const port = value.includes('/') ? value.replace(PROTOCOL_SUFFIX, '') : value;
      ctx.report({
        span: final.from.keywordSpan,
        message: `This image serves port ${joinedValues(expose.words)} but has no HEALTHCHECK: add one so Docker can tell a hung server from a healthy one.`,
        fix: healthcheckFix(ctx, final, chain, root, port),
      });
    },
  },
});

/**
 * Whether the final stage or a stage it builds on has a HEALTHCHECK. Asked once per lint: a final stage built on an
 * image (most) answers from its own instructions, without chainHas's per-lint memo (two Maps per file).
 */
function finalHasHealthcheck(ctx: DockerfileContext, final: Stage): boolean {
  if (ctx.analysis.parentStage(final)) return chainHas(ctx, final, 'HEALTHCHECK');
  for (const i of final.instructions) if (i.keyword === 'HEALTHCHECK') return true;
  return false;
}

/** The words' values joined by `, ` (a loop: no list of values and closure per report; most EXPOSEs have one port). */
function joinedValues(words: readonly Word[]): string {
  let out = words[0].value;
  for (let k = 1; k < words.length; k++) out += ', ' + words[k].value;
  return out;
}

/** The first EXPOSE with a port in the stages of a chain (no list of all their instructions: a file can have thousands). */
function firstExpose(chain: readonly Stage[]): Instruction | undefined {
  for (const st of chain) for (const i of st.instructions) if (i.keyword === 'EXPOSE' && i.words.length) return i;
  return undefined;
}
