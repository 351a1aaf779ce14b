// Differential test of the fast YAML reader (server/src/core/compose/reader.ts) against the library
// path (parseComposeWithLibrary): whenever the reader answers, its whole result — model, spans, scalar
// source / style / value, anchors and alias sharing, merges, duplicate keys, comments, documents,
// errors, warnings — must equal the library path's. Plus how often it answers, so that a silent
// return to the slow path is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { parseCompose, parseComposeWithLibrary } from '../../server/src/core/compose/parse';
import { readCompose } from '../../server/src/core/compose/reader';
import { kindFromName } from '../../server/src/core/kind';
import { RULES } from '../../server/src/core/rules/registry';
import { findRoot, loadCorpus } from '../fuzz/corpus';
import { composeSoup, mutations, pathological } from '../fuzz/generators';
import { composeSubsetYaml } from '../helpers/compose-yaml-gen';
import { modelDiff } from '../helpers/model-diff';

const ROOT = findRoot();
const SEED = 20261126;

// tsc (module: commonjs) turns import() into require(), which cannot load bench/corpus.mjs.
const importESM = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

interface BenchCorpus {
  makeCorpus(o: { dockerfiles: number; composes: number }): { composes: string[] };
  largeCompose(lines: number): string;
}

const show = (text: string) => JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);

/** Whether the reader answered; fails when its answer differs from the library path's. */
function agrees(text: string, origin = ''): boolean {
  const fast = readCompose(text);
  if (!fast) return false;
  const diff = modelDiff(fast, parseComposeWithLibrary(text));
  assert.equal(diff, undefined, `${origin} ${show(text)}: reader and library differ at ${diff}`);
  return true;
}

function composeFilesUnder(dir: string, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) composeFilesUnder(p, out);
    else if (kindFromName(p) === 'compose') out.push(p);
  }
  return out;
}

// ---- real inputs ----------------------------------------------------------------------------------

test('bench corpus: the reader answers for every compose file, and equals the library', async () => {
  const bench = await importESM(pathToFileURL(path.join(ROOT, 'bench/corpus.mjs')).href) as BenchCorpus;
  const files = [...bench.makeCorpus({ dockerfiles: 0, composes: 150 }).composes, bench.largeCompose(3000)];
  const refused = files.filter((t, i) => !agrees(t, `bench file ${i}`));
  assert.deepEqual(refused.map(show), [], 'the reader must answer for the whole bench corpus (else lint falls back to the slow path)');
});

test('examples and fixtures: the reader answers for every compose file, and equals the library', () => {
  const files = [...composeFilesUnder(path.join(ROOT, 'examples')), ...composeFilesUnder(path.join(ROOT, 'test/fixtures'))];
  assert.ok(files.length >= 2, `found ${files.length} compose files`);
  for (const f of files) assert.ok(agrees(fs.readFileSync(f, 'utf8'), f), `the reader gave up on ${path.relative(ROOT, f)}`);
});

test('rule docs: every compose example the reader answers for equals the library; it answers for nearly all', () => {
  const examples = RULES.filter(r => r.kind === 'compose').flatMap(r => [[r.id + ' bad', r.docs.bad], [r.id + ' good', r.docs.good]]);
  assert.ok(examples.length > 40);
  const refused = examples.filter(([origin, text]) => !agrees(text, origin)).map(([origin]) => origin);
  assert.ok(refused.length <= examples.length / 20, `the reader gave up on ${refused.length} of ${examples.length}: ${refused.join(', ')}`);
});

// ---- generated inputs -----------------------------------------------------------------------------

test('generated YAML in the reader\'s subset (fixed seed): equal whenever the reader answers', () => {
  let answered = 0;
  const inputs = fc.sample(composeSubsetYaml, { seed: SEED, numRuns: 3000 });
  for (const text of inputs) if (agrees(text, 'generated')) answered++;
  assert.ok(answered >= inputs.length * 0.15, `the reader answered for only ${answered} of ${inputs.length}: the differential checks too little`);
});

test('fuzz compose soups, mutated real files and pathological shapes (fixed seed): equal whenever the reader answers', () => {
  const seeds = loadCorpus({ tableTests: false }).filter(s => s.kind === 'compose');
  let answered = 0;
  for (const text of fc.sample(composeSoup, { seed: SEED, numRuns: 2000 })) if (agrees(text, 'soup')) answered++;
  for (const input of fc.sample(mutations(seeds), { seed: SEED, numRuns: 2000 })) if (agrees(input.text, input.origin)) answered++;
  for (const input of fc.sample(pathological, { seed: SEED, numRuns: 200 })) {
    if (input.kind === 'compose' && input.text.length < 200_000 && agrees(input.text, input.origin)) answered++;
  }
  assert.ok(answered >= 500, `the reader answered for only ${answered} inputs`);
});

// ---- hand-written cases -----------------------------------------------------------------------------

