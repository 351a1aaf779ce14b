import { defineDockerfileRule } from '../../rule';
import { own } from '../../own';

const KNOWN_OS = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'js', 'wasip1', 'plan9', 'dragonfly']);
const KNOWN_ARCH = new Set(['amd64', 'arm64', 'arm', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'mips64le', 'mips64', 'mipsle', 'mips', 'loong64', 'wasm']);
const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386' };

export default defineDockerfileRule({
  id: 'platform-flag-constant',
  aliases: ['FromPlatformFlagConstDisallowed'],
  severity: 'info',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: '`FROM --platform=` names a fixed platform such as `linux/amd64`.',
    why: 'A hard-coded platform builds that stage for one architecture whatever `--platform` the build asks for: an arm64 build silently gets amd64 binaries that run under emulation or not at all.',
    bad: 'FROM --platform=linux/amd64 golang:1.22\n',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    fix: 'Use `$BUILDPLATFORM` for stages that cross-compile (and pass `$TARGETOS`/`$TARGETARCH` to the compiler), or drop the flag. A stage whose name mentions the platform (`AS build-amd64`) is taken as deliberate and not reported, as in BuildKit.',
  },
  handlers: {
    stage(stage, ctx) {
      const f = stage.platform;
      if (!f?.valueSpan || f.value === undefined || f.value.includes('$')) return;
      const parts = f.value.toLowerCase().split('/');
      if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p))) return;
      // A single component must be a known OS or architecture, else BuildKit cannot parse it and stays quiet.
      if (parts.length === 1 && !KNOWN_OS.has(parts[0]) && !KNOWN_ARCH.has(own(ARCH_ALIASES, parts[0]) ?? parts[0])) return;
      const os = parts[0];
      const arch = parts[1] ? own(ARCH_ALIASES, parts[1]) ?? parts[1] : undefined;
      const name = stage.name ?? '';
      if (name.includes(os) || (arch && name.includes(arch))) return;
      ctx.report({
        span: f.valueSpan,
        message: `The stage is pinned to "${f.value}" whatever platform is built: use $BUILDPLATFORM for cross-compiling stages, or drop the flag.`,
      });
    },
  },
});
