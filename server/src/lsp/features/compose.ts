// Compose editor features: completion and hover of keys from the Compose schema (with its
// descriptions), completion of service/network/secret/config names where they are referenced, go to
// definition from references to their declarations, and an outline. The logic is pure
// (core/compose/navigation.ts); this file turns it into LSP results, guarded like the Dockerfile side.
import {
  CompletionItemKind, CompletionItemTag, InsertTextMode, MarkupKind, SymbolKind,
  type ClientCapabilities, type CompletionItem, type DocumentSymbol, type Hover, type Location, type Position, type SymbolInformation,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import schemaJson from '../../core/compose/schema/compose-spec.json';
import { parseCompose } from '../../core/compose/parse';
import type { ComposeFile } from '../../core/compose/model';
import {
  composeOutline, declarationOf, declaredNames, describeKey, keyContextAt, keysAt, referenceAt, referenceKindOfList,
  type JsonSchema, type KeyInfo, type OutlineItem, type OutlineKind,
} from '../../core/compose/navigation';
import { findNodeAtOffset } from '../../core/compose/query';
import { LineIndex } from '../../core/text';
import type { FeatureGuard, Limits } from './guard';

const SCHEMA = schemaJson as unknown as JsonSchema;

/**
 * Our own code, linear in the text; parsing dominates (once per document version): ≈ 0.3–0.6 s for
 * 10,000 lines, ≈ 1.2 s for 20,000 lines here.
 */
export const COMPOSE_LIMITS: Limits = { lines: 10_000, chars: 500_000 };

export const COMPOSE_ITEM = 'seaworthy.compose';

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Namespace, service: SymbolKind.Class, network: SymbolKind.Interface, volume: SymbolKind.Struct,
  secret: SymbolKind.Key, config: SymbolKind.Object, model: SymbolKind.Constant,
};

function typeLabel(info: KeyInfo): string {
  return info.types.filter((t) => t !== 'null').join(' | ') || 'any';
}

