// The desktop extension's lint runner: lints in worker threads, so a cold
// lint of a large document or a workspace analysis never blocks the
// extension host. Each worker keeps the incremental linters of the documents
// it was given; a document stays with its worker. If a worker cannot start or
// dies, every lint from then on runs on this thread (nothing is lost).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createInProcessRunner, type LintReply, type LintRequest, type LintRunner } from '../vscode/lint-runner.js';
import { startWorker } from './pool.js';

export type WorkerRequest = Omit<LintRequest, 'signal'>;
export type ToWorker = { type: 'lint'; id: number; request: WorkerRequest } | { type: 'forget'; key: string } | { type: 'held'; id: number };
interface FromWorker {
  id: number;
  reply?: LintReply;
  /** Answer to 'held': how many documents' linters the worker keeps. */
  held?: number;
  /** The error's stack (its first line is the message). */
  error?: string;
}

export interface WorkerRunnerOptions {
  /** The bundled dist/document-lint-worker.js (or the .ts source, run through tsx, in tests). */
  workerFile: string;
  /** Workers at most: the first starts on the first lint, another only while every started one is busy. */
  size?: number;
  /** Where a worker's failure is reported (the output channel). */
  log(message: string): void;
  /** Where its life cycle is traced (pmpoLint.trace verbose). */
  trace?(message: string): void;
}

export interface WorkerRunner extends LintRunner {
  readonly parallelism: number;
  /** Workers running now. */
  readonly workers: number;
  /** True once a worker failed and lints run on this thread. */
  readonly fellBack: boolean;
  /** How many documents' linters the workers keep (for the trace log and tests). */
  held(): Promise<number>;
  /** Terminates the workers; lints waiting for them reject. */
  dispose(): Promise<void>;
}

/** Two workers: workspace analysis uses both cores of a small machine and leaves the editor some air on bigger ones. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

interface Waiter {
  /** The request this caller made (its signal aborts this caller only). */
  request: LintRequest;
  resolve(reply: LintReply): void;
  reject(error: Error): void;
}

/** A lint waiting for its worker: a newer request for the same key replaces its request and joins its waiters. */
interface Queued {
  request: LintRequest;
  waiters: Waiter[];
  /** Stops listening to the waiters' signals (once the lint started). */
  detach(): void;
}

class Slot {
  readonly queue = new Map<string, Queued>();
  current?: { id: number; queued: Queued };
  constructor(readonly worker: Worker) {}
  get busy(): boolean {
    return this.current !== undefined || this.queue.size > 0;
  }
  get load(): number {
    return this.queue.size + (this.current ? 1 : 0);
  }
}

