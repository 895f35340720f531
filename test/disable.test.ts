import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDirectives, readDirectives, reEnabledRules, type Directive } from '../src/core/disable.js';
import { applyEdits, safeFixes } from '../src/core/fixes.js';
import { classify, lint } from '../src/core/index.js';
import { LineIndex } from '../src/core/text.js';
import type { Finding } from '../src/core/types.js';
import { makeTree, runCli } from './cli/helpers.js';

function directivesOf(text: string) {
  return readDirectives(new LineIndex(text), classify(text));
}

function findingAt(text: string, line: number, ruleId = 'mixed-section'): Finding {
  const index = new LineIndex(text);
  return { ruleId, severity: 'warning', message: 'm', range: index.lineRange(line), url: '', evidence: [], related: [] };
}

describe('readDirectives', () => {
  it('reads every kind with its rules (space or comma separated) and position', () => {
    const text = [
      '<!-- pmpo-lint-disable -->',
      '<!--pmpo-lint-enable mixed-section-->',
      'text <!-- pmpo-lint-disable-line mixed-section, doc-kind-fit -->',
      '<!-- pmpo-lint-disable-next-line doc-kind-fit unused-disable -->',
      '<!-- pmpo-lint-disable-file story-format -->',
    ].join('\n');
    const directives = directivesOf(text);
    expect(directives.map((directive) => [directive.kind, directive.rules, directive.line])).toEqual([
      ['disable', [], 1],
      ['enable', ['mixed-section'], 2],
      ['disable-line', ['mixed-section', 'doc-kind-fit'], 3],
      ['disable-next-line', ['doc-kind-fit', 'unused-disable'], 4],
      ['disable-file', ['story-format'], 5],
    ]);
    expect(directives[2].range.start).toMatchObject({ line: 3, column: 6 });
  });

  it('ignores comments inside code blocks and look-alikes', () => {
    const text = '```\n<!-- pmpo-lint-disable -->\n```\n<!-- pmpo-lint-disabled -->\n<!-- markdownlint-disable -->\n';
    expect(directivesOf(text)).toEqual([]);
  });

  it('reads a comment that spans lines', () => {
    const directives = directivesOf('<!-- pmpo-lint-disable\n  mixed-section -->\n');
    expect(directives.map((directive) => directive.rules)).toEqual([['mixed-section']]);
  });
});

describe('applyDirectives', () => {
  it('disable-next-line covers the next non-blank line only', () => {
    const text = '<!-- pmpo-lint-disable-next-line mixed-section -->\n\n## Heading\nbody\n';
    const directives = directivesOf(text);
    const kept = applyDirectives([findingAt(text, 3), findingAt(text, 4)], directives, new LineIndex(text));
    expect(kept.map((finding) => finding.range.start.line)).toEqual([4]);
    expect([...directives[0].used]).toEqual(['mixed-section']);
  });

  it('disable-line covers its own line; disable/enable a block; disable-file everything of its rule', () => {
    const text = ['a <!-- pmpo-lint-disable-line -->', 'b', '<!-- pmpo-lint-disable doc-kind-fit -->', 'c', '<!-- pmpo-lint-enable doc-kind-fit -->', 'd', '<!-- pmpo-lint-disable-file unused-disable -->'].join('\n');
    const index = new LineIndex(text);
    const findings = [findingAt(text, 1), findingAt(text, 2), findingAt(text, 4, 'doc-kind-fit'), findingAt(text, 4), findingAt(text, 6, 'doc-kind-fit'), findingAt(text, 6, 'unused-disable')];
    const directives = directivesOf(text);
    const kept = applyDirectives(findings, directives, index);
    expect(kept.map((finding) => `${finding.range.start.line}:${finding.ruleId}`)).toEqual(['2:mixed-section', '4:mixed-section', '6:doc-kind-fit']);
    expect(directives.map((directive) => [...directive.used])).toEqual([['*'], ['doc-kind-fit'], [], ['unused-disable']]);
  });

  it('keeps every finding when there are no directives', () => {
    const text = 'a\nb\n';
    const findings = [findingAt(text, 1)];
    expect(applyDirectives(findings, [], new LineIndex(text))).toBe(findings);
  });
});

