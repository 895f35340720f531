import type { Point, Range } from './types.js';

/** Offsets of the first character of every line (line 1 starts at index 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Maps offsets to 1-based line/column points with a binary search over line starts. */
export class LineIndex {
  readonly starts: number[];
  /** `starts` (from `revise`) must be the text's line starts. */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The index of `text`, an edit of `previous`'s text: line starts before and
   * after the changed span are taken from `previous` (the ones after moved),
   * only the changed span is searched for line breaks.
   */
  static revise(previous: LineIndex | undefined, text: string): LineIndex {
    if (!previous) return new LineIndex(text);
    const old = previous.text;
    if (old === text) return previous;
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
    const oldStarts = previous.starts;
    // A line start s needs its line break (at s - 1) inside the common prefix.
    const kept = firstAbove(oldStarts, prefix, 0);
    const changed: number[] = [];
    const changedEnd = text.length - suffix;
    for (let at = text.indexOf('\n', prefix); at !== -1 && at < changedEnd; at = text.indexOf('\n', at + 1)) changed.push(at + 1);
    const delta = text.length - old.length;
    const moved = firstAbove(oldStarts, old.length - suffix, kept);
    // One copy of the old starts, patched (a keystroke keeps the line count): no array grown line by line.
    const starts = kept + changed.length + oldStarts.length - moved === oldStarts.length ? oldStarts.slice() : oldStarts.slice(0, kept);
    for (let j = 0; j < changed.length; j++) starts[kept + j] = changed[j];
    for (let i = moved, j = kept + changed.length; i < oldStarts.length; i++, j++) starts[j] = oldStarts[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low] + 1, offset: clamped };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.point(startOffset), end: this.point(endOffset) };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' && line < this.starts.length ? next - 1 : next;
  }

  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Index of the first of the ascending `starts` (from `from` on) that is above `offset`. */
function firstAbove(starts: readonly number[], offset: number, from: number): number {
  let low = from;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Shortens a statement for messages and evidence. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

// Equality of slices is a native block compare; startsWith and charCodeAt loops are many times slower on long texts.
const LARGEST_STEP = 65536;

/** Length of the longest common prefix (coarse steps down to single characters). */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (let step = LARGEST_STEP; step >= 16; step >>= 2) {
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix, at most `max`. */
export function commonSuffixLength(a: string, b: string, max: number): number {
  let n = 0;
  for (let step = LARGEST_STEP; step >= 16; step >>= 2) {
    while (n + step <= max && a.slice(a.length - n - step, a.length - n) === b.slice(b.length - n - step, b.length - n)) n += step;
  }
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
