// The desktop extension's lint runner: lints in worker threads, so a cold
// lint of a large document or a workspace analysis never blocks the
// extension host. Each worker keeps the incremental linters of the documents
// it was given; a document stays with its worker. A lint that runs past its
// time limit stops its worker, and so does a crash: that document gets a
// failure reply (it is not linted again until its text changes), the others
// go on in a new worker. Only if a worker cannot start at all does every
// lint from then on run on this thread (nothing is lost).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { createInProcessRunner, failedReply, type LintFailure, type LintReply, type LintRequest, type LintRunner } from '../vscode/lint-runner.js';
import { FailedLints } from './failed-lints.js';
import { startWorker } from './pool.js';

export type WorkerRequest = Omit<LintRequest, 'signal'>;
export type ToWorker = { type: 'lint'; id: number; request: WorkerRequest } | { type: 'forget'; key: string } | { type: 'held'; id: number };
export interface FromWorker {
  id?: number;
  /** Sent once the worker has loaded: from then on its death is blamed on the lint it was running. */
  ready?: true;
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
  /** How long (ms) one lint of a text this long may run in its worker before the worker is stopped; lintTimeLimit by default. */
  timeLimit?(textLength: number): number;
  /** Each worker's heap limits (tests run one out of memory quickly). */
  resourceLimits?: ResourceLimits;
  /** Where a worker's failure is reported (the output channel). */
  log(message: string): void;
  /** Where its life cycle is traced (pmpoLint.trace verbose). */
  trace?(message: string): void;
}

