import { describe, expect, it } from 'vitest';
import { applyEdits, safeFixes } from '../src/core/fixes.js';
import { lint } from '../src/core/index.js';
import { RULES } from '../src/core/rules/index.js';
import { docsUrl } from '../src/core/rules/types.js';

const STRATEGY = ['Mid-market customers churn at 9% a quarter because onboarding takes weeks.', 'Winning this segment is worth $4M in new ARR next year.'];
const DELIVERY = ['- As an admin, I want to import users from a CSV file so that onboarding takes minutes.', '- Given a CSV with 500 rows, when I upload it, then all 500 users appear in the list.'];

function doc(lines: string[], eol = '\n'): string {
  return lines.join(eol) + eol;
}

describe('the rule registry', () => {
  it('has unique ids, docs urls, descriptions and unused-disable last', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[ids.length - 1]).toBe('unused-disable');
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      expect(docsUrl(rule.id)).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
    }
  });
});

describe('mixed-section', () => {
  const text = doc(['# Import', '', '## Why now', '', ...STRATEGY, '', ...DELIVERY]);

  it('reports on the heading, names both sides with lines, and relates both', () => {
    const [finding] = lint(text).findings;
    expect(finding).toMatchObject({ ruleId: 'mixed-section', severity: 'warning', url: docsUrl('mixed-section') });
    expect(finding.range.start).toMatchObject({ line: 3, column: 1 });
    expect(finding.range.end).toMatchObject({ line: 3, column: 11 });
    expect(finding.message).toMatch(/^Section "Why now" mixes strategy \(".+" on line [56], [^()]+\) with delivery detail \(".+" on line (?:8|9), [^()]+\): /);
    expect(finding.related.map((related) => related.message.split(':')[0])).toEqual(['strategic', 'tactical']);
    expect(finding.evidence.map((item) => item.side)).toEqual(expect.arrayContaining(['strategic', 'tactical']));
  });

  it('offers a split that inserts a heading one level down before the second run, moving no text', () => {
    const [finding] = lint(text).findings;
    expect(finding.fix).toBeUndefined();
    const [suggestion] = finding.suggestions!;
    expect(suggestion.desc).toBe('Split the section: insert a "Delivery detail" heading before line 8');
    expect(suggestion.fix).toEqual({ range: [text.indexOf('- As an admin'), text.indexOf('- As an admin')], text: '### Delivery detail\n\n' });
    const split = applyEdits(text, [suggestion.fix]).text;
    expect(lint(split).findings).toEqual([]);
  });

  it('keeps CRLF in the inserted heading, and adds a line break when no blank line precedes the run', () => {
    const crlf = doc(['## Why now', ...STRATEGY, ...DELIVERY], '\r\n');
    const [finding] = lint(crlf).findings;
    const [suggestion] = finding.suggestions ?? [];
    if (suggestion) expect(suggestion.fix.text).toBe('\r\n### Delivery detail\r\n\r\n');
    else expect(crlf).toContain('Winning this segment is worth $4M in new ARR next year.\r\n- As an admin');
  });

  it('offers no split when the two sides interleave', () => {
    const interleaved = doc(['## Overview', '', `- ${STRATEGY[0]}`, DELIVERY[0], `- ${STRATEGY[1]}`, DELIVERY[1]]);
    const findings = lint(interleaved).findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['mixed-section']);
    expect(findings[0].suggestions).toBeUndefined();
  });

  it('reports the preamble on its first content line', () => {
    const preamble = doc(['', ...STRATEGY, '', ...DELIVERY, '', '# Title']);
    const [finding] = lint(preamble).findings;
    expect(finding.range.start.line).toBe(2);
    expect(finding.message).toMatch(/^The text before the first heading mixes/);
  });

  it('does not flag a strategic section with a tactical sub-section', () => {
    expect(lint(doc(['## Why now', '', ...STRATEGY, '', '### Stories', '', ...DELIVERY])).findings).toEqual([]);
  });

  it('can be switched off or made an error by config', () => {
    expect(lint(text, { config: { rules: { 'mixed-section': 'off' } } }).findings).toEqual([]);
    expect(lint(text, { config: { rules: { 'mixed-section': 'error' } } }).findings[0].severity).toBe('error');
  });
});

