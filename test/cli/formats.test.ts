import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/cli/formatters/sarif.js';
import { STYLISH_PROBLEM_PATTERN } from '../../src/cli/formatters/stylish.js';
import { toCliResults } from '../../src/cli/results.js';
import type { Finding, LintResult } from '../../src/core/types.js';
import { configWith, makeTree, PRD_WITH_UNUSED_DISABLE, runCli } from './helpers.js';

/** The official SARIF 2.1.0 schema (OASIS, final rtm.5) as shipped in an npm package. */
function sarifSchema(): object {
  const require = createRequire(import.meta.url);
  const packageFolder = join(require.resolve('@microsoft/jest-sarif/package.json'), '..');
  return JSON.parse(readFileSync(join(packageFolder, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
}

let compiled: ReturnType<Ajv['compile']> | undefined;

function validateSarif(log: unknown): string[] {
  if (!compiled) {
    // The schema is draft-04; one of its patterns is not valid under the `u` flag, so patterns compile without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    compiled = ajv.compile(sarifSchema());
  }
  const validate = compiled;
  validate(log);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

const point = (line: number, column: number, offset: number) => ({ line, column, offset });

/** A hand-made finding with every optional part, to pin the JSON mapping. */
const FULL_FINDING: Finding = {
  ruleId: 'mixed-section',
  severity: 'warning',
  message: 'Mixed.',
  range: { start: point(3, 1, 20), end: point(9, 12, 140) },
  url: 'https://example.invalid/mixed-section.md',
  evidence: [{ side: 'strategic', cueId: 'market-share', reason: 'a market goal', weight: 2, line: 4, text: 'Grow share.', match: 'share', startOffset: 30, endOffset: 35 }],
  related: [{ range: { start: point(4, 1, 30), end: point(4, 12, 41) }, message: 'strategic: share' }],
  fix: { range: [0, 0], text: '<!-- x -->\n' },
  suggestions: [{ desc: 'Split the section', fix: { range: [50, 50], text: '## Delivery detail\n\n' }, snippet: '## ${1:Delivery detail}' }],
};

describe('--format json', () => {
  it('prints ESLint-shaped results with 1-based positions', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('error') });
    const result = await runCli(['--format', 'json'], root);
    const files = JSON.parse(result.stdout);
    expect(files).toEqual([
      {
        filePath: join(root, 'checkout.md'),
        messages: [
          {
            ruleId: 'unused-disable',
            severity: 2,
            level: 'error',
            message: expect.stringContaining('has no effect'),
            line: 7,
            column: 1,
            endLine: 7,
            endColumn: 41,
            url: expect.stringMatching(/unused-disable\.md$/),
            evidence: [],
            related: [],
            fix: { range: [42, 83], text: '' },
          },
        ],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 0,
        infoCount: 0,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('counts info findings as the severity-1 messages they are (warningCount, with infoCount saying how many)', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('info') });
    const result = await runCli(['--format', 'json', '--max-warnings', '0'], root);
    const [file] = JSON.parse(result.stdout);
    expect(file.messages.map((message: { severity: number; level: string }) => [message.severity, message.level])).toEqual([[1, 'info']]);
    expect(file).toMatchObject({ errorCount: 0, warningCount: 1, infoCount: 1, fixableErrorCount: 0, fixableWarningCount: 1 });
    expect(result.code).toBe(0);
  });

  it("gives a skipped file ESLint's shape for a file it did not lint: one non-fatal severity-1 message", async () => {
    const root = makeTree({ 'binary.md': new Uint8Array([0, 1, 2]) });
    const result = await runCli(['binary.md', '--format', 'json', '--max-warnings', '0'], root);
    const [file] = JSON.parse(result.stdout);
    expect(file.messages).toEqual([{ ruleId: null, fatal: false, severity: 1, level: 'warning', message: expect.stringMatching(/^Skipped: /), line: 1, column: 1 }]);
    expect(file).toMatchObject({ errorCount: 0, fatalErrorCount: 0, warningCount: 1, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    expect(result.code).toBe(0);
  });

  it('maps evidence, related locations, fixes and suggestions field by field', () => {
    const lintResult: LintResult = { kind: 'prd', kindSource: 'front-matter', findings: [FULL_FINDING], sections: [] };
    const [file] = toCliResults([{ filePath: '/x/prd.md', result: lintResult, listed: true }], { quiet: false });
    expect(file.messages[0]).toEqual({
      ruleId: 'mixed-section',
      severity: 1,
      level: 'warning',
      message: 'Mixed.',
      line: 3,
      column: 1,
      endLine: 9,
      endColumn: 12,
      url: 'https://example.invalid/mixed-section.md',
      evidence: [{ side: 'strategic', cueId: 'market-share', line: 4, text: 'Grow share.' }],
      related: [{ line: 4, column: 1, endLine: 4, endColumn: 12, message: 'strategic: share' }],
      fix: { range: [0, 0], text: '<!-- x -->\n' },
      suggestions: [{ desc: 'Split the section', fix: { range: [50, 50], text: '## Delivery detail\n\n' } }],
    });
    expect(file).toMatchObject({ errorCount: 0, warningCount: 1, infoCount: 0 });
  });
});

describe('--format stylish', () => {
  it('prints the path, one problem line per finding and a summary', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('warning') });
    const { stdout } = await runCli([], root);
    const lines = stdout.split('\n');
    expect(lines).toContain(join(root, 'checkout.md'));
    const problem = lines.find((line) => STYLISH_PROBLEM_PATTERN.test(line))!;
    const [, line, column, level, message, ruleId] = STYLISH_PROBLEM_PATTERN.exec(problem)!;
    expect([line, column, level, ruleId]).toEqual(['7', '1', 'warning', 'unused-disable']);
    expect(message).toMatch(/^This pmpo-lint-disable comment has no effect.*visible\.$/);
    expect(stdout).toContain('✖ 1 problem (0 errors, 1 warning, 0 infos)');
    expect(stdout).not.toContain('\u001b[');
  });

  it('counts info findings apart from warnings in the summary', async () => {
    const root = makeTree({ 'checkout.md': PRD_WITH_UNUSED_DISABLE, '.pmpo-lint.json': configWith('info') });
    const { stdout } = await runCli([], root);
    expect(stdout).toContain('✖ 1 problem (0 errors, 0 warnings, 1 info)');
  });

  it('lets a problem matcher read skipped-file lines without a rule id', async () => {
    const root = makeTree({ 'binary.md': new Uint8Array([0, 1, 2]) });
    const { stdout } = await runCli(['binary.md'], root);
    const problem = stdout.split('\n').find((line) => STYLISH_PROBLEM_PATTERN.test(line))!;
    const match = STYLISH_PROBLEM_PATTERN.exec(problem)!;
    expect(match.slice(1, 4)).toEqual(['1', '1', 'warning']);
    expect(match[4]).toMatch(/^Skipped: the file looks binary/);
    expect(match[5]).toBeUndefined();
  });
});

describe('--format sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema and carries rules, levels and regions', async () => {
    const root = makeTree({
      'docs/my checkout.md': PRD_WITH_UNUSED_DISABLE,
      'docs/binary.md': new Uint8Array([0, 1]),
      '.pmpo-lint.json': configWith('info'),
    });
    const { stdout, code } = await runCli(['--format', 'sarif', 'docs/my checkout.md', 'docs/binary.md'], root);
    expect(code).toBe(0);
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('pmpo-lint');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('unused-disable');
    expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'unused-disable')).toMatchObject({
      shortDescription: { text: expect.any(String) },
      helpUri: expect.stringMatching(/unused-disable\.md$/),
      defaultConfiguration: { level: 'note' },
    });
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: 'unused-disable',
      level: 'note',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/my%20checkout.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 1, endLine: 7, endColumn: 41 } } }],
    });
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/binary/);
  });

  it('turns related locations into valid relatedLocations and info into note', () => {
    const lintResult: LintResult = { kind: 'prd', kindSource: 'front-matter', findings: [{ ...FULL_FINDING, severity: 'info' }], sections: [] };
    const results = toCliResults([{ filePath: '/work/docs/prd.md', result: lintResult, listed: true }], { quiet: false });
    const log = JSON.parse(formatSarif(results, { cwd: '/work', version: '0.0.0' }));
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results[0]).toMatchObject({
      level: 'note',
      relatedLocations: [{ id: 0, message: { text: 'strategic: share' }, physicalLocation: { artifactLocation: { uri: 'docs/prd.md' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 12 } } }],
    });
    const outside = JSON.parse(formatSarif(toCliResults([{ filePath: '/elsewhere/prd.md', result: lintResult, listed: true }], { quiet: false }), { cwd: '/work', version: '0.0.0' }));
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/prd.md' });
  });

  it('the schema check catches a broken log', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
  });
});

