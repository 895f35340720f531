// The one door every lint goes through. It keeps one incremental linter per
// open document. The desktop extension swaps in a worker-backed runner
// (src/node/worker-runner.ts) with setLintRunner; the web extension keeps
// the in-process runner: the web extension host already is a Web Worker, so
// linting there never blocks the editor's UI thread.
import type { Config } from '../core/config.js';
import { createLinter, type Linter } from '../core/index.js';
import type { StoryAsk } from '../core/rules/story-unique.js';
import type { LintResult } from '../core/types.js';

export interface LintRequest {
  /** Identifies the document (its URI); the runner keeps per-document caches by it. */
  key: string;
  text: string;
  fileName?: string;
  /** Layers below front matter, already merged: defaults < settings < config file. */
  config: Config;
  /** Also return the stories of a product document, for the checks across documents. */
  stories?: boolean;
  /** Aborting drops the request if it has not started yet (the lint rejects with an AbortError). */
  signal?: AbortSignal;
}

export interface LintReply extends LintResult {
  /** With `stories`: the stories of an analysed product document. */
  stories?: StoryAsk[];
  /** Set when the document could not be linted (its worker timed out, crashed or ran out of memory); `skipped` then says why. */
  failure?: LintFailure;
}

export interface LintFailure {
  reason: 'timeout' | 'crash' | 'out-of-memory';
  /** One line for the user: what happened, after how long, and when it is tried again. */
  message: string;
  /** How long the lint ran before it was given up. */
  elapsedMs: number;
}

/** The reply for a document that could not be linted: nothing found, skipped with the failure's message. */
export function failedReply(failure: LintFailure): LintReply {
  return { kind: 'unknown', kindSource: 'none', findings: [], sections: [], skipped: failure.message, failure };
}

export interface LintRunner {
  /**
   * Lints a request. A runner may skip a request that a newer one for the
   * same key replaced before it started: both then get the newer text's
   * result (callers drop stale results, as the controller does). A document
   * that could not be linted (the worker runner's time limit, a crashed
   * worker) gets a reply with `failure` set, nothing found and `skipped`
   * saying why; an error in the linter itself rejects.
   */
  lint(request: LintRequest): Promise<LintReply>;
  /** Drops what the runner keeps for a document (it closed). */
  forget(key: string): void;
  /** How many lints it runs at once (workspace analysis keeps that many in flight); 1 when unset. */
  readonly parallelism?: number;
}

/** The linting both runners do: one incremental linter per key. */
export class DocumentLinters {
  private readonly linters = new Map<string, Linter>();

  lint(request: Omit<LintRequest, 'signal'>): LintReply {
    let linter = this.linters.get(request.key);
    if (!linter) {
      linter = createLinter();
      this.linters.set(request.key, linter);
    }
    const options = { fileName: request.fileName, config: request.config };
    const result = linter.lint(request.text, options);
    if (!request.stories || result.skipped || result.kind === 'unknown') return result;
    return { ...result, stories: linter.storyAsks(request.text, options) };
  }

  forget(key: string): void {
    this.linters.delete(key);
  }

  get size(): number {
    return this.linters.size;
  }
}

/** Lints on the calling thread; yields first so a burst of events does not block the editor. */
export function createInProcessRunner(): LintRunner {
  const linters = new DocumentLinters();
  return {
    async lint(request) {
      await yieldToEventLoop();
      request.signal?.throwIfAborted();
      return linters.lint(request);
    },
    forget(key) {
      linters.forget(key);
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

/** Swaps the lint implementation (the desktop extension's worker-backed runner). */
export function setLintRunner(next: LintRunner): void {
  runner = next;
}
