import { defineDockerfileRule } from '../../rule';
import type { DockerfileContext } from '../../rule';
import type { Flag, Instruction } from '../../dockerfile/model';
import { isLineBreakCode, trimTrailing } from '../../text';

interface SecretKind { test: (path: string, base: string) => boolean; what: string }
// The patterns are module constants: a regular expression literal in a function is a new object each time it runs,
// and these run on every COPY source that has a `.`.
const ENV_FILE = /^\.env\.[\w.-]+$/;
const ENV_TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;
const SSH_KEY = /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/;
const CREDENTIALS_DIR = /(^|\/)\.(ssh|aws|gnupg|kube|docker)\/?$/;
const KEY_FILE = /\.(key|p12|pfx|jks|keystore)$/i;
const PEM_FILE = /\.pem$/i;
const PUBLIC_PEM = /(^|[-_.])(ca|cacert|cert|certificate|chain|fullchain|bundle|pub|public|crt)([-_.]|$)/i;
const AWS_CREDENTIALS = /(^|\/)\.aws\/credentials$/;
const DOCKER_CONFIG = /(^|\/)\.docker\/config\.json$/;
const KUBECONFIG_FILE = /\.kubeconfig$/;
const KUBE_CONFIG = /(^|\/)\.kube\/config$/;
const KINDS: SecretKind[] = [
  { what: 'an environment file with secrets', test: (_p, b) => b === '.env' || (ENV_FILE.test(b) && !ENV_TEMPLATE.test(b)) },
  { what: 'a private SSH key', test: (_p, b) => SSH_KEY.test(b) },
  { what: 'an SSH, cloud or registry credentials folder', test: (p) => CREDENTIALS_DIR.test(p) },
  { what: 'a private key', test: (_p, b) => KEY_FILE.test(b) || (PEM_FILE.test(b) && !PUBLIC_PEM.test(b)) },
  { what: 'a package registry token file', test: (_p, b) => b === '.npmrc' || b === '.pypirc' },
  { what: 'stored credentials', test: (p, b) => b === '.netrc' || b === '.git-credentials' || AWS_CREDENTIALS.test(p) || DOCKER_CONFIG.test(p) || b === '.htpasswd' },
  { what: 'a Kubernetes config with cluster credentials', test: (p, b) => b === 'kubeconfig' || KUBECONFIG_FILE.test(b) || KUBE_CONFIG.test(p) },
];

const URL_SCHEME = /^[a-z]+:\/\//i;
/** Up to the last `/` of the first line (`.` stops at a line break). */
const DIRECTORY_PART = /^.*\//;

/** The first kind of secret a source path looks like (no closure per path: this runs on every COPY source). */
function secretKind(path: string, base: string): SecretKind | undefined {
  if (!maybeSecret(path, base)) return undefined;
  for (const kind of KINDS) if (kind.test(path, base)) return kind;
  return undefined;
}

/**
 * What each kind above needs before its regular expressions can match, tested on strings: a base name starting with
 * `.` (`.env`, `.npmrc`, `.ssh`) or `id_`, the name `kubeconfig`, a key, certificate or kubeconfig extension, or a
 * path segment starting with `.` (`.aws/credentials`, `x/.docker/config.json`); and none matches a base name `.`.
 * Most sources (`.`, `src`, `package.json`, `requirements.txt`) are none of these. A kind added above must keep this
 * true.
 */
function maybeSecret(path: string, base: string): boolean {
  if (base === '.') return false;
  return base.charCodeAt(0) === DOT || path.charCodeAt(0) === DOT || path.includes('/.') || base.startsWith('id_') || base === 'kubeconfig' || hasSecretExtension(base);
}

const DOT = 46;

/**
 * Whether a base name ends in an extension KEY_FILE, PEM_FILE or KUBECONFIG_FILE matches (`.key`, `.p12`, `.pfx`,
 * `.jks`, `.keystore`, `.pem` in any ASCII case; `.kubeconfig`).
 */
function hasSecretExtension(base: string): boolean {
  const dot = base.lastIndexOf('.');
  if (dot < 0) return false;
  switch (base.length - dot - 1) {
    case 3: return asciiLowerIs(base, dot + 1, 'key') || asciiLowerIs(base, dot + 1, 'p12') || asciiLowerIs(base, dot + 1, 'pfx') || asciiLowerIs(base, dot + 1, 'jks') || asciiLowerIs(base, dot + 1, 'pem');
    case 8: return asciiLowerIs(base, dot + 1, 'keystore');
    case 10: return base.endsWith('kubeconfig');
    default: return false;
  }
}

/** Whether `s` from `at` spells `word` (lower-case ASCII) with ASCII letters in either case, as a `/i` pattern reads it. */
function asciiLowerIs(s: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let c = s.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** The text after the last `/` of the first line, as `dir.replace(DIRECTORY_PART, '')` gives it (without the regular expression for a path of one line). */
function baseNameOf(dir: string): string {
  const slash = dir.lastIndexOf('/');
  if (slash < 0) return dir;
  for (let k = 0; k < slash; k++) if (isLineBreakCode(dir.charCodeAt(k))) return dir.replace(DIRECTORY_PART, '');
  return dir.slice(slash + 1);
}


/** Reports the COPY or ADD sources that look like secrets (a module function: a closure made in create() for every file cost more). */
function check(i: Instruction, ctx: DockerfileContext): void {
  if (i.flags.some(isFromFlag)) return;
  const words = i.exec ? i.exec.values : i.words;
  for (let n = 0; n < words.length - 1; n++) {
    const w = words[n];
    if (w.value.startsWith('<<') || (w.value.includes('://') && URL_SCHEME.test(w.value))) continue;
    // String tests before each regular expression and expansion: this runs on every source of every COPY.
    const expanded = w.value.includes('$') ? ctx.analysis.expand(w.value, i).value : w.value;
    const path = expanded.startsWith('./') ? expanded.slice(2) : expanded;
    const dir = trimTrailing(path, '/');
    const kind = secretKind(path, baseNameOf(dir));
    if (!kind) continue;
    ctx.report({
      span: { start: w.start, end: w.end },
      message: `"${w.value}" looks like ${kind.what}; copied into a layer it stays readable to anyone with the image. Use a secret mount or mount it at run time.`,
    });
  }
}

const isFromFlag = (f: Flag) => f.name === 'from';

export default defineDockerfileRule({
  id: 'secret-file-copied',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'COPY or ADD puts a secret file (`.env`, `id_rsa`, `.npmrc`, a private key, kubeconfig…) into the image.',
    why: 'Every file copied into a layer can be read by anyone who can pull the image, and deleting it in a later step does not remove it from the earlier layer.',
    bad: 'FROM node:22-slim\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci\n',
    good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
    fix: 'For build-time secrets use a secret mount (`RUN --mount=type=secret,id=…`, `docker build --secret id=…,src=…`); for runtime secrets mount them when the container runs (Compose `secrets:`, Kubernetes Secrets). Add the file to `.dockerignore` so `COPY . .` cannot pick it up either.',
    notes: 'Certificates (`ca.pem`, `*-cert.pem`, `fullchain.pem`) are public and not reported; `.env.example` and similar templates neither. Files copied from another stage (`COPY --from`) are not checked.',
  },
  handlers: { COPY: check, ADD: check },
});
