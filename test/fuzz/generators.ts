// What the fuzzer feeds the core: fast-check arbitraries for random bytes and Unicode, token soups
// shaped like Dockerfiles and compose files, pathological shapes (long continuations, deep YAML,
// alias bombs, unterminated heredocs…), mutations of real inputs, and huge inputs near the size limit.
import fc from 'fast-check';
import type { DocumentKind } from '../../server/src/core/types';
import type { Seed } from './corpus';

export interface FuzzInput { text: string; kind: DocumentKind; origin: string }

// ---- Building blocks ----------------------------------------------------------------------------

const KEYWORDS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'FORM', 'run', 'From', 'COPY--from', 'ONBUILD ONBUILD'];

/** Characters and fragments that stress quoting, escaping, expansion and line handling. */
const NASTY = [
  '"', "'", '`', '\\', '\\\\', '[', ']', '{', '}', '(', ')', '$', '${', '$(', '$((', '))', '${X:-', '${X:+y}', '${X/a/b}', '$@', '$1',
  '&&', '||', '|', ';', '&', '>', '>>', '<', '2>&1', '<<EOF', '<<-EOF', "<<'EOF'", '<<"EOF"', 'EOF', '<<<', '#', '=', '==', ',', ':',
  '\t', '\r', '\r\n', '\n', '\0', '\u00a0', '\u200b', '\u202e', '\u200f', '\ufeff', 'e\u0301', '\u0301', '😀', '\ud83d', '\udca9',
  '𝔘𝔫𝔦', 'עִבְרִית', 'عربى', '\u2028', '\u2029', '\x1b[31m', '\x7f', '\uffff', '\ufffd', '--', '-', '--mount=', '--from=', '*', '?',
  '~', '!', '%', '^', 'ü', 'ß', 'İ', '\\\n', '\\\r\n', ' \\ ', '`\n',
  // Object.prototype's names: text that becomes a table key must never reach an inherited member.
  'constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty',
];

const WORDS = [
  'debian:12', 'alpine:3.20', 'node:22-slim', 'ubuntu', 'scratch', 'golang:1.23 AS build', 'base', 'build', 'x', 'app', '/app', '.',
  './src', '/usr/local/bin/', 'curl', 'wget', 'apt-get', 'apt', 'apk', 'pip', 'npm', 'yarn', 'dnf', 'yum', 'zypper', 'gem', 'go',
  'sudo', 'cd', 'sh', 'bash', '-c', 'install', 'update', 'upgrade', 'add', 'ci', '-y', '-q', '--no-cache', '--no-install-recommends',
  'rm -rf /var/lib/apt/lists/*', 'python3=3.11.2-1', 'pkg@1.2.3', 'requests==2.0', 'echo', 'hello', 'root', '1000:1000', 'nobody',
  '80', '8080/tcp', '22', '65536', '80-90/udp', 'CMD', 'NONE', '--interval=30s', 'SIGTERM', 'FOO=bar', 'A=1 B=2', 'KEY value',
  'AWS_SECRET_ACCESS_KEY=AKIAIOSFODNN7EXAMPLE', 'PASSWORD=hunter2hunter2', 'https://example.com/x.tar.gz', 'app.tar.gz', '$HOME',
  '${BASE_IMAGE}', '$TARGETPLATFORM', '--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--chown=1000:1000', '--chmod=755',
  '--link', '--from=build', '--from=0', '--mount=type=cache,target=/root/.cache', '--mount=type=secret,id=npm', '--network=none',
  '--security=insecure', '["executable", "param"]', '["sh", "-c", "echo $HOME"]', '[]', '["unterminated', 'org.opencontainers.image.authors="me"',
  'maintainer=me', 'curl -fsSL https://x | sh', 'set -o pipefail', 'ln -sf /bin/bash /bin/sh', 'useradd -u 99999999 app', 'chown -R app /app',
  'git clone https://x', 'cmake ..', 'make', 'gcc', 'npm install --production', 'wget -O- x | bash', 'tar xzf x.tar.gz', 'ssh',
];

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const sep = fc.constantFrom(' ', ' ', ' ', '\t', '  ', '');
const eol = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r');

