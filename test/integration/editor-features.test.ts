// Editor features over stdio with a real JSON-RPC client: every Dockerfile feature from
// dockerfile-language-service, the compose features, coexistence with other Docker extensions
// (dynamic registration and unregistration, static capabilities for clients without it), and the
// guards (large files, the trailing-backslash stack overflow) answering quickly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest, CompletionResolveRequest, DefinitionRequest, DocumentFormattingRequest, DocumentHighlightRequest,
  DocumentLinkRequest, DocumentLinkResolveRequest, DocumentOnTypeFormattingRequest, DocumentRangeFormattingRequest,
  DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, PrepareRenameRequest, RenameRequest, SemanticTokensRequest,
  SignatureHelpRequest, type ClientCapabilities, type CompletionItem, type DocumentSymbol, type Hover, type Location,
  type MarkupContent, type Registration, type SymbolInformation, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from '../helpers/lsp-client';

const DOCKERFILE = 'file:///tmp/seaworthy-editor/Dockerfile';
const COMPOSE = 'file:///tmp/seaworthy-editor/compose.yaml';

/** What VS Code announces: every editor feature can be registered dynamically. */
const DYNAMIC: ClientCapabilities['textDocument'] = {
  completion: { dynamicRegistration: true, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertTextModeSupport: { valueSet: [1, 2] } } },
  formatting: { dynamicRegistration: true },
  rangeFormatting: { dynamicRegistration: true },
  onTypeFormatting: { dynamicRegistration: true },
  documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
  foldingRange: { dynamicRegistration: true },
  semanticTokens: { dynamicRegistration: true, requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  documentHighlight: { dynamicRegistration: true },
  definition: { dynamicRegistration: true },
  rename: { dynamicRegistration: true, prepareSupport: true },
  signatureHelp: { dynamicRegistration: true },
  documentLink: { dynamicRegistration: true },
};

/** The same features without dynamic registration (Helix, older clients). */
const STATIC: ClientCapabilities['textDocument'] = Object.fromEntries(Object.entries(DYNAMIC!).map(([k, v]) => [k, { ...v, dynamicRegistration: false }]));

const DOCKERFILE_METHODS = [
  'textDocument/completion', 'textDocument/formatting', 'textDocument/rangeFormatting', 'textDocument/onTypeFormatting',
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens', 'textDocument/documentHighlight',
  'textDocument/definition', 'textDocument/rename', 'textDocument/signatureHelp', 'textDocument/documentLink',
];
const COMPOSE_METHODS = ['textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol'];

const selectorLanguages = (r: Registration) => ((r.registerOptions as { documentSelector?: { language?: string }[] }).documentSelector ?? []).map((f) => f.language).filter(Boolean);
const methodsFor = (regs: Registration[], language: string) => regs.filter((r) => selectorLanguages(r).includes(language)).map((r) => r.method).sort();

const md = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

/** Position of the first occurrence of `needle` (plus `delta` characters). */
function pos(text: string, needle: string, delta = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
}

async function withClient(opts: Parameters<typeof startClient>[0], fn: (c: TestClient) => Promise<void>) {
  const c = await startClient(opts);
  try { await fn(c); } finally { await c.stop(); }
}

const DF = [
  'FROM node:20 AS build',
  'ARG VERSION=1',
  'ENV APP_HOME=/app',
  'WORKDIR $APP_HOME',
  'MAINTAINER me',
  'RUN echo $APP_HOME && \\',
  '    npm ci',
  '   copy --from=build /app /app',
  '',
].join('\n');

