// Linting of open documents for the server: kind detection, settings (editor settings over the
// nearest config file), exclusion, the workspace host, and a cache keyed by document version so
// unchanged documents are never re-linted. Configuration files themselves are checked here too.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintInput, type LintResult } from '../core/engine';
import { kindFromLanguageId, kindFromName, guessKind } from '../core/kind';
import type { DocumentKind } from '../core/types';
import { mergeSettings } from '../core/config/settings';
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings } from '../core/config/editor';
import { configFormatOf, parseConfig, type ConfigFormat, type ConfigProblem } from '../core/config/project';
import { excludedBy } from '../core/config/glob';
import { reportYamlSyntaxErrors } from '../core/compose/coexist';
import { FileCache, fsWorkspace } from '../node/fs-workspace';
import { EMPTY_WORKSPACE } from '../core/workspace';
import { forgetShellcheckLookup, lintTools } from '../node/shellcheck';
import { ConfigResolver, repositoryRoot, type LoadedConfigFile, type ResolvedConfig } from '../node/config-files';

export interface LintEntry {
  version: number;
  input: LintInput;
  result: LintResult;
  /** The nearest configuration file(s) that applied. */
  config?: ResolvedConfig;
  /** The first applied config file with errors: the document gets a warning pointing at it. */
  brokenConfig?: LoadedConfigFile;
}

/** Bumped whenever settings or configuration files change, so cached results and pull result ids expire. */
export class DocumentLinter {
  private readonly cache = new Map<string, LintEntry & { generation: number }>();
  private readonly configs = new ConfigResolver();
  /** Real paths and texts of files beside documents (.dockerignore, Dockerfiles named by compose files), across lints. */
  private readonly files = new FileCache();
  generation = 0;
  workspaceFolders: string[] = [];
  /** Workspace trust: when false, nothing the workspace configures may run a program. */
  trusted = true;
  /** Editor settings for a document URI (the server fills them from `workspace/configuration`). */
  editorSettings: (uri: string) => EditorSettings = () => DEFAULT_EDITOR_SETTINGS;
  /** Ids of other installed extensions, as the client reports them. */
  otherExtensions: () => readonly string[] = () => [];
  /**
   * Set by the server when it can show late findings (push, or pull with refresh): ShellCheck then runs in the
   * background and this is called when its answers are in. Unset, a lint waits for ShellCheck.
   */
  shellcheckReady?: () => void;
  /** Open documents by file path, so workspace rules see unsaved buffers. */
  openText: (absPath: string) => string | undefined = () => undefined;
  onRuleError: (rule: string, message: string) => void = () => {};
  private readonly reportedRuleErrors = new Set<string>();

  kindOf(doc: TextDocument): DocumentKind | undefined {
    if (this.configFormatOf(doc)) return undefined;
    const byLang = kindFromLanguageId(doc.languageId);
    if (byLang) return byLang;
    const name = fileNameOf(doc.uri);
    const byName = kindFromName(name);
    if (byName) return byName;
    if (doc.languageId === 'yaml' || doc.languageId === 'plaintext') return undefined;
    return doc.languageId ? undefined : guessKind(name, doc.getText());
  }

  /** `.seaworthy.yaml`, `.hadolint.yaml`, `.dclintrc`…: checked as configuration, not linted. */
  configFormatOf(doc: TextDocument): ConfigFormat | undefined {
    return configFormatOf(fileNameOf(doc.uri));
  }

  /** Problems in a configuration document, from its current (possibly unsaved) text. */
  configProblems(doc: TextDocument): ConfigProblem[] | undefined {
    const format = this.configFormatOf(doc);
    return format ? parseConfig(format, doc.getText()).problems : undefined;
  }

  invalidate(uri?: string) {
    if (uri) this.cache.delete(uri); else this.cache.clear();
  }

  /** Every document's findings may have changed (not its settings): lint again, and pull result ids expire. */
  invalidateResults() { this.cache.clear(); this.generation++; }

