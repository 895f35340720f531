// The shapes every layer shares. Lines in Finding/Section/Statement are 1-based
// (as in the rubric, the corpus and the CLI output); columns are 1-based UTF-16
// code units; offsets are 0-based UTF-16 indexes into the document text.
//
// Position-bearing fields follow one naming convention so cached per-chunk data
// can be moved when text above it changes (see rebase.ts): every field named
// `line`, `startLine`, `endLine` or `headingLine` is a document line, every field
// named `offset`, `startOffset` or `endOffset` is a document offset.

export type Kind = 'prd' | 'roadmap' | 'backlog' | 'vision' | 'unknown';
export const KINDS: readonly Kind[] = ['prd', 'roadmap', 'backlog', 'vision', 'unknown'];

export type Label = 'strategic' | 'tactical' | 'mixed' | 'neutral';
export type Side = 'strategic' | 'tactical';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Point {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
  offset: number; // 0-based
}

export interface Range {
  start: Point;
  end: Point;
}

/** A cue that matched: the reason a statement or section got its label. */
export interface Evidence {
  side: Side;
  cueId: string;
  /** Why this cue counts, in a few words ("a user story template"). */
  reason: string;
  weight: number;
  line: number;
  /** The statement the cue matched in (trimmed, at most ~120 chars). */
  text: string;
  /** The matched words themselves. */
  match: string;
  startOffset: number;
  endOffset: number;
}

export type StatementKind = 'sentence' | 'bullet' | 'row' | 'scenario' | 'heading';

/** The unit the classifier judges: a sentence, a list item, a table row or a whole Given/When/Then scenario. */
export interface Statement {
  kind: StatementKind;
  text: string;
  line: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  /** Index into Section.blocks of the block that holds the statement. */
  block: number;
  /** For bullets: the task-list state (`- [ ]`/`- [x]`), null when not a task item. */
  checked?: boolean | null;
  /** For table rows: the plain text of each cell. For the header row: `header: true`. */
  cells?: string[];
  header?: boolean;
  /** For list items: nesting depth, 0 for a top-level list item. */
  listDepth?: number;
}

export type BlockType =
  | 'paragraph'
  | 'list'
  | 'table'
  | 'code'
  | 'blockquote'
  | 'html'
  | 'thematicBreak'
  | 'definition'
  | 'yaml'
  | 'other';

export interface Block {
  type: BlockType;
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  /** A paragraph that is only bold/strong text on its own line: a pseudo-heading. */
  pseudoHeading?: boolean;
}

/** The rubric's unit: the body directly under one top-level heading (or the preamble). */
export interface Section {
  /** Plain text of the heading; `(preamble)` for content before the first heading. */
  heading: string;
  /** Heading depth 1-6; 0 for the preamble. */
  depth: number;
  /** Line of the heading (the text line for setext headings); null for the preamble. */
  headingLine: number | null;
  /** Last line of the heading (setext headings span two lines). */
  headingEndLine: number | null;
  /** First line of the body: the line after the heading (1 for the preamble). */
  startLine: number;
  /** Last line of the body: the line before the next heading, or the last line. */
  endLine: number;
  /** Offset where the section starts (its heading, or 0 for the preamble). */
  startOffset: number;
  /** Offset of the first body character (after the heading's line break). */
  bodyOffset: number;
  /** Offset just past the section's last character (the next heading's start). */
  endOffset: number;
  blocks: Block[];
}

export interface Classification {
  label: Label;
  /** Scores in [0, 1]. */
  strategic: number;
  tactical: number;
  /** The statements that counted for each side, strongest first. */
  evidence: Evidence[];
  /** A short reason for the label ("2 strategic statements, 0 tactical"). */
  reason: string;
}

export interface StatementJudgement {
  statement: Statement;
  side: Side | null;
  strategic: number;
  tactical: number;
  evidence: Evidence[];
}

/** Everything the engine knows about one section; cached per chunk by createLinter. */
export interface SectionAnalysis {
  section: Section;
  statements: StatementJudgement[];
  classification: Classification;
}

export interface SectionReport extends Section {
  label: Label;
  strategic: number;
  tactical: number;
  evidence: Evidence[];
  reason: string;
}

export interface TextEdit {
  /** [startOffset, endOffset) in the document text. */
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: TextEdit;
  /** The same edit as a VS Code snippet string (with ${1:placeholder} tab stops), when the editor can offer one. */
  snippet?: string;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  url: string;
  evidence: Evidence[];
  related: RelatedLocation[];
  /** A safe, local edit that --fix, "Fix all" and fix-on-save apply. */
  fix?: TextEdit;
  /** Structural edits offered only one by one as code actions. */
  suggestions?: Suggestion[];
}

export interface LintResult {
  kind: Kind;
  /** How the kind was decided. */
  kindSource: 'config' | 'front-matter' | 'file-name' | 'content' | 'none';
  findings: Finding[];
  sections: SectionReport[];
  /** Set when the file was not analysed (too large, binary): why. */
  skipped?: string;
}
