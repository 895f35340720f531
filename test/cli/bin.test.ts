import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configWith, makeTree, PRD_WITH_UNUSED_DISABLE } from './helpers.js';

const projectRoot = resolve(__dirname, '../..');
const bin = join(projectRoot, 'dist/cli.js');

function runBin(args: string[], cwd: string, input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', timeout: 20000 });
}

describe('the built bin (dist/cli.js)', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 60000);

  it('starts with a shebang and exits 1 on an error finding', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const root = makeTree({ 'prd.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('error') });
    const result = runBin(['--format', 'json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)[0].errorCount).toBe(1);
  });

  it('exits 2 with one line and no stack trace on bad input', () => {
    const root = makeTree({ '.pmpo-lint.json': '{"rules": {"nope": "error"}}', 'prd.md': PRD_WITH_UNUSED_DISABLE });
    for (const args of [['missing.md'], ['prd.md'], ['--format']]) {
      const result = runBin(args, root);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^pmpo-lint: [^\n]+\n$/);
    }
  });

  it('reads --stdin and exits 0 when clean', () => {
    const root = makeTree({});
    const result = runBin(['--stdin', '--fix', '--stdin-filename', 'prd.md'], root, PRD_WITH_UNUSED_DISABLE);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(PRD_WITH_UNUSED_DISABLE.replace('<!-- pmpo-lint-disable mixed-section -->\n', ''));
  });
});