test('Dockerfile: every feature of dockerfile-language-service, registered dynamically', async () => {
  await withClient({ textDocument: DYNAMIC, initializationOptions: { otherExtensions: [] } }, async (c) => {
    const regs = await c.waitForRegistrations((r) => methodsFor(r, 'dockerfile').length === DOCKERFILE_METHODS.length && methodsFor(r, 'dockercompose').length === COMPOSE_METHODS.length);
    assert.deepEqual(methodsFor(regs, 'dockerfile'), [...DOCKERFILE_METHODS].sort());
    assert.deepEqual(methodsFor(regs, 'dockercompose'), [...COMPOSE_METHODS].sort());
    assert.equal(c.initializeResult.capabilities.completionProvider, undefined, 'dynamic features are not announced statically as well');
    assert.equal(c.initializeResult.capabilities.hoverProvider, true);
    c.open(DOCKERFILE, 'dockerfile', DF);
    const doc = { uri: DOCKERFILE };

    // Completion (+ resolve): instructions at the start of a line.
    const items = await c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: { line: 8, character: 0 } }) as CompletionItem[];
    const workdir = items.find((i) => i.label.startsWith('WORKDIR'));
    assert.ok(workdir, `labels: ${items.map((i) => i.label).join(', ')}`);
    const resolved = await c.conn.sendRequest(CompletionResolveRequest.type, workdir!);
    assert.match(JSON.stringify(resolved.documentation), /working directory/i);
    // Image tags would come from Docker Hub: Seaworthy never goes to the network, so nothing.
    const tags = await timed(c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: pos(DF, 'node:20', 5) }) as Promise<CompletionItem[]>);
    assert.deepEqual(tags.value, []);
    assert.ok(tags.ms < 2000, `tag completion took ${tags.ms} ms`);

    // Hover: the instruction's documentation; on a finding, the finding first and then the documentation.
    const hoverWorkdir = await c.conn.sendRequest(HoverRequest.type, { textDocument: doc, position: pos(DF, 'WORKDIR', 2) });
    assert.match(md(hoverWorkdir), /working directory/i);
    const hoverMaintainer = await c.conn.sendRequest(HoverRequest.type, { textDocument: doc, position: pos(DF, 'MAINTAINER', 2) });
    const text = md(hoverMaintainer);
    const finding = text.indexOf('maintainer-deprecated');
    const docs = text.search(/MAINTAINER.*deprecated|author/i);
    assert.ok(finding >= 0, text);
    assert.ok(text.includes('\n\n---\n\n'), 'finding and documentation are separated');
    assert.ok(docs > 0, text);
    // Hover on a variable: its value.
    const hoverVar = await c.conn.sendRequest(HoverRequest.type, { textDocument: doc, position: pos(DF, '$APP_HOME', 3) });
    assert.match(md(hoverVar), /\/app/);

    // Formatting: whole document, a range, and on typing the escape character.
    const edits = await c.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: doc, options: { tabSize: 4, insertSpaces: true } }) as TextEdit[];
    assert.ok(edits.some((e) => e.range.start.line === 7 && e.newText === ''), JSON.stringify(edits));
    const rangeEdits = await c.conn.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: doc, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 5 } }, options: { tabSize: 4, insertSpaces: true } }) as TextEdit[];
    assert.equal(rangeEdits.length, 1);
    const onType = await c.conn.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument: doc, position: { line: 5, character: 25 }, ch: '\\', options: { tabSize: 4, insertSpaces: true } }) as TextEdit[];
    assert.ok(Array.isArray(onType));

    // Outline and folding.
    const symbols = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: doc }) as SymbolInformation[];
    assert.deepEqual(symbols.map((s) => s.name), ['FROM', 'ARG', 'ENV', 'WORKDIR', 'MAINTAINER', 'RUN', 'copy']);
    const folds = await c.conn.sendRequest(FoldingRangeRequest.type, { textDocument: doc });
    assert.ok(folds!.some((f) => f.startLine === 5 && f.endLine === 6), JSON.stringify(folds));

    // Semantic tokens (legend from the registration).
    const tokens = await c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: doc });
    assert.ok(tokens!.data.length > 0 && tokens!.data.length % 5 === 0);
    const legend = (regs.find((r) => r.method === 'textDocument/semanticTokens')!.registerOptions as { legend: { tokenTypes: string[] } }).legend;
    assert.equal(legend.tokenTypes[tokens!.data[3]], 'keyword', 'the first token is FROM, a keyword');

    // Highlights, definition, rename of a variable and of a stage name.
    const highlights = await c.conn.sendRequest(DocumentHighlightRequest.type, { textDocument: doc, position: pos(DF, '$APP_HOME', 3) });
    assert.deepEqual(highlights!.map((h) => h.range.start.line).sort(), [2, 3, 5]);
    const def = await c.conn.sendRequest(DefinitionRequest.type, { textDocument: doc, position: pos(DF, '$APP_HOME', 3) }) as Location;
    assert.deepEqual(def.range.start, { line: 2, character: 4 });
    const stageDef = await c.conn.sendRequest(DefinitionRequest.type, { textDocument: doc, position: pos(DF, '--from=build', 9) }) as Location;
    assert.deepEqual(stageDef.range.start, { line: 0, character: 16 });
    const prepared = await c.conn.sendRequest(PrepareRenameRequest.type, { textDocument: doc, position: pos(DF, '--from=build', 9) });
    assert.deepEqual(prepared, { start: { line: 7, character: 15 }, end: { line: 7, character: 20 } });
    const renamed = await c.conn.sendRequest(RenameRequest.type, { textDocument: doc, position: pos(DF, '--from=build', 9), newName: 'builder' });
    assert.deepEqual(renamed!.changes![DOCKERFILE].map((e) => [e.range.start.line, e.newText]).sort(), [[0, 'builder'], [7, 'builder']]);

    // Signature help and links.
    const sig = await c.conn.sendRequest(SignatureHelpRequest.type, { textDocument: doc, position: pos(DF, 'npm ci', -4) });
    assert.ok(sig === null || Array.isArray(sig.signatures));
    const sigCopy = await c.conn.sendRequest(SignatureHelpRequest.type, { textDocument: doc, position: pos(DF, '--from=build', 7) });
    assert.ok(sigCopy && sigCopy.signatures.length > 0, JSON.stringify(sigCopy));
    const links = await c.conn.sendRequest(DocumentLinkRequest.type, { textDocument: doc });
    assert.equal(links!.length, 1);
    const link = links![0].target ? links![0] : await c.conn.sendRequest(DocumentLinkResolveRequest.type, links![0]);
    assert.equal(link.target, 'https://hub.docker.com/_/node/');
  });
});

