import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseChunk } from '../src/core/analyse.js';
import { ChunkCache } from '../src/core/chunk-cache.js';
import { CutScanner, headingCuts, splitChunks } from '../src/core/chunks.js';
import { allCues } from '../src/core/cues/index.js';
import { LineIndex, lineStarts } from '../src/core/text.js';
import { documentArbitrary } from './support/markdown-arbitrary.js';

const cues = allCues();
const CORPUS = '/work/shared/corpus/docs';

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? corpusFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** Chunked analysis (cutting at every heading it can) must equal one parse of the whole text. */
function expectSameAsWhole(text: string, minChunkChars = 0): void {
  const chunked = new ChunkCache(minChunkChars).analyse(text, cues, '');
  expect(chunked).toEqual(analyseChunk(text, cues));
}

const cutLines = (text: string) => headingCuts(text).map((offset) => text.slice(0, offset).split('\n').length);

describe('splitChunks', () => {
  it('cuts before unindented ATX headings and setext headings after a blank line', () => {
    const text = '# A\ntext\n## B\n\nTitle\n=====\nbody\n  # indented\n';
    expect(cutLines(text)).toEqual([3, 5]);
  });

  it('does not cut inside fences, front matter, HTML blocks or comments', () => {
    const text = ['---', '# yaml comment', '---', '# A', '```', '# code', '```', '<div>', '# html', '', '<!--', '', '# comment', '-->', '# B'].join('\n');
    expect(cutLines(text)).toEqual([4, 15]);
  });

  it('cuts where a paragraph starts after a blank line, never inside a list, a quote or a paragraph', () => {
    expect(cutLines('# A\n\n- item\n---\n\nline one\nline two\n===\n')).toEqual([6]);
    expect(cutLines('intro\n\n- item\n\n  more of the item\n> quote\nlazy\n\n1. one\n\n| a |\n\n<b>x</b>\n\n[x]: /u\n')).toEqual([]);
  });

  it('keeps chunks contiguous and covering the text', () => {
    const text = '# A\n\none\n# B\n\ntwo\n';
    const chunks = splitChunks(text, 0);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
    expect(chunks.map((chunk) => [chunk.startLine, chunk.startOffset])).toEqual([[1, 0], [3, 5], [4, 9], [6, 14]]);
  });

  it('groups runs of tiny sections by default, deciding from the piece before each heading only', () => {
    const text = Array.from({ length: 400 }, (_, i) => `## H${i}\n\nx\n`).join('');
    const grouped = splitChunks(text);
    expect(grouped.length).toBeGreaterThan(1);
    expect(grouped.length).toBeLessThan(100);
    const edited = text.replace('## H200\n\nx\n', '## H200\n\nxyz\n');
    const before = new Set(grouped.map((chunk) => chunk.text));
    const changed = splitChunks(edited).filter((chunk) => !before.has(chunk.text));
    expect(changed.length).toBeLessThanOrEqual(2);
  });
});

const SNIPPETS = ['# ', '\n', '\n\n', '```\n', '---\n', '<div>\n', '<!--\n', '-->', '- ', '> ', 'x', '\r\n', '\r', '    ', '| a |\n'];

/** Each revision's cuts from a scanner that saw the previous revisions equal a fresh scan's (offsets and chunk lines). */
function expectScannerFresh(revisions: string[]): void {
  const scanner = new CutScanner();
  for (const text of revisions) {
    expect(splitChunks(text, 0, scanner)).toEqual(splitChunks(text, 0));
  }
}

