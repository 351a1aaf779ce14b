import { defineComposeRule } from '../../rule';
import { allServices, hasVariable, subSpan } from '../../compose/facts';
import { isMap, isScalar, isSeq, keyString, scalarString } from '../../compose/query';
import type { YScalar } from '../../compose/model';
import { replaceScalarEdit } from '../../compose/edit';
import type { OffsetEdit, Span } from '../../types';

const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CLIENT_?SECRET|AUTH_?TOKEN|CREDENTIALS?)$/;
const NOT_SECRET_VALUE = /^(?:|true|false|yes|no|on|off|0|1|null|none)$/i;

/** `dbPassword` → `DB_PASSWORD`, for matching. */
const normal = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.]/g, '_').toUpperCase();

export function isSecretName(key: string): boolean {
  const k = normal(key);
  return SECRET_NAME.test(k) && !/^(?:OLD)?PWD$/.test(k);
}

function isLiteralSecret(value: string): boolean {
  const v = value.trim();
  if (NOT_SECRET_VALUE.test(v) || hasVariable(v) || v.startsWith('/run/secrets/')) return false;
  return true;
}

/** A name safe as an environment variable in `${…}`. */
const varName = (key: string) => normal(key).replace(/[^A-Z0-9_]/g, '_').replace(/^(\d)/, '_$1');

export default defineComposeRule({
  id: 'secret-in-environment',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  fixable: 'sometimes',
  docs: {
    summary: 'A password, token or key is written as a literal `environment:` value in the compose file.',
    why: 'The compose file ends up in version control, CI logs and `docker inspect` output; a credential written in it is shared with everyone who can read any of those, and rotating it means editing (and re-committing) the file.',
    bad: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-pa55\n',
    good: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    fix: 'Use Compose `secrets:` (many images read `*_FILE` variables), or reference a variable (`${POSTGRES_PASSWORD}`) that comes from an untracked `.env` file or the shell. The quick fix replaces the literal with `${NAME}` — not applied automatically: the value must then be provided.',
    notes: 'Values are never shown in messages. Variable references, `/run/secrets/…` paths and flag-like values (`yes`, `true`, `0`, empty) are not reported, so `MYSQL_ALLOW_EMPTY_PASSWORD: "yes"` stays quiet.',
  },
  check(ctx) {
    for (const s of allServices(ctx.doc)) {
      const env = s.node?.get('environment');
      const report = (name: string, span: Span, edit: OffsetEdit | undefined) => {
        ctx.report({
          span,
          message: `Environment variable "${name}" of service "${s.name}" holds a literal secret (value hidden); use secrets: or reference \${${varName(name)}} from an untracked .env file.`,
          fix: edit ? { title: `Replace the value with \${${varName(name)}}`, safe: false, edits: [edit] } : undefined,
        });
      };
      if (isMap(env)) {
        for (const p of env.pairs) {
          if (p.merged) continue;
          const name = keyString(p.key);
          const v = scalarString(p.value);
          if (!isScalar(p.value) || v === undefined || !isSecretName(name) || !isLiteralSecret(v)) continue;
          report(name, p.value, replaceScalarEdit(p.value as YScalar, `\${${varName(name)}}`, env.flow));
        }
      } else if (isSeq(env)) {
        for (const item of env.items) {
          const text = scalarString(item);
          if (!isScalar(item) || text === undefined) continue;
          const eq = text.indexOf('=');
          if (eq <= 0) continue;
          const name = text.slice(0, eq);
          const value = text.slice(eq + 1);
          if (!isSecretName(name) || !isLiteralSecret(value)) continue;
          const span = subSpan(item, eq + 1, value.length);
          const exact = span.end - span.start === value.length;
          // In a flow list a plain item cannot hold the `}` of `${NAME}`: the whole item is written again, quoted.
          const requote = env.flow && (item as YScalar).style === 'plain';
          const edit = !exact ? undefined : requote ? replaceScalarEdit(item as YScalar, `${name}=\${${varName(name)}}`, true) : { ...span, newText: `\${${varName(name)}}` };
          report(name, exact ? span : item, edit);
        }
      }
    }
  },
});
