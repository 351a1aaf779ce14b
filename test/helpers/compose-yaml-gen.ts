// fast-check generator of Compose-like YAML that stays mostly inside the fast reader's subset (block
// maps and sequences, compact forms, quoted / plain / block scalars, one-line flow collections,
// anchors, aliases, merge keys, comments, blank lines, several documents, CRLF, BOM), with enough
// variation in spacing, indentation and scalar spelling to find where the reader and the library part.
// Some outputs are invalid on purpose (an alias before its anchor, a bad indentation): the reader must
// then give up, which the differential test checks too.
import fc from 'fast-check';

type Node =
  | { kind: 'scalar'; text: string }
  | { kind: 'empty' }
  | { kind: 'alias'; name: string }
  | { kind: 'flow'; text: string }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'map'; pairs: [string, Node][]; anchor?: string }
  | { kind: 'seq'; items: Node[]; anchor?: string };

const PLAIN = [
  'nginx', 'nginx:1.27-alpine', 'a b', '80', '-1', '+12', '-0', '007', '0x1F', '0xg', '0o17', '0o8', '1e3', '1E-3', '.5', '1.', '-1.5e+3',
  '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '-.nan', 'true', 'False', 'TRUE', 'tRUE', 'yes', 'on', 'null', 'Null', 'NULL', 'nULL', '~',
  '<<', '${VAR:-x}', 'a:b', 'http://x:80/y', 'C:\\path', 'a#b', "it's", 'say "hi"', '-x', '12:30', '1_000', '0b101', '2001-12-14',
  'é', 'ключ', '😀', 'a  b', 'x-y_z.w', '--flag=1', '127.0.0.1:80:80', '/var/run/docker.sock:/var/run/docker.sock:ro', 'a,b', 'a]b', 'a}b',
  'a[b', '${A}${B}', '$$ESC', 'a :b', 'a #b', '-x-', '1.2.3',
];
/** Plain scalars that are errors or outside the reader's subset. */
const ODD_PLAIN = ['a: b', '-', '?x', ':x', 'x:', '@x', '`x`', '%x', '!x', '&x', '*x', '|x', '>x', '#x', '-]', 'a\tb'];
const KEYS = ['image', 'build', 'ports', 'environment', 'x-app', 'web', 'db', 'a', 'b', 'c', '<<', '"quoted key"', "'single'", '80', 'true',
  'null', '~', 'a b', 'ключ', 'x.y', '"a\\tb"', "''", '""', '"<<"', 'a:b', '-k', 'k#x'];

const doubleQuoted = fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s));
const singleQuoted = fc.string({ maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)).map((s) => `'${s.replace(/'/g, "''")}'`);
const odd = fc.constantFrom('"\\x41\\u00e9\\U0001F600"', '"a\\"b"', '"\\\\"', '"tab\\there"', '"\\/\\ \\_\\N\\L\\P\\0\\a\\b\\e\\f\\v\\r"', '"\\q"', '"\\x4"',
  '"\\U00110000"', '"\\ud800"', '"\\udc00x"', '"# not a comment"', "'# not a comment'", '"a" b', "'unterminated", '"unterminated');

const scalar: fc.Arbitrary<Node> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_PLAIN) },
  { weight: 2, arbitrary: doubleQuoted },
  { weight: 2, arbitrary: singleQuoted },
  { weight: 1, arbitrary: odd },
).map((text) => ({ kind: 'scalar' as const, text }));

const flowScalar = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', '80:80', '"x, y"', "'q'", '1', 'true', '~', 'a b', '-1', 'a:b', 'x.y') },
  { weight: 2, arbitrary: doubleQuoted },
  { weight: 1, arbitrary: fc.constantFrom('*a', '*b', 'k: v', '', ' ', '&a x', '- x') },
);
const flow: fc.Arbitrary<Node> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof({ depthSize: 'small', maxDepth: 3 },
    fc.array(fc.oneof({ weight: 4, arbitrary: flowScalar }, { weight: 1, arbitrary: tie('f') }), { maxLength: 4 })
      .chain((xs) => fc.constantFrom(', ', ',', ' , ').map((sep) => `[${xs.join(sep)}]`)),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', '"k"', '<<', '80', 'x y'), fc.oneof({ weight: 4, arbitrary: flowScalar }, { weight: 1, arbitrary: tie('f') })), { maxLength: 4 })
      .map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.constantFrom('[]', '{}', '[ ]', '{ }', '[a,]', '[a', '{a: 1}}', '{<<: *a, k: v}', '[*a, *b]', '{"a":1}')),
})).f.map((text) => ({ kind: 'flow' as const, text }));

