import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../server/src/core/diff';

test('unified diff of a change in the middle keeps 3 lines of context', () => {
  const a = 'a\nb\nc\nd\ne\nf\ng\nh\n';
  const b = 'a\nb\nc\nd\nE\nf\ng\nh\n';
  assert.equal(unifiedDiff(a, b, 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
});

test('a new file diffs from an empty range', () => {
  assert.equal(unifiedDiff('', 'x\ny\n', '/dev/null', 'b/f'), '--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n');
});

test('insertions and deletions in separate hunks', () => {
  const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n') + '\n';
  const b = a.replace('l1\n', '').replace('l18\n', 'l18\nnew\n');
  const d = unifiedDiff(a, b, 'a', 'b');
  assert.match(d, /@@ -1,5 \+1,4 @@\n l0\n-l1\n l2\n l3\n l4\n/);
  assert.match(d, /@@ -17,4 \+16,5 @@\n l16\n l17\n l18\n\+new\n l19\n$/);
  assert.equal(unifiedDiff(a, a, 'a', 'b'), '');
});

test('lineEdits turns a change into minimal whole-line edits that reproduce it', async () => {
  const { lineEdits } = await import('../../server/src/core/diff');
  const { applyOffsetEdits } = await import('../../server/src/core/text');
  const a = 'FROM x\nMAINTAINER me\nRUN a\nCMD b';
  const b = 'FROM x AS build\nLABEL m=me\nRUN a\nUSER app\nCMD ["b"]\n';
  const edits = lineEdits(a, b);
  assert.equal(applyOffsetEdits(a, edits), b);
  assert.deepEqual(edits.map((e) => a.slice(e.start, e.end)), ['FROM x\nMAINTAINER me\n', 'CMD b']);
  assert.deepEqual(lineEdits(a, a), []);
  assert.equal(applyOffsetEdits('', lineEdits('', 'x\n')), 'x\n');
});
