// Inputs that made a regular expression backtrack exponentially: each took from seconds to hours before its
// pattern was rewritten. A hang blocks the thread, so each case runs in a child process with a time limit far
// above the milliseconds it takes now.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { peerOf } from '../../server/src/core/aliases';

const CORE = path.resolve(__dirname, '../../server/src/core');
/** A BuildKit-shaped name that is not one: 40 capitals, then a digit (2^40 ways to split the capitals). */
const LONG_ID = `Ab${'A'.repeat(40)}1`;

/** Runs `body` (with `lint`, `parseConfig` and `assert` in scope) in a child process; fails if it throws or takes over 10 s. */
function inChild(body: string) {
  const script = `const assert = require('node:assert/strict'); const { lint } = require(${JSON.stringify(`${CORE}/engine`)}); const { parseConfig } = require(${JSON.stringify(`${CORE}/config/project`)});\n${body}`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
  assert.equal(r.signal, null, 'still running after 10 s: a regular expression backtracks');
  assert.equal(r.status, 0, r.stderr);
}

test('a long id in a suppression comment is classified at once', () => {
  inChild(`const r = lint({ text: 'FROM alpine:3.19\\n# seaworthy-ignore ${LONG_ID}\\nRUN true\\n', kind: 'dockerfile', settings: { profiles: ['recommended', 'strict'] } });
assert.ok(r.findings.some((f) => f.rule === 'unused-suppression' && f.message.includes('${LONG_ID}')), JSON.stringify(r.findings.map((f) => f.message)));`);
});

test('a long rule name in a config file is reported as unknown at once', () => {
  inChild(`const c = parseConfig('seaworthy', 'rules:\\n  ${LONG_ID}: off\\n');
assert.ok(c.problems.some((p) => p.message.includes('${LONG_ID}')), JSON.stringify(c.problems));`);
});

test('spaced list markers before an anchored key do not stall a compose edit', () => {
  inChild(`const { parseCompose } = require(${JSON.stringify(`${CORE}/compose/parse`)});
const { insertPairEdit } = require(${JSON.stringify(`${CORE}/compose/edit`)});
const text = 'x:\\n  ' + '-   '.repeat(40) + '&a key: v\\n';
const file = parseCompose(text).ast;
let node = file.documents[0].root.get('x');
while (node.type === 'seq') node = node.items[0];
assert.equal(node.type, 'map');
insertPairEdit(file, node, 'other', 1);`);
});

// Quadratic ones: 40,000 spaces took 1.3-1.6 s; 200,000 (under the 256 KiB limit) would take about a minute.
test('a long run of spaces inside a parser directive or a heredoc RUN line is read at once', () => {
  inChild(`const spaces = ' '.repeat(200000);
for (const text of ['# syntax=a' + spaces + 'x\\nFROM alpine:3.19\\n', 'FROM alpine:3.19\\nRUN <<EOF' + spaces + 'x\\necho hi\\nEOF\\n']) {
  const r = lint({ text, kind: 'dockerfile' });
  assert.deepEqual(r.ruleErrors, []);
}`);
});

test('peerOf still names BuildKit checks and nothing else', () => {
  for (const id of ['StageNameCasing', 'JSONArgsRecommended', 'FromAsCasing', 'InvalidDefaultArgInFrom']) assert.equal(peerOf(id), 'buildkit', id);
  for (const id of ['Abc', 'stageNameCasing', 'Stage1Name', 'DL3008', 'no-version-field']) assert.notEqual(peerOf(id), 'buildkit', id);
});

// Quadratic patterns found by timing every regular expression literal in server/src on long runs of one
// character between a prefix and a suffix (`/\/+$/`, `/\s+$/`, `^\s*` under the m flag, a lazy key before
// `[ \t]*:`…): each input below took seconds to minutes before its pattern was rewritten.
const RUN = 200_000;

test('a long run of blank lines does not stall guessing what a file is', () => {
  inChild(`const { guessKind } = require(${JSON.stringify(`${CORE}/kind`)});
assert.equal(guessKind('notes', 'x' + '\\r\\n'.repeat(${RUN}) + 'y'), 'dockerfile');
assert.equal(guessKind('notes', '\\n'.repeat(${RUN}) + 'services:\\n  a: {}\\n'), 'compose');`);
});

test('a compose key with a long run of blanks inside is read at once (completion, hover, outline)', () => {
  inChild(`const { keyContextAt } = require(${JSON.stringify(`${CORE}/compose/navigation`)});
const text = 'services:\\n  a' + ' '.repeat(${RUN}) + 'b' + '\\t'.repeat(${RUN}) + 'c\\n  web:\\n    image: x\\n    ';
keyContextAt(text, text.length);`);
});

