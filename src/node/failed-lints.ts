// The lints that stopped their worker (time limit, crash, out of memory),
// remembered by what was linted, so the same text is not tried again and
// again: a re-lint on save or a workspace analysis answers with the failure
// at once; the next edit (another text) tries again.
import { createHash } from 'node:crypto';
import type { LintFailure, LintRequest } from '../vscode/lint-runner.js';

/** Enough for a session's pathological documents; the oldest is forgotten first. */
const REMEMBERED = 32;

interface Remembered {
  /** Compared first, so the usual lint (no failure of that length) hashes nothing. */
  length: number;
  fingerprint: string;
  failure: LintFailure;
}

export class FailedLints {
  private readonly failures: Remembered[] = [];

  remember(request: Omit<LintRequest, 'signal'>, failure: LintFailure): void {
    this.failures.push({ length: request.text.length, fingerprint: fingerprint(request), failure });
    if (this.failures.length > REMEMBERED) this.failures.shift();
  }

  find(request: Omit<LintRequest, 'signal'>): LintFailure | undefined {
    if (!this.failures.some((failed) => failed.length === request.text.length)) return undefined;
    const print = fingerprint(request);
    return [...this.failures].reverse().find((failed) => failed.fingerprint === print)?.failure;
  }
}

/** What decides the lint's outcome: the text, the file name (kind, ignores) and the config (rules). */
function fingerprint(request: Omit<LintRequest, 'signal'>): string {
  return createHash('sha256').update(request.text).update('\u0000').update(request.fileName ?? '').update('\u0000').update(configText(request)).digest('base64');
}

function configText(request: Omit<LintRequest, 'signal'>): string {
  try {
    return JSON.stringify(request.config) ?? '';
  } catch {
    return '';
  }
}