describe('disable comments in lint', () => {
  const mixed = [
    '# Import',
    '',
    '<!-- pmpo-lint-disable-next-line mixed-section -->',
    '## Why now',
    '',
    'Mid-market customers churn at 9% a quarter because onboarding takes weeks.',
    'Winning this segment is worth $4M in new ARR next year.',
    '',
    '- As an admin, I want to import users from a CSV file so that onboarding takes minutes.',
    '- Given a CSV with 500 rows, when I upload it, then all 500 users appear in the list.',
    '',
  ].join('\n');

  it('a next-line comment above a heading covers the finding on that heading, and is not reported as unused', () => {
    expect(lint(mixed.replace(/<!--.*-->\n/, '')).findings.map((finding) => finding.ruleId)).toEqual(['mixed-section']);
    expect(lint(mixed).findings).toEqual([]);
  });

  it('a comment naming another rule does not cover it and is reported as unused', () => {
    const findings = lint(mixed.replace('next-line mixed-section', 'next-line doc-kind-fit')).findings;
    expect(findings.map((finding) => `${finding.range.start.line}:${finding.ruleId}`)).toEqual(['3:unused-disable', '4:mixed-section']);
  });

  it('comments inside fenced code are not directives', () => {
    const text = '# Notes\n\n```markdown\n<!-- pmpo-lint-disable -->\n```\n';
    expect(lint(text).findings).toEqual([]);
  });
});

describe('only real HTML comments are disable comments', () => {
  const kindsAndLines = (text: string) => directivesOf(text).map((directive) => `${directive.line}:${directive.kind}`);

  it('text shown in inline code, a link title or an angle-bracket link destination is not a comment', () => {
    const text = [
      '# Notes',
      '',
      'Write `<!-- pmpo-lint-disable-file story-format -->` in your file.',
      'Or ``<!-- pmpo-lint-disable -->`` with doubled backticks,',
      'see [the guide](https://example.com "<!-- pmpo-lint-disable-line -->") or [this](<!-- pmpo-lint-disable-line -->).',
      '',
      '- a list item with `<!-- pmpo-lint-disable -->` in code',
      '',
      '| Comment | Effect |',
      '| --- | --- |',
      '| `<!-- pmpo-lint-disable-next-line rule -->` | the next line |',
      '',
    ].join('\n');
    expect(kindsAndLines(text)).toEqual([]);
  });

  it('reads comments in a paragraph, a heading, a list item, a table cell, a block quote and an HTML block', () => {
    const text = [
      '# Notes <!-- pmpo-lint-disable-line doc-kind-fit -->',
      '',
      'Text `code` then <!-- pmpo-lint-disable-line -->',
      '',
      '- item <!-- pmpo-lint-disable-line -->',
      '',
      '| A | B |',
      '| --- | --- |',
      '| cell <!-- pmpo-lint-disable-line --> | b |',
      '',
      '> quoted <!-- pmpo-lint-disable-line -->',
      '',
      '<div>',
      '<!-- pmpo-lint-disable -->',
      '</div>',
      '',
    ].join('\n');
    expect(kindsAndLines(text)).toEqual(['1:disable-line', '3:disable-line', '5:disable-line', '9:disable-line', '11:disable-line', '14:disable']);
  });

  it('an HTML attribute value is not a comment; an HTML block comment may span blank lines; a list item may hold an HTML block', () => {
    expect(kindsAndLines('# Notes\n\nText <a title="<!-- pmpo-lint-disable -->">x</a>\n')).toEqual([]);
    expect(directivesOf('# Notes\n\n<!-- pmpo-lint-disable\n\nmixed-section -->\n').map((directive) => [directive.line, directive.rules])).toEqual([[3, ['mixed-section']]]);
    expect(kindsAndLines('# Notes\n\n- item\n\n  <!-- x --> <!-- pmpo-lint-enable -->\n')).toEqual(['5:enable']);
  });

  it('an attribute value in an HTML block is not a comment, at the top level or in a list item', () => {
    expect(kindsAndLines('# Notes\n\n<div title="<!-- pmpo-lint-disable -->">\nText\n</div>\n')).toEqual([]);
    expect(kindsAndLines('# Notes\n\n- item\n\n  <div title=\'<!-- pmpo-lint-disable -->\'>x</div>\n')).toEqual([]);
    expect(kindsAndLines('# Notes\n\n<div title="a > b">\n<!-- pmpo-lint-disable -->\n</div>\n')).toEqual(['4:disable']);
  });

  it('in a block too long to parse whole, inline code that crosses a line still hides a look-alike', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Line ${i} of a long paragraph about the checkout flow and its options.`);
    const paragraph = [...filler.slice(0, 200), 'Quote `code starts', 'and <!-- pmpo-lint-disable-file --> ends` here.', ...filler.slice(200)].join('\n');
    const list = `- ${[...filler.slice(0, 200), 'Quote `code starts', '  and <!-- pmpo-lint-disable-file --> ends` here.', ...filler.slice(200)].join('\n  ')}`;
    for (const body of [paragraph, list]) {
      expect(body.length).toBeGreaterThan(16 * 1024);
      expect(kindsAndLines(`# Notes\n\n${body}\n`)).toEqual([]);
      expect(kindsAndLines(`# Notes\n\n${body.replace('`code starts', 'code starts')}\n`)).toEqual(['204:disable-file']);
    }
  });

  it('a comment inside a comment or code span in a line with a real one is told apart', () => {
    const text = '# Notes\n\n`<!-- pmpo-lint-disable -->` and <!-- pmpo-lint-enable --> and <!-- a <!-- pmpo-lint-disable -->\n';
    expect(directivesOf(text).map((directive) => [directive.kind, directive.range.start.column])).toEqual([['enable', 34]]);
  });

  it('an example in inline code does not silence the rule, and --fix leaves it byte for byte', () => {
    const text = [
      '# Checkout: PRD',
      '',
      '## Stories',
      '',
      'To silence a rule for the file, write `<!-- pmpo-lint-disable-file story-needs-criteria -->` in your file.',
      '',
      '- As a shopper, I want to save my card so that I can pay in one step.',
      '',
    ].join('\n');
    const findings = lint(text, { fileName: 'checkout-prd.md' }).findings;
    expect(findings.map((finding) => `${finding.range.start.line}:${finding.ruleId}`)).toEqual(['7:story-needs-criteria']);
    expect(applyEdits(text, safeFixes(findings)).text).toBe(text);
  });
});

