// Linting of open documents for the server: kind detection, settings, workspace host and a cache
// keyed by document version so unchanged documents are never re-linted.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintInput, type LintResult } from '../core/engine';
import { kindFromLanguageId, kindFromName, guessKind } from '../core/kind';
import type { DocumentKind } from '../core/types';
import type { RuleSettings } from '../core/config/settings';
import { fsWorkspace } from '../node/fs-workspace';
import { EMPTY_WORKSPACE } from '../core/workspace';
import { findConfigFile, loadConfigFile } from '../node/config-files';

export interface LintEntry { version: number; input: LintInput; result: LintResult }

export class DocumentLinter {
  private readonly cache = new Map<string, LintEntry>();
  private readonly configCache = new Map<string, Partial<RuleSettings>>();
  workspaceFolders: string[] = [];
  settingsOverride: Partial<RuleSettings> = {};
  /** Open documents by file path, so workspace rules see unsaved buffers. */
  openText: (absPath: string) => string | undefined = () => undefined;
  onRuleError: (rule: string, message: string) => void = () => {};
  private readonly reportedRuleErrors = new Set<string>();

  kindOf(doc: TextDocument): DocumentKind | undefined {
    const byLang = kindFromLanguageId(doc.languageId);
    if (byLang) return byLang;
    const name = decodeURIComponent(doc.uri.replace(/[?#].*$/, '').split('/').pop() ?? '');
    const byName = kindFromName(name);
    if (byName) return byName;
    if (doc.languageId === 'yaml' || doc.languageId === 'plaintext') return undefined;
    return doc.languageId ? undefined : guessKind(name, doc.getText());
  }

  invalidate(uri?: string) {
    if (uri) this.cache.delete(uri); else this.cache.clear();
  }

  invalidateConfig() { this.configCache.clear(); this.cache.clear(); }

  forget(uri: string) { this.cache.delete(uri); }

  inputFor(doc: TextDocument): LintInput | undefined {
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    let workspace = EMPTY_WORKSPACE;
    let rel: string | undefined;
    let settings: Partial<RuleSettings> = {};
    if (doc.uri.startsWith('file:')) {
      const abs = fileURLToPath(doc.uri);
      const dir = path.dirname(abs);
      const root = this.workspaceFolders.filter((f) => abs.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? dir;
      workspace = fsWorkspace(dir, root, (p) => this.openText(p));
      rel = path.relative(root, abs);
      settings = this.configFor(dir, root);
    }
    return { text: doc.getText(), kind, path: rel, workspace, settings: { ...settings, ...this.settingsOverride } };
  }

  private configFor(dir: string, root: string): Partial<RuleSettings> {
    const hit = this.configCache.get(dir);
    if (hit) return hit;
    const file = findConfigFile(dir, root);
    const s = file ? loadConfigFile(file) : undefined;
    const settings = s && !s.errors.length ? s.settings : {};
    this.configCache.set(dir, settings);
    return settings;
  }

  lint(doc: TextDocument): LintEntry | undefined {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const input = this.inputFor(doc);
    if (!input) { this.cache.delete(doc.uri); return undefined; }
    const result = lint(input);
    for (const e of result.ruleErrors) {
      if (this.reportedRuleErrors.has(e.rule)) continue;
      this.reportedRuleErrors.add(e.rule);
      this.onRuleError(e.rule, e.message);
    }
    const entry = { version: doc.version, input, result };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  cached(uri: string): LintEntry | undefined { return this.cache.get(uri); }
}
