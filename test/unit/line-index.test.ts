import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, applyOffsetEdits, utf8Length } from '../../server/src/core/text';

test('LineIndex maps offsets and positions across LF, CRLF and CR', () => {
  const idx = new LineIndex('a\r\nbc\nd\re');
  assert.deepEqual(idx.lineStarts, [0, 3, 6, 8]);
  assert.deepEqual(idx.position(4), { line: 1, character: 1 });
  assert.equal(idx.offset({ line: 2, character: 0 }), 6);
  assert.equal(idx.lineText(0), 'a');
  assert.equal(idx.lineEnd(1), 5);
  assert.equal(idx.offset({ line: 9, character: 0 }), 9);
});

test('applyOffsetEdits applies non-overlapping edits and skips overlapping ones', () => {
  assert.equal(applyOffsetEdits('hello world', [{ start: 6, end: 11, newText: 'there' }, { start: 0, end: 0, newText: '> ' }]), '> hello there');
  assert.equal(applyOffsetEdits('abc', [{ start: 0, end: 2, newText: 'X' }, { start: 1, end: 3, newText: 'Y' }]), 'Xc');
});

test('applyOffsetEdits inserts at offset 0 after a BOM: lint reads the BOM as a space, offset 0 is the content', () => {
  assert.equal(applyOffsetEdits('\ufeffRUN a\n', [{ start: 0, end: 0, newText: 'FROM b\n' }]), '\ufeffFROM b\nRUN a\n');
});

test('LineIndex finds the same line starts with and without CR (a text without CR takes a faster path)', () => {
  for (const text of ['', 'a', '\n', 'a\n', 'a\nb', 'a\n\nb\n', 'a\r\nb\rc\n\n', '\r', '\r\n', 'x\ry']) {
    const expected = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      if (text[i] === '\n' || text[i] === '\r') expected.push(i + 1);
    }
    assert.deepEqual(new LineIndex(text).lineStarts, expected, JSON.stringify(text));
  }
});

test('utf8Length counts runs of non-ASCII text between ASCII, pairs and lone halves at the edges of a run', () => {
  for (const s of ['a\ud83d\ude00b', '\ud83d\ude00\ud83d\ude00', '\ud800x\udc00', 'x\ud83d', '\ude00x', '日本a€b\u07ff\u0800']) {
    assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
  }
});
