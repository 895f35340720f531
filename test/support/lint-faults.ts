// Test only: faults for the lint worker, set off by a marker in the linted
// text. Imported before the real worker module, so this listener sees each
// message first and can stop the worker before the real one answers.
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../../src/node/worker-runner';
import { FAULTS } from './lint-fault-markers';

const retained: number[][] = [];

parentPort!.on('message', (message: ToWorker) => {
  if (message.type !== 'lint') return;
  const { text } = message.request;
  if (text.includes(FAULTS.hang)) for (;;);
  if (text.includes(FAULTS.exit)) process.exit(3);
  if (text.includes(FAULTS.throw)) {
    // Throwing here would not do: a port's listeners each run, whatever the one before threw, so the
    // real one would still answer. Its answer throws instead, and so does its report of that error.
    parentPort!.postMessage = () => {
      throw new Error('fault: thrown in the worker');
    };
  }
  // The real listener answers first; the worker exits after.
  if (text.includes(FAULTS.exitWhenIdle)) setTimeout(() => process.exit(5), 100);
  if (text.includes(FAULTS.outOfMemory)) for (;;) retained.push(new Array<number>(100_000).fill(retained.length));
});