const COMPOSE_TEXT = [
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    depends_on:',
  '      - db',
  '    networks:',
  '      front:',
  '    volumes:',
  '      - data:/var/lib/data:ro',
  '    secrets:',
  '      - token',
  '    ',
  '  db:',
  '    build: .',
  'networks:',
  '  front:',
  'volumes:',
  '  data:',
  'secrets:',
  '  token:',
  '    file: ./token.txt',
  '',
].join('\n');

test('compose: schema completion and hover, reference completion, go to definition, outline', async () => {
  await withClient({ textDocument: DYNAMIC, initializationOptions: { otherExtensions: [] } }, async (c) => {
    c.open(COMPOSE, 'dockercompose', COMPOSE_TEXT);
    const doc = { uri: COMPOSE };

    // Keys of a service from the schema, with their descriptions; keys already written are not offered.
    const items = await c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: { line: 11, character: 4 } }) as CompletionItem[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('healthcheck') && labels.includes('restart') && labels.includes('environment'), labels.join(','));
    assert.ok(!labels.includes('image') && !labels.includes('depends_on'), 'keys already written are not offered');
    const healthcheck = items.find((i) => i.label === 'healthcheck')!;
    assert.match((healthcheck.documentation as MarkupContent).value, /health/i);
    assert.equal(healthcheck.textEdit && 'newText' in healthcheck.textEdit ? healthcheck.textEdit.newText : '', 'healthcheck:\n      ');
    const deprecated = items.find((i) => i.label === 'links');
    assert.ok(deprecated, 'links is offered');
    // Top level.
    const top = await c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: { line: 21, character: 0 } }) as CompletionItem[];
    assert.ok(top.some((i) => i.label === 'configs') && !top.some((i) => i.label === 'services'), top.map((i) => i.label).join(','));
    // A half-typed key (the YAML does not parse as a mapping there).
    const typing = COMPOSE_TEXT.replace('    \n  db:', '    heal\n  db:');
    c.change(COMPOSE, 2, typing);
    const partial = await c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: { line: 11, character: 8 } }) as CompletionItem[];
    const hc = partial.find((i) => i.label === 'healthcheck')!;
    assert.deepEqual(hc.textEdit && 'range' in hc.textEdit ? hc.textEdit.range : undefined, { start: { line: 11, character: 4 }, end: { line: 11, character: 8 } });
    // Service names in `depends_on`, except the service itself.
    const deps = COMPOSE_TEXT.replace('      - db\n', '      - db\n      - \n');
    c.change(COMPOSE, 3, deps);
    const depItems = await c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: { line: 5, character: 8 } }) as CompletionItem[];
    assert.deepEqual(depItems.map((i) => i.label), ['db']);
    // Enumerated values after `key: `.
    const typed = COMPOSE_TEXT.replace('      - data:/var/lib/data:ro\n', '      - type: \n');
    c.change(COMPOSE, 4, typed);
    const values = await c.conn.sendRequest(CompletionRequest.type, { textDocument: doc, position: { line: 8, character: 14 } }) as CompletionItem[];
    assert.deepEqual(values.map((i) => i.label), ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image']);
    c.change(COMPOSE, 5, COMPOSE_TEXT);

    // Hover on keys: the schema's description.
    const hoverImage = await c.conn.sendRequest(HoverRequest.type, { textDocument: doc, position: { line: 2, character: 6 } });
    assert.match(md(hoverImage), /\*\*image\*\*/);
    assert.match(md(hoverImage), /image/i);
    assert.deepEqual(hoverImage!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    const hoverDepends = await c.conn.sendRequest(HoverRequest.type, { textDocument: doc, position: { line: 3, character: 6 } });
    assert.match(md(hoverDepends), /depend/i);

    // Go to definition from references to declarations.
    const def = async (line: number, character: number) => {
      const loc = await c.conn.sendRequest(DefinitionRequest.type, { textDocument: doc, position: { line, character } }) as Location | null;
      return loc && [loc.uri === COMPOSE, loc.range.start.line, loc.range.start.character, loc.range.end.character];
    };
    assert.deepEqual(await def(4, 9), [true, 12, 2, 4], 'depends_on → service');
    assert.deepEqual(await def(6, 8), [true, 15, 2, 7], 'networks → network');
    assert.deepEqual(await def(8, 10), [true, 17, 2, 6], 'volumes → named volume');
    assert.deepEqual(await def(10, 10), [true, 19, 2, 7], 'secrets → secret');
    assert.equal(await def(8, 16), null, 'the target path is not a reference');
    assert.equal(await def(2, 12), null, 'an image is not a reference');

    // Outline: sections with their entries.
    const symbols = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: doc }) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, (s.children ?? []).map((x) => x.name)]), [
      ['services', ['web', 'db']], ['networks', ['front']], ['volumes', ['data']], ['secrets', ['token']],
    ]);
    assert.equal(symbols[0].children![0].detail, 'nginx:1.27');
    assert.equal(symbols[0].children![1].detail, 'build: .');
  });
});

