import { describe, expect, it } from 'vitest';
import { applyEdits, safeFixes } from '../src/core/fixes.js';
import { lint } from '../src/core/index.js';
import type { Finding } from '../src/core/types.js';

describe('applyEdits', () => {
  it('applies non-overlapping edits in any order, keeping the text between them', () => {
    const result = applyEdits('abcdef', [
      { range: [4, 5], text: 'E' },
      { range: [0, 1], text: 'A' },
      { range: [2, 2], text: '+' },
    ]);
    expect(result.text).toBe('Ab+cdEf');
    expect(result.skipped).toEqual([]);
    expect(result.applied.map((edit) => edit.range[0])).toEqual([0, 2, 4]);
  });

  it('skips overlapping edits and two insertions at one offset, for the next run', () => {
    const result = applyEdits('abcdef', [
      { range: [1, 4], text: 'X' },
      { range: [3, 5], text: 'Y' },
      { range: [5, 5], text: '1' },
      { range: [5, 5], text: '2' },
    ]);
    expect(result.text).toBe('aXe1f');
    expect(result.skipped.map((edit) => edit.text)).toEqual(['Y', '2']);
  });

  it('skips edits outside the text or with a reversed range', () => {
    const result = applyEdits('abc', [
      { range: [-1, 1], text: 'x' },
      { range: [2, 1], text: 'y' },
      { range: [2, 9], text: 'z' },
    ]);
    expect(result.text).toBe('abc');
    expect(result.skipped).toHaveLength(3);
  });

  it('an insertion right after a replacement that ends there is applied', () => {
    expect(applyEdits('abc', [{ range: [0, 1], text: 'A' }, { range: [1, 1], text: '-' }]).text).toBe('A-bc');
  });
});

describe('safeFixes', () => {
  it('takes fixes and never suggestions', () => {
    const point = { line: 1, column: 1, offset: 0 };
    const base: Omit<Finding, 'ruleId'> = { severity: 'info', message: '', url: '', evidence: [], related: [], range: { start: point, end: point } };
    const findings: Finding[] = [
      { ...base, ruleId: 'a', fix: { range: [0, 1], text: '' } },
      { ...base, ruleId: 'b', suggestions: [{ desc: 'split', fix: { range: [0, 0], text: '## X\n' } }] },
    ];
    expect(safeFixes(findings)).toEqual([{ range: [0, 1], text: '' }]);
  });
});

describe('fixing a document', () => {
  it('removes every unused disable comment in one pass, keeping everything else byte for byte (CRLF, BOM)', () => {
    const text = '\uFEFF# Notes\r\n\r\n<!-- pmpo-lint-disable-next-line mixed-section -->\r\n## A\r\n\r\nText <!-- pmpo-lint-disable-line nope --> here.\r\n';
    const first = lint(text);
    expect(first.findings.map((finding) => finding.ruleId)).toEqual(['unused-disable', 'unused-disable']);
    const fixed = applyEdits(text, safeFixes(first.findings)).text;
    expect(fixed).toBe('\uFEFF# Notes\r\n\r\n## A\r\n\r\nText here.\r\n');
    expect(lint(fixed).findings).toEqual([]);
  });
});