export function keyMarkdown(info: KeyInfo): string {
  const parts = [`**${info.key}**${info.types.length ? ` \`${typeLabel(info)}\`` : ''}`];
  if (info.deprecated) parts.push('*Deprecated.*');
  if (info.description) parts.push(info.description);
  if (info.enum?.length) parts.push(`Values: ${info.enum.map((v) => `\`${v}\``).join(', ')}`);
  return parts.join('\n\n');
}

export class ComposeFeatures {
  private readonly parsed = new Map<string, { version: number; file: ComposeFile; lines: LineIndex }>();
  private hierarchicalSymbols = false;
  private insertAsIs = false;
  private deprecatedTag = false;

  constructor(private readonly guard: FeatureGuard) {}

  setClientCapabilities(caps: ClientCapabilities): void {
    const td = caps.textDocument;
    this.hierarchicalSymbols = !!td?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    this.insertAsIs = !!td?.completion?.completionItem?.insertTextModeSupport?.valueSet?.includes(InsertTextMode.asIs);
    this.deprecatedTag = !!td?.completion?.completionItem?.tagSupport?.valueSet?.includes(CompletionItemTag.Deprecated);
  }

  forget(uri: string): void { this.parsed.delete(uri); }

  private run<T>(doc: TextDocument, feature: string, empty: T, fn: (file: ComposeFile, lines: LineIndex, text: string) => T): T {
    const text = doc.getText();
    let hit = this.parsed.get(doc.uri);
    const lines = hit && hit.version === doc.version ? hit.lines : new LineIndex(text);
    const shape = { lines: lines.lineCount, chars: text.length };
    if (!this.guard.allowed(doc.uri, `compose.${feature}`, shape, COMPOSE_LIMITS)) return empty;
    return this.guard.run(doc.uri, `compose.${feature}`, shape, empty, () => {
      if (!hit || hit.version !== doc.version) {
        hit = { version: doc.version, file: parseCompose(text).ast, lines };
        this.parsed.set(doc.uri, hit);
      }
      return fn(hit.file, hit.lines, text);
    });
  }

  completion(doc: TextDocument, position: Position): CompletionItem[] {
    return this.run<CompletionItem[]>(doc, 'completion', [], (file, lines, text) => {
      const offset = lines.offset(position);
      const ctx = keyContextAt(text, offset);
      if (!ctx) return this.valueCompletion(text, offset, lines);
      const range = { start: lines.position(ctx.prefixStart), end: position };
      const items: CompletionItem[] = [];
      // `- ` items of a list of references (`depends_on`, `networks`, `secrets`, `configs`…).
      const last = ctx.path[ctx.path.length - 1];
      const listKind = typeof last === 'number' ? referenceKindOfList(ctx.path.slice(0, -1)) : undefined;
      const mapKind = ctx.path[2] === 'depends_on' || ctx.path[2] === 'networks' ? referenceKindOfList(ctx.path) : undefined;
      const refKind = listKind ?? mapKind;
      if (refKind) {
        const self = ctx.path[1];
        for (const name of declaredNames(file, offset, refKind)) {
          if (refKind === 'service' && name === self) continue;
          if (mapKind && ctx.siblings.includes(name)) continue;
          items.push({
            label: name, kind: CompletionItemKind.Reference, detail: refKind,
            textEdit: { range, newText: mapKind ? `${name}:` : name }, data: { [COMPOSE_ITEM]: true },
          });
        }
      }
      for (const info of keysAt(SCHEMA, ctx.path)) {
        if (ctx.siblings.includes(info.key)) continue;
        const objectOnly = info.types.length > 0 && info.types.every((t) => t === 'object' || t === 'null');
        const arrayOnly = info.types.length > 0 && info.types.every((t) => t === 'array' || t === 'null');
        const indent = ' '.repeat(ctx.column + 2);
        const newText = this.insertAsIs && objectOnly ? `${info.key}:\n${indent}`
          : this.insertAsIs && arrayOnly ? `${info.key}:\n${indent}- `
            : `${info.key}: `;
        items.push({
          label: info.key,
          kind: CompletionItemKind.Property,
          detail: typeLabel(info),
          documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(info) },
          textEdit: { range, newText },
          ...(this.insertAsIs ? { insertTextMode: InsertTextMode.asIs } : {}),
          ...(info.deprecated ? (this.deprecatedTag ? { tags: [CompletionItemTag.Deprecated] } : { deprecated: true }) : {}),
          sortText: `${info.required ? '0' : info.deprecated ? '2' : '1'}${info.key}`,
          data: { [COMPOSE_ITEM]: true },
        });
      }
      return items;
    });
  }

  /** After `key: `: the schema's enumerated values for that key. */
  private valueCompletion(text: string, offset: number, lines: LineIndex): CompletionItem[] {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const m = /^([ \t]*(?:-[ \t]+)*)([A-Za-z0-9_.-]+):[ \t]+([^\s#'"]*)$/.exec(text.slice(lineStart, offset));
    if (!m) return [];
    const keyStart = lineStart + m[1].length;
    const ctx = keyContextAt(text, keyStart);
    if (!ctx) return [];
    const info = describeKey(SCHEMA, [...ctx.path, m[2]]);
    if (!info?.enum?.length) return [];
    const range = { start: lines.position(offset - m[3].length), end: lines.position(offset) };
    return info.enum.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v }, data: { [COMPOSE_ITEM]: true } }));
  }

  hover(doc: TextDocument, position: Position): Hover | null {
    return this.run<Hover | null>(doc, 'hover', null, (file, lines) => {
      const at = findNodeAtOffset(file, lines.offset(position));
      if (!at || !at.onKey || !at.pair) return null;
      const info = describeKey(SCHEMA, at.path);
      if (!info || (!info.description && !info.deprecated)) return null;
      return { contents: { kind: MarkupKind.Markdown, value: keyMarkdown(info) }, range: lines.range(at.pair.key) };
    });
  }

  definition(doc: TextDocument, position: Position): Location | null {
    return this.run<Location | null>(doc, 'definition', null, (file, lines) => {
      const ref = referenceAt(file, lines.offset(position));
      if (!ref) return null;
      const decl = declarationOf(ref.document, ref.kind, ref.name);
      return decl ? { uri: doc.uri, range: lines.range(decl) } : null;
    });
  }

  symbols(doc: TextDocument): DocumentSymbol[] | SymbolInformation[] {
    return this.run<DocumentSymbol[] | SymbolInformation[]>(doc, 'symbols', [], (file, lines) => {
      const outline = composeOutline(file);
      const toSymbol = (o: OutlineItem): DocumentSymbol => ({
        name: o.name, kind: SYMBOL_KINDS[o.kind], range: lines.range(o.span), selectionRange: lines.range(o.selection),
        ...(o.detail ? { detail: o.detail } : {}), children: o.children.map(toSymbol),
      });
      if (this.hierarchicalSymbols) return outline.map(toSymbol);
      const flat: SymbolInformation[] = [];
      for (const s of outline) {
        flat.push({ name: s.name, kind: SYMBOL_KINDS[s.kind], location: { uri: doc.uri, range: lines.range(s.span) } });
        for (const c of s.children) flat.push({ name: c.name, kind: SYMBOL_KINDS[c.kind], location: { uri: doc.uri, range: lines.range(c.span) }, containerName: s.name });
      }
      return flat;
    });
  }
}