function joinTokens(tokens: readonly string[], seps: readonly string[]): string {
  let s = '';
  tokens.forEach((t, i) => { s += t + (seps[i % Math.max(1, seps.length)] ?? ' '); });
  return s;
}

const words = fc.tuple(fc.array(token, { maxLength: 10 }), fc.array(sep, { minLength: 1, maxLength: 4 })).map(([t, s]) => joinTokens(t, s));

// ---- Dockerfile-shaped soup --------------------------------------------------------------------

const keyword = fc.constantFrom(...KEYWORDS).chain((k) => fc.constantFrom(k, k.toLowerCase(), k[0] + k.slice(1).toLowerCase()));

const heredoc = fc.tuple(
  fc.constantFrom('RUN', 'COPY', 'ADD', 'RUN bash', 'RUN python3'),
  fc.constantFrom('<<EOF', '<<-EOF', "<<'EOF'", '<<"EOF"', '<<EOF <<EOT', '<<EOF > /x', '<<E\\OF', '<<'),
  fc.array(words, { maxLength: 6 }),
  fc.constantFrom('EOF', 'EOF\nEOT', '\tEOF', ' EOF', 'EO', '', 'EOF\\'),
).map(([k, m, body, term]) => `${k} ${m}\n${body.join('\n')}\n${term}`);

const continued = fc.tuple(keyword, fc.array(words, { minLength: 1, maxLength: 8 }), fc.constantFrom('\\', '`'), fc.constantFrom('', ' ', '\t', '  # c'))
  .map(([k, parts, esc, trail]) => `${k} ${parts.join(` ${esc}${trail}\n`)}`);

const directive = fc.constantFrom(
  '# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# escape=', '# check=skip=all', '# check=error=true',
  '# check=experimental=all', '# check=skip=JSONArgsRecommended;error=true', '#syntax=x', '# SYNTAX = y', '# escape=``',
);

const comment = fc.oneof(
  fc.constantFrom('# seaworthy-ignore', '# seaworthy-ignore image-untagged', '# seaworthy-ignore-file', '# hadolint ignore=DL3008,DL3009',
    '# hadolint global ignore=DL3006', '#', '# hadolint shell=bash', '# seaworthy-ignore-file all'),
  words.map((w) => '#' + w),
);

const dockerLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(keyword, sep, words).map(([k, s, w]) => k + s + w) },
  { weight: 2, arbitrary: continued },
  { weight: 2, arbitrary: heredoc },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: words },
);

export const dockerfileSoup: fc.Arbitrary<string> = fc.tuple(
  fc.array(directive, { maxLength: 3 }), fc.array(dockerLine, { maxLength: 40 }), fc.array(eol, { minLength: 1, maxLength: 5 }),
  fc.boolean(), fc.constantFrom('', '\n', '\\', '\\\n'),
).map(([dirs, lines, eols, bom, tail]) => {
  const all = [...dirs, ...lines];
  let s = bom ? '\ufeff' : '';
  all.forEach((l, i) => { s += l + eols[i % eols.length]; });
  return s + tail;
});

// ---- Compose-shaped soup -----------------------------------------------------------------------

const COMPOSE_KEYS = [
  'services', 'image', 'build', 'context', 'dockerfile', 'target', 'ports', 'environment', 'env_file', 'volumes', 'depends_on', 'healthcheck',
  'test', 'interval', 'deploy', 'resources', 'limits', 'memory', 'replicas', 'secrets', 'configs', 'networks', 'user', 'privileged',
  'command', 'entrypoint', 'restart', 'cap_add', 'read_only', 'network_mode', 'pid', 'version', 'name', 'x-common', 'extends', 'labels',
  'container_name', 'develop', 'watch', 'profiles', 'POSTGRES_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'web', 'db', '<<', '"quoted key"', '__proto__', 'constructor',
  '? complex', 'on', 'yes', '0', '', 'a b', 'ключ', '😀',
];
const SCALARS = [
  'nginx', 'postgres:16', 'nginx:latest', '"3000:3000"', '3000:3000', '5432', '127.0.0.1:80:80', '"3.8"', 'true', 'false', 'null', '~',
  '1e3', '0x1F', '0o17', '.inf', '-.nan', '2001-12-14', 'hunter2hunter2', 'AKIAIOSFODNN7EXAMPLE', '${VAR}', '${VAR:-default}', '$$ESCAPED',
  '"unterminated', "'single ''quoted''", '|', '>-', '|+2', '!!str 1', '!reset []', '!override x', '!!binary aGk=', '&anchor v', '*anchor',
  '*missing', '[a, b', '{a: 1', '[]', '{}', '"\\u0000"', '"\\x41"', '- nested', ': colon', 'key: value: more', '# not a comment',
  'a #comment', '`backtick`', 'always', 'unless-stopped', '512M', '0.5', 'host', 'service:db', '/var/run/docker.sock:/var/run/docker.sock',
  '${PASSWORD:?required}', 'CMD-SHELL', '["CMD", "curl", "-f", "http://localhost"]',
];

