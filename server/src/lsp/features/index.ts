// Editor features (completion, hover, formatting, outline, folding, semantic tokens, highlights,
// definition, rename, signature help, links) for Dockerfiles and compose files, registered so they
// step aside for other Docker extensions that already provide them (see ./coexist.ts).
//
// How a feature is switched on and off: clients that can register capabilities dynamically (VS Code)
// get each feature registered per document kind with `client/registerCapability`, and unregistered
// when another extension that provides it is installed. Merely answering empty would not do: VS Code
// asks the user to pick a default formatter as soon as two are registered, and merges two hover or
// symbol providers without knowing one answers nothing. Clients that cannot register dynamically get
// the features enabled at startup announced statically. Either way every handler checks the current
// decision first and answers empty for a feature that is off.
//
// The hover is shared with Seaworthy's own hover on findings, which is always on: findings first,
// then the editor hover when that feature is on.
import {
  CompletionRequest, DefinitionRequest, DocumentFormattingRequest, DocumentHighlightRequest, DocumentLinkRequest,
  DocumentOnTypeFormattingRequest, DocumentRangeFormattingRequest, DocumentSymbolRequest, FoldingRangeRequest, MarkupKind,
  RenameRequest, SemanticTokensRegistrationType, SignatureHelpRequest, TextDocuments,
  type ClientCapabilities, type Connection, type Disposable, type DocumentSelector, type Hover, type InitializeParams,
  type MarkedString, type MarkupContent, type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLinter } from '../documents';
import { ruleMeta } from '../../core/catalog';
import { ruleHoverMarkdown } from '../../core/docs';
import { decideFeatures, OWN_FEATURES, parseEditorFeaturesSetting, type EditorFeature, type EditorFeaturesSetting, type FeatureDocumentKind } from './coexist';
import { FeatureGuard } from './guard';
import { DOCKERFILE_ITEM, DOCKERFILE_TRIGGERS, DockerfileFeatures, dockerfileTokenLegend } from './dockerfile';
import { ComposeFeatures } from './compose';

/** Client → server: the installed extensions changed, or `seaworthy.editorFeatures` did. */
export const OTHER_EXTENSIONS_NOTIFICATION = 'seaworthy/otherExtensions';

export interface OtherExtensionsParams {
  /** Ids of the other installed and enabled extensions. */
  extensions?: string[];
  /** The `seaworthy.editorFeatures` setting. */
  editorFeatures?: string;
}

export const DOCUMENT_SELECTORS: Record<FeatureDocumentKind, DocumentSelector> = {
  dockerfile: [
    { language: 'dockerfile' }, { language: 'containerfile' },
    { pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,Containerfile,Containerfile.*}' },
  ],
  compose: [{ language: 'dockercompose' }, { pattern: '**/{compose,docker-compose}*.{yml,yaml}' }],
};

export interface EditorFeatureHooks {
  /** Awaited before a document is linted for the findings hover (loads its settings). */
  prepare?: (uri: string) => Promise<void>;
}

export interface EditorFeatures {
  /** Reads options and client capabilities; returns the capabilities to announce in the initialize result. */
  initialize(params: InitializeParams): ServerCapabilities;
  /** Call from `onInitialized`: registers the enabled features dynamically. */
  initialized(): void;
  /** Features currently provided for a kind of document. */
  provided(kind: FeatureDocumentKind): EditorFeature[];
  /** Other extensions the client reported (for other coexistence decisions, e.g. YAML syntax errors). */
  otherExtensions(): readonly string[];
  /** Called with the new list whenever the client reports a change. */
  onOtherExtensions(listener: (ids: readonly string[]) => void): void;
}

interface RegistrationSpec { feature: EditorFeature; kind: FeatureDocumentKind; type: { method: string }; options: object }

/** Client capability path per feature, for "can it register this dynamically?". */
function dynamicSupport(caps: ClientCapabilities, feature: EditorFeature): boolean {
  const td = caps.textDocument;
  switch (feature) {
    case 'completion': return !!td?.completion?.dynamicRegistration;
    case 'hover': return false;
    case 'formatting': return !!td?.formatting?.dynamicRegistration && !!td?.rangeFormatting?.dynamicRegistration && !!td?.onTypeFormatting?.dynamicRegistration;
    case 'symbols': return !!td?.documentSymbol?.dynamicRegistration;
    case 'folding': return !!td?.foldingRange?.dynamicRegistration;
    case 'semanticTokens': return !!td?.semanticTokens?.dynamicRegistration;
    case 'highlights': return !!td?.documentHighlight?.dynamicRegistration;
    case 'definition': return !!td?.definition?.dynamicRegistration;
    case 'rename': return !!td?.rename?.dynamicRegistration;
    case 'signatureHelp': return !!td?.signatureHelp?.dynamicRegistration;
    case 'links': return !!td?.documentLink?.dynamicRegistration;
  }
}

