import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_PRD, configWith, makeTree, NOTES, PRD_WITH_UNUSED_DISABLE, runCli } from './helpers.js';

describe('exit code 0', () => {
  it('is 0 for a clean product document', async () => {
    const root = makeTree({ 'checkout.md': CLEAN_PRD });
    const result = await runCli([], root);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is 0 when there are only warnings and no --max-warnings', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    const result = await runCli([], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning');
  });

  it('is 0 when the warnings stay within --max-warnings', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    expect((await runCli(['--max-warnings', '1'], root)).code).toBe(0);
  });

  it('is 0 for an empty file named explicitly', async () => {
    const root = makeTree({ 'empty.md': '' });
    const result = await runCli(['empty.md', '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0].messages).toEqual([]);
  });
});

describe('exit code 1', () => {
  it('is 1 for an error-severity finding', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('error') });
    const result = await runCli([], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/7:1\s+error\s+.*unused-disable/);
  });

  it('is 1 for more warnings than --max-warnings', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    expect((await runCli(['--max-warnings', '0'], root)).code).toBe(1);
  });

  it('does not count info findings as warnings', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE });
    expect((await runCli(['--max-warnings', '0'], root)).code).toBe(0);
  });
});

describe('--max-warnings', () => {
  const tooMany = 'pmpo-lint found too many warnings (maximum: 0).\n';

  it('says why the exit code is 1 when the warnings exceed the limit', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    const result = await runCli(['--max-warnings', '0', '--format', 'json'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(tooMany);
    expect(JSON.parse(result.stdout)[0].warningCount).toBe(1);
  });

  it('says nothing when the warnings stay within the limit, or when an error explains the exit code', async () => {
    const warnings = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    expect(await runCli(['--max-warnings', '1'], warnings)).toMatchObject({ code: 0, stderr: '' });
    const errors = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('error') });
    expect(await runCli(['--max-warnings', '0'], errors)).toMatchObject({ code: 1, stderr: '' });
  });

  it('still counts the warnings that --quiet hides (as ESLint 9 does)', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    const result = await runCli(['--quiet', '--max-warnings', '0'], root);
    expect(result).toEqual({ code: 1, stdout: '', stderr: tooMany });
    expect((await runCli(['--quiet'], root)).code).toBe(0);
  });

  it('takes -1 (any negative number) as no limit, as ESLint does', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    for (const argv of [['--max-warnings', '-1'], ['--max-warnings=-1'], ['--max-warnings', '-5']]) {
      const result = await runCli(argv, root);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stderr).toBe('');
    }
  });
});