describe('CutScanner', () => {
  it('rescans only around an edit and matches a fresh scan', () => {
    const text = Array.from({ length: 50 }, (_, i) => `## H${i}\n\ntext ${i}\n\n- item\n`).join('');
    const middle = text.indexOf('## H25');
    expectScannerFresh([text, `${text.slice(0, middle)}x${text.slice(middle)}`, `${text.slice(0, middle)}\`\`\`\n${text.slice(middle)}`, text]);
  });

  it('takes the previous cuts only after the edit, not at a cut that merely lines up with one', () => {
    // Sections of 10 characters and an insertion of 10: the new "# X" cut sits where "# B" was, but its fence swallows the rest.
    const text = ['A', 'B', 'C', 'D', 'E'].map((name) => `# ${name}\n\ntext\n`).join('');
    const at = text.indexOf('# C');
    expectScannerFresh([text, `${text.slice(0, at)}# X\n\`\`\`\nab${text.slice(at)}`]);
  });

  it('drops kept cuts that front matter closed further down now takes in', () => {
    const text = '---\ntitle: x\n\n# A\n\ntext\n\n# B\n\nmore\n';
    expectScannerFresh([text, text.replace('more', '---\nmore')]);
  });

  it('equals a fresh scan after random edits of random documents', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: fc.constantFrom(...SNIPPETS) });
    fc.assert(
      fc.property(documentArbitrary, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const revisions = [text];
        for (const { at, remove, insert } of edits) {
          const previous = revisions[revisions.length - 1];
          const start = Math.floor(at * previous.length);
          revisions.push(previous.slice(0, start) + insert + previous.slice(Math.min(previous.length, start + remove)));
        }
        expectScannerFresh(revisions);
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});

describe('LineIndex.revise', () => {
  it('equals a fresh index after random edits (line breaks added, removed, split into CR and LF)', () => {
    const piece = fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', '\n\n', 'line\n');
    const textArbitrary = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(8), insert: fc.array(piece, { maxLength: 3 }).map((parts) => parts.join('')) });
    fc.assert(
      fc.property(textArbitrary, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        let index = LineIndex.revise(undefined, text);
        for (const { at, remove, insert } of edits) {
          const from = Math.floor(at * text.length);
          text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + remove));
          index = LineIndex.revise(index, text);
          expect(index.starts).toEqual(lineStarts(text));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the changed span in a long text with repeated content on both sides', () => {
    const text = 'same line\n'.repeat(20_000);
    const middle = text.length >> 1;
    for (const insert of ['x', '\n', 'same line\n', '']) {
      const edited = `${text.slice(0, middle)}${insert}${text.slice(middle + (insert ? 0 : 10))}`;
      expect(LineIndex.revise(new LineIndex(text), edited).starts).toEqual(lineStarts(edited));
    }
  });
});

describe('chunked analysis equals whole-document analysis', () => {
  it('a fence inside a list item that a heading closes; the rest is a new top-level fence', () => {
    expectSameAsWhole('# A\n\n- item\n  ```\n# B\n  ```\n# C\ntext\n');
  });

  it('a paragraph line that looks like a list item is not a container', () => {
    expectSameAsWhole('# A\n\npara\n2. foo\n   ```\n# B\n\n# C\n');
  });

  it('an unclosed fence swallows every later heading', () => {
    expectSameAsWhole('# A\n\n```\n# B\n\n# C\n');
  });

  it('link references and footnotes defined in another section', () => {
    expectSameAsWhole('# A\n\nSee [the plan] and [text][ref] and a note[^n].\n\n# B\n\n[the plan]: https://example.com\n[REF]: /x\n[^n]: A note.\n');
  });

  it('a reference before an unclosed fence in the last section', () => {
    expectSameAsWhole('# A\n\n[x]: /u\n\n# B\n\nSee [x].\n\n```\nunclosed\n');
  });

  it('front matter whose closing fence is after a YAML comment that looks like a heading', () => {
    expectSameAsWhole('---\ntitle: x\n# comment\n---\n# A\n\ntext\n');
    expectSameAsWhole('---\ntitle: x\n# not closed\n\n# A\n\ntext\n');
  });

  it('a section cut at a paragraph start is joined again, block indexes included', () => {
    expectSameAsWhole('# A\n\nGrow revenue by 20% this year.\n\n- As a user, I want export so that I share.\n\nOur vision is a tool teams trust.\n\n| a |\n| - |\n| b |\n');
  });

  it('a URL inside text maps back to the same words wherever the chunk starts', () => {
    expectSameAsWhole('# A\n\nintro\n\n- _Tagging_ - the registry (Notary)[https://example.com/notary] can be used\nby clients to get content.\n');
  });

  it('every corpus document', () => {
    const files = corpusFiles(CORPUS);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectSameAsWhole(text);
      expectSameAsWhole(text, 1024);
    }
  }, 180_000);

  it('random structured documents', () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        expectSameAsWhole(text);
      }),
      { numRuns: 1000 },
    );
  }, 180_000);
});