interface YamlGen { text: (indent: number) => string }

const yamlScalar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
);

const yamlValue: fc.Arbitrary<YamlGen> = fc.letrec<{ v: YamlGen; map: YamlGen; seq: YamlGen; flow: YamlGen; block: YamlGen }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 5 },
    yamlScalar.map((s) => ({ text: () => ' ' + s })),
    tie('map'), tie('seq'), tie('flow'), tie('block')),
  map: fc.array(fc.tuple(fc.constantFrom(...COMPOSE_KEYS), fc.option(fc.constantFrom('&a', '&b', '!!map', '&a !!str'), { nil: undefined }), tie('v')), { maxLength: 6 })
    .chain((pairs) => fc.tuple(fc.constant(pairs), fc.constantFrom(' ', ' ', '\t', '  '), fc.integer({ min: 1, max: 3 }))
      .map(([ps, pad, step]) => ({
        text: (indent: number) => ps.length === 0 ? ' {}' : '\n' + ps.map(([k, anchor, v]) => `${' '.repeat(indent)}${k}:${anchor ? ' ' + anchor : ''}${v.text(indent + step)}`).join('\n').replace(/^ /gm, pad === '\t' ? '\t' : ' '),
      }))),
  seq: fc.array(tie('v'), { maxLength: 5 }).map((items) => ({
    text: (indent: number) => items.length === 0 ? ' []' : '\n' + items.map((v) => `${' '.repeat(indent)}-${v.text(indent + 2)}`).join('\n'),
  })),
  flow: fc.array(fc.oneof(fc.constantFrom(...SCALARS), fc.constantFrom('*a', '*b', 'k: v', '[', '{', ']', '}', ',')), { maxLength: 6 })
    .chain((xs) => fc.constantFrom('[', '{').map((open) => ({ text: () => ` ${open}${xs.join(', ')}${open === '[' ? ']' : '}'}` }))),
  block: fc.tuple(fc.constantFrom('|', '>', '|-', '>+', '|2', '|0', '>-9'), fc.array(words, { maxLength: 4 })).map(([h, ls]) => ({
    text: (indent: number) => ` ${h}\n` + ls.map((l) => ' '.repeat(indent) + l).join('\n'),
  })),
})).v;

export const composeSoup: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.tuple(fc.constantFrom(...COMPOSE_KEYS), yamlValue), { maxLength: 5 }),
  fc.constantFrom('', '---\n', '%YAML 1.2\n---\n', '# compose\n', '\ufeff', 'version: "3"\n'),
  fc.constantFrom('', '\n...\n', '\n---\nservices: {}\n', '\n---', '\n\t'),
  fc.array(fc.constantFrom('', '# comment', 'services:', '  web:', '    image: nginx', 'services: *a', '  <<: *a', '  web:\n    image: nginx'), { maxLength: 3 }),
  eol,
).map(([pairs, head, tail, extra, e]) => {
  const body = pairs.map(([k, v]) => `${k}:${v.text(2)}`).join('\n') + '\n' + extra.join('\n');
  return (head + body + tail).replace(/\n/g, e);
});

// ---- Pathological shapes -----------------------------------------------------------------------

/** Mostly small sizes, sometimes up to `max` (the full size costs seconds: keep it rare). */
const nat = (max: number) => fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: Math.min(max, 300) }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });

/** Where a long run goes (`@`), and the kind of file. */
const LONG_RUN_LINES: readonly [DocumentKind, string][] = [
  ['dockerfile', '# syntax=a@x\nFROM x\n'], ['dockerfile', '# escape=@x\nFROM x\n'], ['dockerfile', 'FROM x\nRUN <<EOF@x\necho\nEOF\n'],
  ['dockerfile', 'FROM x\nRUN echo a@x > b\n'], ['dockerfile', 'FROM a@x AS b\n'], ['dockerfile', 'FROM x\nLABEL a=b@x\n'],
  ['dockerfile', 'FROM x\nENV A=b@x\n'], ['dockerfile', 'FROM x\nCOPY a@x /b@x\n'], ['dockerfile', 'FROM x\nEXPOSE 80@x\n'],
  ['dockerfile', 'FROM x\n# seaworthy-ignore a@x\nRUN y\n'], ['dockerfile', 'FROM x\nRUN apt-get install -y a@x\n'],
  ['dockerfile', 'FROM x\nHEALTHCHECK CMD ["a@x"]\n'], ['dockerfile', 'FROM x\nUSER a@x\n'], ['dockerfile', 'FROM x\nRUN curl https://a@x | sh\n'],
  // Inside one word, followed by another character: where a trailing-run pattern (`/\/+$/`, `/[=:].*$/`) is tried from every position.
  ['dockerfile', 'FROM x\nCOPY @x /b/\n'], ['dockerfile', 'FROM x\nCOPY a /@x\n'], ['dockerfile', 'FROM x\nWORKDIR /a@x\n'],
  ['dockerfile', 'FROM x\nRUN --mount=type=cache,target=/a@x apt-get install -y b\n'], ['dockerfile', 'FROM x\nRUN apt-get install -y a=1@x\n'],
  ['dockerfile', 'FROM x\nRUN npm install a@1@x\n'], ['dockerfile', 'FROM x\nRUN pip install a==1@x\n'], ['dockerfile', 'FROM gcr.io/distroless/base:a@x\n'],
  ['dockerfile', 'FROM x\nRUN apk add a@x\n'], ['dockerfile', 'FROM python:3\nRUN apt-get install -y gcc=1@x\n'],
  ['compose', 'services:\n  web:\n    image: a@x\n'], ['compose', 'services:\n  web:\n    environment:\n      A: b@x\n'],
  ['compose', 'services:\n  web:\n    ports:\n      - "8@x:80"\n'], ['compose', 'x: a@x\n'], ['compose', '# seaworthy-ignore a@x\nservices: {}\n'],
  ['compose', 'services:\n  web:\n    command: a@x\n    volumes:\n      - ./a@x:/b\n'],
];