describe('doc-kind-fit', () => {
  const tactical = doc(['# Plan', '', '## Sprint items', '', '- [ ] PAY-1: add the retry button (3 pts)', '- [ ] PAY-2: POST /payments/retry returns the attempt (5 pts)']);
  const essay = doc([
    '# Items',
    '',
    '## Why mobile',
    '',
    'Mobile is where our market is moving this year.',
    'Our competitors treat their apps as companions, which gives us room for differentiation.',
    'Winning mobile-first customers protects retention in the segment that churns most.',
  ]);

  it('flags tactical sections in roadmaps and visions, not in PRDs or backlogs', () => {
    for (const kind of ['roadmap', 'vision'] as const) {
      const [finding] = lint(tactical, { config: { kind } }).findings;
      expect(finding.ruleId).toBe('doc-kind-fit');
      expect(finding.range.start.line).toBe(3);
      expect(finding.message).toContain(`in a ${kind}`);
      expect(finding.related).toHaveLength(1);
    }
    for (const kind of ['prd', 'backlog'] as const) expect(lint(tactical, { config: { kind } }).findings).toEqual([]);
  });

  it('flags a strategy essay in a backlog from backlogEssayStatements strategic statements', () => {
    expect(lint(essay, { config: { kind: 'backlog' } }).findings.map((finding) => finding.ruleId)).toEqual(['doc-kind-fit']);
    expect(lint(essay, { config: { kind: 'backlog', rules: { 'doc-kind-fit': ['warning', { backlogEssayStatements: 4 }] } } }).findings).toEqual([]);
    expect(lint(essay, { config: { kind: 'roadmap' } }).findings).toEqual([]);
  });

  it('does nothing for documents of unknown kind', () => {
    expect(lint(tactical, { fileName: 'notes.md' }).findings.filter((finding) => finding.ruleId === 'doc-kind-fit')).toEqual([]);
  });
});

