// Seaworthy never uses the network: dockerfile-language-service would ask Docker Hub for image tags
// when completing after `FROM image:`; the Dockerfile features must stop that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileFeatures } from '../../server/src/lsp/features/dockerfile';
import { FeatureGuard } from '../../server/src/lsp/features/guard';

test('completing an image tag makes no network request', async (t) => {
  const calls: unknown[] = [];
  t.mock.method(https, 'get', (...args: unknown[]) => { calls.push(args); throw new Error('network used'); });
  t.mock.method(https, 'request', (...args: unknown[]) => { calls.push(args); throw new Error('network used'); });
  const features = new DockerfileFeatures(new FeatureGuard(() => {}), () => {});
  const doc = TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, 'FROM node:2\n');
  const items = await features.completion(doc, { line: 0, character: 11 });
  assert.deepEqual(items, []);
  assert.deepEqual(calls, []);
  // Other completions still work.
  const keywords = await features.completion(TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, 'FROM node:20\nWO'), { line: 1, character: 2 });
  assert.ok(keywords.some((i) => i.label.startsWith('WORKDIR')));
});