export const pathological: fc.Arbitrary<FuzzInput> = fc.oneof(
  nat(10_000).map((n) => ({ kind: 'dockerfile' as const, origin: `continuation of ${n} lines`, text: 'FROM debian:12\nRUN apt-get update && apt-get install \\\n' + '    pkg \\\n'.repeat(n) + '    last\n' })),
  nat(10_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} empty continuation lines`, text: 'FROM x\nRUN a \\\n' + '\\\n'.repeat(n) })),
  nat(5_000).map((n) => ({ kind: 'dockerfile' as const, origin: `unterminated heredoc of ${n} lines`, text: 'FROM x\nRUN <<EOF\n' + 'echo hi\n'.repeat(n) })),
  nat(2_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} heredocs on one line`, text: 'FROM x\nRUN ' + Array.from({ length: n }, (_, i) => `<<E${i}`).join(' ') + '\nbody\n' })),
  nat(20_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} unbalanced quotes`, text: 'FROM x\nRUN echo ' + '"\''.repeat(n) + '\n' })),
  nat(20_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} nested substitutions`, text: 'FROM x\nRUN echo ' + '$('.repeat(n) + ')'.repeat(n >> 1) + '\n' })),
  nat(20_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} nested subshells`, text: 'FROM x\nRUN ' + '('.repeat(n) + 'true' + ')'.repeat(n) + '\n' })),
  nat(20_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} nested parameter expansions`, text: 'FROM x\nARG A\nENV B=' + '${A:-'.repeat(n) + '}'.repeat(n) + '\n' })),
  nat(20_000).map((n) => ({ kind: 'dockerfile' as const, origin: `JSON array ${n} deep`, text: 'FROM x\nCMD ' + '['.repeat(n) + ']'.repeat(n) + '\n' })),
  nat(5_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} chained ARG references`, text: 'ARG A0=x\n' + Array.from({ length: n }, (_, i) => `ARG A${i + 1}=\${A${i}}\${A${i}}`).join('\n') + `\nFROM img:\${A${n}}\n` })),
  nat(3_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} stages`, text: Array.from({ length: n }, (_, i) => `FROM ${i ? `s${i - 1}` : 'debian:12'} AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a\n`).join('') })),
  nat(3_000).map((n) => ({ kind: 'dockerfile' as const, origin: `${n} ONBUILD`, text: 'FROM x\n' + 'ONBUILD '.repeat(n) + 'RUN x\n' })),
  nat(50_000).map((n) => ({ kind: 'dockerfile' as const, origin: `line of ${n} pipes`, text: 'FROM x\nRUN a' + ' | a'.repeat(n) + '\n' })),
  // A long run of one character where a regular expression reads (a lazy or leading quantifier over a run is
  // quadratic: a directive or heredoc line with 40,000 spaces took over a second).
  fc.tuple(nat(60_000), fc.constantFrom(' ', '\t', '#', '>', '-', '=', '/', '$', '{', 'a', '.', ':', '@'), fc.constantFrom(...LONG_RUN_LINES)).map(([n, c, [k, at]]) => ({
    kind: k, origin: `${n} × ${JSON.stringify(c)} in ${JSON.stringify(at.replace('@', '…'))}`, text: at.replace('@', c.repeat(n)),
  })),
  nat(2_000).map((n) => ({ kind: 'compose' as const, origin: `block YAML ${n} deep`, text: 'services:\n' + Array.from({ length: n }, (_, i) => ' '.repeat(i + 2) + 'k:').join('\n') + ' v\n' })),
  nat(20_000).map((n) => ({ kind: 'compose' as const, origin: `flow YAML ${n} deep`, text: 'services: ' + '['.repeat(n) + ']'.repeat(n) + '\n' })),
  nat(20_000).map((n) => ({ kind: 'compose' as const, origin: `unclosed flow YAML ${n} deep`, text: 'services: ' + '{a: ['.repeat(n) + '\n' })),
  fc.integer({ min: 2, max: 12 }).map((n) => ({ kind: 'compose' as const, origin: `billion laughs, ${n} levels`, text: billionLaughs(n) })),
  fc.integer({ min: 2, max: 40 }).map((n) => ({ kind: 'compose' as const, origin: `merge-key bomb, ${n} levels`, text: mergeBomb(n) })),
  nat(5_000).map((n) => ({ kind: 'compose' as const, origin: `${n} duplicate keys`, text: 'services:\n' + '  web:\n    image: nginx\n    image: nginx\n'.repeat(n) })),
  nat(5_000).map((n) => ({ kind: 'compose' as const, origin: `${n} anchors and aliases`, text: 'x: &a0 {image: nginx}\n' + Array.from({ length: n }, (_, i) => `x${i}: &a${i + 1} [*a${i}, *a${i}]`).join('\n') + `\nservices:\n  web: *a0\n` })),
  nat(5_000).map((n) => ({ kind: 'compose' as const, origin: `${n} documents`, text: '---\nservices: {}\n'.repeat(n) })),
);

function billionLaughs(levels: number): string {
  let s = 'x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= levels; i++) s += `x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(',')}]\n`;
  return s + `services:\n  web:\n    image: nginx\n    environment: *x${levels}\n    command: *x${levels}\n`;
}

function mergeBomb(levels: number): string {
  let s = 'x0: &x0 {image: nginx}\n';
  for (let i = 1; i <= levels; i++) s += `x${i}: &x${i}\n  <<: [*x${i - 1}, *x${i - 1}]\n  k${i}: v\n`;
  return s + `services:\n  web:\n    <<: *x${levels}\n`;
}

// ---- Random bytes and text ---------------------------------------------------------------------

const kind = fc.constantFrom<DocumentKind>('dockerfile', 'compose');

