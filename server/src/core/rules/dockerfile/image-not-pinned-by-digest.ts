import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  id: 'image-not-pinned-by-digest',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  fixable: 'never',
  docs: {
    summary: 'A base image is referenced by tag only, without an `@sha256:` digest.',
    why: 'Tags are mutable: `python:3.12-slim` is rebuilt every few weeks and can be re-pointed by whoever controls the repository. A digest makes the build use exactly the image you reviewed, which supply-chain policies (SLSA, internal registries) often require.',
    bad: 'FROM python:3.12-slim\n',
    good: 'FROM python:3.12-slim@sha256:4d44fd1c6b8b0b1d7d1e8e6c1c0d3d2b0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7\n',
    fix: 'Append the digest you tested (`docker buildx imagetools inspect python:3.12-slim` shows it) and let a bot such as Renovate or Dependabot keep it current. Seaworthy never looks digests up: it does not use the network.',
    notes: 'Opt-in (`strict` profile): pinning by digest trades automatic base-image security updates for reproducibility, and needs tooling to stay current.',
  },
  handlers: {
    stage(stage, ctx) {
      if (stage.image.scratch || !stage.image.raw || ctx.analysis.parentStage(stage)) return;
      const { image, unresolved } = ctx.analysis.resolvedImage(stage);
      if (unresolved.length || image.includes('@') || image.toLowerCase() === 'scratch' || ctx.analysis.stageNamed(image, stage.index)) return;
      ctx.report({ span: stage.image.span, message: `Pin "${image}" by digest (${image}@sha256:…) so every build uses the exact image you tested.` });
    },
  },
});