describe('fixing never touches text that only looks like a disable comment', () => {
  it('applying every safe fix leaves inline code, link titles and code blocks byte for byte', () => {
    const text = [
      '# Notes',
      '',
      'Write `<!-- pmpo-lint-disable-file story-format -->` in your file,',
      'as [the guide](https://example.com "<!-- pmpo-lint-disable-line mixed-section -->") says.',
      '',
      '```markdown',
      '<!-- pmpo-lint-disable-next-line doc-kind-fit -->',
      '```',
      '',
      'Stale: <!-- pmpo-lint-disable-line story-format -->',
      '',
    ].join('\n');
    const fixed = applyEdits(text, safeFixes(lint(text).findings)).text;
    expect(fixed).toBe(text.replace(' <!-- pmpo-lint-disable-line story-format -->', ''));
  });

  it('pmpo-lint --fix writes back an example in inline code unchanged, removing only the stale comment and its blank', async () => {
    const text = '# Checkout: PRD\n\n## Notes\n\nWrite `<!-- pmpo-lint-disable-file story-format -->` in your file. <!-- pmpo-lint-disable-line story-format -->\n';
    const root = makeTree({ 'checkout-prd.md': text });
    await runCli(['--fix', 'checkout-prd.md'], root);
    expect(readFileSync(join(root, 'checkout-prd.md'), 'utf8')).toBe('# Checkout: PRD\n\n## Notes\n\nWrite `<!-- pmpo-lint-disable-file story-format -->` in your file.\n');
  });
});

describe('reEnabledRules', () => {
  /** The rule's definition, comment by comment: the last disable or enable naming a rule decides whether it is off. */
  function reference(directives: readonly Directive[], at: number): Set<string> {
    const offBefore = (rule: string) => directives.slice(0, at).reduce((off, directive) =>
      (directive.kind === 'disable' || directive.kind === 'enable') && (directive.rules.length === 0 || directive.rules.includes(rule)) ? directive.kind === 'disable' : off, false);
    const enable = directives[at];
    if (enable.rules.length > 0) return new Set(enable.rules.filter(offBefore));
    const named = directives.slice(0, at).flatMap((directive) => (directive.kind === 'disable' ? directive.rules : []));
    return new Set(['*', ...named].some(offBefore) ? ['*'] : []);
  }

  it('equals the comment-by-comment definition on any sequence of disable and enable comments', () => {
    const comment = fc.record({ kind: fc.constantFrom('disable' as const, 'enable' as const, 'disable-line' as const), rules: fc.subarray(['a', 'b', 'c'], { maxLength: 2 }) });
    fc.assert(fc.property(fc.array(comment, { maxLength: 12 }), (comments) => {
      const directives: Directive[] = comments.map(({ kind, rules }, line) => ({ kind, rules, ruleOffsets: [], line, range: undefined as never, used: new Set() }));
      const turnedOn = reEnabledRules(directives);
      directives.forEach((directive, at) => {
        if (directive.kind === 'enable') expect(turnedOn.get(directive)).toEqual(reference(directives, at));
        else expect(turnedOn.has(directive)).toBe(false);
      });
    }), { numRuns: 500 });
  });
});
