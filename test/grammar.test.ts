// Runs the vscode-tmgrammar-test scope assertions in test/grammar/*.test.md
// against the injection grammar as package.json contributes it, on top of the
// Markdown base grammar from tm-grammars (a dev-only test grammar).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const markdownGrammar = require.resolve('tm-grammars/grammars/markdown.json');
const packageJson = join(root, 'package.json');
const grammarDir = join(root, 'test', 'grammar');
const grammarPath = join(root, 'syntaxes', 'pmpo-lint.injection.tmLanguage.json');

interface RunResult {
  status: number | null;
  output: string;
}

function runGrammarTests(files: string[]): RunResult {
  const result = spawnSync(process.execPath, [cli, '--compact', '--config', packageJson, '-g', markdownGrammar, ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  // The base grammar names embedded languages (yaml, css, ...) that a test does not need.
  const output = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('grammar not found for'))
    .join('\n');
  return { status: result.status, output };
}

const testFiles = readdirSync(grammarDir)
  .filter((name) => name.endsWith('.test.md'))
  .map((name) => join(grammarDir, name));

describe('injection grammar scope assertions', () => {
  it('has assertion files', () => {
    expect(testFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(testFiles.map((file) => [file.slice(root.length + 1), file]))('%s passes', (_name, file) => {
    const { status, output } = runGrammarTests([file]);
    expect(output).not.toMatch(/ERROR|Invalid assertion/);
    expect(output).toMatch(/run successfuly/);
    expect(status).toBe(0);
  });

  describe('the runner can fail', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'pmpo-grammar-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('reports a wrong required scope and a scope that should be absent', () => {
      const file = join(scratch, 'wrong.test.md');
      writeFileSync(
        file,
        [
          '<!-- SYNTAX TEST "text.html.markdown" "deliberately wrong"',
          'Given a cart',
          '<!-- <----- constant.numeric.estimate.pmpo-lint',
          'Closes US-12 today',
          '<!--   ^^^^^ - entity.name.tag.item-id.pmpo-lint',
          '',
        ].join('\n'),
      );
      const { status, output } = runGrammarTests([file]);
      expect(status).not.toBe(0);
      expect(output).toMatch(/Missing required scopes: \[ constant\.numeric\.estimate\.pmpo-lint \]/);
      expect(output).toMatch(/entity\.name\.tag\.item-id\.pmpo-lint/);
    });
  });
});

describe('injection grammar shape', () => {
  const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));

  it('is the scope package.json injects into Markdown, and never colours code or comments', () => {
    expect(grammar.scopeName).toBe('markdown.pmpo-lint.injection');
    for (const excluded of ['-markup.fenced_code', '-markup.raw', '-markup.inline.raw', '-meta.embedded', '-comment']) {
      expect(grammar.injectionSelector).toContain(excluded);
    }
  });

  it('has no nested quantifiers', () => {
    const regexes = collectRegexes(grammar);
    expect(regexes.length).toBeGreaterThan(10);
    expect(regexes.filter((source) => /(?:\+|\*|\})\)(?:\+|\*|\{)/.test(source))).toEqual([]);
  });

  // Oniguruma, not JavaScript, runs these regexes, so measure the real tokenizer on
  // the inputs that make backtracking explode: long runs of the characters the
  // patterns repeat. The base grammar alone is the yardstick (the machine may be
  // busy): linear patterns add a fraction to it, quadratic ones add seconds (a
  // cell-end lookahead without its (?<![ \t]) guard took 9 s on one table line below).
  it('tokenizes pathological long lines in linear time', async () => {
    const size = 20_000;
    const lines = [
      ' '.repeat(size),
      `As a ${' '.repeat(size)}x`,
      `As a ${'a '.repeat(size / 2)}`,
      `As a x, I want ${', '.repeat(size / 2)}`,
      `As a x, I want y${' '.repeat(size)}|`,
      `| As a x${' '.repeat(size)}y |`,
      `| ${'As a x '.repeat(size / 7)} |`,
      `When ${'a'.repeat(size)}`,
      `When ${'a'.repeat(size)},${' '.repeat(size)}and`,
      `Given ${'a b'.repeat(size / 3)}, then`,
      `${'SHA-1 '.repeat(size / 6)}`,
      `${'ABCDEF1-2 '.repeat(size / 10)}`,
      `#${'1'.repeat(size)}`,
      `Estimate: ${'1'.repeat(size)}`,
      '**'.repeat(size / 2),
      'US-1'.repeat(size / 4),
      '#1'.repeat(size / 2),
      `${'| Must '.repeat(size / 20)}|`,
    ];
    const timeAll = async (withInjection: boolean) => {
      const tokenize = await loadMarkdown(withInjection);
      tokenize('As a warm-up, I want the regex engine compiled, so that only matching is timed');
      const started = performance.now();
      for (const line of lines) tokenize(line);
      return performance.now() - started;
    };
    const baseOnly = await timeAll(false);
    const withInjection = await timeAll(true);
    expect(withInjection).toBeLessThan(3 * baseOnly + 1500);
  }, 60_000);
});

type Tokenize = (line: string) => unknown;

async function loadMarkdown(withInjection: boolean): Promise<Tokenize> {
  const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js') as typeof import('vscode-tmgrammar-test/dist/common/index.js');
  // The base grammar names embedded languages (yaml, css, ...) that these lines do not need.
  const quiet = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const injection = { path: grammarPath, scopeName: 'markdown.pmpo-lint.injection', injectTo: ['text.html.markdown'] };
  const registry = createRegistry([{ path: markdownGrammar, scopeName: 'text.html.markdown' }, ...(withInjection ? [injection] : [])]);
  const markdown = await registry.loadGrammar('text.html.markdown');
  quiet.mockRestore();
  if (!markdown) throw new Error('the Markdown base grammar did not load');
  return (line) => markdown.tokenizeLine(line, null);
}

function collectRegexes(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    ['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string' ? [value] : collectRegexes(value),
  );
}
