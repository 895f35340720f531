/**
 * Moves cached, chunk-relative analysis to its place in the document. Relies
 * on the naming convention in types.ts: line fields shift by lines, offset
 * fields by characters; nothing else changes (columns are unaffected because
 * chunks start at the start of a line).
 */
import type { Block, Evidence, Section, SectionAnalysis, Statement, StatementJudgement } from './types.js';

const LINE_KEYS = new Set(['line', 'startLine', 'endLine', 'headingLine', 'headingEndLine']);
const OFFSET_KEYS = new Set(['offset', 'startOffset', 'endOffset', 'bodyOffset']);

/** Generic rebase of any value following the naming convention (slow path, for arbitrary shapes). */
export function rebase<T>(value: T, lineDelta: number, offsetDelta: number): T {
  if (lineDelta === 0 && offsetDelta === 0) return value;
  return shift(value, lineDelta, offsetDelta) as T;
}

function shift(value: unknown, lineDelta: number, offsetDelta: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shift(item, lineDelta, offsetDelta));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'number' && LINE_KEYS.has(key)) out[key] = field + lineDelta;
    else if (typeof field === 'number' && OFFSET_KEYS.has(key)) out[key] = field + offsetDelta;
    else out[key] = shift(field, lineDelta, offsetDelta);
  }
  return out;
}

/**
 * The fast path for section analyses (every keystroke moves the chunks below
 * the edit): the same field convention, written out per shape. Copy-then-add
 * keeps every other field (and is much faster in V8 than spreading with
 * overrides).
 */
export function rebaseSections(analyses: readonly SectionAnalysis[], lineDelta: number, offsetDelta: number): SectionAnalysis[] {
  if (lineDelta === 0 && offsetDelta === 0) return analyses.slice();
  return analyses.map((analysis) => rebaseSection(analysis, lineDelta, offsetDelta));
}

/** A copy of the section's own positions moved by the deltas (its blocks are the caller's to move). */
function movedSectionHeader(original: Section, lineDelta: number, offsetDelta: number): Section {
  const section = { ...original };
  if (section.headingLine !== null) section.headingLine += lineDelta;
  if (section.headingEndLine !== null) section.headingEndLine += lineDelta;
  section.startLine += lineDelta;
  section.endLine += lineDelta;
  section.startOffset += offsetDelta;
  section.bodyOffset += offsetDelta;
  section.endOffset += offsetDelta;
  return section;
}

/** One section moved by the deltas: a copy of everything that holds a position. */
export function rebaseSection(analysis: SectionAnalysis, lineDelta: number, offsetDelta: number): SectionAnalysis {
  const section = movedSectionHeader(analysis.section, lineDelta, offsetDelta);
  section.blocks = analysis.section.blocks.map((block) => moveBlock(block, lineDelta, offsetDelta));
  const evidence = analysis.classification.evidence.map((item) => moveEvidence(item, lineDelta, offsetDelta));
  return placedAnalysis(analysis, section, evidence, analysis.statements.map((judgement) => moveJudgement(judgement, lineDelta, offsetDelta)));
}

/**
 * `analysis` with its moved section, classification evidence and statements.
 * Copy-then-assign, as before this helper existed: V8 builds it faster than a
 * spread with overrides, and every section below an edit goes through here.
 */
function placedAnalysis(analysis: SectionAnalysis, section: Section, evidence: Evidence[], statements: StatementJudgement[]): SectionAnalysis {
  const classification = { ...analysis.classification };
  classification.evidence = evidence;
  const out = { ...analysis };
  out.section = section;
  out.statements = statements;
  out.classification = classification;
  return out;
}

/**
 * The section `analysis` (chunk-relative) moved by the deltas, built from
 * `previous`, its placement `lineShift` lines and `offsetShift` characters
 * away: the same result as `rebaseSection`, but blocks and evidence are copied
 * from the previous placement's (allocated together on the last run, so read
 * from nearby memory, not from all over the heap), and its statements, this
 * cache's own, are moved in place.
 */
export function moveSection(analysis: SectionAnalysis, lineDelta: number, offsetDelta: number, previous: SectionAnalysis, lineShift: number, offsetShift: number): SectionAnalysis {
  const section = movedSectionHeader(analysis.section, lineDelta, offsetDelta);
  section.blocks = previous.section.blocks.map((block) => moveBlock(block, lineShift, offsetShift));
  const evidence = previous.classification.evidence.map((item) => moveEvidence(item, lineShift, offsetShift));
  return placedAnalysis(analysis, section, evidence, shiftStatements(previous.statements, lineShift, offsetShift));
}

/**
 * Moves statements in place: only for a placement's own copies, which no
 * result exposes (results carry sections, blocks and classification evidence,
 * never statements), and which no other placement of the same run uses.
 */
export function shiftStatements(statements: StatementJudgement[], lineShift: number, offsetShift: number): StatementJudgement[] {
  if (lineShift === 0 && offsetShift === 0) return statements;
  for (const judgement of statements) {
    shiftStatement(judgement.statement, lineShift, offsetShift);
    for (const item of judgement.evidence) shiftEvidence(item, lineShift, offsetShift);
  }
  return statements;
}

function shiftStatement(statement: Statement, lineDelta: number, offsetDelta: number): Statement {
  statement.line += lineDelta;
  statement.endLine += lineDelta;
  statement.startOffset += offsetDelta;
  statement.endOffset += offsetDelta;
  return statement;
}

function shiftEvidence(item: Evidence, lineDelta: number, offsetDelta: number): Evidence {
  item.line += lineDelta;
  item.startOffset += offsetDelta;
  item.endOffset += offsetDelta;
  return item;
}

// Written out, in the order classify creates the fields: a spread copy of these objects takes about twice the memory.
function moveEvidence(item: Evidence, lineDelta: number, offsetDelta: number): Evidence {
  return {
    side: item.side,
    cueId: item.cueId,
    reason: item.reason,
    weight: item.weight,
    line: item.line + lineDelta,
    text: item.text,
    match: item.match,
    startOffset: item.startOffset + offsetDelta,
    endOffset: item.endOffset + offsetDelta,
  };
}

function moveBlock(item: Block, lineDelta: number, offsetDelta: number): Block {
  const out = { ...item };
  out.startLine += lineDelta;
  out.endLine += lineDelta;
  out.startOffset += offsetDelta;
  out.endOffset += offsetDelta;
  return out;
}

function moveJudgement(item: StatementJudgement, lineDelta: number, offsetDelta: number): StatementJudgement {
  const out = { ...item };
  out.statement = shiftStatement({ ...item.statement }, lineDelta, offsetDelta);
  if (item.evidence.length) out.evidence = item.evidence.map((evidence) => moveEvidence(evidence, lineDelta, offsetDelta));
  return out;
}
