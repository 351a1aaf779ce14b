// Pure compose navigation: the schema walk, the key context from half-typed text, references and
// their declarations, the outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import schemaJson from '../../server/src/core/compose/schema/compose-spec.json';
import {
  composeOutline, declarationOf, describeKey, keyContextAt, keysAt, referenceAt, type JsonSchema,
} from '../../server/src/core/compose/navigation';
import { parseCompose } from '../../server/src/core/compose/parse';

const SCHEMA = schemaJson as unknown as JsonSchema;

test('schema: keys per path, through $ref, oneOf and sequence items', () => {
  assert.deepEqual(keysAt(SCHEMA, []).map((k) => k.key), ['version', 'name', 'include', 'services', 'models', 'networks', 'volumes', 'secrets', 'configs']);
  const service = keysAt(SCHEMA, ['services', 'web']).map((k) => k.key);
  assert.ok(service.includes('image') && service.includes('healthcheck') && service.length > 80, service.join(','));
  assert.ok(keysAt(SCHEMA, ['services', 'web', 'build']).some((k) => k.key === 'dockerfile'), 'build: string | object');
  assert.ok(keysAt(SCHEMA, ['services', 'web', 'volumes', 3]).some((k) => k.key === 'source'), 'long volume syntax');
  assert.deepEqual(keysAt(SCHEMA, ['services', 'web', 'deploy', 'resources', 'limits']).map((k) => k.key).sort(), ['cpus', 'memory', 'pids']);
  assert.deepEqual(keysAt(SCHEMA, ['services', 'web', 'image']), [], 'a string has no keys');
  assert.deepEqual(keysAt(SCHEMA, ['nope']), []);
});

test('schema: a key\'s description, type, deprecation and values', () => {
  const version = describeKey(SCHEMA, ['version'])!;
  assert.equal(version.deprecated, true);
  assert.match(version.description!, /ignored/);
  const args = describeKey(SCHEMA, ['services', 'web', 'build', 'args'])!;
  assert.match(args.description!, /Build-time variables/, 'the description next to a $ref wins');
  assert.deepEqual(args.types.sort(), ['array', 'object']);
  assert.match(describeKey(SCHEMA, ['services', 'web'])!.description!, /service/i, 'pattern properties (service names)');
  assert.deepEqual(describeKey(SCHEMA, ['services', 'web', 'volumes', 0, 'type'])!.enum, ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image']);
  assert.equal(describeKey(SCHEMA, ['services', 'web', 'nope']), undefined);
});

/** `|` marks the cursor. */
function ctx(src: string) {
  const offset = src.indexOf('|');
  const c = keyContextAt(src.replace('|', ''), offset);
  return c && { path: c.path, prefix: c.prefix, siblings: c.siblings.sort() };
}

test('key context from indentation, for text that does not parse', () => {
  assert.deepEqual(ctx('|'), { path: [], prefix: '', siblings: [] });
  assert.deepEqual(ctx('name: x\nser|'), { path: [], prefix: 'ser', siblings: ['name'] });
  assert.deepEqual(ctx('services:\n  web:\n    ima|'), { path: ['services', 'web'], prefix: 'ima', siblings: [] });
  assert.deepEqual(ctx('services:\n  web:\n    image: x\n    |\n    ports: []\n  db:\n    image: y\n'), { path: ['services', 'web'], prefix: '', siblings: ['image', 'ports'] });
  assert.deepEqual(ctx('services:\n  web:\n    volumes:\n      - type: bind\n        sou|'), { path: ['services', 'web', 'volumes', 0], prefix: 'sou', siblings: ['type'] });
  assert.deepEqual(ctx('services:\n  web:\n    volumes:\n    - |'), { path: ['services', 'web', 'volumes', 0], prefix: '', siblings: [] }, 'compact sequence');
  assert.deepEqual(ctx('services:\n  web: &base\n    # comment\n\n    |'), { path: ['services', 'web'], prefix: '', siblings: [] }, 'anchors, comments, blank lines');
  assert.deepEqual(ctx('services:\r\n  web:\r\n    |'), { path: ['services', 'web'], prefix: '', siblings: [] }, 'CRLF');
  assert.equal(ctx('services:\n  web:\n    image: |'), undefined, 'a value, not a key');
  assert.equal(ctx('services:\n  web: nginx\n    |'), undefined, 'under a scalar');
});

const TEXT = [
  'services:',
  '  web:',
  '    image: nginx',
  '    depends_on: [db]',
  '    networks: { front: {} }',
  '    volumes:',
  '      - "data:/var/lib:ro"',
  '      - ./src:/src',
  '      - type: volume',
  '        source: data',
  '        target: /x',
  '    secrets:',
  '      - source: tok',
  '    extends:',
  '      service: db',
  '  db:',
  '    build: .',
  '    network_mode: "service:web"',
  '    depends_on:',
  '      web:',
  '        condition: service_started',
  'networks:',
  '  front:',
  'volumes:',
  '  data:',
  'secrets:',
  '  tok:',
  '    file: ./t',
  '',
].join('\n');

test('references under the cursor and their declarations', () => {
  const file = parseCompose(TEXT).ast;
  const at = (needle: string, delta: number) => {
    const r = referenceAt(file, TEXT.indexOf(needle) + delta);
    if (!r) return undefined;
    const decl = declarationOf(r.document, r.kind, r.name);
    return [r.kind, r.name, TEXT.slice(r.span.start, r.span.end), decl && TEXT.slice(decl.start - 2, decl.end + 1)];
  };
  assert.deepEqual(at('[db]', 2), ['service', 'db', 'db', '  db:']);
  assert.deepEqual(at('front: {}', 1), ['network', 'front', 'front', '  front:']);
  assert.deepEqual(at('"data:', 2), ['volume', 'data', 'data', '  data:'], 'short syntax, quoted');
  assert.equal(at('./src', 2), undefined, 'a bind mount path');
  assert.deepEqual(at('source: data', 9), ['volume', 'data', 'data', '  data:'], 'long syntax');
  assert.deepEqual(at('source: tok', 9), ['secret', 'tok', 'tok', '  tok:']);
  assert.deepEqual(at('service: db', 10), ['service', 'db', 'db', '  db:'], 'extends');
  assert.deepEqual(at('service:web', 9), ['service', 'web', 'web', '  web:'], 'network_mode: service:');
  assert.deepEqual(at('      web:\n', 7), ['service', 'web', 'web', '  web:'], 'depends_on map form');
  assert.equal(at('nginx', 1), undefined);
  assert.equal(at('condition', 1), undefined);
});

test('outline: sections and their entries, with the image or build of each service', () => {
  const outline = composeOutline(parseCompose(TEXT).ast);
  assert.deepEqual(outline.map((s) => [s.name, s.children.map((c) => `${c.kind}:${c.name}${c.detail ? ` (${c.detail})` : ''}`)]), [
    ['services', ['service:web (nginx)', 'service:db (build: .)']],
    ['networks', ['network:front']],
    ['volumes', ['volume:data']],
    ['secrets', ['secret:tok']],
  ]);
  assert.deepEqual(composeOutline(parseCompose('').ast), []);
  assert.deepEqual(composeOutline(parseCompose('services: [\n').ast).map((s) => s.name), ['services']);
});
