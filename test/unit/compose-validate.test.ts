import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../server/src/core/compose/parse';
import { editDistance, nearest, validateComposeDocument } from '../../server/src/core/compose/validate';

const issues = (text: string) => {
  const { ast } = parseCompose(text);
  return validateComposeDocument(ast.documents[0]).map((i) => ({ text: text.slice(i.span.start, i.span.end), keyword: i.keyword, message: i.message }));
};

test('edit distance counts a swap as one edit; nearest needs a close match', () => {
  assert.equal(editDistance('imgae', 'image'), 1);
  assert.equal(editDistance('port', 'ports'), 1);
  assert.equal(nearest('depends-on', ['depends_on', 'deploy']), 'depends_on');
  assert.equal(nearest('enviroment', ['environment', 'env_file']), 'environment');
  assert.equal(nearest('zzz', ['image', 'build']), undefined);
});

test('a valid file has no issues; an empty document neither', () => {
  assert.deepEqual(issues('services:\n  web:\n    image: nginx:1.27\n'), []);
  assert.deepEqual(validateComposeDocument(parseCompose('# nothing\n').ast.documents[0] ?? { root: null, span: { start: 0, end: 0 }, errors: [] }), []);
});

test('alternatives (oneOf) collapse to the one that applies', () => {
  // build is a string or a mapping: for a mapping only the mapping's problem is reported
  assert.deepEqual(issues('services:\n  web:\n    build:\n      contxt: .\n').map((i) => i.keyword), ['additionalProperties']);
  // for a wrong type, one message naming every allowed type
  const [t] = issues('services:\n  web:\n    image: x:1\n    command: 5\n');
  assert.match(t.message, /must be empty \(null\), a string or a list, not the number 5/);
});

test('an alias bomb is bounded: one issue, no hang', () => {
  let text = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
  let prev = 'a';
  for (let i = 0; i < 8; i++) { const n = `b${i}`; text += `${n}: &${n} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]\n`; prev = n; }
  const started = Date.now();
  const got = issues(text);
  assert.ok(Date.now() - started < 5000);
  assert.equal(got.length, 1);
  assert.match(got[0].message, /expands to more than/);
});
