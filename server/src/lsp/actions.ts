// Code actions from findings: quick fixes, "disable for this line/file", fix-all, as LSP objects.
import {
  CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity, DiagnosticTag, type TextEdit, type WorkspaceEdit,
  type CreateFile, type TextDocumentEdit, OptionalVersionedTextDocumentIdentifier,
} from 'vscode-languageserver';
import type { FileEdit, Finding, Fix, Severity } from '../core/types';
import { ruleDocUrl } from '../core/meta';
import { LineIndex } from '../core/text';
import { fileEditResult } from '../core/file-edits';
import type { DocumentKind } from '../core/types';

export const FIX_ALL_KIND = 'source.fixAll.seaworthy';
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};
const DEPRECATED = new Set(['maintainer-deprecated']);

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range, severity: SEVERITY[f.severity], code: f.rule, source: 'seaworthy', message: f.message,
    codeDescription: f.rule !== 'syntax-error' ? { href: ruleDocUrl(f.rule) } : undefined,
  };
  if (DEPRECATED.has(f.rule)) d.tags = [DiagnosticTag.Deprecated];
  if (f.rule === 'unused-suppression') d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** Sibling path for a file edit, as a URI beside the document. */
function siblingUri(docUri: string, rel: string): string {
  const base = docUri.replace(/[^/]*$/, '');
  return base + rel.split('/').map(encodeURIComponent).join('/');
}

export function fixToWorkspaceEdit(uri: string, version: number, fix: Fix, siblingText?: (uri: string) => string | undefined): WorkspaceEdit {
  return {
    documentChanges: [
      { textDocument: OptionalVersionedTextDocumentIdentifier.create(uri, version), edits: fix.edits as TextEdit[] },
      ...fileEditChanges(uri, fix.fileEdits ?? [], siblingText),
    ],
  };
}

/** Edits to files beside the document (e.g. creating `.dockerignore`) as LSP document changes that
 * leave the file with the text the CLI writes (`fileEditResult`). */
export function fileEditChanges(uri: string, fileEdits: readonly FileEdit[], siblingText?: (uri: string) => string | undefined, annotationId?: string): (TextDocumentEdit | CreateFile)[] {
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  const annotate = <T extends object>(e: T) => (annotationId ? { ...e, annotationId } : e);
  for (const fe of fileEdits) {
    const target = siblingUri(uri, fe.path);
    const existing = siblingText?.(target);
    const after = fileEditResult(existing, fe);
    if (after === undefined) continue;
    if (existing === undefined) {
      changes.push(annotate({ kind: 'create', uri: target, options: { ignoreIfExists: true } }) as CreateFile);
      changes.push({ textDocument: { uri: target, version: null }, edits: [annotate({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: after })] });
    } else {
      const edit = minimalEdit(existing, after);
      if (edit) changes.push({ textDocument: { uri: target, version: null }, edits: [annotate(edit)] });
    }
  }
  return changes;
}

export function quickFixes(uri: string, version: number, text: string, kind: DocumentKind, findings: Finding[], diagnostics: Diagnostic[], siblingText?: (uri: string) => string | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const lines = new LineIndex(text);
  for (const diag of diagnostics) {
    if (diag.source !== 'seaworthy') continue;
    const f = findings.find((x) => x.rule === diag.code && x.range.start.line === diag.range.start.line && x.range.start.character === diag.range.start.character);
    if (!f) continue;
    for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
      if (!fix) continue;
      const a = CodeAction.create(fix.safe ? fix.title : `${fix.title} (changes behaviour)`, fixToWorkspaceEdit(uri, version, fix, siblingText), CodeActionKind.QuickFix);
      a.diagnostics = [diag];
      a.isPreferred = fix.safe && fix === f.fix;
      actions.push(a);
    }
    if (f.rule === 'syntax-error' || f.rule === 'file-too-large') continue;
    actions.push(...disableActions(uri, version, lines, kind, f, diag));
  }
  return actions;
}

function disableActions(uri: string, version: number, lines: LineIndex, kind: DocumentKind, f: Finding, diag: Diagnostic): CodeAction[] {
  const line = f.range.start.line;
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const eol = lines.eol();
  const lineEdit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# seaworthy-ignore ${f.rule}${eol}` };
  // File-level comment: after parser directives in a Dockerfile (they must stay first), at the top of YAML.
  let top = 0;
  if (kind === 'dockerfile') while (top < lines.lineCount && /^#\s*[a-zA-Z-]+\s*=/.test(lines.lineText(top))) top++;
  const fileEdit: TextEdit = { range: { start: { line: top, character: 0 }, end: { line: top, character: 0 } }, newText: `# seaworthy-ignore-file ${f.rule}${eol}` };
  const mk = (title: string, e: TextEdit) => {
    const a = CodeAction.create(title, { documentChanges: [{ textDocument: { uri, version }, edits: [e] }] }, CodeActionKind.QuickFix);
    a.diagnostics = [diag];
    return a;
  };
  // A comment above a comment covers nothing: unused suppressions can only be disabled per file.
  if (f.rule === 'unused-suppression') return [mk(`Disable ${f.rule} for this file`, fileEdit)];
  return [mk(`Disable ${f.rule} for this line`, lineEdit), mk(`Disable ${f.rule} for this file`, fileEdit)];
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  const idx = new LineIndex(before);
  return { range: { start: idx.position(s), end: idx.position(before.length - e) }, newText: after.slice(s, after.length - e) };
}
