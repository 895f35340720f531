import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/index.js';
import { RULES } from '../src/core/rules/index.js';

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

describe('examples/', () => {
  const EXAMPLES = join(__dirname, '..', 'examples');
  const results = Object.fromEntries(
    ['checkout-prd.md', '2027-roadmap.md', 'mobile-backlog.md', 'product-vision.md'].map((name) => [name, lint(readFileSync(join(EXAMPLES, name), 'utf8'), { fileName: name })]),
  );
  const rulesIn = (name: string) => results[name].findings.map((finding) => finding.ruleId);

  it('each example is detected as its kind from its file name', () => {
    expect(Object.values(results).map((result) => result.kind)).toEqual(['prd', 'roadmap', 'backlog', 'vision']);
  });

  it('between them they show a finding of every rule', () => {
    const shown = new Set(Object.keys(results).flatMap(rulesIn));
    expect(RULES.map((rule) => rule.id).filter((id) => !shown.has(id))).toEqual([]);
  });

  it('show the altitude findings where they belong', () => {
    expect(rulesIn('checkout-prd.md')).toEqual(expect.arrayContaining(['mixed-section', 'unused-disable']));
    expect(rulesIn('2027-roadmap.md')).toContain('doc-kind-fit');
    expect(rulesIn('mobile-backlog.md')).toContain('doc-kind-fit');
  });

  it('at least half of the sections of each example are clean', () => {
    for (const result of Object.values(results)) {
      const clean = result.sections.filter((section) => !result.findings.some((finding) => finding.range.start.line >= (section.headingLine ?? 1) && finding.range.start.line <= section.endLine));
      expect(clean.length).toBeGreaterThanOrEqual(result.sections.length / 2);
    }
  });
});
