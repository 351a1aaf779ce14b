// What Seaworthy knows about common base images: OS family, the non-root user they ship, which
// tools a health check can rely on. Used by Harden and by rules that suggest fixes.

export type OsFamily = 'debian' | 'alpine' | 'distroless' | 'scratch' | 'rhel' | 'unknown';

export interface BaseImageFacts {
  family: OsFamily;
  /** A non-root user the image already ships (e.g. `node`, distroless `nonroot`). */
  shippedUser?: string;
  /** Language runtime in the image, for a health check that needs no extra packages. */
  runtime?: 'node' | 'python';
  /** The image has a shell (distroless and scratch do not). */
  shell: boolean;
}

const DEBIAN_TAG = /(bookworm|bullseye|buster|trixie|jammy|focal|noble|slim|stretch)/;
const DEBIAN_NAMES = new Set(['debian', 'ubuntu', 'buildpack-deps']);
const RHEL_PREFIXES = ['fedora', 'centos', 'rockylinux', 'almalinux', 'ubi8', 'ubi9', 'ubi', 'amazonlinux', 'oraclelinux'];
/** Official images built on Debian by default. */
const DEBIAN_BASED = new Set(['node', 'python', 'golang', 'ruby', 'php', 'openjdk', 'eclipse-temurin', 'rust', 'perl', 'maven', 'gradle']);

/** Facts from the image reference alone (no registry lookups, ever). */
export function baseImageFacts(image: string): BaseImageFacts {
  const ref = image.toLowerCase();
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(':');
  const slash = noDigest.lastIndexOf('/');
  const name = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const tag = colon > slash ? noDigest.slice(colon + 1) : '';
  const last = name.slice(name.lastIndexOf('/') + 1);
  if (name === 'scratch') return { family: 'scratch', shell: false };
  if (name.includes('distroless') || name.startsWith('cgr.dev/chainguard/') && !tag.includes('dev')) {
    const runtime = last.startsWith('nodejs') ? 'node' : last.startsWith('python') ? 'python' : undefined;
    return { family: 'distroless', shippedUser: 'nonroot', runtime, shell: false };
  }
  const alpine = last === 'alpine' || tag.includes('alpine');
  const family: OsFamily = alpine ? 'alpine'
    : DEBIAN_NAMES.has(last) || DEBIAN_TAG.test(tag) ? 'debian'
      : RHEL_PREFIXES.some((n) => last.startsWith(n)) ? 'rhel'
        : DEBIAN_BASED.has(last) ? 'debian'
          : 'unknown';
  const runtime = last === 'node' ? 'node' : last === 'python' || last === 'pypy' ? 'python' : undefined;
  return { family, shippedUser: last === 'node' ? 'node' : undefined, runtime, shell: true };
}

/** Lines that create an unprivileged user the right way for the family, then switch to it. */
export function nonRootUserLines(facts: BaseImageFacts, user = 'app', uid = 10001): string[] {
  if (facts.shippedUser) return [`USER ${facts.shippedUser}${facts.family === 'distroless' ? ':nonroot' : ''}`];
  switch (facts.family) {
    case 'alpine':
      return [`RUN addgroup -S -g ${uid} ${user} && adduser -S -D -H -u ${uid} -G ${user} ${user}`, `USER ${user}`];
    case 'debian':
    case 'rhel':
      return [`RUN groupadd --system --gid ${uid} ${user} && useradd --system --uid ${uid} --gid ${user} --no-create-home --no-log-init ${user}`, `USER ${user}`];
    case 'scratch':
      return [`USER ${uid}:${uid}`];
    default:
      return [`USER ${uid}:${uid}`];
  }
}
