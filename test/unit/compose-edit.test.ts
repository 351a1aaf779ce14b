import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../server/src/core/compose/parse';
import type { YMap, YScalar, YSeq } from '../../server/src/core/compose/model';
import {
  appendItemEdit, indentUnit, insertPairEdit, insertPairsEdit, isPlainSafe, itemBlocks, pairBlocks, quoteScalarEdit, removePairLinesEdit,
  reorderEdit, replaceScalarEdit, unquoteScalarEdit, yamlScalar, FlowList,
} from '../../server/src/core/compose/edit';
import { applyOffsetEdits } from '../../server/src/core/text';
import type { OffsetEdit } from '../../server/src/core/types';

const doc = (text: string) => parseCompose(text).ast;
const root = (text: string) => doc(text).documents[0].root as YMap;
const apply = (text: string, e: OffsetEdit | undefined) => { assert.ok(e, 'an edit'); return applyOffsetEdits(text, [e!]); };

test('indentUnit detects 2, 4 and defaults to 2', () => {
  assert.equal(indentUnit('a:\n  b:\n    c: 1\n'), 2);
  assert.equal(indentUnit('a:\n    b:\n        c: 1\n'), 4);
  assert.equal(indentUnit('a: 1\n'), 2);
});

test('insertPairEdit adds at the map\'s indentation, after nested values and their comments', () => {
  const text = 'services:\n  web:\n    image: x\n    ports:\n      - "80:80"\n      # - "443:443"\n  db:\n    image: y\n';
  const web = (root(text).get('services') as YMap).get('web') as YMap;
  assert.equal(apply(text, insertPairEdit(doc(text), web, 'read_only', true)),
    'services:\n  web:\n    image: x\n    ports:\n      - "80:80"\n      # - "443:443"\n    read_only: true\n  db:\n    image: y\n');
  assert.equal(apply(text, insertPairsEdit(doc(text), web, [['cap_drop', ['ALL']], ['healthcheck', { test: new FlowList(['CMD', 'true']) }]])),
    'services:\n  web:\n    image: x\n    ports:\n      - "80:80"\n      # - "443:443"\n    cap_drop:\n      - ALL\n    healthcheck:\n      test: ["CMD", "true"]\n  db:\n    image: y\n');
});

test('insertPairEdit keeps CRLF and refuses flow maps', () => {
  const text = 'a:\r\n  b: 1\r\n';
  assert.equal(apply(text, insertPairEdit(doc(text), root(text).get('a') as YMap, 'c', 'x y')), 'a:\r\n  b: 1\r\n  c: x y\r\n');
  const flow = 'a: {b: 1}\n';
  assert.equal(insertPairEdit(doc(flow), root(flow).get('a') as YMap, 'c', 1), undefined);
});

test('appendItemEdit: block and flow lists', () => {
  const block = 'l:\n  - a\n  - b\n';
  assert.equal(apply(block, appendItemEdit(doc(block), root(block).get('l') as YSeq, 'c')), 'l:\n  - a\n  - b\n  - c\n');
  const flow = 'l: [a, b]\n';
  assert.equal(apply(flow, appendItemEdit(doc(flow), root(flow).get('l') as YSeq, 'c d')), 'l: [a, b, c d]\n');
});

test('replaceScalarEdit keeps the quoting style; plain becomes quoted only when it must', () => {
  const text = "a: 'x'\nb: \"y\"\nc: z\n";
  const r = root(text);
  assert.equal(apply(text, replaceScalarEdit(r.get('a') as YScalar, "it's")), "a: 'it''s'\nb: \"y\"\nc: z\n");
  assert.equal(apply(text, replaceScalarEdit(r.get('b') as YScalar, 'q"q')), 'a: \'x\'\nb: "q\\"q"\nc: z\n');
  assert.equal(apply(text, replaceScalarEdit(r.get('c') as YScalar, 'true')), "a: 'x'\nb: \"y\"\nc: \"true\"\n");
  assert.equal(apply(text, replaceScalarEdit(r.get('c') as YScalar, '${X}')), "a: 'x'\nb: \"y\"\nc: ${X}\n");
});

test('quote and unquote scalars', () => {
  const text = 'a: 80:80\nb: "data"\nc: "true"\n';
  const r = root(text);
  assert.equal(apply(text, quoteScalarEdit(r.get('a') as YScalar)), 'a: "80:80"\nb: "data"\nc: "true"\n');
  assert.equal(apply(text, unquoteScalarEdit(r.get('b') as YScalar)), 'a: 80:80\nb: data\nc: "true"\n');
  assert.equal(unquoteScalarEdit(r.get('c') as YScalar), undefined);
});

test('isPlainSafe / yamlScalar', () => {
  for (const s of ['nginx:1.27', '/tmp', 'unless-stopped', 'no-new-privileges:true', '${X}']) assert.ok(isPlainSafe(s), s);
  for (const s of ['true', 'no', '1.0', '3', 'a: b', 'x #y', '- a', '', ' a', '[a]', '*x', '&a']) assert.ok(!isPlainSafe(s), s);
  assert.equal(yamlScalar('1.0'), '"1.0"');
  assert.equal(yamlScalar(5), '5');
});

test('removePairLinesEdit removes whole lines only', () => {
  const text = '# top\nversion: "3" # x\n# below\nservices: {}\n';
  assert.equal(apply(text, removePairLinesEdit(doc(text), root(text).pair('version')!)), '# top\n# below\nservices: {}\n');
  const shared = '{version: "3", services: {}}\n';
  assert.equal(removePairLinesEdit(doc(shared), root(shared).pair('version')!), undefined);
});

test('reorderEdit moves entries with the comments above them; blank lines stay', () => {
  const text = 'm:\n  # about b\n  b: 1\n\n  a:\n    x: 1\n    # trailing of a\n  c: 3\n';
  const m = root(text).get('m') as YMap;
  assert.equal(apply(text, reorderEdit(doc(text), pairBlocks(m)!, [1, 0, 2])), 'm:\n  a:\n    x: 1\n    # trailing of a\n\n  # about b\n  b: 1\n  c: 3\n');
  const list = 'l:\n  - b\n  # about a\n  - a\n';
  const seq = root(list).get('l') as YSeq;
  assert.equal(apply(list, reorderEdit(doc(list), itemBlocks(doc(list), seq)!, [1, 0])), 'l:\n  # about a\n  - a\n  - b\n');
});
