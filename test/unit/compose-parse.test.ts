import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose, MAX_DEPTH, MAX_MERGED_PAIRS } from '../../server/src/core/compose/parse';
import type { ComposeFile, YMap, YNode, YPair, YScalar, YSeq } from '../../server/src/core/compose/model';
import {
  entries, findNodeAtOffset, keyString, locationSpan, modelSize, parsePointer, pathOf, pointerOf, scalarString, services,
  toJS, topLevel,
} from '../../server/src/core/compose/query';
import type { Span } from '../../server/src/core/types';

// ---- helpers ----------------------------------------------------------------------------------

function parse(text: string) {
  const r = parseCompose(text);
  return { ...r, file: r.ast, root: r.ast.documents[0]?.root ?? null };
}

/** Follows keys and indexes through maps and sequences. */
function at(node: YNode | null | undefined, ...path: (string | number)[]): YNode | null | undefined {
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'map') node = node.get(String(seg));
    else if (node.type === 'seq') node = node.items[seg as number];
    else return undefined;
  }
  return node;
}

function pairAt(node: YNode | null | undefined, ...path: (string | number)[]): YPair | undefined {
  const parent = at(node, ...path.slice(0, -1));
  return parent?.type === 'map' ? parent.pair(String(path[path.length - 1])) : undefined;
}

const slice = (text: string, s: Span | null | undefined) => (s ? text.slice(s.start, s.end) : undefined);

function assertSpansInBounds(file: ComposeFile, errors: { span: Span }[]): void {
  const n = file.text.length;
  const ok = (s: Span) => 0 <= s.start && s.start <= s.end && s.end <= n;
  for (const e of errors) assert.ok(ok(e.span), `error span ${JSON.stringify(e.span)} outside 0..${n}`);
  for (const c of file.comments) assert.ok(ok(c));
  const seen = new Set<YNode>();
  const stack: YNode[] = file.documents.flatMap(d => (d.root ? [d.root] : []));
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    assert.ok(ok(node), `node span ${JSON.stringify([node.start, node.end])} outside 0..${n}`);
    if (node.type === 'map') for (const p of [...node.pairs, ...node.merges]) { assert.ok(ok(p)); assert.ok(ok(p.key)); if (p.value) stack.push(p.value); }
    if (node.type === 'seq') stack.push(...node.items);
  }
}

/** Deterministic PRNG for the robustness test. */
function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
}

function bigCompose(lines: number): string {
  const out = ['# generated', 'x-common: &common', '  restart: unless-stopped', '  logging:', '    driver: json-file', 'services:'];
  for (let i = 0; out.length < lines - 4; i++) {
    out.push(`  svc${i}:`, '    <<: *common', `    image: "registry.example.com/team/app${i}:1.${i}.0"`, '    ports:', `      - "${8000 + i}:80"`,
      '    environment:', `      FOO: bar # comment ${i}`, `      LEVEL: ${i}`, `    depends_on: [svc${Math.max(0, i - 1)}]`,
      `    command: ["node", "server.js", '--port', "80"]`);
  }
  out.push('volumes:', '  data: {}', 'networks:', '  front: {}');
  return out.join('\n') + '\n';
}

// ---- spans and values -------------------------------------------------------------------------

