import { readFile, writeFile } from 'node:fs/promises';
import { lintWorkerFile, poolSizeFor, runPool } from '../node/pool.js';
import type { Config } from '../core/config.js';
import { createLinter, type Linter } from '../core/index.js';
import type { StoryAsk } from '../core/rules/story-unique.js';
import type { LintResult } from '../core/types.js';
import { decodeDocument, encodeDocument, type DocumentText } from './document.js';
import { fixDocument } from './fix.js';

/** One file to lint, with everything resolved up front (plain data, so a worker can take it). */
export interface LintTask {
  /** Absolute path, as reported. */
  filePath: string;
  /** The name the core uses for kind detection (relative to the config's folder). */
  fileName: string;
  /** --config < nearest config file; the core adds defaults, front matter and inline comments. */
  config: Config;
  /** Named on the command line (or stdin): always listed, even when not a product document. */
  explicit: boolean;
}

export interface LintFilesOptions {
  /** Apply safe fixes and write changed files back. */
  fix: boolean;
  /** List (and fix) only product documents among walked files (false with --all). */
  productOnly: boolean;
}

export interface FileReport {
  filePath: string;
  result: LintResult;
  /** Whether the file belongs in the output: explicit, a product document, skipped, or --all. */
  listed: boolean;
  /** With --fix: the full fixed text (BOM included) when it differs from the input. */
  fixedText?: string;
  /** With --fix, when the text changed: how many fixes were applied. */
  fixCount?: number;
  /** The stories of an analysed product document, for the checks across documents (found where it was linted). */
  stories?: StoryAsk[];
}

/**
 * Lints a list of files. Every file list goes through this one function so a
 * worker pool can replace its body without touching the callers.
 */
export async function lintFiles(tasks: readonly LintTask[], options: LintFilesOptions, signal?: AbortSignal): Promise<FileReport[]> {
  const workers = poolSizeFor(tasks.length);
  const workerFile = workers > 1 ? lintWorkerFile() : undefined;
  if (workerFile) return runPool<LintTask, FileReport>(tasks, { workerFile, size: workers, shared: options }, signal);
  return lintFilesHere(tasks, options, signal);
}

/** The same on this thread (and inside each pool worker). */
export async function lintFilesHere(tasks: readonly LintTask[], options: LintFilesOptions, signal?: AbortSignal, linter: Linter = createLinter()): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const task of tasks) {
    signal?.throwIfAborted();
    const bytes = await readFile(task.filePath).catch((error: NodeJS.ErrnoException) => `Skipped: the file cannot be read (${error.code ?? error.message}).`);
    if (typeof bytes === 'string') {
      reports.push({ filePath: task.filePath, result: skippedResult(bytes), listed: true });
      continue;
    }
    const report = lintBytes(bytes, task, options, linter);
    if (report.fixedText !== undefined) await writeFile(task.filePath, report.fixedText, 'utf8');
    reports.push(report);
  }
  return reports;
}

/** Lints one document's bytes (a file's or stdin's); fixes are returned, never written here. */
export function lintBytes(bytes: Uint8Array, task: LintTask, options: LintFilesOptions, linter: Linter = createLinter()): FileReport {
  const decoded = decodeDocument(bytes);
  if ('skipped' in decoded) return { filePath: task.filePath, result: skippedResult(decoded.skipped), listed: true };
  return lintDocument(decoded.document, task, options, linter);
}

function lintDocument(document: DocumentText, task: LintTask, options: LintFilesOptions, linter: Linter): FileReport {
  const lintOptions = { fileName: task.fileName, config: task.config };
  const lintText = (text: string) => linter.lint(text, lintOptions);
  const first = lintText(document.text);
  const listed = task.explicit || !options.productOnly || first.kind !== 'unknown' || first.skipped !== undefined;
  const stories = (text: string, result: LintResult) => (listed && !result.skipped && result.kind !== 'unknown' ? { stories: linter.storyAsks(text, lintOptions) } : {});
  if (!options.fix || !listed || first.skipped) return { filePath: task.filePath, result: first, listed, ...stories(document.text, first) };
  const fixed = fixDocument(document, lintText);
  return {
    filePath: task.filePath,
    result: fixed.result,
    listed,
    ...(fixed.changed ? { fixedText: encodeDocument(document, fixed.text), fixCount: fixed.fixCount } : {}),
    ...stories(fixed.text, fixed.result),
  };
}

function skippedResult(reason: string): LintResult {
  return { kind: 'unknown', kindSource: 'none', findings: [], sections: [], skipped: reason };
}
