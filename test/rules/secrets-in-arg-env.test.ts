import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTests } from '../helpers/rule-tester';
import { lint } from '../../server/src/core/engine';
import rule, { isSecretName } from '../../server/src/core/rules/dockerfile/secrets-in-arg-env';

ruleTests(rule, {
  valid: [
    'FROM scratch\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\nENV sunflower=foo MONKEY=1\n',
    'RUN --mount=type=secret,id=aws_key_id,env=AWS_ACCESS_KEY_ID aws s3 cp s3://b/f .\n',
  ],
  invalid: [
    {
      name: 'BuildKit SecretsUsedInArgOrEnv-1',
      code: '\nFROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\n',
      errors: [
        { line: 3, text: 'SECRET_PASSPHRASE' }, { line: 4, text: 'SUPER_Secret' }, { line: 5, text: 'password' }, { line: 5, text: 'secret' },
        { line: 6, text: 'super_duper_secret_token' }, { line: 6, text: 'auth' }, { line: 7, text: 'apikey' }, { line: 8, text: 'git_key' },
      ],
      output: null,
    },
    { code: 'ARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\n', errors: [{ line: 1 }, { line: 2 }] },
  ],
});

test('messages never contain the value', () => {
  const res = lint({ text: 'FROM a\nENV DB_PASSWORD=hunter2-s3cr3t\n', kind: 'dockerfile', rules: [rule] });
  assert.equal(res.findings.length, 1);
  assert.ok(!res.findings[0].message.includes('hunter2'));
});

test('Trivy DS031 only for the final stage', () => {
  const res = lint({ text: 'FROM a AS build\nARG NPM_TOKEN\nFROM b\nARG GH_TOKEN\n', kind: 'dockerfile', rules: [rule] });
  assert.deepEqual(res.findings.map((f) => f.aliases), [['SecretsUsedInArgOrEnv', 'DL3064'], ['SecretsUsedInArgOrEnv', 'DL3064', 'DS031']]);
  assert.ok(isSecretName('GITHUB_TOKEN') && !isSecretName('TOKENIZER') && !isSecretName('KEYBOARD'));
});
