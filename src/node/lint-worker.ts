// A worker of the lint pool: lints the files it is sent, one at a time, with
// one linter for its lifetime (the pool sends the next file when the last one is done).
import { parentPort, workerData } from 'node:worker_threads';
import { lintFilesHere, type LintFilesOptions, type LintTask } from '../cli/lint-files.js';
import { createLinter } from '../core/index.js';

const options = workerData as LintFilesOptions;
const linter = createLinter();

parentPort!.on('message', async ({ index, task }: { index: number; task: LintTask }) => {
  try {
    const [report] = await lintFilesHere([task], options, undefined, linter);
    parentPort!.postMessage({ index, result: report });
  } catch (error) {
    parentPort!.postMessage({ index, error: (error as Error).message });
  }
});
