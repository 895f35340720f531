// The one door every lint goes through. It keeps one incremental linter per
// open document; a worker pool (or anything else) can replace it with
// setLintRunner without touching the callers.
import type { Config } from '../core/config.js';
import { createLinter, type Linter } from '../core/index.js';
import type { LintResult } from '../core/types.js';

export interface LintRequest {
  /** Identifies the document (its URI); the runner keeps per-document caches by it. */
  key: string;
  text: string;
  fileName?: string;
  /** Layers below front matter, already merged: defaults < settings < config file. */
  config: Config;
}

export interface LintRunner {
  lint(request: LintRequest): Promise<LintResult>;
  /** Drops what the runner keeps for a document (it closed). */
  forget(key: string): void;
}

/** Lints on the calling thread; yields first so a burst of events does not block the editor. */
export function createInProcessRunner(): LintRunner {
  const linters = new Map<string, Linter>();
  return {
    async lint(request) {
      await yieldToEventLoop();
      let linter = linters.get(request.key);
      if (!linter) {
        linter = createLinter();
        linters.set(request.key, linter);
      }
      return linter.lint(request.text, { fileName: request.fileName, config: request.config });
    },
    forget(key) {
      linters.delete(key);
    },
  };
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let runner: LintRunner = createInProcessRunner();

export function getLintRunner(): LintRunner {
  return runner;
}

/** Swaps the lint implementation (for example a worker pool for large documents). */
export function setLintRunner(next: LintRunner): void {
  runner = next;
}
