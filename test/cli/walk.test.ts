import { describe, expect, it } from 'vitest';
import { CLEAN_PRD, configWith, makeTree, NOTES, PRD_WITH_UNUSED_DISABLE, runCli } from './helpers.js';

/** The files a run lists, relative to the tree, in output order. */
async function listed(root: string, argv: string[]): Promise<string[]> {
  const result = await runCli([...argv, '--format', 'json'], root);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).map((file: { filePath: string }) => file.filePath.slice(root.length + 1));
}

describe('directory walks', () => {
  it('lists product documents only, and every Markdown file with --all', async () => {
    const root = makeTree({ 'prd.md': CLEAN_PRD, 'notes.md': NOTES, 'q3-roadmap.markdown': NOTES, 'data.txt': CLEAN_PRD });
    expect(await listed(root, [])).toEqual(['prd.md', 'q3-roadmap.markdown']);
    expect(await listed(root, ['--all'])).toEqual(['notes.md', 'prd.md', 'q3-roadmap.markdown']);
  });

  it('says why nothing is listed when no file is a product document', async () => {
    const root = makeTree({ 'notes.md': NOTES });
    const result = await runCli([], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('pmpo-lint: 1 Markdown file(s) found, none is a product document (set a kind, or use --all)\n');
  });

  it('always lists files named explicitly', async () => {
    const root = makeTree({ 'notes.md': NOTES, 'ignored.md': NOTES, '.gitignore': 'ignored.md\n', '.pmpo-lint.json': '{"ignores": ["notes.md"]}' });
    expect(await listed(root, ['notes.md', 'ignored.md'])).toEqual(['notes.md', 'ignored.md']);
  });

  it('honours .gitignore files at every level and skips node_modules and .git', async () => {
    const root = makeTree({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'docs/.gitignore': 'old.md\n',
      'docs/prd.md': CLEAN_PRD,
      'docs/old.md': CLEAN_PRD,
      'docs/x.tmp.md': CLEAN_PRD,
      'drafts/prd.md': CLEAN_PRD,
      'node_modules/pkg/prd.md': CLEAN_PRD,
      '.git/prd.md': CLEAN_PRD,
      'other/old.md': CLEAN_PRD,
    });
    expect(await listed(root, [])).toEqual(['docs/prd.md', 'other/old.md']);
    expect(await listed(root, ['docs'])).toEqual(['docs/prd.md']);
  });

  it('honours config ignores relative to the folder of the config file', async () => {
    const root = makeTree({
      'docs/.pmpo-lint.json': '{"ignores": ["archive/**"]}',
      'docs/archive/prd.md': CLEAN_PRD,
      'docs/prd.md': CLEAN_PRD,
      'archive/prd.md': CLEAN_PRD,
    });
    expect(await listed(root, [])).toEqual(['archive/prd.md', 'docs/prd.md']);
  });

  it('honours --config ignores relative to that file\'s folder, or to the working folder for files outside it', async () => {
    const root = makeTree({
      'config/base.json': '{"ignores": ["legacy/**"]}',
      'config/legacy/prd.md': CLEAN_PRD,
      'docs/legacy/prd.md': CLEAN_PRD,
      'legacy/prd.md': CLEAN_PRD,
      'prd.md': CLEAN_PRD,
    });
    expect(await listed(root, ['--config', 'config/base.json'])).toEqual(['docs/legacy/prd.md', 'prd.md']);
  });

  it('expands globs below their base, honouring .gitignore and the product filter', async () => {
    const root = makeTree({ '.gitignore': 'docs/skip.md\n', 'docs/a/prd.md': CLEAN_PRD, 'docs/skip.md': CLEAN_PRD, 'docs/notes.md': NOTES, 'top.md': CLEAN_PRD });
    expect(await listed(root, ['docs/**/*.md'])).toEqual(['docs/a/prd.md']);
    expect(await listed(root, ['docs/**/*.md', '--all'])).toEqual(['docs/a/prd.md', 'docs/notes.md']);
  });

  it('is a usage error when a glob matches no Markdown file', async () => {
    const root = makeTree({ 'top.md': CLEAN_PRD });
    const result = await runCli(['docs/**/*.md'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pmpo-lint: no Markdown file found in docs/**/*.md\n');
  });
});

describe('config layers', () => {
  it('lets the nearest config file win over --config', async () => {
    const root = makeTree({ 'base.json': configWith('error'), 'docs/.pmpo-lint.json': configWith('warning'), 'docs/prd.md': PRD_WITH_UNUSED_DISABLE, 'prd.md': PRD_WITH_UNUSED_DISABLE });
    const result = await runCli(['--config', 'base.json', '--format', 'json'], root);
    const levels = JSON.parse(result.stdout).map((file: { messages: { level: string }[] }) => file.messages[0].level);
    expect(levels).toEqual(['warning', 'error']);
    expect(result.code).toBe(1);
  });

  it('lets front matter win over config files', async () => {
    const withFrontMatter = PRD_WITH_UNUSED_DISABLE.replace('  kind: prd\n', '  kind: prd\n  rules:\n    unused-disable: off\n');
    const root = makeTree({ '.pmpo-lint.json': configWith('error'), 'prd.md': withFrontMatter });
    expect(await runCli([], root)).toMatchObject({ code: 0, stdout: '' });
  });

  it('matches documentKinds globs relative to the config file\'s folder', async () => {
    const root = makeTree({ 'docs/.pmpo-lint.json': '{"documentKinds": {"backlog": ["specs/*.md"]}}', 'docs/specs/payments.md': NOTES, 'specs/payments.md': NOTES });
    expect(await listed(root, [])).toEqual(['docs/specs/payments.md']);
  });
});
