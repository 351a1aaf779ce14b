import { defineDockerfileRule } from '../../rule';
import { SPDX_LICENSE_IDS } from './spdx-license-ids';
import { own } from '../../own';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]*$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const HASH = /^([0-9a-f]{7}|[0-9a-f]{40})$/;

function validDate(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [mo, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60;
}

/** Label schema types (hadolint's `label-schema`): a check and its hadolint id and wording. */
const TYPES: Record<string, { id: string; ok: (v: string) => boolean; expect: string }> = {
  url: { id: 'DL3052', ok: (v) => URI.test(v), expect: 'a URL such as https://example.com/repo' },
  rfc3339: { id: 'DL3053', ok: validDate, expect: 'an RFC 3339 time such as 2024-05-01T12:00:00Z' },
  spdx: { id: 'DL3054', ok: (v) => SPDX_LICENSE_IDS.has(v.toLowerCase()), expect: 'an SPDX license identifier such as MIT or Apache-2.0' },
  hash: { id: 'DL3055', ok: (v) => HASH.test(v), expect: 'a git commit hash (7 or 40 lower-case hex digits)' },
  semver: { id: 'DL3056', ok: (v) => SEMVER.test(v), expect: 'a semantic version such as 1.4.2 or 2.0.0-rc.1' },
  email: { id: 'DL3058', ok: (v) => EMAIL.test(v), expect: 'an email address' },
};

export default defineDockerfileRule({
  id: 'label-value-invalid',
  aliases: ['DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'never',
  docs: {
    summary: 'A label listed in the label schema is empty or its value does not match the declared type.',
    why: 'Registries, scanners and release tooling read labels such as the source URL, the build date, the licence or the commit: a value in the wrong format is silently ignored or breaks the tool that parses it.',
    bad: 'FROM debian:12-slim\nLABEL org.opencontainers.image.version="v1"\n',
    good: 'FROM debian:12-slim\nLABEL org.opencontainers.image.version="1.0.0"\n',
    fix: 'Write the value in the declared format: `url`, `rfc3339` (date-time), `spdx` (licence id), `hash` (git commit), `semver`, `email`; `text` accepts anything but an empty value.',
    settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
    notes: 'Does nothing until a label schema is configured (`labelSchema` in `.seaworthy.yaml`, `label-schema` in `.hadolint.yaml`). One rule covers hadolint DL3051–DL3056 and DL3058; each finding carries the id of its check. Values with variables are checked after expansion when known, and skipped otherwise. SPDX ids are matched case-insensitively against the SPDX list (deprecated ids included); URLs need a scheme.',
  },
  handlers: {
    LABEL(i, ctx) {
      // Each label is looked up in the schema: an empty schema (the default) has none.
      const schema = ctx.settings.labelSchema ?? {};
      for (const p of i.pairs) {
        const type = Object.prototype.hasOwnProperty.call(schema, p.key) ? schema[p.key] : undefined;
        if (type === undefined) continue;
        const raw = p.value ?? '';
        const e = raw.includes('$') ? ctx.analysis.expand(raw, i) : { value: raw, unresolved: [] as string[] };
        if (e.unresolved.length) continue;
        if (e.value === '') {
          ctx.report({ span: p.valueSpan ?? p.keySpan, message: `Label "${p.key}" is empty: the label schema requires a value.`, aliases: ['DL3051'] });
          continue;
        }
        const t = own(TYPES, type);
        if (!t || t.ok(e.value)) continue;
        ctx.report({ span: p.valueSpan ?? p.keySpan, message: `Label "${p.key}" should be ${t.expect}, not "${e.value}".`, aliases: [t.id] });
      }
    },
  },
});
