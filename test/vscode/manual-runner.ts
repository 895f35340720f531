import { createLinter } from '../../src/core/index';
import type { LintResult } from '../../src/core/types';
import { setLintRunner, type LintRequest } from '../../src/vscode/lint-runner';

/** Installs a lint runner whose lints finish when the test says so, in any order. */
export function manualRunner() {
  const pending: { request: LintRequest; finish: () => void }[] = [];
  const linter = createLinter();
  setLintRunner({
    lint: (request) =>
      new Promise<LintResult>((resolve) => pending.push({ request, finish: () => resolve(linter.lint(request.text, { fileName: request.fileName, config: request.config })) })),
    forget: () => undefined,
  });
  return pending;
}
