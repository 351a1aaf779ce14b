import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/compose/secret-in-environment';
import { lint } from '../../server/src/core/engine';

ruleTests(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n      TOKEN_TTL: 3600\n      PWD: /app\n',
    'services:\n  app:\n    image: x:1\n    environment:\n      - API_KEY=${API_KEY:?set it}\n      - PASSWORD_FILE=/run/secrets/pw\n      - DEBUG=1\n',
  ],
  invalid: [
    {
      name: 'map syntax: value masked, fix to ${NAME} keeps the quoting',
      code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-pa55\n      jwtSecret: "abc123"\n',
      errors: [
        { line: 5, text: 's3cr3t-pa55', message: /"POSTGRES_PASSWORD" of service "db" holds a literal secret \(value hidden\)/ },
        { line: 6, text: '"abc123"', message: /\$\{JWT_SECRET\}/ },
      ],
      output: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      jwtSecret: "${JWT_SECRET}"\n',
    },
    {
      name: 'list syntax: only the value part is reported and replaced',
      code: 'services:\n  app:\n    image: x:1\n    environment:\n      - GITHUB_TOKEN=ghp_abcdef123456\n      - "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI"\n',
      errors: [{ line: 5, text: 'ghp_abcdef123456' }, { line: 6, text: 'wJalrXUtnFEMI' }],
      output: 'services:\n  app:\n    image: x:1\n    environment:\n      - GITHUB_TOKEN=${GITHUB_TOKEN}\n      - "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}"\n',
    },
    {
      // A plain `${NAME}` inside `{…}` or `[…]` would end at its `}`: the fix quotes it there (found by the fuzzer).
      name: 'flow map and flow list: the reference is quoted, so the fix resolves the finding',
      code: 'services:\n  db:\n    image: x:1\n    environment: {DB_PASSWORD: s3cr3t, MODE: prod}\n  app:\n    image: x:1\n    environment: [API_TOKEN=ghp_abc123, "DB_PASSWORD=xyz789"]\n',
      errors: [{ line: 4, text: 's3cr3t' }, { line: 7, text: 'ghp_abc123' }, { line: 7, text: 'xyz789' }],
      output: 'services:\n  db:\n    image: x:1\n    environment: {DB_PASSWORD: "${DB_PASSWORD}", MODE: prod}\n  app:\n    image: x:1\n    environment: ["API_TOKEN=${API_TOKEN}", "DB_PASSWORD=${DB_PASSWORD}"]\n',
    },
  ],
});

test('secret-in-environment never puts the value in a message', () => {
  const secret = 'hunter2-VERY-secret';
  const res = lint({ text: `services:\n  a:\n    image: x:1\n    environment:\n      DB_PASSWORD: ${secret}\n      - ignored\n`, kind: 'compose', rules: [rule] });
  const res2 = lint({ text: `services:\n  a:\n    image: x:1\n    environment:\n      - DB_PASSWORD=${secret}\n`, kind: 'compose', rules: [rule] });
  const all = [...res.findings, ...res2.findings];
  assert.ok(all.some((f) => f.rule === rule.id));
  for (const f of all) assert.ok(!f.message.includes(secret) && !f.message.includes('hunter2'), f.message);
});
