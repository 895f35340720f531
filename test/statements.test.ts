import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/core/parse.js';
import { splitSections } from '../src/core/sections.js';
import { extractStatements, splitSentences, statementSpan } from '../src/core/statements.js';
import { LineIndex } from '../src/core/text.js';
import type { Statement } from '../src/core/types.js';

function statementsOf(markdown: string): Statement[] {
  const index = new LineIndex(markdown);
  return splitSections(parseMarkdown(markdown), markdown).flatMap(({ nodes }) => extractStatements(nodes, index));
}

/** The source text a statement-relative span points at. */
function sourceOf(markdown: string, statement: Statement, words: string): string {
  const at = statement.text.indexOf(words);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = statementSpan(statement, at, words.length);
  return markdown.slice(span.startOffset, span.endOffset);
}

describe('splitSentences', () => {
  it('splits at sentence ends followed by a capital or digit', () => {
    expect(splitSentences('Pilots fly planes. Birds fly too! 3 cats sleep.').map((s) => s.text)).toEqual([
      'Pilots fly planes.',
      'Birds fly too!',
      '3 cats sleep.',
    ]);
  });

  it('keeps abbreviations and decimals inside a sentence', () => {
    expect(splitSentences('Ship tools, e.g. Saws and drills. Version 2.5 is out.').map((s) => s.text)).toEqual([
      'Ship tools, e.g. Saws and drills.',
      'Version 2.5 is out.',
    ]);
  });

  it('reports where each sentence starts', () => {
    const text = 'One here.  Two there.';
    for (const sentence of splitSentences(text)) expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });
});

describe('extractStatements', () => {
  it('turns a paragraph into sentences with their lines', () => {
    const statements = statementsOf('# Intro\n\nGardeners love tulips. They bloom\nin spring.\n');
    expect(statements.map((s) => [s.kind, s.text, s.line, s.endLine])).toEqual([
      ['sentence', 'Gardeners love tulips.', 3, 3],
      ['sentence', 'They bloom\nin spring.'.replace('\n', ' '), 3, 4],
    ]);
  });

  it('turns list items into bullets with task state and depth', () => {
    const statements = statementsOf('- [ ] paint the fence\n- [x] buy brushes\n  - nested note\n- plain item\n');
    expect(statements.map((s) => [s.kind, s.text, s.checked ?? null, s.listDepth])).toEqual([
      ['bullet', 'paint the fence', false, 0],
      ['bullet', 'buy brushes', true, 0],
      ['bullet', 'nested note', null, 1],
      ['bullet', 'plain item', null, 0],
    ]);
  });

  it('turns table rows into rows with cells and marks the header', () => {
    const statements = statementsOf('| Item | Points |\n| --- | --- |\n| Oven timer | 3 |\n');
    expect(statements.map((s) => [s.kind, s.cells, s.header, s.line])).toEqual([
      ['row', ['Item', 'Points'], true, 1],
      ['row', ['Oven timer', '3'], false, 3],
    ]);
  });

  it('keeps a Given/When/Then run in a paragraph together as one scenario', () => {
    const statements = statementsOf('Intro sentence here.\nGiven a full basket\nWhen I pay\nThen I get a receipt\n');
    expect(statements.map((s) => s.kind)).toEqual(['sentence', 'scenario']);
    expect(statements[1]).toMatchObject({ line: 2, endLine: 4 });
  });

  it('keeps a Given/When/Then run in a list together as one scenario', () => {
    const statements = statementsOf('- Given a locked door\n- When I turn the key\n- Then the door opens\n- unrelated bullet\n');
    expect(statements.map((s) => s.kind)).toEqual(['scenario', 'bullet']);
    expect(statements[0].text.split('\n')).toHaveLength(3);
  });

  it('treats a line starting with "When" but without a Then as prose, not a scenario', () => {
    expect(statementsOf('When the oven is hot, the bread bakes faster.\n').map((s) => s.kind)).toEqual(['sentence']);
    expect(statementsOf('- When the oven is hot, bake.\n- Given time, rest.\n').map((s) => s.kind)).toEqual(['bullet', 'bullet']);
    expect(statementsOf('Given a hot oven, when I add dough, then bread comes out.\n').map((s) => s.kind)).toEqual(['scenario']);
  });

  it('starts a new scenario at a Given that follows a Then', () => {
    const list = statementsOf('- Given a due task, when time passes, then I get a reminder\n- Given a muted task, when time passes, then nothing is sent\n');
    expect(list.map((s) => s.kind)).toEqual(['scenario', 'scenario']);
    const paragraph = statementsOf('Given a cart\nWhen I pay\nThen I get a receipt\nGiven an empty cart\nWhen I pay\nThen I see an error\n');
    expect(paragraph.map((s) => [s.kind, s.line, s.endLine])).toEqual([
      ['scenario', 1, 3],
      ['scenario', 4, 6],
    ]);
  });

  it('reads scenarios from gherkin code blocks and ignores other code', () => {
    const gherkin = statementsOf('```gherkin\nGiven a parked car\nWhen the meter runs out\nThen a fine is issued\n```\n');
    expect(gherkin.map((s) => [s.kind, s.line, s.endLine])).toEqual([['scenario', 2, 4]]);
    expect(statementsOf('```js\nconst given = 1;\n```\n')).toEqual([]);
  });

  it('maps words in a sentence back to their source, across emphasis', () => {
    const markdown = '# Notes\n\nWe ship **bold growth** to every `beta` user.\n';
    const [sentence] = statementsOf(markdown);
    expect(sourceOf(markdown, sentence, 'growth')).toBe('growth');
    expect(sourceOf(markdown, sentence, 'beta')).toBe('beta');
    expect(sourceOf(markdown, sentence, 'every')).toBe('every');
  });

  it('maps words in a second sentence and on a wrapped line', () => {
    const markdown = 'First line ends here. Second one\ncontinues with churn numbers.\n';
    const statements = statementsOf(markdown);
    expect(sourceOf(markdown, statements[1], 'churn')).toBe('churn');
  });

  it('maps words in a table cell and a bullet to their source', () => {
    const markdown = '| Name | Estimate |\n| --- | --- |\n| Login form | 5 pts |\n\n- [ ] wire the *upload* button\n';
    const statements = statementsOf(markdown);
    const row = statements.find((s) => s.kind === 'row' && !s.header)!;
    expect(sourceOf(markdown, row, '5 pts')).toBe('5 pts');
    const bullet = statements.find((s) => s.kind === 'bullet')!;
    expect(sourceOf(markdown, bullet, 'button')).toBe('button');
  });
});

describe('offsets in code blocks', () => {
  it('map gherkin steps to their source lines with CRLF line ends', () => {
    const markdown = '# F\r\n\r\n```gherkin\r\nGiven a cart\r\nWhen I pay\r\nThen I get a receipt\r\n```\r\n';
    const [scenario] = statementsOf(markdown);
    expect(scenario.kind).toBe('scenario');
    expect(sourceOf(markdown, scenario, 'receipt')).toBe('receipt');
    expect(sourceOf(markdown, scenario, 'Given')).toBe('Given');
  });
});