/** Inputs the reader must answer for (and equal the library). */
const ANSWERS: [string, string][] = [
  ['plain map', 'services:\n  web:\n    image: nginx:1.27\n'],
  ['double quotes with escapes', 'a: "tab\\there \\"q\\" \\\\ \\x41 \\u00e9 \\U0001F600 \\/ \\0 \\N \\_ \\L \\P"\n'],
  ['single quotes with a doubled quote', "a: 'it''s'\nb: ''\nc: \"\"\n"],
  ['# inside quotes is not a comment', 'a: "x # y"\nb: \'# z\'\n'],
  ['# without a space before is part of a plain scalar', 'a: x#y\n'],
  ['trailing comment', 'key: value #c\nother: 1   # another\n'],
  ['full-line comments at any indentation', '# head\nservices:\n    # odd\n  web:\n# col 0\n    image: x\n'],
  ['nested sequences', 'a:\n  - - nested\n    - second\n  - - x\n'],
  ['compact maps in sequences', 'a:\n  - name: x\n    value: 1\n  - name: y\n'],
  ['sequence at the key\'s indentation', 'a:\n- x\n- y\nb: 1\n'],
  ['empty values', 'a:\nb:   \nc: # c\nd: 1\n'],
  ['empty value followed by a less-indented line', 'x:\n  a:\nb: 1\n'],
  ['empty value at the end', 'volumes:\n  data:\n'],
  ['empty sequence item', 'a:\n  -\n  - # c\n  - x\n'],
  ['block scalars: clip, strip, keep', 'a: |\n  one\n  two\n\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  kept\n\n\nd: 1\n'],
  ['block scalar with more-indented lines and a header comment', 'a: > # c\n  x\n    more\n  y\nb: 1\n'],
  ['block scalar at the end of the text', 'a: |\n  x'],
  ['block scalar with trailing blank lines before the end', 'a: |-\n  x\n\n\n'],
  ['anchors, aliases and merges', 'x-a: &a\n  restart: always\n  image: x\nx-b: &b {image: y, user: z}\nservices:\n  web:\n    <<: [*a, *b]\n    image: mine\n  db:\n    <<: *a\n  c: *b\n'],
  ['alias in a sequence', 'x: &v 80\nports:\n  - *v\n  - 81\n'],
  ['anchored sequence', 'x: &l\n  - a\ny: *l\n'],
  ['anchor on a line of its own', 'x:\n  &a # c\n  k: v\ny:\n  <<: *a\n'],
  ['anchored scalar and flow collection', 'x: &s text\ny: &f [1, 2]\nz: [*s, *f]\n'],
  ['duplicate keys', 'a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n'],
  ['duplicate keys in a large map', Array.from({ length: 40 }, (_, i) => `k${i % 25}: ${i}\n`).join('') + 'f: {x: 1, x: 2}\n'],
  ['flow collections', 'a: [x, "y, z", 1, true, ~, {k: v, n: [1, 2]}]\nb: {}\nc: []\nd: { a: 1 , b: 2 }\n'],
  ['scalar values of the core schema', 'a: [null, Null, NULL, ~, true, True, TRUE, false, yes, on, 0o17, 0x1F, 017, -5, +5, -0, 1.5, .5, 5., 1e3, -1.5E-3, .inf, -.Inf, .NaN, -.nan, 1_000, 12:30]\n'],
  ['number-like keys', '80: a\ntrue: b\nnull: c\n1.0: d\n'],
  ['several documents', 'a: 1\n---\nb: 2\n...\n---\n# c\nc: 3\n'],
  ['document end marker', 'a: 1\n...\n# after\n'],
  ['CRLF line ends', 'services:\r\n  web:\r\n    image: x # c\r\n    cmd: |\r\n      a\r\n\r\n      b\r\n'],
  ['BOM', '\ufeffservices:\n  web:\n    image: x\n'],
  ['trailing spaces', 'a: 1   \nb:   \n  c: x  \n'],
  ['indented root', '  a: 1\n  b: 2\n'],
  ['keys with spaces, colons and quotes', 'a b: 1\nhttp://x: 2\n"q k": 3\n\'s k\': 4\nk  : 5\n'],
  ['empty file', ''],
  ['only comments and blank lines', '# one\n\n  # two\n'],
  ['only blank lines', '\n\n   \n'],
];

/** Inputs the reader must leave to the library (outside its subset, or errors). */
const REFUSES: [string, string][] = [
  ['tab indentation', 'a:\n\tb: 1\n'],
  ['tag', 'a: !reset []\n'],
  ['complex key', '? a\n: b\n'],
  ['directive', '%YAML 1.2\n---\na: 1\n'],
  ['multi-line flow collection', 'a: [x,\n  y]\n'],
  ['multi-line quoted scalar', 'a: "x\n  y"\n'],
  ['multi-line plain scalar', 'a: x\n  y\n'],
  ['unterminated quote', 'a: "x\n'],
  ['duplicate anchor', 'a: &x 1\nb: &x 2\n'],
  ['unknown alias', 'a: *x\n'],
  ['alias inside its own anchor', 'a: &x\n  b: *x\n'],
  ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ['nested map on one line', 'a: b: c\n'],
  ['top-level scalar', 'just text\n'],
  ['block scalar indentation indicator', 'a: |2\n   x\n'],
  ['empty document', '---\n---\na: 1\n'],
  ['merge of a scalar', 'a: 1\nb:\n  <<: 1\n'],
  ['lone CR', 'a: 1\rb: 2\n'],
];

test('hand-written cases the reader answers for equal the library', () => {
  for (const [name, text] of ANSWERS) assert.ok(agrees(text, name), `the reader gave up on "${name}"`);
});

test('hand-written cases outside the subset are left to the library, which still reports their errors', () => {
  for (const [name, text] of REFUSES) {
    assert.equal(readCompose(text), undefined, `the reader answered for "${name}"`);
    assert.equal(modelDiff(parseCompose(text), parseComposeWithLibrary(text)), undefined, name);
  }
  assert.ok(parseCompose('a:\n\tb: 1\n').errors.length > 0, 'tab indentation is still reported');
});

test('the reader never throws, whatever the text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => { readCompose(text); }), { seed: SEED, numRuns: 2000 });
});