function registrations(feature: EditorFeature, kind: FeatureDocumentKind): RegistrationSpec[] {
  const documentSelector = DOCUMENT_SELECTORS[kind];
  const spec = (type: { method: string }, options: object = {}): RegistrationSpec => ({ feature, kind, type, options: { documentSelector, ...options } });
  switch (feature) {
    case 'completion': return [spec(CompletionRequest.type, { resolveProvider: true, ...(kind === 'dockerfile' ? { triggerCharacters: DOCKERFILE_TRIGGERS.completion } : {}) })];
    case 'hover': return [];
    case 'formatting': return [
      spec(DocumentFormattingRequest.type), spec(DocumentRangeFormattingRequest.type),
      spec(DocumentOnTypeFormattingRequest.type, { firstTriggerCharacter: DOCKERFILE_TRIGGERS.onType.first, moreTriggerCharacter: DOCKERFILE_TRIGGERS.onType.more }),
    ];
    case 'symbols': return [spec(DocumentSymbolRequest.type)];
    case 'folding': return [spec(FoldingRangeRequest.type)];
    case 'semanticTokens': return [spec(SemanticTokensRegistrationType.type, { legend: dockerfileTokenLegend(), full: true, range: false })];
    case 'highlights': return [spec(DocumentHighlightRequest.type)];
    case 'definition': return [spec(DefinitionRequest.type)];
    case 'rename': return [spec(RenameRequest.type, { prepareProvider: true })];
    case 'signatureHelp': return [spec(SignatureHelpRequest.type, { triggerCharacters: DOCKERFILE_TRIGGERS.signatureHelp })];
    case 'links': return [spec(DocumentLinkRequest.type, { resolveProvider: true })];
  }
}

/** Static capabilities for a feature (clients without dynamic registration). */
function staticCapability(feature: EditorFeature, kinds: FeatureDocumentKind[]): ServerCapabilities {
  switch (feature) {
    case 'completion': return { completionProvider: { resolveProvider: true, ...(kinds.includes('dockerfile') ? { triggerCharacters: DOCKERFILE_TRIGGERS.completion } : {}) } };
    case 'hover': return {};
    case 'formatting': return {
      documentFormattingProvider: true, documentRangeFormattingProvider: true,
      documentOnTypeFormattingProvider: { firstTriggerCharacter: DOCKERFILE_TRIGGERS.onType.first, moreTriggerCharacter: DOCKERFILE_TRIGGERS.onType.more },
    };
    case 'symbols': return { documentSymbolProvider: true };
    case 'folding': return { foldingRangeProvider: true };
    case 'semanticTokens': return { semanticTokensProvider: { legend: dockerfileTokenLegend(), full: true, range: false } };
    case 'highlights': return { documentHighlightProvider: true };
    case 'definition': return { definitionProvider: true };
    case 'rename': return { renameProvider: { prepareProvider: true } };
    case 'signatureHelp': return { signatureHelpProvider: { triggerCharacters: DOCKERFILE_TRIGGERS.signatureHelp } };
    case 'links': return { documentLinkProvider: { resolveProvider: true } };
  }
}

