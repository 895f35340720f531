import { applyEdits, safeFixes } from '../core/fixes.js';
import type { LintResult, TextEdit } from '../core/types.js';
import type { DocumentText } from './document.js';

/** Fixes can uncover or unblock other fixes (overlapping edits wait a pass); a few passes settle it. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  result: LintResult;
  changed: boolean;
  /** How many fixes were applied, over every pass. */
  fixCount: number;
}

/**
 * Applies the safe fixes (never suggestions) and re-lints until nothing more
 * applies. Inserted line breaks follow the file's own line endings.
 */
export function fixDocument(document: DocumentText, lintText: (text: string) => LintResult): FixOutcome {
  let text = document.text;
  let result = lintText(text);
  let fixCount = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = safeFixes(result.findings).map((edit) => withLineEndings(edit, document.eol));
    if (edits.length === 0) break;
    const { text: next, applied } = applyEdits(text, edits);
    if (applied.length === 0 || next === text) break;
    text = next;
    fixCount += applied.length;
    result = lintText(text);
  }
  return { text, result, changed: text !== document.text, fixCount };
}

function withLineEndings(edit: TextEdit, eol: DocumentText['eol']): TextEdit {
  if (eol === '\n' || !edit.text.includes('\n')) return edit;
  return { range: edit.range, text: edit.text.replace(/\r?\n/g, '\r\n') };
}
