import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, applyOffsetEdits } from '../../server/src/core/text';

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