function markdownOf(contents: MarkupContent | MarkedString | MarkedString[]): string {
  if (Array.isArray(contents)) return contents.map(markdownOf).join('\n\n');
  if (typeof contents === 'string') return contents;
  if ('kind' in contents) return contents.kind === MarkupKind.Markdown ? contents.value : contents.value.replace(/([\\`*_{}[\]()#+\-.!<>|])/g, '\\$1');
  return `\`\`\`${contents.language}\n${contents.value}\n\`\`\``;
}

const ALL_FEATURES = [...new Set([...OWN_FEATURES.dockerfile, ...OWN_FEATURES.compose])];

export function registerEditorFeatures(connection: Connection, documents: TextDocuments<TextDocument>, linter: DocumentLinter, hooks: EditorFeatureHooks = {}): EditorFeatures {
  const log = (m: string) => connection.console.info(m);
  const guard = new FeatureGuard((m) => connection.console.warn(m));
  const dockerfile = new DockerfileFeatures(guard, log);
  const compose = new ComposeFeatures(guard);
  let setting: EditorFeaturesSetting = 'auto';
  let others: string[] = [];
  const provided: Record<FeatureDocumentKind, Set<EditorFeature>> = { dockerfile: new Set(), compose: new Set() };
  const dynamic = new Set<EditorFeature>();
  let initialized = false;
  const registered = new Map<string, Promise<Disposable | undefined>>();
  const listeners: ((ids: readonly string[]) => void)[] = [];

  const decide = () => {
    for (const kind of ['dockerfile', 'compose'] as const) {
      const d = decideFeatures(setting, others, kind);
      const before = [...provided[kind]].join(',');
      provided[kind] = new Set(d.provided);
      if (before === d.provided.join(',') && initialized) continue;
      const left = Object.entries(d.leftTo).map(([f, by]) => `${f} (${by})`);
      log(`seaworthy: editor features for ${kind === 'dockerfile' ? 'Dockerfiles' : 'compose files'} (${setting}): ${d.provided.join(', ') || 'none'}${left.length ? `; left to other extensions: ${left.join(', ')}` : ''}`);
    }
  };

  /** Registers what is on and unregisters what is off (dynamic features only). */
  const sync = () => {
    if (!initialized) return;
    const want = new Map<string, RegistrationSpec>();
    for (const kind of ['dockerfile', 'compose'] as const) {
      for (const feature of provided[kind]) {
        if (!dynamic.has(feature)) continue;
        for (const r of registrations(feature, kind)) want.set(`${kind}:${r.type.method}`, r);
      }
    }
    for (const [key, reg] of registered) {
      if (want.has(key)) continue;
      registered.delete(key);
      void reg.then((d) => d?.dispose()).catch(() => undefined);
    }
    for (const [key, r] of want) {
      if (registered.has(key)) continue;
      const client = connection.client as unknown as { register(type: { method: string }, options: object): Promise<Disposable> };
      registered.set(key, client.register(r.type, r.options).catch((e) => { log(`seaworthy: could not register ${r.type.method}: ${e}`); return undefined; }));
    }
  };

  const kindOf = (doc: TextDocument): FeatureDocumentKind | undefined => linter.kindOf(doc);
  /** The document if a feature is on for its kind (and, optionally, the kind is the one given). */
  const target = (uri: string, feature: EditorFeature, only?: FeatureDocumentKind): { doc: TextDocument; kind: FeatureDocumentKind } | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const kind = kindOf(doc);
    if (!kind || (only && kind !== only) || !provided[kind].has(feature)) return undefined;
    return { doc, kind };
  };

  connection.onNotification(OTHER_EXTENSIONS_NOTIFICATION, (p: OtherExtensionsParams) => {
    if (Array.isArray(p?.extensions)) others = p.extensions.filter((x): x is string => typeof x === 'string');
    if (p && 'editorFeatures' in p) setting = parseEditorFeaturesSetting(p.editorFeatures);
    decide();
    sync();
    for (const l of listeners) l(others);
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    await hooks.prepare?.(doc.uri);
    const parts: string[] = [];
    let range: Hover['range'];
    const entry = linter.lint(doc);
    if (entry) {
      const offset = doc.offsetAt(params.position);
      const hits = entry.result.findings.filter((f) => f.span.start <= offset && offset <= Math.max(f.span.end, f.span.start + 1));
      for (const f of hits) {
        const meta = ruleMeta(f.rule);
        parts.push(meta ? ruleHoverMarkdown(meta) : `**${f.rule}**`); // the editor already shows the message above
      }
      if (hits.length) range = hits[0].range;
    }
    const t = target(doc.uri, 'hover');
    if (t) {
      const theirs = t.kind === 'dockerfile' ? dockerfile.hover(doc, params.position) : compose.hover(doc, params.position);
      if (theirs && markdownOf(theirs.contents).trim()) {
        parts.push(markdownOf(theirs.contents));
        range ??= theirs.range;
      }
    }
    if (!parts.length) return null;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
  });

  connection.onCompletion(async (params) => {
    const t = target(params.textDocument.uri, 'completion');
    if (!t) return [];
    return t.kind === 'dockerfile' ? dockerfile.completion(t.doc, params.position) : compose.completion(t.doc, params.position);
  });
  // Compose items carry their documentation already; only the Dockerfile service resolves.
  connection.onCompletionResolve((item) => {
    const data = item.data as Record<string, unknown> | undefined;
    return data && DOCKERFILE_ITEM in data ? dockerfile.resolveCompletion(item) : item;
  });
  connection.onDocumentFormatting((p) => { const t = target(p.textDocument.uri, 'formatting', 'dockerfile'); return t ? dockerfile.format(t.doc, p.options) : []; });
  connection.onDocumentRangeFormatting((p) => { const t = target(p.textDocument.uri, 'formatting', 'dockerfile'); return t ? dockerfile.formatRange(t.doc, p.range, p.options) : []; });
  connection.onDocumentOnTypeFormatting((p) => { const t = target(p.textDocument.uri, 'formatting', 'dockerfile'); return t ? dockerfile.formatOnType(t.doc, p.position, p.ch, p.options) : []; });
  connection.onDocumentSymbol((p) => {
    const t = target(p.textDocument.uri, 'symbols');
    if (!t) return [];
    return t.kind === 'dockerfile' ? dockerfile.symbols(t.doc) : compose.symbols(t.doc);
  });
  connection.onFoldingRanges((p) => { const t = target(p.textDocument.uri, 'folding', 'dockerfile'); return t ? dockerfile.folding(t.doc) : []; });
  connection.languages.semanticTokens.on((p) => { const t = target(p.textDocument.uri, 'semanticTokens', 'dockerfile'); return t ? dockerfile.semanticTokens(t.doc) : { data: [] }; });
  connection.onDocumentHighlight((p) => { const t = target(p.textDocument.uri, 'highlights', 'dockerfile'); return t ? dockerfile.highlights(t.doc, p.position) : []; });
  connection.onDefinition((p) => {
    const t = target(p.textDocument.uri, 'definition');
    if (!t) return null;
    return t.kind === 'dockerfile' ? dockerfile.definition(t.doc, p.position) : compose.definition(t.doc, p.position);
  });
  connection.onPrepareRename((p) => { const t = target(p.textDocument.uri, 'rename', 'dockerfile'); return t ? dockerfile.prepareRename(t.doc, p.position) : null; });
  connection.onRenameRequest((p) => { const t = target(p.textDocument.uri, 'rename', 'dockerfile'); return t ? dockerfile.rename(t.doc, p.position, p.newName) : null; });
  connection.onSignatureHelp((p) => { const t = target(p.textDocument.uri, 'signatureHelp', 'dockerfile'); return t ? dockerfile.signatureHelp(t.doc, p.position) : null; });
  connection.onDocumentLinks((p) => { const t = target(p.textDocument.uri, 'links', 'dockerfile'); return t ? dockerfile.links(t.doc) : []; });
  connection.onDocumentLinkResolve((link) => dockerfile.resolveLink(link));

  documents.onDidClose((e) => { guard.forget(e.document.uri); compose.forget(e.document.uri); });

  return {
    initialize(params) {
      const opts = (params.initializationOptions ?? {}) as { otherExtensions?: unknown; editorFeatures?: unknown; settings?: { seaworthy?: { editorFeatures?: unknown }; editorFeatures?: unknown } };
      if (Array.isArray(opts.otherExtensions)) others = opts.otherExtensions.filter((x): x is string => typeof x === 'string');
      setting = parseEditorFeaturesSetting(opts.editorFeatures ?? opts.settings?.seaworthy?.editorFeatures ?? opts.settings?.editorFeatures);
      dockerfile.setClientCapabilities(params.capabilities);
      compose.setClientCapabilities(params.capabilities);
      decide();
      const caps: ServerCapabilities = { hoverProvider: true };
      for (const feature of ALL_FEATURES) {
        if (dynamicSupport(params.capabilities, feature)) { dynamic.add(feature); continue; }
        const kinds = (['dockerfile', 'compose'] as const).filter((k) => provided[k].has(feature));
        if (kinds.length) Object.assign(caps, staticCapability(feature, kinds));
      }
      return caps;
    },
    initialized() {
      initialized = true;
      sync();
    },
    provided: (kind) => [...provided[kind]],
    otherExtensions: () => others,
    onOtherExtensions: (l) => { listeners.push(l); },
  };
}
