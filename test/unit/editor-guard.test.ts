// The guards around editor features: the one-pass shape of a Dockerfile, the longest prefix within
// limits, try/catch and the circuit breaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BREAKER_MS, FeatureGuard, LIMITS, prefixWithin, scanDockerfile, withinLimits } from '../../server/src/lsp/features/guard';

test('shape: lines, words, the largest instruction (continuations, comments, heredocs) and $', () => {
  const text = 'FROM alpine\nRUN a b \\\n  # comment words\n  c d\nRUN <<EOF\necho $X ${Y}\nEOF\nENV A=1 \\\n  B=2\narg C\n';
  const { shape, starts } = scanDockerfile(text);
  assert.deepEqual(shape, { lines: 10, chars: text.length, words: 23, maxInstructionWords: 6, dollars: 2, declarations: 4 }, 'a trailing backslash counts as a word: sizes err on the large side');
  assert.deepEqual(starts.map((s) => s.line), [0, 1, 4, 7, 9]);
  assert.equal(scanDockerfile('').shape.lines, 1);
  assert.equal(scanDockerfile('FROM a').shape.lines, 1);
  assert.equal(scanDockerfile('FROM a\r\nRUN b\r\n').shape.lines, 2);
  // A keyword on a continuation line does not start an instruction; the escape directive is honoured.
  assert.deepEqual(scanDockerfile('FROM a\nRUN a \\\nRUN b\n').starts.map((s) => s.line), [0, 1]);
  assert.deepEqual(scanDockerfile('# escape=`\nFROM a\nRUN a `\nRUN b\nRUN c \\\nRUN d\n').starts.map((s) => s.line), [1, 2, 4, 5]);
});

test('the longest prefix of whole instructions within limits', () => {
  const text = 'FROM a\nRUN 1 2 3\nRUN 4 5 6 7 8 9\nRUN x\n';
  const scan = scanDockerfile(text);
  assert.equal(prefixWithin(text, scan, { words: 100 }), text.length);
  assert.equal(prefixWithin(text, scan, { words: 6 }), text.indexOf('RUN 4'));
  assert.equal(prefixWithin(text, scan, { maxInstructionWords: 4 }), text.indexOf('RUN 4'), 'an instruction over the limit ends the prefix');
  assert.equal(prefixWithin(text, scan, { lines: 0 }), 0);
  assert.ok(withinLimits(scan.shape, LIMITS.semanticTokens));
  assert.ok(!withinLimits({ ...scan.shape, lines: 1_001 }, LIMITS.semanticTokens));
});

test('a throw (a stack overflow too) gives the empty result and a log line', () => {
  const logs: string[] = [];
  const guard = new FeatureGuard((m) => logs.push(m));
  const recurse = (n: number): number => recurse(n + 1) + 1;
  assert.deepEqual(guard.run('file:///D', 'semanticTokens', { lines: 3 }, { data: [] }, () => ({ data: [recurse(0)] })), { data: [] });
  assert.match(logs[0], /semanticTokens failed on file:\/\/\/D .*RangeError/);
});

test('a slow call turns the feature off for that document until it gets shorter', () => {
  const logs: string[] = [];
  const guard = new FeatureGuard((m) => logs.push(m));
  let clock = 0;
  guard.now = () => clock;
  const shape = scanDockerfile('FROM a\nRUN b\nRUN c\n').shape;
  assert.ok(guard.allowed('file:///D', 'folding', shape, LIMITS.folding));
  assert.equal(guard.run('file:///D', 'folding', shape, [], () => { clock += BREAKER_MS + 1; return [1]; }).length, 1, 'the slow answer is still returned');
  assert.match(logs[0], /folding took \d+ ms/);
  assert.ok(!guard.allowed('file:///D', 'folding', shape, LIMITS.folding), 'off for the same size');
  assert.ok(guard.allowed('file:///D', 'symbols', shape, LIMITS.symbols), 'other features stay on');
  assert.ok(guard.allowed('file:///E', 'folding', shape, LIMITS.folding), 'other documents too');
  assert.ok(guard.allowed('file:///D', 'folding', { ...shape, lines: shape.lines - 1 }, LIMITS.folding), 'on again once shorter');
  guard.run('file:///D', 'folding', shape, [], () => { clock += BREAKER_MS + 1; return []; });
  guard.forget('file:///D');
  assert.ok(guard.allowed('file:///D', 'folding', shape, LIMITS.folding), 'closing the document resets it');
});
