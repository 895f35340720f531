// The public API of the engine: text in, findings out. No vscode, no fs.
import type { Config } from './config.js';
import { createLinter, type Linter, type LintOptions } from './linter.js';
import type { Kind, LintResult, SectionReport } from './types.js';

export { createLinter };
export type { Config, Linter, LintOptions };
export type * from './types.js';

/** One-shot lint of a document. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return createLinter().lint(text, options);
}

/** The sections of a document with their strategic / tactical / mixed / neutral labels. */
export function classify(text: string, options: LintOptions = {}): SectionReport[] {
  return createLinter().classify(text, options);
}

/** prd | roadmap | backlog | vision | unknown: front matter > file name > content. */
export function detectKind(text: string, fileName?: string, config: Config = {}): Kind {
  return lint(text, { fileName, config }).kind;
}
