import { defineDockerfileRule } from '../../rule';
import { AUTOMATIC_ARGS } from '../../dockerfile/analysis';
import type { DockerfileContext } from '../../rule';
import type { Instruction } from '../../dockerfile/model';
import { lintState, variableRefs, type VariableRef } from './util';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** Whether Docker accepts the text as an image reference (distribution/reference grammar, lower-case repository). */
export function isValidImageReference(ref: string): boolean {
  if (!ref || ref.length > 512 || (ref.length === 64 && /^[a-f0-9]{64}$/.test(ref)) || !REFERENCE.test(ref)) return false;
  const at = ref.indexOf('@');
  let name = at < 0 ? ref : ref.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  const slash = name.indexOf('/');
  const head = slash < 0 ? '' : name.slice(0, slash);
  const hasDomain = slash >= 0 && (/[.:]/.test(head) || head === 'localhost' || head !== head.toLowerCase());
  const path = hasDomain ? name.slice(slash + 1) : name;
  return path === path.toLowerCase();
}

// Loops, not `some` with closures made for every FROM with a variable.

function anyDeclared(ctx: DockerfileContext, refs: readonly VariableRef[], from: Instruction): boolean {
  for (const r of refs) if (ctx.analysis.resolve(r.name, from).declared) return true;
  return false;
}

/** An automatic platform ARG without a value yet: it gets one at build time. */
function anyPlatformArgUnset(ctx: DockerfileContext, refs: readonly VariableRef[], from: Instruction): boolean {
  for (const r of refs) if (AUTOMATIC_ARGS.has(r.name) && ctx.analysis.resolve(r.name, from).value === undefined) return true;
  return false;
}

export default defineDockerfileRule({
  id: 'invalid-default-arg-in-from',
  aliases: ['InvalidDefaultArgInFrom'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'With its ARG defaults, a FROM line expands to an empty or invalid image name.',
    why: 'The build only works when every caller remembers the right `--build-arg`; a plain `docker build` fails with an invalid reference, and tools that read the Dockerfile cannot resolve the base image.',
    bad: 'ARG TAG\nFROM busybox:${TAG}\n',
    good: 'ARG TAG=1.36\nFROM busybox:${TAG}\n',
    fix: 'Give the ARG a default that makes a valid image name, or use a default in the reference itself (`${TAG:-1.36}`).',
  },
  handlers: {
    stage(stage, ctx) {
      const raw = stage.image.raw;
      if (!raw.includes('$') || ctx.analysis.parentStage(stage)) return;
      const refs = variableRefs(raw, ctx.doc.escape);
      if (!refs.length) return;
      // Undeclared names are undefined-arg-in-from's; automatic platform ARGs get their value at build time.
      if (!anyDeclared(ctx, refs, stage.from) || anyPlatformArgUnset(ctx, refs, stage.from)) return;
      const { image } = ctx.analysis.resolvedImage(stage);
      const checked = lintState(ctx, newValidity);
      let ok = checked.get(image);
      if (ok === undefined) checked.set(image, ok = isValidImageReference(image));
      if (ok || ctx.analysis.stageNamed(image, stage.index)) return;
      ctx.report({
        span: stage.image.span,
        message: image
          ? `With the ARG defaults, "${raw}" expands to "${image}", which is not a valid image name: give the ARG a working default.`
          : `With the ARG defaults, "${raw}" expands to an empty image name: give the ARG a default.`,
      });
    },
  },
});

/**
 * The lint's answer for each expanded image it has checked (a module function: the memo key and the maker), made on
 * the first: stages built from variables mostly expand to a few images (122 stages, 6 images in the 5,000-line file),
 * and the reference grammar's regular expression was a third of the rule's time there.
 */
function newValidity(): Map<string, boolean> {
  return new Map();
}
