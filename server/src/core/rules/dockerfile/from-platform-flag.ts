import { defineDockerfileRule } from '../../rule';

/** `$BUILDPLATFORM`, `${TARGETPLATFORM}`, `${BUILDPLATFORM:-}`…: the platform the build was asked for. */
const AUTOMATIC_PLATFORM = /\$\{?(BUILDPLATFORM|TARGETPLATFORM)\b/;

export default defineDockerfileRule({
  id: 'from-platform-flag',
  aliases: ['DL3029'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: '`FROM --platform` is set to something other than `$BUILDPLATFORM` or `$TARGETPLATFORM`.',
    why: 'A fixed or home-made platform pins the stage to one architecture: `docker build --platform` and multi-platform builds then produce an image that does not match what was asked for, or run it under slow emulation.',
    bad: 'FROM --platform=linux/amd64 python:3.12-slim\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
    fix: 'Remove the flag so the stage follows the requested platform, or use `$BUILDPLATFORM` for stages that only build (and cross-compile for `$TARGETPLATFORM`).',
    notes: 'Same semantics as hadolint DL3029. BuildKit\'s FromPlatformFlagConstDisallowed (constant values only) is the separate rule `platform-flag-constant`: they are different ideas (any pinned platform vs. a constant one), so a constant such as `linux/amd64` is reported by both, while `--platform=$MYPLATFORM` is reported only here.',
  },
  handlers: {
    stage(s, ctx) {
      const p = s.platform;
      if (!p || !p.value || AUTOMATIC_PLATFORM.test(p.value)) return;
      ctx.report({
        span: p.valueSpan ?? p,
        message: `\`--platform=${p.value}\` pins this stage to one platform: drop it, or use $BUILDPLATFORM for build-only stages.`,
      });
    },
  },
});