const blockLine = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('echo hi', 'a  b', '# not a comment', 'x: y', '- z', '"q"', '\ttabbed', 'trailing  ', 'é') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('   ', ' ') },
).chain((l) => fc.integer({ min: 0, max: 3 }).map((extra) => (l.trim() === '' ? l : ' '.repeat(extra > 1 ? extra - 1 : 0) + l)));
const block: fc.Arbitrary<Node> = fc.tuple(
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '| # c', '>-  #') }, { weight: 1, arbitrary: fc.constantFrom('|2', '>1-', '|x', '|#') }),
  fc.oneof({ weight: 9, arbitrary: fc.array(blockLine, { minLength: 1, maxLength: 6 }).map((ls) => ['first line', ...ls]) },
    { weight: 1, arbitrary: fc.array(blockLine, { maxLength: 3 }) }),
).map(([header, lines]) => ({ kind: 'block' as const, header, lines }));

const anchorName = fc.option(fc.constantFrom('a', 'b', 'app'), { nil: undefined, freq: 3 });

const trees = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: 4 },
    { weight: 5, arbitrary: scalar },
    { weight: 1, arbitrary: fc.constant<Node>({ kind: 'empty' }) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'app').map((name): Node => ({ kind: 'alias', name })) },
    { weight: 1, arbitrary: flow },
    { weight: 1, arbitrary: block },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') }),
  map: fc.tuple(fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { minLength: 1, maxLength: 5 }), anchorName)
    .map(([pairs, anchor]): Node => ({ kind: 'map', pairs, anchor })),
  seq: fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 4 }), anchorName).map(([items, anchor]): Node => ({ kind: 'seq', items, anchor })),
}));
/** Mostly maps, as Compose files are; sometimes a sequence or a scalar. */
const tree = fc.oneof({ weight: 8, arbitrary: trees.map }, { weight: 2, arbitrary: trees.seq }, { weight: 1, arbitrary: trees.node });

interface Style { step: number; colonSpace: string; comment: number; blank: number; sameIndentSeq: boolean; seed: number }

/** Deterministic choices from the style's seed, so that one generated value renders one way. */
function chooser(seed: number) {
  let s = seed | 0;
  return (n: number) => { s = (Math.imul(s, 1103515245) + 12345) | 0; return ((s >>> 16) & 0x7fff) % n; };
}

