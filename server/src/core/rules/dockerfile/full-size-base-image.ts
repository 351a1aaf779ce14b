import { defineDockerfileRule } from '../../rule';
import type { FixSpec } from '../../types';

/** Debian suites the official images name in tags (`22-bookworm`). */
const DEBIAN_SUITES = new Set(['bookworm', 'bullseye', 'buster', 'trixie']);
const NUMERIC_VERSION = /^\d+(\.\d+)*$/;
const DIGIT_FIRST = /^\d/;
const TEMURIN_BASE = /^(jammy|noble|focal|ubi\d+-minimal|alpine)$/;
const LIBRARY_PREFIX = 'library/';
/** The images slimTag knows: the tag of any other image is not split (splitting every final stage's tag was half of this rule's time on the bench corpus). */
const SLIMMABLE = new Set(['node', 'python', 'ruby', 'debian', 'eclipse-temurin', 'openjdk', 'golang']);

type Slim = { tag?: string; variant: string };

const isPlainVersion = (version: string) => NUMERIC_VERSION.test(version) || version === 'lts' || version === 'current' || version === 'latest';

/** The slimmer tag for a full-size official image tag, or undefined when there is no obvious one. */
function slimTag(name: string, tag: string): Slim | undefined {
  if (!SLIMMABLE.has(name)) return undefined;
  switch (name) {
    case 'node': case 'python': case 'ruby': return slimRuntimeTag(name, tag);
    case 'debian':
      if (!tag.includes('-') && (NUMERIC_VERSION.test(tag) || DEBIAN_SUITES.has(tag))) return { tag: `${tag}-slim`, variant: '-slim' };
      return undefined;
  }
  const parts = tag.split('-');
  const version = parts[0];
  const plainVersion = isPlainVersion(version);
  switch (name) {
    case 'eclipse-temurin': {
      const jdk = parts.indexOf('jdk');
      if (!DIGIT_FIRST.test(version)) return undefined;
      if (jdk > 0) return { tag: [...parts.slice(0, jdk), 'jre', ...parts.slice(jdk + 1)].join('-'), variant: '-jre' };
      if (parts.length === 1 || (parts.length === 2 && TEMURIN_BASE.test(parts[1]))) return { tag: [version, 'jre', ...parts.slice(1)].join('-'), variant: '-jre' };
      return undefined;
    }
    case 'openjdk':
      return plainVersion && parts.length === 1 ? { variant: 'eclipse-temurin:<version>-jre (openjdk images are deprecated)' } : undefined;
    case 'golang':
      return plainVersion && (parts.length === 1 || DEBIAN_SUITES.has(parts[1] ?? '')) ? { variant: 'a multi-stage build that copies the binary into distroless or scratch' } : undefined;
  }
  return undefined;
}

/**
 * node, python and ruby: `VERSION` or `VERSION-SUITE` (a Debian suite) has a slim variant. The tag is read by its
 * dashes, not split into a list: most final stages already use a variant (`22-slim`, `3.12-alpine`), answered
 * without one.
 */
function slimRuntimeTag(name: string, tag: string): Slim | undefined {
  const dash = tag.indexOf('-');
  const suite = dash < 0 ? undefined : tag.slice(dash + 1);
  if (suite !== undefined && (suite.includes('-') || !DEBIAN_SUITES.has(suite))) return undefined;
  const version = dash < 0 ? tag : tag.slice(0, dash);
  if (!isPlainVersion(version)) return undefined;
  if (version === 'latest') return suite === undefined ? { tag: 'slim', variant: '-slim' } : undefined;
  if (name === 'node') return { tag: suite !== undefined ? `${version}-${suite}-slim` : `${version}-slim`, variant: '-slim' };
  return { tag: suite !== undefined ? `${version}-slim-${suite}` : `${version}-slim`, variant: '-slim' };
}

export default defineDockerfileRule({
  id: 'full-size-base-image',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'The final stage uses a full-size official image where a slim, JRE or distroless variant exists.',
    why: 'The default `node`, `python`, `ruby`, `debian` or JDK images carry compilers, headers and hundreds of packages the app never uses: several hundred MB more to pull and store, and many more CVEs to triage.',
    bad: 'FROM python:3.12\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    good: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    fix: 'Switch to the `-slim` (node, python, ruby, debian) or `-jre` (eclipse-temurin) tag, or build in one stage and run from a distroless image. The unsafe fix changes the tag; test the image, since slim variants lack build tools and some libraries.',
    notes: 'Only the final stage is checked: build stages may well need the full image. ubuntu has no slim variant and is not reported; alpine variants are not suggested because musl can change behaviour.',
  },
  handlers: {
    stage(stage, ctx) {
      if (stage !== ctx.analysis.finalStage || ctx.analysis.parentStage(stage) || stage.image.raw.includes('$') || stage.image.digest) return;
      const img = stage.image;
      if (img.registry && img.registry !== 'docker.io') return;
      const name = img.name.startsWith(LIBRARY_PREFIX) ? img.name.slice(LIBRARY_PREFIX.length) : img.name;
      const tag = img.tag;
      if (!tag) return;
      const slim = slimTag(name, tag);
      if (!slim) return;
      let fix: FixSpec | undefined;
      // Offsets into the written text only hold when the image is written on one line, as parsed.
      if (slim.tag && ctx.text.slice(img.span.start, img.span.end) === img.raw) {
        const tagStart = img.span.start + img.raw.lastIndexOf(':') + 1;
        fix = { title: `Use ${name}:${slim.tag}`, safe: false, edits: [{ start: tagStart, end: tagStart + tag.length, newText: slim.tag }] };
      }
      ctx.report({
        span: img.span,
        message: slim.tag
          ? `"${name}:${tag}" is the full-size image: "${name}:${slim.tag}" is much smaller and has fewer CVEs to triage.`
          : `"${name}:${tag}" is a full-size image for running an app: consider ${slim.variant}.`,
        fix,
      });
    },
  },
});