describe('unused-disable', () => {
  it('is info by default and fixable', () => {
    const [finding] = lint('<!-- pmpo-lint-disable -->\n# Notes\n').findings;
    expect(finding).toMatchObject({ ruleId: 'unused-disable', severity: 'info' });
    expect(finding.message).toBe('No rule reports anything here, so this pmpo-lint-disable comment has no effect; remove it so the disable comments that matter stay visible.');
    expect(finding.fix).toEqual({ range: [0, 27], text: '' });
  });

  it('names unknown rules', () => {
    const findings = lint('# Notes\n\n<!-- pmpo-lint-disable-line mixed-sections -->\n').findings;
    expect(findings.map((finding) => finding.message)).toEqual(['This pmpo-lint-disable-line comment has no effect: "mixed-sections" is not a pmpo-lint rule; remove it so the disable comments that matter stay visible.']);
  });

  it('flags an enable comment with no disable comment before it still active, and only that one', () => {
    const text = ['# Notes', '', '<!-- pmpo-lint-enable -->', '<!-- pmpo-lint-disable mixed-section -->', 'text', '<!-- pmpo-lint-enable mixed-section -->', '<!-- pmpo-lint-enable mixed-section, doc-kind-fit -->', ''].join('\n');
    const findings = lint(text).findings.filter((finding) => finding.range.start.line !== 4);
    expect(findings.map((finding) => `${finding.range.start.line}: ${finding.message}`)).toEqual([
      '3: No pmpo-lint-disable comment before it is still active, so this pmpo-lint-enable comment has no effect; remove it so the disable comments that matter stay visible.',
      '7: This pmpo-lint-enable comment has no effect: "mixed-section" is not disabled here; "doc-kind-fit" is not disabled here; remove it so the disable comments that matter stay visible.',
    ]);
    expect(applyEdits(text, safeFixes(findings)).text).toBe(text.replace('<!-- pmpo-lint-enable -->\n', '').replace('<!-- pmpo-lint-enable mixed-section, doc-kind-fit -->\n', ''));
  });

  it('an enable comment after a disable comment for every rule is not flagged', () => {
    const text = '# Notes\n\n<!-- pmpo-lint-disable -->\ntext\n<!-- pmpo-lint-enable doc-kind-fit -->\n<!-- pmpo-lint-enable -->\n';
    expect(lint(text).findings.map((finding) => finding.range.start.line)).toEqual([3]);
  });

  it('when only some named rules are unused, reports each at its name, and the fix removes just that name', () => {
    const text = doc(['# Import', '', '<!-- pmpo-lint-disable-next-line doc-kind-fit, mixed-section, story-atomic, nope -->', '## Why now', '', ...STRATEGY, '', ...DELIVERY]);
    const findings = lint(text).findings;
    expect(findings.map((finding) => [finding.ruleId, text.slice(finding.range.start.offset, finding.range.end.offset), finding.message])).toEqual([
      ['unused-disable', 'doc-kind-fit', '"doc-kind-fit" is not reported here, so naming it has no effect (the comment still silences "mixed-section"); remove the name.'],
      ['unused-disable', 'story-atomic', '"story-atomic" is not reported here, so naming it has no effect (the comment still silences "mixed-section"); remove the name.'],
      ['unused-disable', 'nope', '"nope" is not a pmpo-lint rule, so naming it has no effect (the comment still silences "mixed-section"); remove the name.'],
    ]);
    const line = (fixed: string) => fixed.split('\n')[2];
    expect(findings.map((finding) => line(applyEdits(text, [finding.fix!]).text))).toEqual([
      '<!-- pmpo-lint-disable-next-line mixed-section, story-atomic, nope -->',
      '<!-- pmpo-lint-disable-next-line doc-kind-fit, mixed-section, nope -->',
      '<!-- pmpo-lint-disable-next-line doc-kind-fit, mixed-section, story-atomic -->',
    ]);
    const fixed = applyEdits(text, safeFixes(findings));
    expect(fixed.skipped).toEqual([]);
    expect(line(fixed.text)).toBe('<!-- pmpo-lint-disable-next-line mixed-section -->');
    expect(lint(fixed.text).findings).toEqual([]);
  });

  it('removes the comment with the blank it leaves dangling, never other text', () => {
    const fixed = (text: string) => applyEdits(text, safeFixes(lint(text).findings)).text;
    expect(fixed('# Notes\n\nSome text <!-- pmpo-lint-disable-line doc-kind-fit --> more.\n')).toBe('# Notes\n\nSome text more.\n');
    expect(fixed('# Notes\n\nSome text \t<!-- pmpo-lint-disable-line doc-kind-fit -->\r\nmore\n')).toBe('# Notes\n\nSome text\r\nmore\n');
    expect(fixed('# Notes\n\n<!-- pmpo-lint-disable-line doc-kind-fit -->  Some text\n')).toBe('# Notes\n\nSome text\n');
    expect(fixed('# Notes\n\nSome text<!-- pmpo-lint-disable-line doc-kind-fit -->more\n')).toBe('# Notes\n\nSome textmore\n');
    expect(fixed('# Notes\n\n  <!-- pmpo-lint-disable-line doc-kind-fit -->  \nmore\n')).toBe('# Notes\n\nmore\n');
  });

  it('is turned off in config or front matter, not by disable comments (which it checks)', () => {
    const text = '<!-- pmpo-lint-disable-file unused-disable -->\n<!-- pmpo-lint-disable nope -->\n# Notes\n';
    expect(lint(text).findings.map((finding) => finding.range.start.line)).toEqual([1, 2]);
    expect(lint(`---\npmpo:\n  rules:\n    unused-disable: 'off'\n---\n${text}`).findings).toEqual([]);
    expect(lint(text, { config: { rules: { 'unused-disable': 'off' } } }).findings).toEqual([]);
  });
});
