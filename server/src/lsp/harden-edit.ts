// Harden's result as one WorkspaceEdit in parts: each changed run of lines is its own edit, labelled
// with the rule that caused it, so VS Code's refactor preview lists the changes separately, with the
// safe ones ticked and the behaviour-changing ones waiting for confirmation.
import type { ChangeAnnotation, TextDocumentEdit, CreateFile, WorkspaceEdit, AnnotatedTextEdit, TextEdit } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import type { HardenResult } from '../core/harden';
import { lineEdits } from '../core/diff';
import { LineIndex } from '../core/text';
import { fileEditChanges } from './actions';

export function hardenWorkspaceEdit(
  uri: string, version: number, original: string, result: HardenResult, findings: readonly Finding[],
  annotationsSupported: boolean, siblingText?: (uri: string) => string | undefined,
): WorkspaceEdit | undefined {
  const edits = lineEdits(original, result.text);
  if (!edits.length && !result.fileEdits.length) return undefined;
  const safe = new Set(lineEdits(original, result.safeText).map((e) => `${e.start}:${e.end}:${e.newText}`));
  const lines = new LineIndex(original);
  const annotations: Record<string, ChangeAnnotation> = {};
  const annotationFor = (isSafe: boolean, label: string) => {
    const id = `${isSafe ? 'safe' : 'confirm'}:${label}`;
    annotations[id] ??= { label, needsConfirmation: !isSafe, description: isSafe ? 'keeps behaviour' : 'changes behaviour: review' };
    return id;
  };
  const textEdits: (TextEdit | AnnotatedTextEdit)[] = edits.map((e) => {
    const isSafe = safe.has(`${e.start}:${e.end}:${e.newText}`);
    // The findings whose own fixes touch this run of lines name the change.
    const touching = findings.filter((x) => x.fix?.offsetEdits.some((o) => o.start <= e.end && o.end >= e.start));
    const label = touching.length === 1 ? `${touching[0].rule}: ${touching[0].fix!.title}`
      : touching.length ? [...new Set(touching.map((x) => x.rule))].join(', ')
        : isSafe ? 'Safe fixes' : 'Hardening additions';
    const edit: TextEdit = { range: lines.range(e), newText: e.newText };
    return annotationsSupported ? { ...edit, annotationId: annotationFor(isSafe, label) } : edit;
  });
  const changes: (TextDocumentEdit | CreateFile)[] = [{ textDocument: { uri, version }, edits: textEdits }];
  changes.push(...fileEditChanges(uri, result.fileEdits, siblingText, annotationsSupported ? annotationFor(true, 'Create or extend .dockerignore') : undefined));
  return annotationsSupported ? { documentChanges: changes, changeAnnotations: annotations } : { documentChanges: changes };
}
