import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintFilesHere, type LintTask } from '../src/cli/lint-files.js';
import { lintWorkerFile, poolSizeFor, POOL_THRESHOLD, runPool } from '../src/node/pool.js';

function folder(count: number): LintTask[] {
  const dir = mkdtempSync(join(tmpdir(), 'pmpo-pool-'));
  return Array.from({ length: count }, (_, i) => {
    const filePath = join(dir, `plan-${i}.md`);
    const body = i % 2 ? 'Grow weekly active teams by 20% this year. Our vision is a tool teams trust.\n\n- As a user, I want to export the plan so that I can share it.\n- The API returns 422 when the due date is before the start date.\n' : 'Ship the export in sprint four.\n';
    writeFileSync(filePath, `# Plan ${i}\n\n## Goals\n\n${body}`);
    return { filePath, fileName: `plan-${i}.md`, config: {}, explicit: true };
  });
}

const options = { fix: false, productOnly: false };

describe('lint pool', () => {
  it('uses the pool only for many files, and the environment can force a size', () => {
    expect(poolSizeFor(POOL_THRESHOLD - 1, {})).toBe(1);
    expect(poolSizeFor(200, { PMPO_LINT_WORKERS: '1' })).toBe(1);
    expect(poolSizeFor(200, { PMPO_LINT_WORKERS: '2' })).toBe(2);
    expect(poolSizeFor(3, { PMPO_LINT_WORKERS: '8' })).toBe(3);
  });

  it('finds its worker script and gives the same reports, in order, as this thread', async () => {
    const workerFile = lintWorkerFile();
    expect(workerFile).toMatch(/lint-worker\.(?:js|ts)$/);
    const tasks = folder(12);
    const here = await lintFilesHere(tasks, options);
    const pooled = await runPool(tasks, { workerFile: workerFile!, size: 2, shared: options });
    expect(pooled).toEqual(here);
    expect(here.some((report) => report.result.findings.length > 0)).toBe(true);
  }, 60_000);

  it('lintFiles goes through the pool for a large folder', async () => {
    const tasks = folder(POOL_THRESHOLD + 4);
    const previous = process.env.PMPO_LINT_WORKERS;
    process.env.PMPO_LINT_WORKERS = '2';
    try {
      expect(await lintFiles(tasks, options)).toEqual(await lintFilesHere(tasks, options));
    } finally {
      if (previous === undefined) delete process.env.PMPO_LINT_WORKERS;
      else process.env.PMPO_LINT_WORKERS = previous;
    }
  }, 60_000);

  it('stops when the signal aborts', async () => {
    const tasks = folder(40);
    const controller = new AbortController();
    const run = runPool(tasks, { workerFile: lintWorkerFile()!, size: 2, shared: options }, controller.signal);
    controller.abort();
    await expect(run).rejects.toThrow(/abort/i);
    const aborted = new AbortController();
    aborted.abort();
    await expect(lintFilesHere(tasks, options, aborted.signal)).rejects.toThrow(/abort/i);
  }, 60_000);
});