test('coexistence: features step aside for other extensions, and come back when they are removed', async () => {
  await withClient({ textDocument: DYNAMIC, initializationOptions: { otherExtensions: ['ms-azuretools.vscode-containers', 'redhat.vscode-yaml'] } }, async (c) => {
    const regs = await c.waitForRegistrations((r) => r.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(methodsFor([...c.registrations.values()], 'dockerfile'), [], 'Container Tools provides every Dockerfile feature');
    assert.deepEqual(methodsFor(regs, 'dockercompose'), ['textDocument/definition'], 'compose definition stays: neither provides it');
    c.open(DOCKERFILE, 'dockerfile', DF);
    // A request for a feature that is off is answered empty…
    assert.deepEqual(await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: DOCKERFILE }, position: { line: 8, character: 0 } }), []);
    // …and the hover keeps the findings but not the instruction documentation.
    assert.equal(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: DOCKERFILE }, position: pos(DF, 'WORKDIR', 2) }), null);
    const hover = md(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: DOCKERFILE }, position: pos(DF, 'MAINTAINER', 2) }));
    assert.match(hover, /maintainer-deprecated/);
    assert.ok(!hover.includes('---'), 'only the finding');

    // Container Tools uninstalled: the Dockerfile features are registered.
    await c.conn.sendNotification('seaworthy/otherExtensions', { extensions: ['redhat.vscode-yaml'] });
    await c.waitForRegistrations((r) => methodsFor(r, 'dockerfile').length === DOCKERFILE_METHODS.length);
    assert.deepEqual(methodsFor([...c.registrations.values()], 'dockercompose'), ['textDocument/definition']);
    assert.ok((await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: DOCKERFILE }, position: { line: 8, character: 0 } }) as CompletionItem[]).length > 0);

    // `on` ignores other extensions; `off` unregisters everything.
    await c.conn.sendNotification('seaworthy/otherExtensions', { extensions: ['redhat.vscode-yaml'], editorFeatures: 'on' });
    await c.waitForRegistrations((r) => methodsFor(r, 'dockercompose').length === COMPOSE_METHODS.length);
    await c.conn.sendNotification('seaworthy/otherExtensions', { editorFeatures: 'off' });
    await c.waitForRegistrations((r) => r.length === 0);
    assert.equal(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: DOCKERFILE }, position: pos(DF, 'WORKDIR', 2) }), null);
    assert.match(md(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: DOCKERFILE }, position: pos(DF, 'MAINTAINER', 2) })), /maintainer-deprecated/, 'findings hover stays on');
    assert.ok(c.logMessages.some((m) => /editor features for Dockerfiles \(auto\): none; left to other extensions: completion \(Container Tools\)/.test(m)), c.logMessages.join('\n'));
  });
});

