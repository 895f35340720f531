import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';

const FRONT = '---\npmpo:\n  kind: backlog\n---\n# Backlog\n\n';

function backlog(stories: number): string {
  const items: string[] = [];
  for (let i = 0; i < stories; i++) {
    items.push(`- As a user ${i}, I want to export report ${i} and print it (e.g. weekly) so that I can file it.`);
    items.push(`  - Given report ${i}, when I export it quickly, then a CSV file arrives.`);
  }
  return FRONT + items.join('\n') + '\n';
}

function fastestMs(text: string, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    lint(text, { fileName: 'backlog.md' });
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('story and criteria rules on large and hostile input', () => {
  it('grows about linearly with the number of stories', () => {
    const small = fastestMs(backlog(200));
    const large = fastestMs(backlog(800));
    // 4x the stories; allow noise on a shared machine but catch quadratic growth (16x).
    expect(large / small).toBeLessThan(9);
  });

  it('finishes quickly on long pathological lines', () => {
    const hostile = [
      `- As a user, I want to ${'search and '.repeat(4000)}filter so that ${'so '.repeat(4000)}`,
      `- As a user, I want ${'('.repeat(20000)} so that ${'"“'.repeat(5000)}`,
      `Given ${' '.repeat(20000)}x,${' '.repeat(20000)}then${'\t'.repeat(20000)}y`,
      `## Vision\n\nFor ${'who '.repeat(5000)} is a ${'unlike x '.repeat(3000)}`,
      `## Acceptance criteria\n\n- ${'1'.repeat(30000)} ${'fast '.repeat(3000)}${'-'.repeat(20000)}`,
    ];
    const start = performance.now();
    for (const body of hostile) lint(FRONT + body + '\n', { fileName: 'backlog.md' });
    expect(performance.now() - start).toBeLessThan(8000);
  });
});