describe('exit code 2, one line, no stack trace', () => {
  const cases: [string, Record<string, string | Uint8Array>, string[], RegExp][] = [
    ['an unknown option', { 'a.md': CLEAN_PRD }, ['--bogus'], /^pmpo-lint: Unknown option '--bogus'\. Run pmpo-lint --help for the options\.\n$/],
    ['a short unknown option', { 'a.md': CLEAN_PRD }, ['-x'], /^pmpo-lint: Unknown option '-x'\. Run pmpo-lint --help for the options\.\n$/],
    ['a format the sections command cannot print', { 'a.md': CLEAN_PRD }, ['sections', 'a.md', '--format', 'sarif'], /^pmpo-lint: sections prints a table, or JSON with --format json: --format sarif does not apply to it\n$/],
    ['a report that cannot be written', { 'a.md': CLEAN_PRD }, ['a.md', '-o', 'a.md/report.txt'], /^pmpo-lint: cannot write the report to a\.md\/report\.txt: a part of the path is a file, not a folder\n$/],
    ['a report over a folder', { 'a.md': CLEAN_PRD, 'out/keep.txt': '' }, ['a.md', '-o', 'out'], /^pmpo-lint: cannot write the report to out: illegal operation on a directory \(EISDIR\)\n$/],
    // Below /proc, node's own recursive mkdir never returns: the report's folders are made one at a time.
    ['a report into a missing folder that cannot be made', { 'a.md': CLEAN_PRD }, ['a.md', '-o', '/proc/nope/report.txt'], /^pmpo-lint: cannot write the report to \/proc\/nope\/report\.txt: no such file or directory \(ENOENT\)\n$/],
    ['an unknown format', { 'a.md': CLEAN_PRD }, ['--format', 'xml'], /^pmpo-lint: unknown format "xml": use one of stylish, json, sarif\n$/],
    ['a bad --max-warnings', { 'a.md': CLEAN_PRD }, ['--max-warnings', 'lots'], /^pmpo-lint: --max-warnings needs a whole number/],
    ['--max-warnings without its number', { 'a.md': CLEAN_PRD }, ['--max-warnings'], /^pmpo-lint: Option '--max-warnings <value>' argument missing\. Run pmpo-lint --help for the options\.\n$/],
    ['a missing path', { 'a.md': CLEAN_PRD }, ['missing.md'], /^pmpo-lint: no such file or directory: missing\.md\n$/],
    ['a folder without Markdown', { 'docs/readme.txt': 'text' }, ['docs'], /^pmpo-lint: no Markdown file found in docs\n$/],
    ['a config syntax error', { 'a.md': CLEAN_PRD, '.pmpo-lint.json': '{\n  "rules": {\n    "mixed-section": "warning",,\n  }\n}' }, [], /^pmpo-lint: \/.*\.pmpo-lint\.json:3:32: syntax error: .*\n$/],
    ['an unknown rule in the config', { 'a.md': CLEAN_PRD, '.pmpo-lint.jsonc': '{\n  // rules\n  "rules": {"no-such-rule": "error"}\n}' }, [], /^pmpo-lint: \/.*\.pmpo-lint\.jsonc:3:13: unknown rule "no-such-rule"\n$/],
    ['an unknown config key', { 'a.md': CLEAN_PRD, 'base.json': '{"colour": "red"}' }, ['--config', 'base.json'], /^pmpo-lint: \/.*base\.json:1:2: unknown key "colour"\n$/],
    ['a missing --config file', { 'a.md': CLEAN_PRD }, ['--config', 'nope.json'], /^pmpo-lint: \/.*nope\.json: cannot read the config file \(ENOENT\)\n$/],
    ['--stdin-filename without --stdin', { 'a.md': CLEAN_PRD }, ['--stdin-filename', 'x.md'], /^pmpo-lint: --stdin-filename needs --stdin\n$/],
    ['sections without a file', { 'a.md': CLEAN_PRD }, ['sections'], /^pmpo-lint: sections needs at least one file\n$/],
  ];
  it.each(cases)('is 2 for %s', async (_name, files, argv, message) => {
    const root = makeTree(files);
    const result = await runCli(argv, root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});

describe('skipped files warn without changing the exit code', () => {
  const skippedCases: [string, Record<string, string | Uint8Array>, RegExp][] = [
    ['a binary file', { 'picture.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) }, /binary/],
    ['a non-UTF-8 file', { 'picture.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]) }, /not valid UTF-8/],
    ['a file over the size limit', { 'picture.md': `${CLEAN_PRD}${'Long text line.\n'.repeat(200)}`, '.pmpo-lint.json': '{"maxFileSizeKB": 1}' }, /over the 1 KB limit/],
  ];
  it.each(skippedCases)('lists %s with one warning and exits 0', async (_name, files, reason) => {
    const root = makeTree(files);
    const result = await runCli(['picture.md', '--format', 'json', '--max-warnings', '0'], root);
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: null, severity: 1, level: 'warning' });
    expect(file.messages[0].message).toMatch(reason);
    expect(file.messages[0].message).not.toMatch(/editor/);
  });

  it('lists a skipped file found by a walk too', async () => {
    const root = makeTree({ 'docs/broken.md': new Uint8Array([0x00, 0x00]), 'docs/notes.md': NOTES });
    const result = await runCli(['docs'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('broken.md');
    expect(result.stdout).not.toContain('notes.md');
  });
});

describe('config problems: one line each', () => {
  const threeProblems = '{"rules": {"mixed-sectoin": "warning", "story-format": "loud"}, "maxFileSizeKB": "big"}';

  it('prints every problem as file:line:column: message', async () => {
    const root = makeTree({ 'a.md': CLEAN_PRD, '.pmpo-lint.json': threeProblems });
    const result = await runCli([], root);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const file = join(root, '.pmpo-lint.json');
    expect(lines[0]).toBe(`pmpo-lint: ${file}:1:12: unknown rule "mixed-sectoin"`);
    expect(lines[1]).toMatch(new RegExp(`^pmpo-lint: ${escape(file)}:1:\\d+: rule "story-format": severity must be one of`));
    expect(lines[2]).toMatch(new RegExp(`^pmpo-lint: ${escape(file)}:1:\\d+: .*maxFileSizeKB`));
    expect(result.stdout).toBe('');
  });

  it('prints every problem for --print-config too', async () => {
    const root = makeTree({ 'a.md': CLEAN_PRD, '.pmpo-lint.json': threeProblems });
    const result = await runCli(['--print-config', 'a.md'], root);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(3);
    expect(result.stderr).not.toContain('more problem');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