test('clients without dynamic registration get the features announced statically', async () => {
  await withClient({ textDocument: STATIC }, async (c) => {
    const caps = c.initializeResult.capabilities;
    assert.ok(caps.completionProvider && caps.documentFormattingProvider && caps.documentRangeFormattingProvider && caps.documentOnTypeFormattingProvider);
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.semanticTokensProvider && caps.documentHighlightProvider);
    assert.ok(caps.definitionProvider && caps.renameProvider && caps.signatureHelpProvider && caps.documentLinkProvider && caps.hoverProvider);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(c.registrations.size, 0);
  });
  await withClient({ textDocument: STATIC, initializationOptions: { settings: { seaworthy: { editorFeatures: 'off' } } } }, async (c) => {
    const caps = c.initializeResult.capabilities;
    assert.equal(caps.completionProvider, undefined);
    assert.equal(caps.semanticTokensProvider, undefined);
    assert.equal(caps.hoverProvider, true, 'the hover on findings stays');
  });
});

/** A realistic Dockerfile of about `lines` lines (15-line multi-stage blocks). */
function bigDockerfile(lines: number): string {
  const block = [
    'FROM debian:12 AS build{i}', 'ARG VERSION=1.{i}', 'ENV APP_HOME=/opt/app{i} PATH=/opt/app{i}/bin:$PATH', 'WORKDIR $APP_HOME',
    'RUN apt-get update && apt-get install -y --no-install-recommends \\', '    curl ca-certificates \\', '    && rm -rf /var/lib/apt/lists/*',
    'COPY --chown=app:app src/ ./src/', 'COPY --from=build{i} /opt/app{i} /opt/app', 'LABEL version="${VERSION}"', 'EXPOSE 80{i}/tcp',
    'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1', 'USER app', '# a comment line', 'CMD ["node", "server.js"]',
  ];
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) for (const l of block) if (out.length < lines) out.push(l.replace(/\{i\}/g, String(i)));
  return out.join('\n') + '\n';
}