const SPAN_CASES: { name: string; text: string; path: (string | number)[]; key?: string; value: string | null; pair?: string }[] = [
  { name: 'plain', text: 'services:\n  web:\n    image: nginx:1.27\n', path: ['services', 'web', 'image'], key: 'image', value: 'nginx:1.27', pair: 'image: nginx:1.27' },
  { name: 'double-quoted keeps quotes', text: 'a: "x y"\n', path: ['a'], key: 'a', value: '"x y"' },
  { name: 'single-quoted key', text: "'my key': 1\n", path: ['my key'], key: "'my key'", value: '1' },
  { name: 'empty value', text: 'a:\nb: 1\n', path: ['a'], key: 'a', value: null, pair: 'a:' },
  { name: 'empty value before a comment', text: 'a:   # c\nb: 1\n', path: ['a'], key: 'a', value: null, pair: 'a:' },
  { name: 'block literal', text: 'cmd: |\n  echo hi\n  echo there\nx: 1\n', path: ['cmd'], key: 'cmd', value: '|\n  echo hi\n  echo there\n' },
  { name: 'block folded', text: 'cmd: >-\n  a\n  b\nx: 1\n', path: ['cmd'], key: 'cmd', value: '>-\n  a\n  b\n' },
  { name: 'flow sequence', text: 'ports: ["80:80", 443]\n', path: ['ports'], key: 'ports', value: '["80:80", 443]' },
  { name: 'flow sequence item', text: 'ports: ["80:80", 443]\n', path: ['ports', 1], value: '443' },
  { name: 'flow map', text: 'x: {a: 1, b: [2]}\n', path: ['x', 'b', 0], value: '2' },
  { name: 'block sequence ends at last item', text: 'p:\n  - a\n  - b\n# trailing\nq: 1\n', path: ['p'], key: 'p', value: '- a\n  - b' },
  { name: 'block map ends at last value', text: 's:\n  web:\n    image: x\n\n# c\nv: 1\n', path: ['s', 'web'], key: 'web', value: 'image: x' },
  { name: 'tag not in span', text: 'ports: !reset []\n', path: ['ports'], key: 'ports', value: '[]' },
  { name: 'anchor not in span', text: 'a: &x hello\n', path: ['a'], key: 'a', value: 'hello' },
  { name: 'CRLF', text: 'services:\r\n  web:\r\n    image: x\r\n    user: app\r\n', path: ['services', 'web', 'user'], key: 'user', value: 'app', pair: 'user: app' },
  { name: 'BOM', text: '\ufeffimage: x\n', path: ['image'], key: 'image', value: 'x' },
  { name: 'UTF-16 offsets after astral characters', text: 'a: "😀é"\nb: c\n', path: ['b'], key: 'b', value: 'c' },
  { name: 'tab after colon', text: 'a:\tb\n', path: ['a'], key: 'a', value: 'b' },
  { name: 'multi-line plain scalar', text: 'a: one\n  two\nb: 1\n', path: ['a'], key: 'a', value: 'one\n  two' },
];

for (const c of SPAN_CASES) {
  test(`spans: ${c.name}`, () => {
    const { root, errors, file } = parse(c.text);
    assert.deepEqual(errors, []);
    const node = at(root, ...c.path);
    assert.notEqual(node, undefined, 'path not found');
    assert.equal(node === null ? null : slice(c.text, node), c.value);
    if (c.key !== undefined || c.pair !== undefined) {
      const pair = pairAt(root, ...c.path)!;
      if (c.key !== undefined) assert.equal(slice(c.text, pair.key), c.key);
      if (c.pair !== undefined) assert.equal(slice(c.text, pair), c.pair);
    }
    assertSpansInBounds(file, errors);
  });
}

const SCALAR_CASES: { src: string; value: YScalar['value']; style: YScalar['style']; str?: string }[] = [
  { src: '80', value: 80, style: 'plain', str: '80' },
  { src: '"80"', value: '80', style: 'double', str: '80' },
  { src: "'it''s'", value: "it's", style: 'single', str: "it's" },
  { src: 'true', value: true, style: 'plain', str: 'true' },
  { src: 'yes', value: 'yes', style: 'plain', str: 'yes' },
  { src: '~', value: null, style: 'plain', str: undefined },
  { src: 'null', value: null, style: 'plain', str: undefined },
  { src: '0x10', value: 16, style: 'plain', str: '0x10' },
  { src: '1.50', value: 1.5, style: 'plain', str: '1.50' },
  { src: '"a\\tb"', value: 'a\tb', style: 'double', str: 'a\tb' },
  { src: '|-\n  x\n  y', value: 'x\ny', style: 'block-literal', str: 'x\ny' },
  { src: '>\n  x\n  y\n', value: 'x y\n', style: 'block-folded', str: 'x y\n' },
];

for (const c of SCALAR_CASES) {
  test(`scalar value and style: ${JSON.stringify(c.src)}`, () => {
    const text = `v: ${c.src}`;
    const { root, errors } = parse(text);
    assert.deepEqual(errors, []);
    const v = at(root, 'v') as YScalar;
    assert.equal(v.type, 'scalar');
    assert.equal(v.value, c.value);
    assert.equal(v.style, c.style);
    assert.equal(v.source, text.slice(v.start, v.end));
    assert.equal(scalarString(v), c.str);
  });
}

