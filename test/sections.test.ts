import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/core/parse.js';
import { countLines, splitSections } from '../src/core/sections.js';
import { classify } from '../src/core/index.js';

function sections(text: string) {
  return splitSections(parseMarkdown(text), text).map(({ section }) => section);
}

describe('splitSections', () => {
  it('has a preamble (front matter included) from line 1, depth 0, no heading line', () => {
    const text = '---\ntitle: x\n---\nIntro text.\n\n# Title\n';
    const [preamble, title] = sections(text);
    expect(preamble).toMatchObject({ heading: '(preamble)', depth: 0, headingLine: null, startLine: 1, endLine: 5, startOffset: 0 });
    expect(preamble.blocks.map((block) => block.type)).toEqual(['yaml', 'paragraph']);
    expect(title).toMatchObject({ heading: 'Title', depth: 1, headingLine: 6, startLine: 7 });
  });

  it('has no preamble when the text starts with a heading', () => {
    expect(sections('# A\n\ntext\n').map((section) => section.heading)).toEqual(['A']);
  });

  it('starts a section at every top-level heading of any depth, ATX and setext', () => {
    const text = '# One\n\nbody\n\nTwo\n===\n\n### Three\n\nFour\n----\ntext\n';
    expect(sections(text).map((section) => [section.heading, section.depth, section.headingLine, section.headingEndLine, section.startLine, section.endLine])).toEqual([
      ['One', 1, 1, 1, 2, 4],
      ['Two', 1, 5, 6, 7, 7],
      ['Three', 3, 8, 8, 9, 9],
      ['Four', 2, 10, 11, 12, 13],
    ]);
  });

  it('does not start sections at headings inside lists, block quotes, code or HTML', () => {
    const text = '# Real\n\n- # in a list\n\n> ## in a quote\n\n```\n## in code\n```\n\n    ## indented code\n\n<div>\n\n## after html block\n\n</div>\n';
    expect(sections(text).map((section) => section.heading)).toEqual(['Real', 'after html block']);
  });

  it('uses the plain text of the heading, without markup or inline HTML comments', () => {
    const text = '## The **bold** `code` [link](x) <!-- pmpo-lint-disable-line mixed-section -->\n';
    expect(sections(text)[0].heading).toBe('The bold code link');
  });

  it('marks bold pseudo-headings alone on their line', () => {
    const text = '# A\n\n**Goals**\n\n**Goals:**\n\n**Goals** and more\n\n**Two\nlines**\n';
    expect(sections(text)[0].blocks.map((block) => block.pseudoHeading ?? false)).toEqual([true, true, false, false]);
  });

  it('offsets: the body starts after the heading line break (LF and CRLF); a section ends where the next starts', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `# A${eol}body${eol}## B${eol}more${eol}`;
      const [a, b] = sections(text);
      expect(text.slice(a.bodyOffset, a.endOffset)).toBe(`body${eol}`);
      expect(a.endOffset).toBe(b.startOffset);
      expect(text.slice(b.startOffset, b.bodyOffset)).toBe(`## B${eol}`);
      expect(b.endOffset).toBe(text.length);
    }
  });

  it('counts lines the way split("\\n") does', () => {
    expect(countLines('')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\r\nb\r\n')).toBe(3);
  });
});

describe('sections through classify (chunked and joined)', () => {
  it('match the single-parse sections on a document with every heading form', () => {
    const text = '---\npmpo:\n  kind: prd\n---\nIntro.\n\n# One\n\nbody\n\nTwo\n===\n\n- # not a heading\n\n```\n# not a heading\n```\n\n## Three\n\nend\n';
    const direct = sections(text).map(({ heading, depth, headingLine, startLine, endLine, startOffset, endOffset }) => ({ heading, depth, headingLine, startLine, endLine, startOffset, endOffset }));
    const viaClassify = classify(text).map(({ heading, depth, headingLine, startLine, endLine, startOffset, endOffset }) => ({ heading, depth, headingLine, startLine, endLine, startOffset, endOffset }));
    expect(viaClassify).toEqual(direct);
  });
});
