import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { CLEAN_PRD, configWith, makeTree, PRD_WITH_UNUSED_DISABLE, runCli } from './helpers.js';

describe('--stdin', () => {
  it('lints standard input, reported as <stdin>', async () => {
    const root = makeTree({ '.pmpo-lint.json': configWith('error') });
    const result = await runCli(['--stdin', '--format', 'json'], root, PRD_WITH_UNUSED_DISABLE);
    expect(result.code).toBe(1);
    const [file] = JSON.parse(result.stdout);
    expect(file.filePath).toBe('<stdin>');
    expect(file.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(['unused-disable']);
  });

  it('uses --stdin-filename for the path, the kind and the nearest config', async () => {
    const root = makeTree({ 'docs/.pmpo-lint.json': configWith('warning') });
    const roadmap = `# Plan\n\n<!-- pmpo-lint-disable mixed-section -->\n\nText.\n`;
    const result = await runCli(['sections', '--stdin', '--stdin-filename', 'docs/q3-roadmap.md', '--format', 'json'], root, roadmap);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ filePath: join(root, 'docs/q3-roadmap.md'), kind: 'roadmap' });
    const lintRun = await runCli(['--stdin', '--stdin-filename', 'docs/q3-roadmap.md', '--format', 'json'], root, roadmap);
    expect(JSON.parse(lintRun.stdout)[0].messages[0]).toMatchObject({ ruleId: 'unused-disable', level: 'warning', line: 3 });
  });

  it('refuses files next to --stdin', async () => {
    const root = makeTree({ 'a.md': CLEAN_PRD });
    expect(await runCli(['--stdin', 'a.md'], root, '')).toMatchObject({ code: 2, stderr: 'pmpo-lint: --stdin reads one document: name no files with it\n' });
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders) and nothing to stdout', async () => {
    const root = makeTree({ 'prd.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('error') });
    const result = await runCli(['--format', 'sarif', '--output-file', 'reports/lint.sarif'], root);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    const log = JSON.parse(readFileSync(join(root, 'reports/lint.sarif'), 'utf8'));
    expect(log.runs[0].results[0].ruleId).toBe('unused-disable');
  });

  it('writes an empty stylish report as an empty file', async () => {
    const root = makeTree({ 'prd.md': CLEAN_PRD });
    await runCli(['-o', 'out.txt'], root);
    expect(existsSync(join(root, 'out.txt'))).toBe(true);
    expect(readFileSync(join(root, 'out.txt'), 'utf8')).toBe('');
  });
});

describe('--print-config', () => {
  it('prints every rule resolved over --config and the nearest config file', async () => {
    const root = makeTree({ 'base.json': '{"rules": {"unused-disable": "error"}, "maxFileSizeKB": 100}', 'docs/.pmpo-lint.jsonc': '// nearest\n{"rules": {"mixed-section": "off"}, "kind": "prd"}' });
    const result = await runCli(['--config', 'base.json', '--print-config', 'docs/any.md'], root);
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout);
    expect(config).toMatchObject({ kind: 'prd', maxFileSizeKB: 100 });
    expect(config.rules['unused-disable'][0]).toBe('error');
    expect(config.rules['mixed-section'][0]).toBe('off');
    expect(config.rules['doc-kind-fit'][0]).toBe('warning');
  });
});

describe('--quiet', () => {
  it('reports errors only', async () => {
    const root = makeTree({ 'a/prd.md': PRD_WITH_UNUSED_DISABLE, 'b/prd.md': PRD_WITH_UNUSED_DISABLE, 'b/.pmpo-lint.json': configWith('error') });
    const result = await runCli(['--quiet', '--format', 'json'], root);
    const files = JSON.parse(result.stdout);
    expect(files.map((file: { messages: unknown[] }) => file.messages.length)).toEqual([0, 1]);
    expect(files[1]).toMatchObject({ errorCount: 1, warningCount: 0, infoCount: 0 });
    expect(result.code).toBe(1);
  });
});

describe('--help and --version', () => {
  it('prints usage with every option', async () => {
    const result = await runCli(['--help'], makeTree({}));
    expect(result.code).toBe(0);
    for (const option of ['--format', '--fix', '--config', '--max-warnings', '--quiet', '--all', '--stdin', '--stdin-filename', '--output-file', '--print-config', 'sections']) {
      expect(result.stdout).toContain(option);
    }
  });

  it('says how --config ranks against the per-folder config file, and what -1 means for --max-warnings', async () => {
    const { stdout } = await runCli(['--help'], makeTree({}));
    const configLine = stdout.split('\n').find((line) => line.includes('--config'))!;
    expect(configLine).toMatch(/lower precedence than the nearest \.pmpo-lint\.json/);
    expect(configLine).not.toMatch(/\b(below|under)\b/);
    expect(stdout).toMatch(/--max-warnings N .*-1/);
  });

  it('has every option of --help documented in docs/cli.md', async () => {
    const { stdout } = await runCli(['--help'], makeTree({}));
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    const options = [...new Set(stdout.match(/--[a-z][a-z-]+/g))];
    expect(options.length).toBeGreaterThan(10);
    expect(options.filter((option) => !page.includes(`\`${option}`))).toEqual([]);
  });

  it('prints the package version', async () => {
    expect(await runCli(['--version'], makeTree({}))).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