export const randomText: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.tuple(fc.uint8Array({ maxLength: 3000 }), kind, fc.boolean()).map(([b, k, utf8]) => ({ kind: k, origin: `random ${b.length} bytes (${utf8 ? 'utf8' : 'latin1'})`, text: Buffer.from(b).toString(utf8 ? 'utf8' : 'latin1') })),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 1000 }), kind).map(([t, k]) => ({ kind: k, origin: 'random Unicode', text: t })),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 500 }), kind).map(([t, k]) => ({ kind: k, origin: 'random graphemes', text: t })),
  fc.tuple(fc.array(token, { maxLength: 200 }), kind).map(([t, k]) => ({ kind: k, origin: 'token soup', text: t.join('') })),
);

// ---- Mutations of real inputs ------------------------------------------------------------------

type Op =
  | { op: 'delete' | 'duplicate' | 'truncate' | 'swapLines' | 'dropLine' | 'repeatLine' | 'dropChar' | 'upper' | 'lower'; a: number; b: number }
  | { op: 'insert'; a: number; text: string }
  | { op: 'eol'; to: string }
  | { op: 'bom' | 'tabs' | 'splice'; a: number; b: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ op: fc.constantFrom('delete', 'duplicate', 'truncate', 'swapLines', 'dropLine', 'repeatLine', 'dropChar', 'upper', 'lower' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('insert' as const), a: fc.nat(), text: fc.oneof(token, fc.constantFrom(...NASTY), dockerLine.map((l) => l + '\n')) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('eol' as const), to: fc.constantFrom('\r\n', '\r', 'mixed') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('bom', 'tabs', 'splice' as const), a: fc.nat(), b: fc.nat() }) },
);

function applyOp(text: string, op: Op, others: readonly Seed[]): string {
  const n = text.length;
  const at = (x: number) => (n ? x % (n + 1) : 0);
  switch (op.op) {
    case 'delete': { const s = at(op.a); return text.slice(0, s) + text.slice(Math.min(n, s + 1 + (op.b % 40))); }
    case 'dropChar': { const s = at(op.a); return text.slice(0, s) + text.slice(s + 1); }
    case 'duplicate': { const s = at(op.a); const e = Math.min(n, s + 1 + (op.b % 80)); return text.slice(0, e) + text.slice(s, e) + text.slice(e); }
    case 'truncate': return text.slice(0, at(op.a));
    case 'insert': { const s = at(op.a); return text.slice(0, s) + op.text + text.slice(s); }
    case 'upper': case 'lower': {
      const s = at(op.a); const e = Math.min(n, s + 1 + (op.b % 30));
      const mid = op.op === 'upper' ? text.slice(s, e).toUpperCase() : text.slice(s, e).toLowerCase();
      return text.slice(0, s) + mid + text.slice(e);
    }
    case 'swapLines': case 'dropLine': case 'repeatLine': {
      const lines = text.split('\n');
      const i = op.a % lines.length;
      const j = op.b % lines.length;
      if (op.op === 'swapLines') [lines[i], lines[j]] = [lines[j], lines[i]];
      else if (op.op === 'dropLine') lines.splice(i, 1);
      else lines.splice(i, 0, ...Array(1 + (op.b % 50)).fill(lines[i]));
      return lines.join('\n');
    }
    case 'eol': {
      if (op.to !== 'mixed') return text.replace(/\r?\n/g, op.to);
      let k = 0;
      return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]);
    }
    case 'bom': return '\ufeff' + text;
    case 'tabs': return op.a % 2 ? text.replace(/^( +)/gm, '\t') : text.replace(/ /g, '\t');
    case 'splice': {
      const other = others.length ? others[op.a % others.length].text.split('\n') : [];
      const lines = text.split('\n');
      const from = other.slice(op.b % Math.max(1, other.length), (op.b % Math.max(1, other.length)) + 1 + (op.a % 5));
      lines.splice(op.b % lines.length, 0, ...from);
      return lines.join('\n');
    }
  }
}

export function mutations(corpus: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  return fc.tuple(fc.nat({ max: Math.max(0, corpus.length - 1) }), fc.array(opArb, { minLength: 1, maxLength: 6 })).map(([i, ops]) => {
    const seed = corpus[i];
    const same = corpus.filter((s) => s.kind === seed.kind);
    let text = seed.text;
    for (const op of ops) text = applyOp(text, op, same);
    return { text, kind: seed.kind, origin: `mutated ${seed.origin} (${ops.map((o) => o.op).join(',')})` };
  });
}

