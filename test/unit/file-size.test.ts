import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8Length } from '../../server/src/core/text';
import { lint } from '../../server/src/core/engine';

test('utf8Length counts the bytes Buffer.byteLength counts, surrogate pairs and lone halves included', () => {
  for (const s of ['', 'FROM alpine:3.20\n', 'é', '€', '😀', 'a😀b€é', '\ud800', '\udc00x', '\ufeffFROM x', 'x'.repeat(1000) + '日本'.repeat(50)]) {
    assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
  }
});

test('maxFileSize is a number of bytes: multi-byte text over it in bytes is not analysed, text under it is', () => {
  // 100 three-byte characters: 100 UTF-16 units, 300 bytes.
  const text = `FROM alpine:3.20\nLABEL note="${'€'.repeat(100)}"\n`;
  const bytes = Buffer.byteLength(text, 'utf8');
  const over = lint({ text, kind: 'dockerfile', settings: { maxFileSize: bytes - 1 } });
  assert.deepEqual(over.findings.map((f) => f.rule), ['file-too-large']);
  assert.match(over.findings[0].message, new RegExp(`${bytes} bytes`));
  const at = lint({ text, kind: 'dockerfile', settings: { maxFileSize: bytes } });
  assert.ok(!at.findings.some((f) => f.rule === 'file-too-large'));
  assert.ok(text.length < bytes - 1, 'the text is shorter in UTF-16 units than the limit, so counting units would analyse it');
});

test('with maxFileSize raised, a RUN with 300,000 arguments or commands breaks no rule (no spread of a long list into a call)', () => {
  // `out.push(...args)` and `Math.max(...ends)` overflowed the stack past ~125,000 items: 25 rules and apt-lists-not-removed failed.
  const settings = { maxFileSize: 1 << 21 };
  for (const text of [
    'FROM golang:1.22\nRUN go install -- ' + 'a '.repeat(300_000) + '\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=1' + ';a'.repeat(300_000) + '\n',
  ]) assert.deepEqual(lint({ text, kind: 'dockerfile', settings }).ruleErrors, []);
});