  /** Settings or config files changed: everything is re-read and re-linted. */
  invalidateConfig() { this.configs.clear(); this.files.clear(); this.cache.clear(); forgetShellcheckLookup(); this.generation++; }

  forget(uri: string) { this.cache.delete(uri); }

  /** The workspace folder holding a path (the deepest, for nested folders). */
  folderOf(abs: string): string | undefined {
    return this.workspaceFolders.filter((f) => abs === f || abs.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  private resolve(doc: TextDocument): { input: LintInput; config?: ResolvedConfig; excluded: boolean } | undefined {
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    const editor = this.editorSettings(doc.uri);
    let workspace = EMPTY_WORKSPACE;
    let rel: string | undefined;
    let config: ResolvedConfig | undefined;
    let excluded = false;
    if (doc.uri.startsWith('file:')) {
      const abs = fileURLToPath(doc.uri);
      const dir = path.dirname(abs);
      const folder = this.folderOf(abs);
      const root = folder ?? dir;
      workspace = fsWorkspace(dir, root, (p) => this.openText(p), this.files);
      rel = path.relative(root, abs);
      // Inside a workspace folder the walk stops at the folder; a loose file stops at its repository.
      config = this.configs.forDirectory(dir, kind, folder ?? repositoryRoot(dir));
      const posix = (base: string) => path.relative(base, abs).split(path.sep).join('/');
      excluded = !!excludedBy(posix(root), editor.exclude) || config.exclude.some((e) => !!excludedBy(posix(e.base), e.patterns));
    }
    const settings = mergeSettings(config?.settings, editor.settings);
    // ShellCheck: never in an untrusted workspace; the editor setting, else the project's, else on when found.
    const ready = this.shellcheckReady;
    const tools = lintTools({
      shellcheck: this.trusted && (editor.shellcheck.enable ?? config?.shellcheck?.enable ?? true), shellcheckPath: editor.shellcheck.path,
      background: ready && { document: doc.uri, ready },
    });
    // Plain YAML syntax errors step aside for Red Hat YAML, which underlines the same ones.
    const composeSyntaxErrors = kind === 'compose' ? reportYamlSyntaxErrors(editor.composeSyntaxErrors, this.otherExtensions().includes('redhat.vscode-yaml')) : undefined;
    return { input: { text: doc.getText(), kind, path: rel, workspace, settings, tools, composeSyntaxErrors }, config, excluded };
  }

  /** The lint input for a document (also for Harden), whatever `enable` and `exclude` say. */
  inputFor(doc: TextDocument): LintInput | undefined {
    return this.resolve(doc)?.input;
  }

  /** Lints a document, or undefined when it is not ours, linting is disabled for it, or it is excluded. */
  lint(doc: TextDocument): LintEntry | undefined {
    const cached = this.cache.get(doc.uri);
    // The text too: a client that reuses a version number must not get findings (and fix offsets) of older text.
    if (cached && cached.version === doc.version && cached.generation === this.generation && cached.input.text === doc.getText()) return cached;
    const r = this.editorSettings(doc.uri).enable ? this.resolve(doc) : undefined;
    if (!r || r.excluded) { this.cache.delete(doc.uri); return undefined; }
    const result = lint(r.input);
    for (const e of result.ruleErrors) {
      if (this.reportedRuleErrors.has(e.rule)) continue;
      this.reportedRuleErrors.add(e.rule);
      this.onRuleError(e.rule, e.message);
    }
    const entry = { version: doc.version, input: r.input, result, config: r.config, brokenConfig: r.config?.files.find((f) => f.errors.length), generation: this.generation };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  cached(uri: string): LintEntry | undefined { return this.cache.get(uri); }
}

/**
 * The last path segment of a URI, decoded. Cut at the first `?` or `#` by hand: `/[?#].*$/` was quadratic on a
 * long run of `#` (URIs hold no raw line breaks, the only case where the two could differ).
 */
function fileNameOf(uri: string): string {
  const q = uri.indexOf('?');
  const h = uri.indexOf('#');
  const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  return decodeURIComponent((cut < 0 ? uri : uri.slice(0, cut)).split('/').pop() ?? '');
}