// ---- All together ------------------------------------------------------------------------------

export function fuzzInputs(corpus: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const arbs: { weight: number; arbitrary: fc.Arbitrary<FuzzInput> }[] = [
    { weight: 25, arbitrary: dockerfileSoup.map((text) => ({ text, kind: 'dockerfile' as const, origin: 'Dockerfile soup' })) },
    { weight: 20, arbitrary: composeSoup.map((text) => ({ text, kind: 'compose' as const, origin: 'compose soup' })) },
    { weight: 10, arbitrary: randomText },
    { weight: 1, arbitrary: pathological },
  ];
  if (corpus.length) {
    arbs.push({ weight: 40, arbitrary: mutations(corpus) });
    arbs.push({ weight: 4, arbitrary: fc.constantFrom(...corpus).map((s) => ({ text: s.text, kind: s.kind, origin: s.origin })) });
  }
  return fc.oneof(...arbs);
}

/** Inputs at the size limit (default 2 MiB): lint only, timed. `size` is in characters. */
export function hugeInputs(size: number): FuzzInput[] {
  const fill = (unit: string, head = '', tail = '') => head + unit.repeat(Math.max(0, Math.floor((size - head.length - tail.length) / unit.length))) + tail;
  const df = (origin: string, text: string): FuzzInput => ({ kind: 'dockerfile', origin: `huge: ${origin}`, text });
  const cf = (origin: string, text: string): FuzzInput => ({ kind: 'compose', origin: `huge: ${origin}`, text });
  return [
    df('RUN lines', fill('RUN apt-get install -y curl\n', 'FROM debian:12\n')),
    df('short RUN lines', fill('RUN a\n', 'FROM x\n')),
    df('one RUN, continuation lines', fill('  a && b \\\n', 'FROM debian:12\nRUN echo \\\n', '  end\n')),
    df('unterminated heredoc', fill('line\n', 'FROM x\nRUN <<EOF\n')),
    df('heredocs', fill('RUN <<A <<B\na\nA\nb\nB\n', 'FROM x\n')),
    df('FROM lines', fill('FROM debian:12 AS a\n')),
    df('one long line', fill('a', 'FROM x\nRUN ', '\n')),
    df('quotes', fill('"\'', 'FROM x\nRUN ', '\n')),
    df('ENV references', fill('ENV A${A}=${A:-$A}\n', 'FROM x\n')),
    df('ARG lines', fill('ARG A=${A}\n', 'FROM x\n')),
    df('COPY lines', fill('COPY --from=a ./src /app/\n', 'FROM x AS a\n')),
    df('comments', fill('# comment\n', 'FROM x\n')),
    df('pipes', fill(' | a', 'FROM x\nRUN a', '\n')),
    df('CRLF RUN lines', fill('RUN apt-get install curl\r\n', 'FROM debian:12\r\n')),
    df('binary', Buffer.from(Array.from({ length: size }, (_, i) => (i * 7919 + (i >> 8)) % 256)).toString('latin1')),
    cf('services', 'services:\n' + Array.from({ length: Math.floor(size / 75) }, (_, i) => `  s${i}:\n    image: nginx\n    ports: ["80:80"]\n    environment:\n      A: b\n`).join('')),
    cf('services of one name', fill('  s:\n    image: nginx\n    ports: ["80:80"]\n    environment:\n      A: b\n', 'services:\n')),
    cf('duplicate keys', fill('  web:\n    image: a\n', 'services:\n')),
    cf('deep block map', 'services:\n' + Array.from({ length: Math.min(3000, Math.floor(Math.sqrt(size))) }, (_, i) => ' '.repeat(i + 2) + 'k:').join('\n') + ' v\n'),
    cf('long sequence', fill('      - "80:80"\n', 'services:\n  web:\n    ports:\n')),
    cf('comments', fill('# comment\n', 'services:\n  web:\n    image: nginx\n')),
  ].map((x) => ({ ...x, text: x.text.slice(0, size) }));
}
