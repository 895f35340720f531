import type { Finding, TextEdit } from './types.js';

/**
 * Applies non-overlapping edits to a text. Edits that overlap an earlier one
 * are left out (and returned), so one run never garbles text; a second run
 * applies them to the re-linted text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    const valid = start >= 0 && end >= start && end <= text.length;
    if (!valid || start < lastEnd || (start === lastEnd && applied.length > 0 && applied[applied.length - 1].range[0] === start)) {
      skipped.push(edit);
      continue;
    }
    applied.push(edit);
    lastEnd = end;
  }
  let output = '';
  let cursor = 0;
  for (const edit of applied) {
    output += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return { text: output + text.slice(cursor), applied, skipped };
}

/** The safe fixes of a lint result (never suggestions). */
export function safeFixes(findings: readonly Finding[]): TextEdit[] {
  return findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
}
