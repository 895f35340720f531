import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/core/parse.js';
import { documentArbitrary } from './support/markdown-arbitrary.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

const SAMPLES = [
  '---\ntitle: Plan\n---\n# Plan\n\nBody.\n',
  '+++\ntitle = "Plan"\n+++\n\n## Goals\n',
  '| a | b |\n| :- | -: |\n| ~~x~~ | y |\n',
  '- [ ] open\n- [x] done\n',
  'See https://example.com/x and www.example.org, mail a@b.co.\n',
  'Text[^n].\n\n[^n]: The note.\n',
  '```gherkin\nGiven a plan\n```\n\n<!-- note -->\n\nLine\\\nbreak\n',
];

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('parseMarkdown', () => {
  it('gives the same tree as unified + remark-parse + remark-gfm + remark-frontmatter', () => {
    const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(FIXTURES, name), 'utf8'));
    expect(fixtures.length).toBeGreaterThan(3);
    for (const text of [...SAMPLES, ...fixtures]) expect(parseMarkdown(text)).toEqual(remark.parse(text));
  });

  it('gives the same tree on generated documents', () => {
    fc.assert(fc.property(documentArbitrary, (text) => {
      expect(parseMarkdown(text)).toEqual(remark.parse(text));
    }), { numRuns: 100 });
  });

  it('reads front matter and GFM syntax', () => {
    const root = parseMarkdown(SAMPLES[0] + SAMPLES[2] + '\n' + SAMPLES[3]);
    expect(root.children.map((node) => node.type)).toEqual(['yaml', 'heading', 'paragraph', 'table', 'list']);
  });
});