const KEY_CASES: { src: string; key: string }[] = [
  { src: 'web', key: 'web' },
  { src: '"web"', key: 'web' },
  { src: '80', key: '80' },
  { src: '0x10', key: '0x10' },
  { src: '1.50', key: '1.50' },
  { src: 'true', key: 'true' },
  { src: '~', key: '~' },
];

for (const c of KEY_CASES) {
  test(`keys are looked up as written: ${c.src}`, () => {
    const { root, errors } = parse(`${c.src}: v\n`);
    assert.deepEqual(errors, []);
    const map = root as YMap;
    assert.equal(keyString(map.pairs[0].key), c.key);
    assert.equal((map.get(c.key) as YScalar).value, 'v');
    assert.deepEqual(Object.keys(toJS(map).value as object), [c.key]);
  });
}

test('tags: kept on nodes; Compose tags (!reset, !override) are not warned about, others are', () => {
  const { root, file, errors } = parse('a: !reset []\nb: !override {x: 1}\nc: !!str 3\nd: !custom x\n');
  assert.deepEqual(errors, []);
  assert.equal(at(root, 'a')!.tag, '!reset');
  assert.equal(at(root, 'b')!.tag, '!override');
  assert.equal((at(root, 'c') as YScalar).value, '3');
  assert.equal(at(root, 'c')!.tag, 'tag:yaml.org,2002:str');
  assert.equal(file.warnings.length, 1);
  assert.match(file.warnings[0].message, /!custom/);
});

// ---- comments and documents ---------------------------------------------------------------------