test('compose values with long runs of blanks, tabs and unclosed \${ are linted at once', () => {
  inChild(`for (const text of [
  'services:\\n  a:\\n    image: nginx:1.27\\n    environment:\\n      X: "\${' + ' '.repeat(${RUN}) + 'x"\\n',
  'services:\\n  a:\\n    image: nginx:1.27\\n    ports:\\n      - "' + '\${a'.repeat(${RUN / 4}) + ':80"\\n',
  'services:\\n  a:\\n    image: nginx:1.27\\n\\t' + '\\t'.repeat(${RUN}) + ' x: 1\\n',
]) {
  const r = lint({ text, kind: 'compose' });
  assert.deepEqual(r.ruleErrors, []);
}`);
});

test('exclude patterns are matched without backtracking, and paths with long runs of slashes are read at once', () => {
  // As regular expressions, the first took 27 s and the second 17 s on one path; the third threw (too large).
  inChild(`const { excludedBy, globProblem } = require(${JSON.stringify(`${CORE}/config/glob`)});
const { mapWorkspace } = require(${JSON.stringify(`${CORE}/workspace`)});
assert.equal(excludedBy('x/' + 'a/'.repeat(30) + 'z', ['x/' + '**/'.repeat(10) + 'y']), undefined);
assert.equal(excludedBy('x/' + 'a/'.repeat(30) + 'y', ['x/' + '**/'.repeat(10) + 'y']), 'x/' + '**/'.repeat(10) + 'y');
assert.equal(excludedBy('a'.repeat(40) + 'z', ['*a'.repeat(10) + 'y']), undefined);
const slashes = '/'.repeat(${RUN});
assert.equal(globProblem('x' + slashes + 'y'), 'longer than 1000 characters');
assert.equal(excludedBy('a/b', ['x' + slashes + 'y']), undefined);
assert.equal(mapWorkspace({ a: '1' }).readFile('a' + slashes + 'b'), undefined);`);
});

test('Dockerfile words with long runs of slashes, colons or version separators are linted at once', () => {
  inChild(`const { mapWorkspace } = require(${JSON.stringify(`${CORE}/workspace`)});
const n = ${RUN};
const texts = [
  'FROM alpine:3.20\\nCOPY --from=build ' + '/'.repeat(n) + 'x /\\nCOPY ' + '/'.repeat(n) + 'x/ /app/\\n',
  'FROM gcr.io/distroless/base:' + ':'.repeat(n) + 'x\\n',
  'FROM debian:12\\nRUN apt-get install -y "gcc' + '='.repeat(n) + '\\nx" && apt-get purge -y "a' + ':'.repeat(n) + '\\nb"\\n',
];
for (const text of texts) assert.deepEqual(lint({ text, kind: 'dockerfile' }).ruleErrors, []);
const blank = '\\r\\n'.repeat(n) + 'x';
const workspace = mapWorkspace({ 'requirements.txt': blank, 'Gemfile': blank, 'go.mod': blank, 'go.sum': '' });
for (const install of ['pip install -r requirements.txt', 'bundle install', 'go build ./...']) {
  assert.deepEqual(lint({ text: 'FROM x\\nWORKDIR /app\\nCOPY . .\\nRUN ' + install + '\\n', kind: 'dockerfile', workspace }).ruleErrors, []);
}`);
});

test('.dockerignore lines with many wildcards are matched without backtracking', () => {
  // As RegExps, these took 17 s and 27 s against one COPY source each.
  inChild(`const { mapWorkspace } = require(${JSON.stringify(`${CORE}/workspace`)});
const workspace = mapWorkspace({ '.dockerignore': '*a'.repeat(10) + 'y\\n' + 'x/' + '**/'.repeat(10) + 'y\\n' });
const text = 'FROM alpine:3.20\\nCOPY ' + 'a'.repeat(40) + 'z x/' + 'a/'.repeat(30) + 'z /app/\\n';
assert.deepEqual(lint({ text, kind: 'dockerfile', path: 'Dockerfile', workspace }).ruleErrors, []);`);
});


test('package rules read long runs of slashes and # in mounts, paths, cache variables and VCS URLs at once', () => {
  // Each took 2.7-6 s at 60,000 characters.
  inChild(`const n = ${RUN};
const texts = [
  'FROM alpine:3.20\\nRUN --mount=type=cache,target=/a' + '/'.repeat(n) + 'x apk add curl\\n',
  'FROM alpine:3.20\\nRUN apk add curl && rm -rf /a' + '/'.repeat(n) + 'x\\n',
  'FROM python:3.12\\nRUN <<EOF\\npip install --no-cache-dir "git+https://x' + '#'.repeat(n) + '\\ny"\\nEOF\\n',
  'FROM python:3.12\\nENV PIP_CACHE_DIR=/a' + '/'.repeat(n) + 'x\\nRUN pip install a==1\\n',
  'FROM node:20\\nWORKDIR /app\\nCOPY ' + '/'.repeat(n) + 'x ./\\nRUN npm install\\n',
];
for (const text of texts) assert.deepEqual(lint({ text, kind: 'dockerfile' }).ruleErrors, []);`);
});