function render(root: Node, style: Style): string[] {
  const pick = chooser(style.seed);
  const out: string[] = [];
  const comment = () => (pick(10) < style.comment ? pick(2) ? ' # note' : '  #' : '');
  const extra = () => { if (pick(10) < style.blank) out.push(pick(3) ? '' : `${' '.repeat(pick(6))}# ${pick(2) ? 'c' : ''}`); };
  // Anchors are mostly defined once and aliased after their node is complete, as valid YAML needs;
  // now and then not, so that the reader's refusal of those errors is exercised too.
  const anchors = new Map<string, Node['kind']>();
  const inline = (n: Node): string | undefined => {
    switch (n.kind) {
      case 'scalar': case 'flow': return n.text;
      case 'alias': {
        if (anchors.has(n.name) || pick(20) === 0) return `*${n.name}`;
        const names = [...anchors.keys()];
        return names.length ? `*${names[pick(names.length)]}` : 'x';
      }
      default: return undefined;
    }
  };
  const anchorOf = (n: Node) => ('anchor' in n && n.anchor && (!anchors.has(n.anchor) || pick(20) === 0) ? n.anchor : undefined);
  /** Anchors whose node is being written: not yet aliasable, not to be reused inside. */
  const pendingAnchors = new Set<string>();
  const mergeable = (n: Node) => n.kind === 'map' || (n.kind === 'alias' && anchors.get(n.name) === 'map');
  const blockBody = (n: Extract<Node, { kind: 'block' }>, indent: number) => {
    for (const l of n.lines) out.push(l === '' || l.trim() === '' ? l : ' '.repeat(indent) + l);
  };
  // Writes `n` as the value after `head` (`key:` or `-`) written at column `col`.
  const value = (head: string, n: Node, col: number, inMap: boolean) => {
    const pad = ' '.repeat(col);
    const text = inline(n);
    if (text !== undefined) { out.push(`${pad}${head}${style.colonSpace}${text}${comment()}`); return; }
    if (n.kind === 'empty') { out.push(`${pad}${head}${comment()}`); return; }
    if (n.kind === 'block') { out.push(`${pad}${head} ${n.header}`); blockBody(n, col + style.step); return; }
    let anchor = anchorOf(n);
    if (anchor && pendingAnchors.has(anchor) && pick(10)) anchor = undefined;
    if (!inMap && !anchor && pick(3) === 0) {
      // compact: `- key: value` / `- - item`
      if (n.kind === 'seq') { nested(n, col + 2, `${pad}- `); return; }
      if (n.kind === 'map') { nested(n, col + 2, `${pad}- `); return; }
    }
    const ownLine = anchor !== undefined && pick(4) === 0; // `key:` / `  &x` / `  a: 1`
    out.push(`${pad}${head}${anchor && !ownLine ? ` &${anchor}` : ''}${comment()}`);
    extra();
    const same = inMap && n.kind === 'seq' && style.sameIndentSeq;
    const childCol = same ? col : col + style.step;
    if (ownLine) out.push(`${' '.repeat(childCol)}&${anchor}${comment()}`);
    if (anchor) pendingAnchors.add(anchor);
    nested(n, childCol, undefined);
    if (anchor) { pendingAnchors.delete(anchor); anchors.set(anchor, n.kind); }
  };
  // Writes a block collection at column `col`; `first` replaces the indentation of its first line.
  const nested = (n: Node, col: number, first: string | undefined) => {
    const lineStart = () => { const p = first ?? ' '.repeat(col); first = undefined; return p; };
    if (n.kind === 'map') {
      for (const [k, v] of n.pairs) {
        const start = lineStart();
        const at = out.length;
        value(`${k === '<<' && !mergeable(v) && pick(10) ? 'merge' : k}:`, v, col, true);
        out[at] = start + out[at].slice(col);
        extra();
      }
    } else if (n.kind === 'seq') {
      for (const v of n.items) {
        const start = lineStart();
        const at = out.length;
        value('-', v, col, false);
        out[at] = start + out[at].slice(col);
        extra();
      }
    } else {
      const text = inline(n);
      out.push(lineStart() + (text ?? ''));
    }
  };
  if (root.kind === 'map' || root.kind === 'seq') nested(root, pick(4) === 0 ? 2 : 0, undefined);
  else out.push(inline(root) ?? '');
  return out;
}

/** Documents of generated YAML joined with markers, line breaks and an optional BOM. */
export const composeSubsetYaml: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.tuple(tree, fc.record({
    step: fc.constantFrom(2, 2, 4, 1, 3), colonSpace: fc.constantFrom(' ', ' ', '  '), comment: fc.integer({ min: 0, max: 4 }),
    blank: fc.integer({ min: 0, max: 3 }), sameIndentSeq: fc.boolean(), seed: fc.integer(),
  })), { minLength: 1, maxLength: 3 }),
  fc.constantFrom('\n', '\n', '\r\n'),
  fc.boolean(),
  fc.constantFrom('', '---\n', '# head\n', '\n'),
  fc.constantFrom('', '\n', '\n\n', '\n# tail\n', '\n...\n', '   \n'),
  fc.constantFrom('---', '---', '--- # doc', '...\n---', '...'),
).map(([docs, eol, bom, head, tail, marker]) => {
  const text = head + docs.map(([root, style]) => render(root, style).join('\n')).join(`\n${marker}\n`) + tail;
  return (bom ? '\ufeff' : '') + text.replace(/\n/g, eol);
});
