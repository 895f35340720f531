import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, type DocumentText } from '../../src/cli/document.js';
import { fixDocument, MAX_FIX_PASSES } from '../../src/cli/fix.js';
import type { Finding, LintResult } from '../../src/core/types.js';
import { CLEAN_PRD, makeTree, NOTES, PRD_WITH_UNUSED_DISABLE, runCli } from './helpers.js';

const COMMENT_LINE = '<!-- pmpo-lint-disable mixed-section -->\n';
const BOM = '\uFEFF';

describe('--fix on files', () => {
  it('removes only the fixed range and keeps a BOM and CRLF line endings byte for byte', async () => {
    const original = BOM + PRD_WITH_UNUSED_DISABLE.replace(/\n/g, '\r\n');
    const root = makeTree({ 'checkout.md': original });
    const result = await runCli(['--fix', '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0].messages).toEqual([]);
    const written = readFileSync(join(root, 'checkout.md'), 'utf8');
    expect(written).toBe(original.replace(COMMENT_LINE.replace('\n', '\r\n'), ''));
    expect(written.startsWith(BOM)).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('does not rewrite a file that has nothing to fix', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE.replace(COMMENT_LINE, '') });
    const path = join(root, 'checkout.md');
    utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
    await runCli(['--fix'], root);
    expect(statSync(path).mtime.getFullYear()).toBe(2000);
  });

  it('leaves walked files that are not product documents alone unless --all', async () => {
    const notes = `${NOTES}\n${COMMENT_LINE}`;
    const root = makeTree({ 'notes.md': notes, 'prd.md': PRD_WITH_UNUSED_DISABLE });
    await runCli(['--fix', '.'], root);
    expect(readFileSync(join(root, 'notes.md'), 'utf8')).toBe(notes);
    expect(readFileSync(join(root, 'prd.md'), 'utf8')).toBe(PRD_WITH_UNUSED_DISABLE.replace(COMMENT_LINE, ''));
    await runCli(['--fix', '--all', '.'], root);
    expect(readFileSync(join(root, 'notes.md'), 'utf8')).toBe(NOTES + '\n');
  });

  it('fixes a file named explicitly even when it is not a product document', async () => {
    const root = makeTree({ 'notes.md': `${NOTES}${COMMENT_LINE}` });
    await runCli(['--fix', 'notes.md'], root);
    expect(readFileSync(join(root, 'notes.md'), 'utf8')).toBe(NOTES);
  });
});

describe('--fix summary', () => {
  const twoUnused = PRD_WITH_UNUSED_DISABLE.replace(COMMENT_LINE, `${COMMENT_LINE}\n<!-- pmpo-lint-disable doc-kind-fit -->\n`);

  it('says on stderr how many problems it fixed in how many files, keeping stdout clean', async () => {
    const root = makeTree({ 'a/prd.md': twoUnused, 'b/prd.md': PRD_WITH_UNUSED_DISABLE, 'c/prd.md': CLEAN_PRD });
    const result = await runCli(['--fix', '--format', 'json'], root);
    expect(result.stderr).toBe('Fixed 3 problems in 2 files.\n');
    expect(JSON.parse(result.stdout).map((file: { messages: unknown[] }) => file.messages)).toEqual([[], [], []]);
  });

  it('uses the singular, and says nothing when nothing was fixed or with --quiet', async () => {
    const root = makeTree({ 'prd.md': PRD_WITH_UNUSED_DISABLE });
    expect((await runCli(['--fix', '--quiet'], root)).stderr).toBe('');
    const again = makeTree({ 'prd.md': PRD_WITH_UNUSED_DISABLE });
    expect((await runCli(['--fix'], again)).stderr).toBe('Fixed 1 problem in 1 file.\n');
    expect((await runCli(['--fix'], again)).stderr).toBe('');
  });
});

describe('--fix --stdin', () => {
  it('prints the fixed text, BOM included, and sends the report elsewhere', async () => {
    const root = makeTree({});
    const input = BOM + PRD_WITH_UNUSED_DISABLE;
    const result = await runCli(['--fix', '--stdin', '--stdin-filename', 'checkout-prd.md'], root, new TextEncoder().encode(input));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(input.replace(COMMENT_LINE, ''));
  });

  it('prints the text unchanged, BOM included, when nothing applies', async () => {
    const root = makeTree({});
    const result = await runCli(['--fix', '--stdin'], root, new TextEncoder().encode(BOM + NOTES));
    expect(result.stdout).toBe(BOM + NOTES);
  });

  it('reports on stderr, keeping stdout for the text', async () => {
    const root = makeTree({ '.pmpo-lint.json': '{"maxFileSizeKB": 1}' });
    const input = PRD_WITH_UNUSED_DISABLE + 'A long line of text.\n'.repeat(100);
    const result = await runCli(['--fix', '--stdin', '--stdin-filename', 'prd.md'], root, input);
    expect(result.stdout).toBe(input);
    expect(result.stderr).toMatch(/1:1\s+warning\s+Skipped: .*over the 1 KB limit/);
    expect(result.code).toBe(0);
  });
});

describe('fixDocument', () => {
  const document = (text: string): DocumentText => {
    const decoded = decodeDocument(new TextEncoder().encode(text));
    if (!('document' in decoded)) throw new Error('test text must decode');
    return decoded.document;
  };
  const finding = (extra: Partial<Finding>): Finding => ({
    ruleId: 'unused-disable',
    severity: 'info',
    message: 'm',
    range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    url: 'u',
    evidence: [],
    related: [],
    ...extra,
  });
  const result = (findings: Finding[]): LintResult => ({ kind: 'prd', kindSource: 'config', findings, sections: [] });

  it('never applies suggestions', () => {
    const outcome = fixDocument(document('# A\r\n\r\nText.\r\n'), () => result([finding({ suggestions: [{ desc: 'split', fix: { range: [0, 0], text: '## B\n' } }] })]));
    expect(outcome).toMatchObject({ text: '# A\r\n\r\nText.\r\n', changed: false });
  });

  it('writes inserted line breaks in the file\'s own line ending', () => {
    const lint = (text: string) => result(text.startsWith('<!--') ? [] : [finding({ fix: { range: [0, 0], text: '<!-- x -->\n' } })]);
    expect(fixDocument(document('# A\r\nText.\r\n'), lint).text).toBe('<!-- x -->\r\n# A\r\nText.\r\n');
    expect(fixDocument(document('# A\nText.\n'), lint).text).toBe('<!-- x -->\n# A\nText.\n');
  });

  it('re-lints after each pass and stops after a bounded number of passes', () => {
    let calls = 0;
    const outcome = fixDocument(document('x'), (text) => {
      calls++;
      return result([finding({ fix: { range: [0, 0], text: 'a' } })].filter(() => text.length < 1000));
    });
    expect(outcome.text).toBe(`${'a'.repeat(MAX_FIX_PASSES)}x`);
    expect(calls).toBe(MAX_FIX_PASSES + 1);
  });
});