export function createWorkerRunner(options: WorkerRunnerOptions): WorkerRunner {
  const size = Math.max(1, options.size ?? defaultWorkerCount());
  const fallback = createInProcessRunner();
  const slots: Slot[] = [];
  const slotOfKey = new Map<string, Slot>();
  let nextId = 1;
  let failed = false;
  let disposed = false;
  const probes = new Map<number, (held: number) => void>();

  function runHere(queued: Queued): void {
    fallback.lint(queued.request).then(
      (reply) => queued.waiters.forEach((waiter) => waiter.resolve(reply)),
      (error: Error) => queued.waiters.forEach((waiter) => waiter.reject(error)),
    );
  }

  /** The first failure: log it once, stop every worker, lint what they held on this thread. */
  function fail(reason: string): void {
    if (failed || disposed) return;
    failed = true;
    options.log(`lint worker: ${reason}; linting on the extension host thread from now on`);
    const stranded = slots.flatMap((slot) => [...(slot.current ? [slot.current.queued] : []), ...slot.queue.values()]);
    for (const slot of slots.splice(0)) {
      slot.queue.clear();
      slot.current = undefined;
      void slot.worker.terminate();
    }
    slotOfKey.clear();
    for (const answer of [...probes.values()]) answer(0);
    stranded.forEach(runHere);
  }

  function start(): Slot | undefined {
    if (!existsSync(options.workerFile)) {
      fail(`${options.workerFile} is missing`);
      return undefined;
    }
    let worker: Worker;
    try {
      worker = startWorker(options.workerFile, undefined);
    } catch (error) {
      fail(`cannot start (${(error as Error).message})`);
      return undefined;
    }
    const slot = new Slot(worker);
    worker.on('message', (message: FromWorker) => settle(slot, message));
    worker.on('error', (error) => fail(`stopped (${error.message})`));
    worker.on('exit', (code) => fail(`exited (code ${code})`));
    worker.unref();
    slots.push(slot);
    options.trace?.(`lint worker ${slots.length} of ${size} started`);
    return slot;
  }

  function settle(slot: Slot, message: FromWorker): void {
    if (message.held !== undefined) return probes.get(message.id)?.(message.held);
    const current = slot.current;
    if (!current || current.id !== message.id) return;
    slot.current = undefined;
    if (message.error !== undefined) {
      const error = new Error(message.error.split('\n')[0]);
      error.stack = message.error;
      current.queued.waiters.forEach((waiter) => waiter.reject(error));
    } else current.queued.waiters.forEach((waiter) => waiter.resolve(message.reply!));
    pump(slot);
  }

  function pump(slot: Slot): void {
    if (slot.current || failed) return;
    const next = slot.queue.entries().next();
    // An idle worker must not keep the process alive; a busy one must, or its lint would be lost.
    if (next.done) return void slot.worker.unref();
    slot.worker.ref();
    const [key, queued] = next.value;
    slot.queue.delete(key);
    queued.detach();
    const { signal: _signal, ...request } = queued.request;
    try {
      slot.worker.postMessage({ type: 'lint', id: nextId, request } satisfies ToWorker);
    } catch {
      // A request the worker cannot receive (not plain data) is linted here instead.
      runHere(queued);
      return pump(slot);
    }
    slot.current = { id: nextId++, queued };
    // Forgotten while it waited: the worker must not keep the linter this lint creates.
    if (slotOfKey.get(key) !== slot) slot.worker.postMessage({ type: 'forget', key } satisfies ToWorker);
  }

  /** A document stays with its worker (its linter's cache is there); a new one goes to an idle worker, a new worker, or the least loaded. */
  function slotFor(key: string): Slot | undefined {
    const known = slotOfKey.get(key);
    if (known) return known;
    const slot = slots.find((candidate) => !candidate.busy) ?? (slots.length < size ? start() : undefined) ?? [...slots].sort((a, b) => a.load - b.load)[0];
    if (slot) slotOfKey.set(key, slot);
    return slot;
  }

  function enqueue(slot: Slot, request: LintRequest, waiter: Waiter): void {
    const onAbort = () => dropAborted(slot, request);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const detach = () => request.signal?.removeEventListener('abort', onAbort);
    const queued = slot.queue.get(request.key);
    if (queued) {
      const detachEarlier = queued.detach;
      Object.assign(queued, { request, detach: () => (detachEarlier(), detach()) });
      queued.waiters.push(waiter);
    } else slot.queue.set(request.key, { request, waiters: [waiter], detach });
    pump(slot);
  }

  /** Rejects the callers of an aborted request; the others keep waiting for the newest text they asked for. */
  function dropAborted(slot: Slot, request: LintRequest): void {
    const queued = slot.queue.get(request.key);
    if (!queued) return;
    const aborted = queued.waiters.filter((waiter) => waiter.request === request);
    if (aborted.length === 0) return;
    queued.waiters = queued.waiters.filter((waiter) => waiter.request !== request);
    aborted.forEach((waiter) => waiter.reject(request.signal!.reason as Error));
    if (queued.waiters.length === 0) {
      slot.queue.delete(request.key);
      queued.detach();
    } else if (queued.request === request) queued.request = queued.waiters[queued.waiters.length - 1].request;
  }

  return {
    parallelism: size,
    get workers() {
      return slots.length;
    },
    get fellBack() {
      return failed;
    },
    lint(request) {
      if (disposed) return Promise.reject(new Error('The lint runner was disposed.'));
      if (request.signal?.aborted) return Promise.reject(request.signal.reason as Error);
      const slot = failed ? undefined : slotFor(request.key);
      if (!slot) return fallback.lint(request);
      return new Promise<LintReply>((resolve, reject) => enqueue(slot, request, { request, resolve, reject }));
    },
    forget(key) {
      fallback.forget(key);
      const slot = slotOfKey.get(key);
      if (!slot) return;
      slotOfKey.delete(key);
      slot.worker.postMessage({ type: 'forget', key } satisfies ToWorker);
    },
    async held() {
      const counts = slots.map(
        (slot) =>
          new Promise<number>((resolve) => {
            const id = nextId++;
            probes.set(id, (held) => {
              probes.delete(id);
              resolve(held);
            });
            slot.worker.postMessage({ type: 'held', id } satisfies ToWorker);
          }),
      );
      return (await Promise.all(counts)).reduce((sum, count) => sum + count, 0);
    },
    async dispose() {
      disposed = true;
      const stopping = slots.splice(0);
      const error = new Error('The lint runner was disposed.');
      for (const slot of stopping) [...(slot.current ? [slot.current.queued] : []), ...slot.queue.values()].forEach((queued) => queued.waiters.forEach((waiter) => waiter.reject(error)));
      slotOfKey.clear();
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
