import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';

const DIR = new URL('./fixtures/', import.meta.url);
const EXPECT = / *<!-- expect: ([\w-]+(?:\s*,\s*[\w-]+)*) -->/g;
const OURS = ['story-format', 'story-atomic', 'story-minimal', 'story-unique', 'story-uniform', 'story-needs-criteria', 'criteria-gherkin', 'criteria-testable', 'vision-complete'];

/** Expected `line:rule` pairs from the inline comments, and the text with the comments removed (lines unchanged). */
function readFixture(name: string): { text: string; expected: string[] } {
  const source = readFileSync(new URL(name, DIR), 'utf8');
  const expected: string[] = [];
  source.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(EXPECT)) for (const rule of match[1].split(',')) expected.push(`${i + 1}:${rule.trim()}`);
  });
  return { text: source.replace(EXPECT, ''), expected };
}

describe.each(readdirSync(DIR).filter((name) => name.endsWith('.md')))('test/quality/fixtures/%s', (name) => {
  it('reports exactly the story, criteria and vision findings marked in the file', () => {
    const { text, expected } = readFixture(name);
    const found = lint(text, { fileName: name })
      .findings.filter((finding) => OURS.includes(finding.ruleId))
      .map((finding) => `${finding.range.start.line}:${finding.ruleId}`);
    expect(found.sort()).toEqual(expected.sort());
  });
});
