// Which editor features Seaworthy provides for a document, next to other Docker extensions.
// Pure (no LSP, no VS Code): the server calls it at startup and whenever the client reports that
// extensions were installed or removed, or that `seaworthy.editorFeatures` changed.
//
// Diagnostics, quick fixes, fix-all, Harden, snippets and the hover on findings are not editor
// features in this sense: they are Seaworthy's own and always stay on.

export type EditorFeature =
  | 'completion' | 'hover' | 'formatting' | 'symbols' | 'folding' | 'semanticTokens'
  | 'highlights' | 'definition' | 'rename' | 'signatureHelp' | 'links';

export type FeatureDocumentKind = 'dockerfile' | 'compose';

/** The `seaworthy.editorFeatures` setting. */
export type EditorFeaturesSetting = 'auto' | 'on' | 'off';

export const EDITOR_FEATURES_VALUES: readonly EditorFeaturesSetting[] = ['auto', 'on', 'off'];

/** What Seaworthy offers per document kind when nothing else does. */
export const OWN_FEATURES: Record<FeatureDocumentKind, readonly EditorFeature[]> = {
  dockerfile: ['completion', 'hover', 'formatting', 'symbols', 'folding', 'semanticTokens', 'highlights', 'definition', 'rename', 'signatureHelp', 'links'],
  compose: ['completion', 'hover', 'definition', 'symbols'],
};

export interface Peer {
  name: string;
  /** Features the extension provides itself for each kind of document (those Seaworthy would duplicate). */
  provides: Record<FeatureDocumentKind, readonly EditorFeature[]>;
}

const DOCKERFILE_LANGUAGE_SERVER = OWN_FEATURES.dockerfile;

/**
 * Other extensions and what they provide, by extension id (lower case). Sources: their language
 * servers' capabilities and changelogs.
 * - Container Tools and the Docker extension it replaces bundle dockerfile-language-server-nodejs
 *   (the same dockerfile-language-service we use: every Dockerfile feature) and Microsoft's
 *   compose-language-service (completion, hover, signature help, formatting, links; no outline, no
 *   go to definition).
 * - Docker DX (docker-language-server): on Dockerfiles only BuildKit checks and image-vulnerability
 *   hovers on `FROM` images (not instruction or variable hovers); on compose files completion, hover,
 *   go to definition, outline, highlights, rename, formatting and links.
 * - Red Hat YAML serves `dockercompose` documents too: schema completion and hover (SchemaStore maps
 *   compose files to the Compose schema), outline, folding and formatting; its go to definition only
 *   follows YAML aliases to anchors.
 */
export const PEERS: Readonly<Record<string, Peer>> = {
  'ms-azuretools.vscode-containers': { name: 'Container Tools', provides: { dockerfile: DOCKERFILE_LANGUAGE_SERVER, compose: ['completion', 'hover'] } },
  'ms-azuretools.vscode-docker': { name: 'Docker', provides: { dockerfile: DOCKERFILE_LANGUAGE_SERVER, compose: ['completion', 'hover'] } },
  'docker.docker': { name: 'Docker DX', provides: { dockerfile: [], compose: ['completion', 'hover', 'definition', 'symbols'] } },
  'redhat.vscode-yaml': { name: 'YAML (Red Hat)', provides: { dockerfile: [], compose: ['completion', 'hover', 'symbols'] } },
};

/** An unknown or missing value behaves as `auto`. */
export function parseEditorFeaturesSetting(value: unknown): EditorFeaturesSetting {
  return typeof value === 'string' && (EDITOR_FEATURES_VALUES as readonly string[]).includes(value) ? value as EditorFeaturesSetting : 'auto';
}

export interface FeatureDecision {
  /** Features Seaworthy provides for the kind, in OWN_FEATURES order. */
  provided: EditorFeature[];
  /** Features left to another extension, with its name. */
  leftTo: Partial<Record<EditorFeature, string>>;
}

/**
 * The decision: `on` provides everything, `off` nothing; `auto` provides what no installed (and
 * enabled) extension already provides for that kind of document.
 */
export function decideFeatures(setting: EditorFeaturesSetting | string | undefined, otherExtensions: readonly string[], kind: FeatureDocumentKind): FeatureDecision {
  const mode = parseEditorFeaturesSetting(setting);
  const own = OWN_FEATURES[kind];
  if (mode === 'on') return { provided: [...own], leftTo: {} };
  if (mode === 'off') return { provided: [], leftTo: {} };
  const leftTo: Partial<Record<EditorFeature, string>> = {};
  const installed = new Set(otherExtensions.map((id) => id.toLowerCase()));
  for (const [id, peer] of Object.entries(PEERS)) {
    if (!installed.has(id)) continue;
    for (const f of peer.provides[kind]) leftTo[f] ??= peer.name;
  }
  return { provided: own.filter((f) => !leftTo[f]), leftTo };
}

/** Shorthand: the features Seaworthy provides for a kind of document. */
export function providedFeatures(setting: EditorFeaturesSetting | string | undefined, otherExtensions: readonly string[], kind: FeatureDocumentKind): EditorFeature[] {
  return decideFeatures(setting, otherExtensions, kind).provided;
}
