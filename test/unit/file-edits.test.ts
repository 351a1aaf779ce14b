// fileEditResult: the one answer to "what does this fix make of the file beside the Dockerfile",
// shared by the CLI (which writes it) and the language server (which sends the edit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileEditResult } from '../../server/src/core/file-edits';

test('create writes the lines into a new file and never overwrites one that exists', () => {
  assert.equal(fileEditResult(undefined, { path: '.dockerignore', newText: '.git\n.env\n', create: true }), '.git\n.env\n');
  assert.equal(fileEditResult('mine\n', { path: '.dockerignore', newText: '.git\n', create: true }), undefined);
});

test('append starts on a new line of the file as it is now, with no blank line', () => {
  // The rule saw no final newline and put one first; the file is unchanged since.
  assert.equal(fileEditResult('node_modules', { path: '.dockerignore', newText: '\n.git\n', append: true }), 'node_modules\n.git\n');
  // The file gained its final newline after the rule read it.
  assert.equal(fileEditResult('node_modules\n', { path: '.dockerignore', newText: '\n.git\n', append: true }), 'node_modules\n.git\n');
  assert.equal(fileEditResult('a\r\n', { path: '.dockerignore', newText: '.git\n', append: true }), 'a\r\n.git\n');
  assert.equal(fileEditResult('', { path: '.dockerignore', newText: '.git\n', append: true }), '.git\n');
  assert.equal(fileEditResult(undefined, { path: '.dockerignore', newText: '\n.git\n', append: true }), '.git\n');
  assert.equal(fileEditResult('a\n', { path: '.dockerignore', newText: '\n', append: true }), undefined);
});