export interface WorkerRunner extends LintRunner {
  readonly parallelism: number;
  /** Workers running now. */
  readonly workers: number;
  /** True once a worker could not start and lints run on this thread. */
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

/**
 * 10 s, or 50 ms per 1000 characters: a cold lint of 1 MB takes 1-4 s on a
 * two-core laptop and 6-9 s when its cores are busy with other work, so only
 * a stuck lint reaches it (one stopped by mistake would start cold again).
 */
export function lintTimeLimit(textLength: number): number {
  return Math.max(10_000, Math.ceil(textLength / 20));
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

interface Running {
  id: number;
  queued: Queued;
  /** When the worker was ready for it (the time limit counts from then, not from the worker's start-up). */
  started?: number;
  limit?: number;
  timer?: NodeJS.Timeout;
}

class Slot {
  readonly queue = new Map<string, Queued>();
  readonly probes = new Map<number, (held: number) => void>();
  current?: Running;
  ready = false;
  /** Stopped, or being stopped: its messages and its exit no longer count. */
  retired = false;
  /** The error it reported before it exited. */
  error?: Error;
  readonly startedAt = performance.now();
  constructor(readonly worker: Worker) {}
  get busy(): boolean {
    return this.current !== undefined || this.queue.size > 0;
  }
  get load(): number {
    return this.queue.size + (this.current ? 1 : 0);
  }
  /** Every lint it runs or has queued. */
  get lints(): Queued[] {
    return [...(this.current ? [this.current.queued] : []), ...this.queue.values()];
  }
}

function answer(queued: Queued, reply: LintReply): void {
  queued.waiters.forEach((waiter) => waiter.resolve(reply));
}

function rejectAll(queued: Queued, error: Error): void {
  queued.waiters.forEach((waiter) => waiter.reject(error));
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

const TRY_AGAIN = 'It is tried again when the text changes.';

function timeoutFailure(running: Running, elapsed: number): LintFailure {
  const kb = Math.ceil(running.queued.request.text.length / 1024);
  return { reason: 'timeout', elapsedMs: elapsed, message: `pmpo-lint could not lint this document: its lint was stopped after ${seconds(elapsed)} s (the limit for ${kb} KB is ${seconds(running.limit!)} s). ${TRY_AGAIN}` };
}

function crashFailure(code: number, error: Error | undefined, elapsed: number): LintFailure {
  const outOfMemory = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  const what = outOfMemory ? 'ran out of memory' : error ? `stopped (${error.message.split('\n')[0]})` : `exited with code ${code}`;
  return { reason: outOfMemory ? 'out-of-memory' : 'crash', elapsedMs: elapsed, message: `pmpo-lint could not lint this document: its lint worker ${what} after ${seconds(elapsed)} s. ${TRY_AGAIN}` };
}

export function createWorkerRunner(options: WorkerRunnerOptions): WorkerRunner {
  const size = Math.max(1, options.size ?? defaultWorkerCount());
  const timeLimit = options.timeLimit ?? lintTimeLimit;
  const fallback = createInProcessRunner();
  const failures = new FailedLints();
  const slots: Slot[] = [];
  const slotOfKey = new Map<string, Slot>();
  let nextId = 1;
  let failed = false;
  let disposed = false;

  /** Answers a lint whose text already stopped a worker with that failure; true when it did. */
  function answeredAsFailed(queued: Queued): boolean {
    const known = failures.find(queued.request);
    if (known) answer(queued, failedReply(known));
    return known !== undefined;
  }

  function runHere(queued: Queued): void {
    if (answeredAsFailed(queued)) return;
    fallback.lint(queued.request).then(
      (reply) => answer(queued, reply),
      (error: Error) => rejectAll(queued, error),
    );
  }

  function stop(slot: Slot): void {
    slot.retired = true;
    clearTimeout(slot.current?.timer);
    for (const probe of [...slot.probes.values()]) probe(0);
    void slot.worker.terminate();
  }

  /** A worker could not start: log it once, stop every worker, lint what they held on this thread from now on. */
  function fail(reason: string): void {
    if (failed || disposed) return;
    failed = true;
    options.log(`lint worker: ${reason}; linting on the extension host thread from now on`);
    const stranded = slots.flatMap((slot) => slot.lints);
    for (const slot of slots.splice(0)) stop(slot);
    slotOfKey.clear();
    stranded.forEach(runHere);
  }

  /**
   * A worker stopped (time limit, crash, out of memory), while it linted or
   * idle: the lint it was running fails and is remembered, the
   * documents it kept are linted cold elsewhere, what waited for it moves on.
   */
  function retire(slot: Slot, failureOf?: (running: Running) => LintFailure): void {
    stop(slot);
    if (slots.includes(slot)) slots.splice(slots.indexOf(slot), 1);
    const kept = new Set<string>();
    for (const [key, owner] of slotOfKey) if (owner === slot) kept.add(key);
    kept.forEach((key) => slotOfKey.delete(key));
    const running = slot.current;
    slot.current = undefined;
    if (running && failureOf) {
      const failure = failureOf(running);
      failures.remember(running.queued.request, failure);
      options.trace?.(`lint worker stopped while linting ${running.queued.request.key}: ${failure.message}`);
      answer(running.queued, failedReply(failure));
    }
    for (const [key, queued] of slot.queue) {
      const target = failed ? undefined : kept.has(key) ? slotFor(key) : pickSlot();
      if (!target) runHere(queued);
      else join(target, key, queued, true);
    }
    slot.queue.clear();
  }

  function start(): Slot | undefined {
    if (!existsSync(options.workerFile)) {
      fail(`${options.workerFile} is missing`);
      return undefined;
    }
    let worker: Worker;
    try {
      worker = startWorker(options.workerFile, undefined, options.resourceLimits);
    } catch (error) {
      fail(`cannot start (${(error as Error).message})`);
      return undefined;
    }
    const slot = new Slot(worker);
    worker.on('message', (message: FromWorker) => settle(slot, message));
    worker.on('error', (error) => (slot.error = error));
    worker.on('exit', (code) => exited(slot, code));
    worker.unref();
    slots.push(slot);
    options.trace?.(`lint worker ${slots.length} of ${size} started`);
    return slot;
  }

  function exited(slot: Slot, code: number): void {
    if (slot.retired || disposed) return;
    const how = slot.error ? `stopped (${slot.error.message})` : `exited (code ${code})`;
    if (!slot.ready) return fail(how);
    if (!slot.current) options.log(`lint worker: ${how} while idle; a new one starts on the next lint`);
    retire(slot, (running) => crashFailure(code, slot.error, running.started === undefined ? 0 : performance.now() - running.started));
  }

  /** Starts the running lint's clock once its worker is ready. */
  function arm(slot: Slot): void {
    const running = slot.current;
    if (!running || !slot.ready || running.timer) return;
    running.started = performance.now();
    running.limit = timeLimit(running.queued.request.text.length);
    running.timer = setTimeout(() => {
      if (slot.current === running) retire(slot, () => timeoutFailure(running, performance.now() - running.started!));
    }, running.limit);
    running.timer.unref();
  }

  function settle(slot: Slot, message: FromWorker): void {
    if (slot.retired) return;
    if (message.ready) {
      slot.ready = true;
      options.trace?.(`lint worker ready in ${Math.round(performance.now() - slot.startedAt)} ms`);
      return arm(slot);
    }
    if (message.held !== undefined) return slot.probes.get(message.id!)?.(message.held);
    const current = slot.current;
    if (!current || current.id !== message.id) return;
    clearTimeout(current.timer);
    slot.current = undefined;
    if (message.error !== undefined) {
      const error = new Error(message.error.split('\n')[0]);
      error.stack = message.error;
      rejectAll(current.queued, error);
    } else answer(current.queued, message.reply!);
    pump(slot);
  }

  function pump(slot: Slot): void {
    if (slot.current || slot.retired) return;
    for (const [key, queued] of slot.queue) {
      slot.queue.delete(key);
      queued.detach();
      if (answeredAsFailed(queued)) continue;
      const { signal: _signal, ...request } = queued.request;
      try {
        slot.worker.postMessage({ type: 'lint', id: nextId, request } satisfies ToWorker);
      } catch {
        // A request the worker cannot receive (not plain data) is linted here instead.
        runHere(queued);
        continue;
      }
      // A busy worker must keep the process alive, or its lint would be lost.
      slot.worker.ref();
      slot.current = { id: nextId++, queued };
      arm(slot);
      // Forgotten while it waited: the worker must not keep the linter this lint creates.
      if (slotOfKey.get(key) !== slot) slot.worker.postMessage({ type: 'forget', key } satisfies ToWorker);
      return;
    }
    // An idle worker must not keep the process alive.
    slot.worker.unref();
  }

  /** An idle worker, a new worker, or the least loaded. */
  function pickSlot(): Slot | undefined {
    return slots.find((candidate) => !candidate.busy) ?? (slots.length < size ? start() : undefined) ?? [...slots].sort((a, b) => a.load - b.load)[0];
  }

  /** A document stays with its worker (its linter's cache is there). */
  function slotFor(key: string): Slot | undefined {
    const known = slotOfKey.get(key);
    if (known) return known;
    const slot = pickSlot();
    if (slot) slotOfKey.set(key, slot);
    return slot;
  }

  /** Queues a lint; one already queued for the key keeps the newer request and the waiters of both (oldest first). */
  function join(slot: Slot, key: string, joining: Queued, joiningIsOlder = false): void {
    const queued = slot.queue.get(key);
    if (!queued) slot.queue.set(key, joining);
    else {
      const detachBoth = [queued.detach, joining.detach];
      Object.assign(queued, {
        request: joiningIsOlder ? queued.request : joining.request,
        waiters: joiningIsOlder ? [...joining.waiters, ...queued.waiters] : [...queued.waiters, ...joining.waiters],
        detach: () => detachBoth.forEach((detach) => detach()),
      });
    }
    pump(slot);
  }

  function enqueue(slot: Slot, request: LintRequest, waiter: Waiter): void {
    const onAbort = () => dropAborted(request);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const detach = () => request.signal?.removeEventListener('abort', onAbort);
    join(slot, request.key, { request, waiters: [waiter], detach });
  }

  /** Rejects the callers of an aborted request; the others keep waiting for the newest text they asked for. */
  function dropAborted(request: LintRequest): void {
    const slot = slots.find((candidate) => candidate.queue.get(request.key)?.waiters.some((waiter) => waiter.request === request));
    const queued = slot?.queue.get(request.key);
    if (!slot || !queued) return;
    const aborted = queued.waiters.filter((waiter) => waiter.request === request);
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
      const known = failures.find(request);
      if (known) return Promise.resolve(failedReply(known));
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
            slot.probes.set(id, (held) => {
              slot.probes.delete(id);
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
      for (const slot of stopping) slot.lints.forEach((queued) => rejectAll(queued, error));
      slotOfKey.clear();
      stopping.forEach(stop);
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
