// A worker of the desktop extension: keeps one incremental linter per open
// document and answers the requests of src/node/worker-runner.ts, so large
// documents and workspace analysis are linted off the extension host thread.
import { parentPort } from 'node:worker_threads';
import { DocumentLinters } from '../vscode/lint-runner.js';
import type { FromWorker, ToWorker } from './worker-runner.js';

const linters = new DocumentLinters();

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'forget') return linters.forget(message.key);
  if (message.type === 'held') return parentPort!.postMessage({ id: message.id, held: linters.size });
  try {
    parentPort!.postMessage({ id: message.id, reply: linters.lint(message.request) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});

// From here on, a worker that dies is blamed on the lint it was running (before, it could not start).
parentPort!.postMessage({ ready: true } satisfies FromWorker);
