import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/cli/lint-files.js';
import { CLEAN_PRD, makeTree, NOTES } from './helpers.js';

describe('lintFiles', () => {
  it('lists a file that vanished or cannot be read as skipped instead of failing the run', async () => {
    const root = makeTree({ 'prd.md': CLEAN_PRD });
    const task = (name: string) => ({ filePath: join(root, name), fileName: name, config: {}, explicit: false });
    const reports = await lintFiles([task('gone.md'), task('prd.md')], { fix: false, productOnly: true });
    expect(reports.map((report) => [report.listed, report.result.skipped])).toEqual([
      [true, 'Skipped: the file cannot be read (ENOENT).'],
      [true, undefined],
    ]);
  });

  it('marks walked files that are not product documents as not listed, and explicit ones as listed', async () => {
    const root = makeTree({ 'notes.md': NOTES });
    const base = { filePath: join(root, 'notes.md'), fileName: 'notes.md', config: {} };
    const [walked] = await lintFiles([{ ...base, explicit: false }], { fix: false, productOnly: true });
    const [named] = await lintFiles([{ ...base, explicit: true }], { fix: false, productOnly: true });
    const [all] = await lintFiles([{ ...base, explicit: false }], { fix: false, productOnly: false });
    expect([walked.listed, named.listed, all.listed]).toEqual([false, true, true]);
    expect(walked.result.kind).toBe('unknown');
  });
});
