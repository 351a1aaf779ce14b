// Dockerfile editor features from dockerfile-language-service (completion, hover for instructions and
// variables, formatting, outline, folding, semantic tokens, highlights, definition, rename, signature
// help, links), each run through the FeatureGuard. The service works on the document text and LSP
// positions, so results pass through unchanged apart from the types.
import {
  MarkupKind, type ClientCapabilities, type CompletionItem, type DocumentHighlight, type DocumentLink, type FoldingRange,
  type FormattingOptions, type Hover, type Location, type Position, type Range, type SemanticTokens, type SemanticTokensLegend,
  type SignatureHelp, type SymbolInformation, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import { TokensLegend } from 'dockerfile-language-service/lib/dockerSemanticTokens';
import { FeatureGuard, LIMITS, prefixWithin, type DockerfileFeatureId } from './guard';
import { isSecretName } from '../../core/rules/dockerfile/secrets-in-arg-env';

/** The identifier (`[A-Za-z0-9_]+`) under a position, or ''. */
function wordAt(doc: TextDocument, position: Position): string {
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  let s = position.character;
  let e = position.character;
  while (s > 0 && /\w/.test(line[s - 1])) s--;
  while (e < line.length && /\w/.test(line[e])) e++;
  return line.slice(s, e);
}

// Seaworthy never uses the network: the service would ask Docker Hub for image tags when completing
// after `FROM image:`. The tag list is always empty instead (esbuild bundles one copy of the module,
// so this is the class the service instantiates).
DockerRegistryClient.prototype.getTags = () => Promise.resolve([]);

/** Marks our completion items so resolve knows which service made them. */
export const DOCKERFILE_ITEM = 'seaworthy.dockerfile';

/** The service's semantic token legend, read from the library so the indexes cannot drift. */
export function dockerfileTokenLegend(): SemanticTokensLegend {
  const legend = TokensLegend as unknown as { tokenTypes: Record<string, number>; tokenModifiers: Record<string, number> };
  const types = Object.entries(legend.tokenTypes).sort((a, b) => a[1] - b[1]).map(([name]) => name);
  const modifiers = Object.entries(legend.tokenModifiers).sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return { tokenTypes: types, tokenModifiers: modifiers };
}

export const DOCKERFILE_TRIGGERS = {
  completion: ['=', ' ', '$', '-'],
  signatureHelp: ['-', '[', ',', ' ', '='],
  onType: { first: '\\', more: ['`'] },
};

export class DockerfileFeatures {
  private readonly service: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();

  constructor(private readonly guard: FeatureGuard, log: (message: string) => void) {
    this.service.setLogger({ log });
    // Our hover is Markdown (findings come first), so the service's part is Markdown too.
    this.service.setCapabilities({ hover: { contentFormat: [MarkupKind.Markdown] } });
  }

  setClientCapabilities(caps: ClientCapabilities): void {
    const td = caps.textDocument;
    const item = td?.completion?.completionItem;
    this.service.setCapabilities({
      completion: {
        completionItem: {
          snippetSupport: !!item?.snippetSupport,
          deprecatedSupport: !!item?.deprecatedSupport,
          documentationFormat: item?.documentationFormat,
          ...(item?.tagSupport ? { tagSupport: item.tagSupport } : {}),
        },
      },
      hover: { contentFormat: [MarkupKind.Markdown] },
      foldingRange: { lineFoldingOnly: !!td?.foldingRange?.lineFoldingOnly, rangeLimit: td?.foldingRange?.rangeLimit },
    });
  }

  /** Runs a feature if the document is within its limits; otherwise, or on failure, `empty`. */
  private run<T>(doc: TextDocument, feature: DockerfileFeatureId, empty: T, fn: (text: string) => T): T {
    const text = doc.getText();
    const { shape } = this.guard.scan(doc.uri, doc.version, text);
    if (!this.guard.allowed(doc.uri, feature, shape, LIMITS[feature])) return empty;
    return this.guard.run(doc.uri, feature, shape, empty, () => fn(text) ?? empty);
  }

  async completion(doc: TextDocument, position: Position): Promise<CompletionItem[]> {
    const result = this.run<CompletionItem[] | PromiseLike<CompletionItem[]>>(doc, 'completion', [], (text) => this.service.computeCompletionItems(text, position) as CompletionItem[] | PromiseLike<CompletionItem[]>);
    let items: CompletionItem[];
    try { items = (await result) ?? []; } catch { items = []; }
    for (const item of items) if (item.data !== undefined) item.data = { [DOCKERFILE_ITEM]: item.data };
    return items;
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    const data = (item.data as Record<string, unknown> | undefined)?.[DOCKERFILE_ITEM];
    try {
      const resolved = this.service.resolveCompletionItem({ ...item, data }) as CompletionItem;
      return { ...resolved, data: item.data };
    } catch {
      return item;
    }
  }

  hover(doc: TextDocument, position: Position): Hover | null {
    // The service shows a variable's value on hover: not for a name that looks like a secret (masked like findings).
    if (isSecretName(wordAt(doc, position))) return null;
    return this.run<Hover | null>(doc, 'hover', null, (text) => this.service.computeHover(text, position) as Hover | null);
  }

  format(doc: TextDocument, options: FormattingOptions): TextEdit[] {
    return this.run<TextEdit[]>(doc, 'formatting', [], (text) => this.service.format(text, options) as TextEdit[]);
  }

  formatRange(doc: TextDocument, range: Range, options: FormattingOptions): TextEdit[] {
    return this.run<TextEdit[]>(doc, 'formatting', [], (text) => this.service.formatRange(text, range, options) as TextEdit[]);
  }

  formatOnType(doc: TextDocument, position: Position, ch: string, options: FormattingOptions): TextEdit[] {
    return this.run<TextEdit[]>(doc, 'formatting', [], (text) => this.service.formatOnType(text, position, ch, options) as TextEdit[]);
  }

  symbols(doc: TextDocument): SymbolInformation[] {
    return this.run<SymbolInformation[]>(doc, 'symbols', [], (text) => this.service.computeSymbols({ uri: doc.uri }, text) as SymbolInformation[]);
  }

  folding(doc: TextDocument): FoldingRange[] {
    return this.run<FoldingRange[]>(doc, 'folding', [], (text) => this.service.computeFoldingRanges(text) as FoldingRange[]);
  }

  /**
   * Semantic tokens for the whole document when it is small enough, otherwise for the longest run of
   * whole instructions from the top that is (the rest keeps the grammar's colours).
   */
  semanticTokens(doc: TextDocument): SemanticTokens {
    const empty: SemanticTokens = { data: [] };
    const text = doc.getText();
    const scan = this.guard.scan(doc.uri, doc.version, text);
    if (!this.guard.allowed(doc.uri, 'semanticTokens', scan.shape, undefined)) return empty;
    const end = prefixWithin(text, scan, LIMITS.semanticTokens);
    if (end === 0) return empty;
    const part = end >= text.length ? text : text.slice(0, end);
    return this.guard.run(doc.uri, 'semanticTokens', scan.shape, empty, () => this.service.computeSemanticTokens(part) as SemanticTokens);
  }

  highlights(doc: TextDocument, position: Position): DocumentHighlight[] {
    return this.run<DocumentHighlight[]>(doc, 'highlights', [], (text) => this.service.computeHighlightRanges(text, position) as DocumentHighlight[]);
  }

  definition(doc: TextDocument, position: Position): Location | null {
    return this.run<Location | null>(doc, 'definition', null, (text) => this.service.computeDefinition({ uri: doc.uri }, text, position) as Location | null);
  }

  prepareRename(doc: TextDocument, position: Position): Range | null {
    return this.run<Range | null>(doc, 'prepareRename', null, (text) => this.service.prepareRename(text, position) as Range | null);
  }

  rename(doc: TextDocument, position: Position, newName: string): WorkspaceEdit | null {
    const edits = this.run<TextEdit[]>(doc, 'rename', [], (text) => this.service.computeRename({ uri: doc.uri }, text, position, newName) as TextEdit[]);
    return edits.length ? { changes: { [doc.uri]: edits } } : null;
  }

  signatureHelp(doc: TextDocument, position: Position): SignatureHelp | null {
    return this.run<SignatureHelp | null>(doc, 'signatureHelp', null, (text) => this.service.computeSignatureHelp(text, position) as SignatureHelp | null);
  }

  links(doc: TextDocument): DocumentLink[] {
    return this.run<DocumentLink[]>(doc, 'links', [], (text) => this.service.computeLinks(text) as DocumentLink[]);
  }

  resolveLink(link: DocumentLink): DocumentLink {
    try { return this.service.resolveLink(link) as DocumentLink; } catch { return link; }
  }
}
