/**
 * Moves cached, chunk-relative analysis to its place in the document. Relies
 * on the naming convention in types.ts: line fields shift by lines, offset
 * fields by characters; nothing else changes (columns are unaffected because
 * chunks start at the start of a line).
 */
import type { Block, Evidence, SectionAnalysis, StatementJudgement } from './types.js';

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
 * the edit): the same field convention, written out per shape. Evidence
 * objects shared between a statement and its section stay shared.
 */
export function rebaseSections(analyses: readonly SectionAnalysis[], lineDelta: number, offsetDelta: number): SectionAnalysis[] {
  if (lineDelta === 0 && offsetDelta === 0) return analyses.slice();
  const moved = new Map<Evidence, Evidence>();
  const evidence = (item: Evidence): Evidence => {
    let out = moved.get(item);
    if (!out) {
      out = { ...item, line: item.line + lineDelta, startOffset: item.startOffset + offsetDelta, endOffset: item.endOffset + offsetDelta };
      moved.set(item, out);
    }
    return out;
  };
  const block = (item: Block): Block => ({
    ...item,
    startLine: item.startLine + lineDelta,
    endLine: item.endLine + lineDelta,
    startOffset: item.startOffset + offsetDelta,
    endOffset: item.endOffset + offsetDelta,
  });
  const judgement = (item: StatementJudgement): StatementJudgement => ({
    ...item,
    statement: {
      ...item.statement,
      line: item.statement.line + lineDelta,
      endLine: item.statement.endLine + lineDelta,
      startOffset: item.statement.startOffset + offsetDelta,
      endOffset: item.statement.endOffset + offsetDelta,
    },
    evidence: item.evidence.map(evidence),
  });
  return analyses.map(({ section, statements, classification }) => ({
    section: {
      ...section,
      headingLine: section.headingLine === null ? null : section.headingLine + lineDelta,
      headingEndLine: section.headingEndLine === null ? null : section.headingEndLine + lineDelta,
      startLine: section.startLine + lineDelta,
      endLine: section.endLine + lineDelta,
      startOffset: section.startOffset + offsetDelta,
      bodyOffset: section.bodyOffset + offsetDelta,
      endOffset: section.endOffset + offsetDelta,
      blocks: section.blocks.map(block),
    },
    statements: statements.map(judgement),
    classification: { ...classification, evidence: classification.evidence.map(evidence) },
  }));
}
