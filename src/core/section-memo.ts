/**
 * Per-section facts that survive re-lints. The chunk cache hands out a new
 * copy of every section below an edit on each keystroke (its positions moved);
 * each copy is tagged with the cached analysis it came from and how far it
 * moved. A fact computed once for that origin is then only moved too, instead
 * of being read again from the section's statements.
 */
import type { Range, RelatedLocation, SectionAnalysis, Suggestion, TextEdit } from './types.js';

interface Origin {
  /** Stands for the section's text and analysis: the same key means the same content. */
  key: object;
  lineDelta: number;
  offsetDelta: number;
}

const ORIGINS = new WeakMap<SectionAnalysis, Origin>();

/** Tags `placed` as `origin` moved by the given deltas (composing with origin's own tag). */
export function tagOrigin(placed: SectionAnalysis, origin: object, lineDelta: number, offsetDelta: number): void {
  ORIGINS.set(placed, { key: origin, lineDelta, offsetDelta });
}

export function originOf(analysis: SectionAnalysis): Origin | undefined {
  return ORIGINS.get(analysis);
}

interface Memo<T> {
  value: T;
  offsetDelta: number;
  lineDelta: number;
}

/** A cache of one fact per section origin (and optional variant, such as option values). */
export class SectionMemo<T> {
  private readonly memos = new WeakMap<object, Map<string, Memo<T>>>();

  /**
   * The fact for `analysis`: computed when its origin was never seen, else the
   * stored fact moved by `move(value, lineShift, offsetShift)` (which must
   * also point it at this analysis' objects).
   */
  get(analysis: SectionAnalysis, variant: string, compute: () => T, move: (value: T, lineShift: number, offsetShift: number) => T): T {
    const origin = ORIGINS.get(analysis);
    if (!origin) return compute();
    let byVariant = this.memos.get(origin.key);
    if (!byVariant) {
      byVariant = new Map();
      this.memos.set(origin.key, byVariant);
    }
    const memo = byVariant.get(variant);
    if (!memo) {
      const value = compute();
      byVariant.set(variant, { value, lineDelta: origin.lineDelta, offsetDelta: origin.offsetDelta });
      return value;
    }
    return move(memo.value, origin.lineDelta - memo.lineDelta, origin.offsetDelta - memo.offsetDelta);
  }
}

/** A rule's reports about one section, as computed for one placement of its origin. */
interface ReportsMemo<R> {
  reports: R[];
  lineDelta: number;
  offsetDelta: number;
  /** The section's own extent relative to its origin: a preamble or a last section may be placed wider. */
  extent: string;
}

/** What the memo moves: a report's range, related ranges, fix and suggestions' fixes (evidence is the caller's: the section's own, already moved). */
export interface MovableReport {
  range: Range;
  related?: RelatedLocation[];
  fix?: TextEdit;
  suggestions?: Suggestion[];
}

/**
 * Reports of a rule that reads only one section (and the settings in
 * `variant`), remembered per section origin. Messages may name lines, so a
 * section that moved by lines is checked again; one that moved only by
 * characters (a keystroke above it, within a line) gets copies of the stored
 * reports with every offset moved (columns do not change: chunks start at a
 * line start). Always fresh objects: no two results share a report, and the
 * caller may complete them.
 */
export class SectionReportMemo<R extends MovableReport> {
  private readonly memos = new WeakMap<object, Map<string, ReportsMemo<R>>>();

  get(analysis: SectionAnalysis, variant: string, compute: () => R[]): R[] {
    const origin = ORIGINS.get(analysis);
    if (!origin) return compute();
    const { section } = analysis;
    const extent = `${section.startLine - origin.lineDelta},${section.endLine - origin.lineDelta},${section.startOffset - origin.offsetDelta},${section.endOffset - origin.offsetDelta}`;
    let byVariant = this.memos.get(origin.key);
    if (!byVariant) {
      byVariant = new Map();
      this.memos.set(origin.key, byVariant);
    }
    const memo = byVariant.get(variant);
    if (memo && memo.extent === extent && memo.lineDelta === origin.lineDelta) {
      const shift = origin.offsetDelta - memo.offsetDelta;
      return memo.reports.length === 0 ? [] : memo.reports.map((report) => moveReport(report, shift));
    }
    const reports = compute();
    byVariant.set(variant, { reports: reports.map((report) => moveReport(report, 0)), lineDelta: origin.lineDelta, offsetDelta: origin.offsetDelta, extent });
    return reports;
  }
}

// Copy-then-assign: much faster in V8 than spreading with overrides.
function moveReport<R extends MovableReport>(report: R, shift: number): R {
  const out = { ...report };
  out.range = moveRange(report.range, shift);
  if (report.related) out.related = report.related.map((item) => moveRelated(item, shift));
  if (report.fix) out.fix = moveEdit(report.fix, shift);
  if (report.suggestions) out.suggestions = report.suggestions.map((item) => moveSuggestion(item, shift));
  return out;
}

function moveRelated(item: RelatedLocation, shift: number): RelatedLocation {
  const out = { ...item };
  out.range = moveRange(item.range, shift);
  return out;
}

function moveSuggestion(item: Suggestion, shift: number): Suggestion {
  const out = { ...item };
  out.fix = moveEdit(item.fix, shift);
  return out;
}

function moveRange(range: Range, shift: number): Range {
  const start = { ...range.start };
  start.offset += shift;
  const end = { ...range.end };
  end.offset += shift;
  return { start, end };
}

function moveEdit(edit: TextEdit, shift: number): TextEdit {
  const out = { ...edit };
  out.range = [edit.range[0] + shift, edit.range[1] + shift];
  return out;
}