test('guards: large files and the trailing-backslash stack overflow answer quickly, and the server stays up', async () => {
  await withClient({ textDocument: DYNAMIC }, async (c) => {
    // 5,000 lines: semantic tokens unguarded take 15–25 s; here a partial result for the first ≤ 1,000 lines.
    const big = 'file:///tmp/seaworthy-editor/big/Dockerfile';
    const bigText = bigDockerfile(5_000);
    c.open(big, 'dockerfile', bigText);
    const sem = await timed(c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: big } }));
    assert.ok(sem.ms < 3000, `semantic tokens took ${sem.ms} ms`);
    let line = 0;
    for (let i = 0; i < sem.value!.data.length; i += 5) line += sem.value!.data[i];
    assert.ok(sem.value!.data.length > 0 && line < 1_000, `partial tokens up to line ${line}`);
    // The linear features still answer at 5,000 lines.
    const symbols = await timed(c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: big } }) as Promise<SymbolInformation[]>);
    assert.ok(symbols.value.length > 4_000 && symbols.ms < 3000, `${symbols.value.length} symbols in ${symbols.ms} ms`);

    // 20,000 lines: beyond every limit, every feature answers empty at once (semantic tokens: the top).
    const huge = 'file:///tmp/seaworthy-editor/huge/Dockerfile';
    c.open(huge, 'dockerfile', bigDockerfile(20_000));
    const at = { textDocument: { uri: huge }, position: { line: 19_990, character: 10 } };
    const t0 = performance.now();
    const answers = await Promise.all([
      c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: huge } }),
      c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: huge } }),
      c.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: huge } }),
      c.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: huge } }),
      c.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: huge }, options: { tabSize: 4, insertSpaces: true } }),
      c.conn.sendRequest(CompletionRequest.type, at),
      c.conn.sendRequest(DocumentHighlightRequest.type, at),
      c.conn.sendRequest(DefinitionRequest.type, at),
      c.conn.sendRequest(RenameRequest.type, { ...at, newName: 'X' }),
    ]);
    const ms = performance.now() - t0;
    const [hugeTokens, ...rest] = answers as [{ data: number[] }, ...unknown[]];
    assert.deepEqual(rest, [[], [], [], [], [], [], null, null]);
    let lastLine = 0;
    for (let i = 0; i < hugeTokens.data.length; i += 5) lastLine += hugeTokens.data[i];
    assert.ok(hugeTokens.data.length > 0 && lastLine < 1_000, `tokens up to line ${lastLine}`);
    assert.ok(ms < 3000, `nine requests on 20,000 lines took ${ms} ms`);

    // One RUN of 6,000 words on one line: tokens for the FROM before it only.
    const long = 'file:///tmp/seaworthy-editor/long/Dockerfile';
    c.open(long, 'dockerfile', `FROM alpine\nRUN ${'echo x && '.repeat(2_000)}true\n`);
    const longSem = await timed(c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: long } }));
    assert.ok(longSem.ms < 3000, `${longSem.ms} ms`);
    assert.deepEqual(longSem.value!.data.filter((_, i) => i % 5 === 0).reduce((a, b) => a + b, 0), 0, 'only line 0 has tokens');

    // A backslash before a lone carriage return makes the library recurse forever (RangeError): empty
    // tokens, a log line, and the server keeps answering.
    const bs = 'file:///tmp/seaworthy-editor/backslash/Dockerfile';
    c.open(bs, 'dockerfile', 'FROM alpine\nRUN echo "a\\\r \\');
    const crash = await timed(c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: bs } }));
    assert.deepEqual(crash.value, { data: [] });
    assert.ok(crash.ms < 3000, `${crash.ms} ms`);
    assert.ok(c.logMessages.some((m) => /semanticTokens failed .*RangeError/.test(m)), c.logMessages.join('\n'));
    const after = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: DOCKERFILE }, position: { line: 0, character: 0 } });
    assert.equal(after, null);
    const stillUp = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bs } }) as SymbolInformation[];
    assert.deepEqual(stillUp.map((s) => s.name), ['FROM', 'RUN']);
  });
});
