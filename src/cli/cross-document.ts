import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { crossDocumentFindings } from '../core/cross-document.js';
import { decodeDocument } from './document.js';
import type { FileReport, LintTask } from './lint-files.js';

/**
 * Checks that need every linted document at once (story-unique across files).
 * Runs after lintFiles and before formatting, over the listed documents that
 * were analysed, and adds each document's cross-document findings to its
 * report. The text is read again (after --fix, the fixed text) so lintFiles
 * can stay a per-file function a worker pool can run. Messages name the other
 * file relative to the working folder.
 */
export async function checkAcrossDocuments(reports: FileReport[], tasks: readonly LintTask[], cwd: string): Promise<FileReport[]> {
  const analysed = reports.filter((report) => report.listed && !report.result.skipped && report.result.kind !== 'unknown');
  if (analysed.length < 2) return reports;
  const taskByPath = new Map(tasks.map((task) => [task.filePath, task]));
  const documents = [];
  for (const report of analysed) {
    const decoded = decodeDocument(await readFile(report.filePath));
    if ('skipped' in decoded) continue;
    documents.push({ fileName: relative(cwd, report.filePath), text: decoded.document.text, result: report.result, config: taskByPath.get(report.filePath)?.config, asks: report.stories });
  }
  const found = crossDocumentFindings(documents);
  return reports.map((report) => {
    const extra = found.get(relative(cwd, report.filePath));
    if (!extra) return report;
    const findings = [...report.result.findings, ...extra].sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
    return { ...report, result: { ...report.result, findings } };
  });
}