describe('sections', () => {
  const roadmap = '# Mobile roadmap\n\n## Now\n\nShip the checkout.\n\n### Stories\n\nAs a shopper, I want to pay by card so that I can finish quickly.\n';

  it('prints one JSON entry per file with 1-based section lines', async () => {
    const root = makeTree({ 'roadmap.md': roadmap });
    const { stdout, code } = await runCli(['sections', 'roadmap.md', '--format', 'json'], root);
    expect(code).toBe(0);
    const [file] = JSON.parse(stdout);
    expect(file.filePath).toBe(join(root, 'roadmap.md'));
    expect(file.kind).toBe('roadmap');
    expect(file.sections.map((section: { heading: string; depth: number; headingLine: number | null; startLine: number; endLine: number }) => [section.heading, section.depth, section.headingLine, section.startLine, section.endLine])).toEqual([
      ['Mobile roadmap', 1, 1, 2, 2],
      ['Now', 2, 3, 4, 6],
      ['Stories', 3, 7, 8, 10],
    ]);
    for (const section of file.sections) {
      expect(section.strategic).toBeGreaterThanOrEqual(0);
      expect(section.tactical).toBeLessThanOrEqual(1);
      expect(['strategic', 'tactical', 'mixed', 'neutral']).toContain(section.label);
      expect(Array.isArray(section.evidence)).toBe(true);
    }
  });

  it('prints a readable table by default', async () => {
    const root = makeTree({ 'roadmap.md': roadmap });
    const { stdout } = await runCli(['sections', 'roadmap.md'], root);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${join(root, 'roadmap.md')} (roadmap)`);
    expect(lines[1]).toMatch(/^\s+line\s+body\s+depth\s+label\s+strategic\s+tactical\s+heading$/);
    expect(lines[2]).toMatch(/^\s+1\s+2-2\s+1\s+\w+\s+\d\.\d\d\s+\d\.\d\d\s+Mobile roadmap$/);
    expect(lines[4]).toMatch(/^\s+7\s+8-10\s+3\s+\w+\s+\d\.\d\d\s+\d\.\d\d\s+ {4}Stories$/);
  });

  it("agrees with the JSON: the heading's line, then the body's startLine-endLine ('-' for none)", async () => {
    const root = makeTree({ 'roadmap.md': `Intro text.\n# Mobile roadmap\n## Now\n\n${roadmap.slice(roadmap.indexOf('Ship'))}` });
    const table = (await runCli(['sections', 'roadmap.md'], root)).stdout.split('\n').slice(2, -1);
    const [file] = JSON.parse((await runCli(['sections', 'roadmap.md', '--format', 'json'], root)).stdout);
    const fromJson = file.sections.map((section: { headingLine: number | null; startLine: number; endLine: number }) => [
      String(section.headingLine ?? '-'),
      section.startLine > section.endLine ? '-' : `${section.startLine}-${section.endLine}`,
    ]);
    expect(fromJson).toEqual([['-', '1-1'], ['2', '-'], ['3', '4-6'], ['7', '8-10']]);
    expect(table.map((row) => row.trim().split(/\s+/).slice(0, 2))).toEqual(fromJson);
  });
});
