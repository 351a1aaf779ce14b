// Shared vocabulary of the pure core. Positions follow LSP: 0-based lines, UTF-16 characters.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A half-open span of UTF-16 offsets into a document's text. */
export interface Span { start: number; end: number }

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type DocumentKind = 'dockerfile' | 'compose';

/** An edit in offsets; the engine turns it into a range-based edit for the adapters. */
export interface OffsetEdit { start: number; end: number; newText: string }

/** An edit to another file (e.g. creating `.dockerignore`). `path` is relative to the document's folder. */
export interface FileEdit { path: string; newText: string; create?: boolean; append?: boolean }

export interface FixSpec {
  title: string;
  /** Safe fixes keep behaviour; they are preferred, applied by fix-all and `lint --fix`. */
  safe: boolean;
  edits: OffsetEdit[];
  fileEdits?: FileEdit[];
}

export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
  /** The same edits in offsets, for adapters that apply text directly (CLI, fix-all). */
  offsetEdits: OffsetEdit[];
  fileEdits?: FileEdit[];
}

export interface Finding {
  rule: string;
  aliases: readonly string[];
  severity: Severity;
  message: string;
  range: Range;
  span: Span;
  fix?: Fix;
  /** Fixes beyond the main one (alternatives the user chooses between). */
  suggestions?: Fix[];
}

export interface ParseError { message: string; span: Span; range?: Range }
