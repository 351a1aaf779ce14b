// linearRegExp must answer exactly as RegExp does for the anchored patterns the core builds from user globs and
// `.dockerignore` lines, without RegExp's backtracking.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { linearRegExp, Unsupported } from '../../server/src/core/linear-regex';

const ATOMS = ['a', 'b', '/', '.', '[^/]', '[a-c]', '[^a]', '[]', '[^]', '\\.', '\\d', '\\w', '\\s', '\\b', '\\B', '\\x41', '\\u0041',
  '\\cA', '\\c', '\\0', '\\12', '\\8', '\\k', '^', '$', '(?:.*/)?', '(.*/)?', '(?:a|b)', '\\$', '\\\\', '\n', 'A', '_', ' ', '{', '}', ']'];
const QUANTIFIERS = ['', '', '', '*', '+', '?', '*?'];
const PIECES = ['a', 'b', '/', 'ab', 'a/b', 'A', '\n', '_', ' ', '1', '\u0001', '{', '}', ']', '.', '\\', 'c', 'k', '8', 'x/y/z', '$', '\u0000'];

const source = fc.array(fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTIFIERS)), { maxLength: 5 }).map((parts) => `^${parts.map(([a, q]) => a + q).join('')}$`);
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(''));

test('answers as RegExp does (random anchored patterns and texts)', () => {
  fc.assert(fc.property(source, fc.constantFrom('', 's'), fc.array(text, { minLength: 1, maxLength: 6 }), (src, flags, texts) => {
    let reference: RegExp;
    try { reference = new RegExp(src, flags); } catch { assert.throws(() => linearRegExp(src, flags), SyntaxError); return; }
    let linear: { test(t: string): boolean };
    try { linear = linearRegExp(src, flags); } catch (e) { assert.ok(e instanceof Unsupported && /\\[1-9]/.test(src), String(e)); return; }
    for (const t of texts) assert.equal(linear.test(t), reference.test(t), `${JSON.stringify(src)} /${flags} on ${JSON.stringify(t)}`);
  }), { numRuns: 20_000, seed: 20261127 });
});

test('refuses what a state set cannot run, and patterns not anchored at both ends', () => {
  assert.throws(() => linearRegExp('^(a)\\1$'), Unsupported);
  assert.throws(() => linearRegExp('^(?=a)a$'), Unsupported);
  assert.throws(() => linearRegExp('^a'), Unsupported);
  assert.throws(() => linearRegExp('^a\\$'), Unsupported);
  assert.throws(() => linearRegExp('^a$', 'g'), Unsupported);
});

test('many stars against a long text: linear, where RegExp takes seconds', () => {
  const re = linearRegExp(`^${'[^/]*a'.repeat(40)}y$`);
  const t0 = performance.now();
  assert.equal(re.test('a'.repeat(400) + 'z'), false);
  assert.equal(re.test('a'.repeat(400) + 'y'), true);
  assert.ok(performance.now() - t0 < 5_000);
});
