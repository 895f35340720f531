import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/index.js';

const DIR = join(__dirname, 'fixtures');
const EXPECT = /[ \t]*<!--\s*expect:\s*([^>]*?)\s*-->[ \t]*$/;

interface Fixture {
  text: string;
  expected: string[];
}

/** Takes the `<!-- expect: ids -->` comments off the ends of lines; line numbers stay as they were. */
function readExpectations(source: string): Fixture {
  const expected: string[] = [];
  const lines = source.split('\n').map((line, i) => {
    const cr = line.endsWith('\r') ? '\r' : '';
    const body = cr ? line.slice(0, -1) : line;
    const match = EXPECT.exec(body);
    if (!match) return line;
    for (const id of match[1].split(',').map((part) => part.trim()).filter(Boolean)) expected.push(`${i + 1}:${id}`);
    return body.slice(0, match.index) + cr;
  });
  return { text: lines.join('\n'), expected: expected.sort(byLine) };
}

function byLine(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}

function actual(text: string, fileName: string): string[] {
  return lint(text, { fileName }).findings.map((finding) => `${finding.range.start.line}:${finding.ruleId}`).sort(byLine);
}

const files = readdirSync(DIR).filter((name) => name.endsWith('.md') && name !== 'README.md');

describe('fixture harness', () => {
  it('reads expectations and keeps line numbers', () => {
    const { text, expected } = readExpectations('# A <!-- expect: x -->\nb\r\nc <!-- expect: y, z -->\r\n');
    expect(expected).toEqual(['1:x', '3:y', '3:z']);
    expect(text).toBe('# A\nb\r\nc\r\n');
  });

  it('has fixtures with expectations, and fixtures without any', () => {
    const counts = files.map((name) => readExpectations(readFileSync(join(DIR, name), 'utf8')).expected.length);
    expect(counts.filter((count) => count > 0).length).toBeGreaterThanOrEqual(10);
    expect(counts).toContain(0);
  });
});

describe.each(files)('fixture %s', (name) => {
  const source = readFileSync(join(DIR, name), 'utf8');
  const { text, expected } = readExpectations(source);

  it('reports exactly the expected findings', () => {
    expect(actual(text, name)).toEqual(expected);
  });

  it('reports the same findings with the other line ending', () => {
    const flipped = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
    expect(actual(flipped, name)).toEqual(expected);
  });
});
