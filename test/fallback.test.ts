import { describe, expect, it } from 'vitest';
import { ChunkCache } from '../src/core/chunk-cache.js';
import { allCues } from '../src/core/cues/index.js';
import { FALLBACK_LIMITS, fallbackAnalysis, fallbackReason } from '../src/core/fallback.js';
import { createLinter, lint } from '../src/core/index.js';

const cues = allCues();

function bigTable(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `| item ${i} | team | Add a retry button to the export dialog |`);
  return ['# Big table', '', '| Item | Owner | Notes |', '| --- | --- | --- |', ...body, ''].join('\n');
}

function deepList(depth: number): string {
  return ['# Deep', '', ...Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`), ''].join('\n');
}

describe('fallbackReason', () => {
  it('sends giant tables, deep nesting and huge chunks to the line-based path', () => {
    expect(fallbackReason(bigTable(FALLBACK_LIMITS.maxTableRows + 10))).toBe('table too long');
    expect(fallbackReason(deepList(40))).toBe('nesting too deep');
    expect(fallbackReason(`${'>'.repeat(20)} quoted\n`)).toBe('nesting too deep');
    expect(fallbackReason('word '.repeat(FALLBACK_LIMITS.maxChunkChars / 4))).toBe('section too large');
  });

  it('leaves ordinary sections to the parser', () => {
    expect(fallbackReason(bigTable(50))).toBeUndefined();
    expect(fallbackReason(deepList(10))).toBeUndefined();
  });
});

describe('fallbackAnalysis', () => {
  it('reads headings, rows, bullets, sentences and scenarios from lines', () => {
    const text = [
      '# Goals',
      '',
      'Grow weekly active teams by 20% this year. Our vision is a planning tool teams trust.',
      '',
      '- As a user, I want to export the plan so that I can share it.',
      '  - nested detail',
      '',
      '| Item | Owner |',
      '| --- | --- |',
      '| export | team |',
      '',
      'Given a saved plan',
      'When I open it',
      'Then I see the owner',
      '',
      '```',
      '# not a heading',
      '```',
      '## Next',
      'text',
    ].join('\n');
    const [goals, next] = fallbackAnalysis(text, cues);
    expect(goals.section).toMatchObject({ heading: 'Goals', depth: 1, headingLine: 1, endLine: 18 });
    expect(next.section).toMatchObject({ heading: 'Next', depth: 2, headingLine: 19, endLine: 20 });
    const kinds = goals.statements.map((judgement) => [judgement.statement.kind, judgement.statement.line]);
    expect(kinds).toEqual([
      ['sentence', 3],
      ['sentence', 3],
      ['bullet', 5],
      ['bullet', 6],
      ['row', 8],
      ['row', 10],
      ['scenario', 12],
    ]);
    const sentence = goals.statements[0].statement;
    expect(text.slice(sentence.startOffset, sentence.endOffset)).toBe('Grow weekly active teams by 20% this year.');
    expect(goals.statements[3].statement.listDepth).toBe(1);
    expect(goals.classification.evidence.length).toBeGreaterThan(0);
  });

  it('is used the same way by a fresh and an incremental lint, and the result stays analysed', () => {
    const text = `# Plan\n\nOur vision is a tool teams trust.\n\n${bigTable(FALLBACK_LIMITS.maxTableRows + 5)}\n## After\n\nShip the export.\n`;
    const linter = createLinter();
    linter.lint(text.replace('Ship', 'Ship now'));
    const incremental = linter.lint(text);
    const fresh = lint(text);
    expect(incremental).toEqual(fresh);
    expect(fresh.skipped).toBeUndefined();
    expect(fresh.sections.map((section) => section.heading)).toEqual(['Plan', 'Big table', 'After']);
    const cache = new ChunkCache();
    cache.analyse(text, cues, '');
    expect(cache.entryObjects().filter((entry) => entry.fallback).map((entry) => entry.fallback)).toEqual(['table too long']);
  });
});
