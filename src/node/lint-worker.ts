// A worker of the lint pool: lints the files it is sent, one at a time, with
// its own linter (the pool sends the next file when the last one is done).
import { parentPort, workerData } from 'node:worker_threads';
import { lintFilesHere, type LintFilesOptions, type LintTask } from '../cli/lint-files.js';

const options = workerData as LintFilesOptions;

parentPort!.on('message', async ({ index, task }: { index: number; task: LintTask }) => {
  try {
    const [report] = await lintFilesHere([task], options);
    parentPort!.postMessage({ index, result: report });
  } catch (error) {
    parentPort!.postMessage({ index, error: (error as Error).message });
  }
});
