import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A small worker_threads pool: tasks go one at a time to whichever worker is
 * idle (documents differ a lot in size, so fixed batches would leave a core
 * waiting), results come back in task order. Aborting the signal terminates
 * the workers and rejects with an AbortError.
 */
export interface PoolOptions {
  /** The worker script (a bundled .js file, or a .ts file run through tsx in tests). */
  workerFile: string;
  /** Number of workers; defaults to the number of cores, at most 4. */
  size?: number;
  /** Plain data every task needs (sent once per worker). */
  shared?: unknown;
}

/** Below this many files the threads' start-up (tens of ms each) costs more than it saves. */
export const POOL_THRESHOLD = 16;

export function defaultPoolSize(taskCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(taskCount / 8)));
}

interface Reply {
  index: number;
  result?: unknown;
  error?: string;
}

export async function runPool<Task, Result>(tasks: readonly Task[], options: PoolOptions, signal?: AbortSignal): Promise<Result[]> {
  signal?.throwIfAborted();
  const size = Math.max(1, Math.min(options.size ?? defaultPoolSize(tasks.length), tasks.length));
  const results = new Array<Result>(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (tasks.length === 0) return resolve();
      const fail = (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)));
      const onAbort = () => fail(signal!.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (worker: Worker) => {
        if (next < tasks.length) {
          const index = next++;
          worker.postMessage({ index, task: tasks[index] });
        }
      };
      for (let i = 0; i < size; i++) {
        const worker = startWorker(options.workerFile, options.shared);
        workers.push(worker);
        worker.on('message', (reply: Reply) => {
          if (reply.error !== undefined) return fail(new Error(reply.error));
          results[reply.index] = reply.result as Result;
          done++;
          if (done === tasks.length) {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          } else feed(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (done < tasks.length && code !== 0) fail(new Error(`A lint worker stopped (exit code ${code}).`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** A .ts worker (tests, development) is loaded through tsx's require hook. */
export function startWorker(file: string, shared: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData: shared, resourceLimits });
  const source = `require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`;
  return new Worker(source, { eval: true, workerData: shared, resourceLimits });
}

/**
 * Workers for a run over `taskCount` files: 1 (this thread) below the
 * threshold or on one core; PMPO_LINT_WORKERS overrides (1 = this thread only).
 */
export function poolSizeFor(taskCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number.parseInt(env.PMPO_LINT_WORKERS ?? '', 10);
  if (Number.isInteger(forced) && forced > 0) return Math.min(forced, Math.max(1, taskCount));
  return taskCount < POOL_THRESHOLD ? 1 : defaultPoolSize(taskCount);
}

/** The worker script next to this module: the bundle's dist/lint-worker.js, or the source when run through tsx. */
export function lintWorkerFile(): string | undefined {
  if (typeof __dirname === 'undefined') return undefined;
  return [join(__dirname, 'lint-worker.js'), join(__dirname, 'lint-worker.ts')].find((file) => existsSync(file));
}