test('comments: every comment kept with its span, line and text, none taken from inside scalars', () => {
  const text = '# head\n%YAML 1.2\n--- # after marker\na: b # tail\nc: | # header\n  # not a comment\n'
    + 'd: [x, # in flow\n  y] # after flow\ne: "q # not" # yes\nf: # before nested\n  g: 1\n... # after end\n# last';
  const { file, errors } = parse(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(file.comments.map(c => [c.text, c.line, slice(text, c)]), [
    ['head', 0, '# head'], ['after marker', 2, '# after marker'], ['tail', 3, '# tail'], ['header', 4, '# header'],
    ['in flow', 6, '# in flow'], ['after flow', 7, '# after flow'], ['yes', 8, '# yes'], ['before nested', 9, '# before nested'],
    ['after end', 11, '# after end'], ['last', 12, '# last'],
  ]);
});

test('multi-document: one entry per document with its span, root and errors', () => {
  const text = 'a: 1\n---\nb: [2\n---\n# only a comment\n...\n---\nc: 3\n';
  const { file, errors } = parse(text);
  assert.equal(file.documents.length, 4);
  assert.equal(keyString((file.documents[0].root as YMap).pairs[0].key), 'a');
  assert.equal(slice(text, file.documents[1].span)?.startsWith('---\nb: [2'), true);
  assert.ok(file.documents[1].errors.length > 0, 'unterminated flow sequence reported in the second document');
  assert.deepEqual(file.documents[0].errors, []);
  assert.equal(file.documents[2].root, null);
  assert.equal((at(file.documents[3].root, 'c') as YScalar).value, 3);
  assert.deepEqual(errors, file.documents.flatMap(d => d.errors));
});

const EMPTY_CASES: { name: string; text: string; docs: number }[] = [
  { name: 'empty file', text: '', docs: 0 },
  { name: 'whitespace only', text: ' \n\n\t\n', docs: 0 },
  { name: 'comment only', text: '# nothing here\n', docs: 0 },
  { name: 'BOM only', text: '\ufeff', docs: 0 },
  { name: 'document marker only', text: '---\n', docs: 1 },
];

for (const c of EMPTY_CASES) {
  test(`empty input: ${c.name}`, () => {
    const { file, errors } = parse(c.text);
    assert.deepEqual(errors, []);
    assert.equal(file.documents.length, c.docs);
    for (const d of file.documents) assert.equal(d.root, null);
    assert.deepEqual(services(file.documents[0]), []);
  });
}

test('a file that is just a scalar or just a list', () => {
  const s = parse('hello world\n');
  assert.deepEqual(s.errors, []);
  assert.equal((s.root as YScalar).value, 'hello world');
  assert.deepEqual(services(s.file.documents[0]), []);
  const l = parse('- a\n- \n- c\n');
  assert.deepEqual(l.errors, []);
  const seq = l.root as YSeq;
  assert.equal(seq.type, 'seq');
  assert.deepEqual(seq.items.map(i => (i as YScalar).value), ['a', null, 'c']);
  assert.equal(seq.items[1].start, seq.items[1].end, 'empty item has an empty span');
  assert.equal(slice('- a\n- \n- c\n', seq), '- a\n- \n- c');
});

// ---- anchors, aliases, merge keys -----------------------------------------------------------------

const MERGE_TEXT = [
  'x-base: &base',
  '  image: base:1',
  '  restart: always',
  'x-env: &env',
  '  restart: "no"',
  '  user: app',
  'services:',
  '  web:',
  '    <<: [*base, *env]',
  '    image: web:2',
  '  db:',
  '    <<: *env',
  '  inline:',
  '    <<: {cpu: 1}',
  '  quoted:',
  '    "<<": 5',
  '',
].join('\n');

test('merge keys: merged pairs marked, original spans at the anchor, explicit keys and earlier sources win', () => {
  const { root, errors } = parse(MERGE_TEXT);
  assert.deepEqual(errors, []);
  const web = at(root, 'services', 'web') as YMap;
  assert.deepEqual(web.pairs.map(p => [keyString(p.key), !!p.merged]), [['restart', true], ['user', true], ['image', false]]);
  assert.equal((web.get('image') as YScalar).value, 'web:2', 'explicit key wins over a merged one');
  assert.equal((web.get('restart') as YScalar).value, 'always', 'earlier merge source wins');
  const restart = web.pair('restart')!;
  assert.equal(slice(MERGE_TEXT, restart), 'restart: always');
  assert.equal(restart.start, MERGE_TEXT.indexOf('restart: always'), 'span is the anchor\'s place');
  assert.equal(restart.value, at(root, 'x-base', 'restart'), 'merged value is the anchored node itself');
  assert.equal(slice(MERGE_TEXT, restart.mergeKey), '<<: [*base, *env]');
  assert.equal(web.has('<<'), false, 'the << pair is not among the pairs');
  assert.equal(web.merges.length, 1);
  const db = at(root, 'services', 'db') as YMap;
  assert.deepEqual(db.pairs.map(p => [keyString(p.key), scalarString(p.value), p.merged]), [['restart', 'no', true], ['user', 'app', true]]);
  assert.equal(slice(MERGE_TEXT, db.merges[0].alias), '*env');
  assert.equal((at(root, 'services', 'inline', 'cpu') as YScalar).value, 1);
  const quoted = at(root, 'services', 'quoted') as YMap;
  assert.equal((quoted.get('<<') as YScalar).value, 5, 'a quoted "<<" is an ordinary key');
  assert.deepEqual(quoted.merges, []);
  assert.deepEqual(toJS(root).value, {
    'x-base': { image: 'base:1', restart: 'always' },
    'x-env': { restart: 'no', user: 'app' },
    services: { web: { restart: 'always', user: 'app', image: 'web:2' }, db: { restart: 'no', user: 'app' }, inline: { cpu: 1 }, quoted: { '<<': 5 } },
  });
});

test('merge keys: nested merges carry through; a bad merge value is an error, not a throw', () => {
  const text = 'a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\nd: {<<: 5}\ne: {<<: [*a, 7]}\n';
  const { root, errors } = parse(text);
  assert.deepEqual(toJS(at(root, 'c')).value, { x: 1, y: 2, z: 3 });
  assert.equal(slice(text, (at(root, 'c') as YMap).pair('x')), 'x: 1');
  assert.deepEqual(errors.map(e => [e.message, slice(text, e.span)]), [
    ['A merge key (<<) needs a mapping or a list of mappings', '5'],
    ['A merge key (<<) needs a mapping or a list of mappings', '7'],
  ]);
});

test('aliases: the alias is the anchored node itself, with the alias span on the edge', () => {
  const text = 'x: &p ["80:80"]\na: *p\nb: [*p, 1]\nc: &p 2\nd: *p\n';
  const { root, file, errors } = parse(text);
  assert.deepEqual(errors, []);
  const anchored = at(root, 'x')!;
  assert.equal(anchored.anchor, 'p');
  assert.equal(anchored.aliased, true);
  assert.equal(at(root, 'a'), anchored, 'same object, not a copy');
  assert.equal(slice(text, pairAt(root, 'a')!.alias), '*p');
  assert.equal(slice(text, pairAt(root, 'a')), 'a: *p', 'pair span ends at the alias');
  const b = at(root, 'b') as YSeq;
  assert.equal(b.items[0], anchored);
  assert.equal(slice(text, b.itemAliases![0]), '*p');
  assert.equal(b.itemAliases![1], undefined);
  assert.equal((at(root, 'd') as YScalar).value, 2, 'a redefined anchor refers to the latest node');
  assert.deepEqual(file.aliases.map(a => [a.name, slice(text, a), a.target === anchored]), [['p', '*p', true], ['p', '*p', true], ['p', '*p', false]]);
});

const ALIAS_ERROR_CASES: { name: string; text: string; message: RegExp; at: string }[] = [
  { name: 'unknown anchor', text: 'a: *nope\n', message: /Unknown anchor: \*nope/, at: '*nope' },
  { name: 'alias before its anchor', text: 'a: *x\nb: &x 1\n', message: /Unknown anchor/, at: '*x' },
  { name: 'self-reference', text: 'a: &a [1, *a]\n', message: /contains it/, at: '*a' },
  { name: 'self-reference shadowing an earlier anchor', text: 'x: &a 1\ny: &a [*a]\n', message: /contains it/, at: '*a' },
  { name: 'alias to a non-scalar as a key', text: 'x: &m {a: 1}\n? *m\n: 2\n', message: /key must be a scalar/, at: '*m' },
];

for (const c of ALIAS_ERROR_CASES) {
  test(`alias errors: ${c.name}`, () => {
    const { errors, file } = parse(c.text);
    const e = errors.find(x => c.message.test(x.message));
    assert.ok(e, `expected ${c.message} in ${JSON.stringify(errors)}`);
    assert.equal(slice(c.text, e.span), c.at);
    assertSpansInBounds(file, errors);
  });
}

// ---- duplicate keys ---------------------------------------------------------------------------------

test('duplicate keys are reported with both key spans and the later value wins in get()', () => {
  const text = 'services:\n  web:\n    image: a\n    image: b\n  web: {}\nx: {k: 1, "k": 2}\n';
  const { root, file, errors } = parse(text);
  assert.deepEqual(errors, []);
  const lines = (s: Span) => text.slice(0, s.start).split('\n').length;
  assert.deepEqual(file.duplicateKeys.map(d => [d.key, slice(text, d.first), lines(d.first), slice(text, d.second), lines(d.second)]), [
    ['image', 'image', 3, 'image', 4],
    ['web', 'web', 2, 'web', 5],
    ['k', 'k', 6, '"k"', 6],
  ]);
  assert.equal(at(root, 'services', 'web')!.type, 'map');
  assert.equal((at(root, 'x', 'k') as YScalar).value, 2);
});

// ---- syntax errors -------------------------------------------------------------------------------

const SYNTAX_CASES: { name: string; text: string; errorAt: (text: string) => number; message: RegExp; partial: (string | number)[]; partialValue: unknown }[] = [
  { name: 'unterminated flow sequence', text: 'a: [1, 2\nb: ok\n', errorAt: t => t.indexOf('b:'), message: /end with a \]/, partial: ['a', 0], partialValue: 1 },
  { name: 'bad indentation', text: 'services:\n  web:\n    image: x\n   bad: 1\n', errorAt: t => t.indexOf('   bad'), message: /same column/, partial: ['services', 'web', 'image'], partialValue: 'x' },
  { name: 'tab indentation', text: 'a:\n\tb: 1\nc: 2\n', errorAt: t => t.indexOf('\t'), message: /Tabs/, partial: ['c'], partialValue: 2 },
  { name: 'unterminated quote', text: 'a: 1\nb: "open\n', errorAt: t => t.length, message: /closing "quote/, partial: ['a'], partialValue: 1 },
  { name: 'nested compact mapping', text: 'x: 1\nb: c: d\n', errorAt: t => t.indexOf('c:'), message: /Nested mappings/, partial: ['x'], partialValue: 1 },
];

for (const c of SYNTAX_CASES) {
  test(`syntax errors keep offsets and a partial AST: ${c.name}`, () => {
    const { root, errors, file } = parse(c.text);
    assert.ok(errors.length > 0, 'an error is reported');
    assertSpansInBounds(file, errors);
    assert.match(errors[0].message, c.message);
    assert.equal(errors[0].span.start, c.errorAt(c.text));
    assert.equal(scalarString(at(root, ...c.partial)), String(c.partialValue));
  });
}

// ---- alias bombs, limits, deep nesting -------------------------------------------------------------

function billionLaughs(levels = 9, width = 9): string {
  let s = 'a0: &a0 [lol]\n';
  for (let i = 1; i <= levels; i++) s += `a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]\n`;
  return s;
}

test('billion laughs: aliases are shared, the model stays small and parsing is fast', () => {
  const text = billionLaughs();
  const t0 = performance.now();
  const { root, errors } = parse(text);
  const ms = performance.now() - t0;
  assert.deepEqual(errors, []);
  assert.ok(modelSize(root) < 40, `model has ${modelSize(root)} distinct nodes`);
  const a9 = at(root, 'a9') as YSeq;
  assert.equal(a9.items.length, 9);
  assert.ok(a9.items.every(i => i === at(root, 'a8')), 'every item is the same object');
  assert.ok(ms < 1000, `parsed in ${ms} ms`);
});

test('billion laughs: toJS stops at its limit with an error instead of expanding', () => {
  const { root } = parse(billionLaughs());
  const t0 = performance.now();
  const r = toJS(root, 10_000);
  assert.match(r.error ?? '', /more than 10000 values/);
  assert.ok(r.count <= 10_001);
  assert.ok(r.locations.size <= 10_001);
  const d = toJS(root);
  assert.match(d.error ?? '', /more than/, 'the default limit also stops it');
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(toJS(at(root, 'a1'), 10_000).error, undefined, 'a small expansion is fine');
  assert.deepEqual(toJS(at(root, 'a1')).value, Array(9).fill(['lol']));
});

test('merge-key bombs: copying merged pairs is bounded', () => {
  const n = 600; // 600 maps each merging the previous one: ~180,000 merged pairs
  let text = 'm0: &m0 {k0: 0}\n';
  for (let i = 1; i < n; i++) text += `m${i}: &m${i} {<<: *m${i - 1}, k${i}: ${i}}\n`;
  const t0 = performance.now();
  const { errors } = parse(text);
  assert.ok(errors.some(e => e.message.includes(String(MAX_MERGED_PAIRS))), 'the budget error is reported');
  assert.ok(performance.now() - t0 < 3000);
});

const DEEP_CASES: { name: string; text: string; expectErrors: boolean }[] = [
  { name: '5,000 unclosed [', text: '['.repeat(5000), expectErrors: true },
  { name: '5,000 unclosed {', text: '{'.repeat(5000), expectErrors: true },
  { name: '20,000 closed [ ]', text: '['.repeat(20000) + ']'.repeat(20000), expectErrors: true },
  { name: `${MAX_DEPTH + 100} closed [ ]`, text: 'a: ' + '['.repeat(MAX_DEPTH + 100) + ']'.repeat(MAX_DEPTH + 100), expectErrors: true },
  { name: '3,000 nested block maps', text: Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'), expectErrors: true },
  { name: '100 closed [ ] (fine)', text: 'a: ' + '['.repeat(100) + ']'.repeat(100), expectErrors: false },
];

for (const c of DEEP_CASES) {
  test(`deep nesting never throws: ${c.name}`, () => {
    let r!: ReturnType<typeof parse>;
    assert.doesNotThrow(() => { r = parse(c.text); });
    assert.equal(r.errors.length > 0, c.expectErrors, JSON.stringify(r.errors.slice(0, 2)));
    assert.ok(r.errors.length <= 101, 'errors are capped');
    assertSpansInBounds(r.file, r.errors);
    assert.doesNotThrow(() => toJS(r.root));
    assert.doesNotThrow(() => findNodeAtOffset(r.file, Math.floor(c.text.length / 2)));
  });
}

test('nesting past the limit: not read, one error, the same on every run (the library ran out of stack at a varying depth)', () => {
  for (const text of ['services: ' + '{a: ['.repeat(20_000) + '\n', 'services: ' + '{a: ['.repeat(MAX_DEPTH) + '\n', 'a: ' + '['.repeat(MAX_DEPTH + 100) + ']'.repeat(MAX_DEPTH + 100)]) {
    const runs = Array.from({ length: 5 }, () => parseCompose(text));
    for (const r of runs) {
      assert.deepEqual(r.ast.documents, []);
      assert.deepEqual(r.errors.map((e) => e.message), [`Nesting deeper than ${MAX_DEPTH} levels is not supported: the file was not read`]);
      assert.deepEqual(r.errors, runs[0].errors);
    }
  }
});

test('deep nesting within the limit is kept whole', () => {
  const depth = 100;
  const { root } = parse('a: ' + '['.repeat(depth) + '1' + ']'.repeat(depth));
  let node = at(root, 'a');
  let d = 0;
  while (node?.type === 'seq') { node = node.items[0]; d++; }
  assert.equal(d, depth);
  assert.equal((node as YScalar).value, 1);
});

test('robustness: random edits of a compose file never throw and keep spans in bounds', () => {
  const base = MERGE_TEXT + bigCompose(60) + 'x: "q\\"" # c\ny: |\n  z\n---\n- [a, {b: *base}]\n';
  const next = rng(42);
  const junk = ['[', ']', '{', '}', ':', '-', '&a', '*a', '<<', '"', "'", '\t', '\n', '#', '|', '>', '? ', ',', '!x', '%', '---', '...', '\r\n', '\ufeff'];
  for (let i = 0; i < 300; i++) {
    let text = base;
    for (let k = 0; k < 1 + Math.floor(next() * 5); k++) {
      const pos = Math.floor(next() * text.length);
      const cut = next() < 0.5 ? Math.floor(next() * 10) : 0;
      text = text.slice(0, pos) + junk[Math.floor(next() * junk.length)] + text.slice(pos + cut);
    }
    const r = parse(text);
    assertSpansInBounds(r.file, r.errors);
    toJS(r.root, 5_000);
    findNodeAtOffset(r.file, Math.floor(next() * text.length));
  }
});

// ---- query helpers --------------------------------------------------------------------------------

const QUERY_TEXT = [
  'x-a/b~c: &p "443:443"',
  'services:',
  '  web:',
  '    image: nginx',
  '    ports:',
  '      - "80:80"',
  '      - *p',
  '  empty:',
  'networks:',
  '  front: {}',
  '  back:',
  'volumes: {data: {}}',
  '',
].join('\n');

test('services() and topLevel() list declared names with spans', () => {
  const { file } = parse(QUERY_TEXT);
  const doc = file.documents[0];
  assert.deepEqual(services(doc).map(s => [s.name, slice(QUERY_TEXT, s.nameSpan), s.node?.type ?? null]), [['web', 'web', 'map'], ['empty', 'empty', null]]);
  assert.deepEqual(topLevel(doc, 'networks').map(e => [e.name, slice(QUERY_TEXT, e.nameSpan)]), [['front', 'front'], ['back', 'back']]);
  assert.deepEqual(topLevel(doc, 'volumes').map(e => e.name), ['data']);
  assert.deepEqual(topLevel(doc, 'secrets'), []);
  assert.deepEqual(entries(at(doc.root, 'services', 'web', 'image')), []);
});

test('toJS: JSON pointers locate keys and values, aliases included', () => {
  const { root } = parse(QUERY_TEXT);
  const r = toJS(root);
  assert.equal(r.error, undefined);
  assert.deepEqual((r.value as any).services.web.ports, ['80:80', '443:443']);
  assert.equal((r.value as any).services.empty, null);
  const cases: [string, 'key' | 'value', string][] = [
    ['/services/web/ports/0', 'value', '"80:80"'],
    ['/services/web/ports/1', 'value', '*p'],
    ['/services/web', 'key', 'web'],
    ['/services/web/image', 'value', 'nginx'],
    ['/services/empty', 'value', 'empty:'],
    [pointerOf(['x-a/b~c']), 'key', 'x-a/b~c'],
    ['', 'value', QUERY_TEXT.trimEnd()],
  ];
  for (const [ptr, prefer, expected] of cases) {
    const loc = r.locations.get(ptr);
    assert.ok(loc, `no location for ${ptr}`);
    assert.equal(slice(QUERY_TEXT, locationSpan(loc, prefer)), expected, ptr);
  }
  assert.equal(pointerOf(['x-a/b~c', 0]), '/x-a~1b~0c/0');
  assert.deepEqual(parsePointer('/x-a~1b~0c/0'), ['x-a/b~c', '0']);
  assert.deepEqual(parsePointer(''), []);
});

test('toJS: a __proto__ key is data, not a prototype', () => {
  const { root } = parse('__proto__: {polluted: 1}\n');
  const v = toJS(root).value as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.deepEqual(Object.keys(v), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

const CURSOR_CASES: { text: string; path: (string | number)[]; onKey: boolean; alias?: boolean }[] = [
  { text: 'services:\n  w|eb:\n    image: x\n', path: ['services', 'web'], onKey: true },
  { text: 'services:\n  web:\n    image: ng|inx\n', path: ['services', 'web', 'image'], onKey: false },
  { text: 'services:\n  web:\n    image: nginx|\n', path: ['services', 'web', 'image'], onKey: false },
  { text: 'services:\n  web:\n    ports:\n      - "8|0"\n', path: ['services', 'web', 'ports', 0], onKey: false },
  { text: 'a: {b: [1, {c: d|}]}\n', path: ['a', 'b', 1, 'c'], onKey: false },
  { text: 'x: &p 1\ny: [*|p]\n', path: ['y', 0], onKey: false, alias: true },
  { text: 'x: &p {a: 1}\ny:\n  <<: *p|\n', path: ['y', '<<'], onKey: false, alias: true },
  { text: 'a:\n  b: 1\n  c: |2\n', path: ['a', 'c'], onKey: false },
  { text: 'a: 1\n---\nb: {c: |1}\n', path: ['b', 'c'], onKey: false },
  { text: 'a: 1\n|---\nb: 2\n', path: [], onKey: false },
];

for (const c of CURSOR_CASES) {
  test(`findNodeAtOffset: ${JSON.stringify(c.text)}`, () => {
    const offset = c.text.indexOf('|');
    const text = c.text.slice(0, offset) + c.text.slice(offset + 1);
    const { file } = parse(text);
    const found = findNodeAtOffset(file, offset);
    assert.ok(found);
    assert.equal(found.document, file.documents[file.documents.length - 1]);
    assert.deepEqual(found.path, c.path);
    assert.equal(found.onKey, c.onKey);
    assert.equal(!!found.alias, !!c.alias);
    if (found.pair) assert.equal(keyString(found.pair.key), String(c.path[c.path.length - 1]));
  });
}

test('findNodeAtOffset: outside every document finds nothing', () => {
  const { file } = parse('a: 1\n');
  assert.equal(findNodeAtOffset(file, 99), undefined);
  assert.equal(findNodeAtOffset(parse('').file, 0), undefined);
});

test('pathOf: the written path of a node or pair, not through aliases', () => {
  const { root } = parse(QUERY_TEXT);
  const ports = at(root, 'services', 'web', 'ports')!;
  assert.deepEqual(pathOf(root, ports), ['services', 'web', 'ports']);
  assert.deepEqual(pathOf(root, (ports as YSeq).items[1]), ['x-a/b~c'], 'the aliased node is found where it is written');
  assert.deepEqual(pathOf(root, pairAt(root, 'networks', 'back')!), ['networks', 'back']);
  assert.deepEqual(pathOf(root, root!), []);
  assert.equal(pathOf(root, parse('a: 1').root!), undefined);
  const shallow = parse('x: {y: &p [1]}\na: *p\n').root;
  assert.deepEqual(pathOf(shallow, at(shallow, 'a')!), ['x', 'y'], 'not the shallower alias');
});

// ---- performance ------------------------------------------------------------------------------------

test('performance: a 3,000-line compose file parses quickly', t => {
  const text = bigCompose(3000);
  assert.equal(text.split('\n').length - 1, 3000);
  parseCompose(text); // warm up
  const runs = 5;
  const t0 = performance.now();
  let r!: ReturnType<typeof parseCompose>;
  for (let i = 0; i < runs; i++) r = parseCompose(text);
  const ms = (performance.now() - t0) / runs;
  t.diagnostic(`3,000-line compose file: ${ms.toFixed(1)} ms per parse`);
  assert.deepEqual(r.errors, []);
  assert.equal(services(r.ast.documents[0]).length, 299);
  assert.equal(r.ast.comments.length, 300);
  assert.ok(ms < 500, `${ms} ms`);
});
