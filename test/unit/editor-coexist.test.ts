// The coexistence decision as a table: setting × installed extensions × document kind → the editor
// features Seaworthy provides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideFeatures, OWN_FEATURES, PEERS, providedFeatures, parseEditorFeaturesSetting, type EditorFeature, type FeatureDocumentKind } from '../../server/src/lsp/features/coexist';

const ALL_DOCKERFILE = [...OWN_FEATURES.dockerfile];
const ALL_COMPOSE = [...OWN_FEATURES.compose];

const CONTAINERS = 'ms-azuretools.vscode-containers';
const DOCKER = 'ms-azuretools.vscode-docker';
const DX = 'docker.docker';
const YAML = 'redhat.vscode-yaml';

const TABLE: [setting: string | undefined, extensions: string[], kind: FeatureDocumentKind, expected: EditorFeature[]][] = [
  // Nothing else installed: everything, whatever the spelling of `auto`.
  ['auto', [], 'dockerfile', ALL_DOCKERFILE],
  ['auto', [], 'compose', ALL_COMPOSE],
  [undefined, [], 'dockerfile', ALL_DOCKERFILE],
  ['bogus', [], 'compose', ALL_COMPOSE],
  // Unrelated extensions change nothing.
  ['auto', ['esbenp.prettier-vscode', 'ms-python.python'], 'dockerfile', ALL_DOCKERFILE],
  // Container Tools / Docker: the same Dockerfile language service, compose completion and hover.
  ['auto', [CONTAINERS], 'dockerfile', []],
  ['auto', [CONTAINERS], 'compose', ['definition', 'symbols']],
  ['auto', [DOCKER], 'dockerfile', []],
  ['auto', [DOCKER], 'compose', ['definition', 'symbols']],
  ['auto', ['MS-AzureTools.VSCode-Containers'], 'dockerfile', []],
  // Docker DX: only image-vulnerability hovers on Dockerfiles (not the same hover); all compose features.
  ['auto', [DX], 'dockerfile', ALL_DOCKERFILE],
  ['auto', [DX], 'compose', []],
  // Red Hat YAML: compose completion, hover and outline; not Dockerfiles; not compose go to definition.
  ['auto', [YAML], 'dockerfile', ALL_DOCKERFILE],
  ['auto', [YAML], 'compose', ['definition']],
  // Combinations: the union of what they provide.
  ['auto', [CONTAINERS, YAML], 'compose', ['definition']],
  ['auto', [DX, YAML, CONTAINERS], 'dockerfile', []],
  ['auto', [DX, YAML], 'compose', []],
  // `on` ignores the others, `off` provides nothing.
  ['on', [CONTAINERS, DX, YAML], 'dockerfile', ALL_DOCKERFILE],
  ['on', [CONTAINERS, DX, YAML], 'compose', ALL_COMPOSE],
  ['off', [], 'dockerfile', []],
  ['off', [], 'compose', []],
];

test('coexistence table: which editor features Seaworthy provides', () => {
  for (const [setting, extensions, kind, expected] of TABLE) {
    assert.deepEqual(providedFeatures(setting, extensions, kind), expected, `${setting} / [${extensions.join(', ')}] / ${kind}`);
  }
});

test('the decision names the extension each feature is left to', () => {
  const d = decideFeatures('auto', [YAML, CONTAINERS], 'compose');
  assert.deepEqual(d.leftTo, { completion: 'Container Tools', hover: 'Container Tools', symbols: 'YAML (Red Hat)' });
  assert.deepEqual(decideFeatures('on', [YAML], 'compose').leftTo, {});
});

test('every peer feature is one Seaworthy offers for that kind', () => {
  for (const [id, peer] of Object.entries(PEERS)) {
    assert.equal(id, id.toLowerCase());
    for (const kind of ['dockerfile', 'compose'] as const) {
      for (const f of peer.provides[kind]) assert.ok(OWN_FEATURES[kind].includes(f), `${id}: ${f} on ${kind}`);
    }
  }
});

test('setting values', () => {
  assert.equal(parseEditorFeaturesSetting('on'), 'on');
  assert.equal(parseEditorFeaturesSetting('off'), 'off');
  assert.equal(parseEditorFeaturesSetting('ON'), 'auto');
  assert.equal(parseEditorFeaturesSetting(true), 'auto');
  assert.equal(parseEditorFeaturesSetting(null), 'auto');
});
