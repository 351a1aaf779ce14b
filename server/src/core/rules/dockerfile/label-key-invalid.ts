import { defineDockerfileRule } from '../../rule';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** The Docker namespace a key is in (a loop: `find` with a closure made per key showed in the allocation profile). */
function reservedPrefix(key: string): string | undefined {
  for (const r of RESERVED) if (key.startsWith(r)) return r;
  return undefined;
}

// Module constants: a regular expression literal in a function is a new object each time it runs.
const LOWER_FIRST = /^[a-z]/;
const LOWER_OR_DIGIT_LAST = /[a-z0-9]$/;
const NOT_KEY_CHARACTER = /[^a-z0-9.-]/;

/** Why a label key breaks Docker's key format guideline, or undefined when it follows it. */
function problem(key: string): string | undefined {
  if (!LOWER_FIRST.test(key)) return 'it must start with a lower-case letter';
  if (!LOWER_OR_DIGIT_LAST.test(key)) return 'it must end with a lower-case letter or digit';
  const bad = NOT_KEY_CHARACTER.exec(key);
  if (bad) return `"${bad[0]}" is not allowed (use lower-case letters, digits, "." and "-")`;
  if (key.includes('..') || key.includes('--')) return 'separators must not repeat';
  return undefined;
}

export default defineDockerfileRule({
  id: 'label-key-invalid',
  aliases: ['DL3048'],
  severity: 'hint',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A LABEL key breaks Docker\'s key format or uses a namespace reserved for Docker.',
    why: 'Tools that read labels expect lower-case, reverse-DNS keys (`org.opencontainers.image.source`). The `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces belong to Docker itself, and keys there can clash with what Docker writes.',
    bad: 'FROM debian:12-slim\nLABEL com.docker.version="1.0"\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.version="1.0"\n',
    fix: 'Rename the key: lower-case letters, digits, `.` and `-`, starting with a letter and ending with a letter or digit, under your own reverse-DNS prefix or the OCI `org.opencontainers.image.*` keys.',
    notes: 'A key in a reserved namespace is a warning; a format slip (such as upper-case `Version`) only a hint. Keys written with variables are checked after expansion; a variable that is not set there is reported, since the key silently loses that part (hadolint reports every `$` in a key as an invalid character).',
  },
  handlers: {
    LABEL(i, ctx) {
      for (const p of i.pairs) {
        if (!p.key) continue;
        // Only a key with a `$` is expanded: no expansion object for the others (most keys).
        const e = p.key.includes('$') ? ctx.analysis.expand(p.key, i) : undefined;
        const key = e ? e.value : p.key;
        const reserved = reservedPrefix(key);
        const why = e?.unresolved.length
          ? `$${e.unresolved[0]} has no value here, so the key becomes "${key}"`
          : reserved ? `the ${reserved.slice(0, -1)}.* namespace is reserved for Docker` : problem(key);
        if (!why) continue;
        ctx.report({ span: p.keySpan, message: `Label key "${p.key}": ${why}.`, severity: reserved ? 'warning' : undefined });
      }
    },
  },
});
