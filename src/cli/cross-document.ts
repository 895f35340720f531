import type { FileReport } from './lint-files.js';

/**
 * HOOK POINT for checks that need every linted document at once (for example
 * story ids that must be unique across files). It runs after lintFiles and
 * before formatting; a check adds findings to the reports it returns. No
 * cross-document check exists yet, so the reports pass through unchanged.
 */
export function checkAcrossDocuments(reports: FileReport[]): FileReport[] {
  return reports;
}
