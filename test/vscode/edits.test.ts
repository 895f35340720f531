import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index';
import { applyEdits } from '../../src/core/fixes';
import { disableLineEdit, setKindEdit } from '../../src/vscode/edits';

function setKind(text: string, kind: 'prd' | 'roadmap' | 'backlog' | 'vision'): string {
  const result = setKindEdit(text, kind);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, [result.edit]).text;
}

describe('setKindEdit', () => {
  it('creates front matter when there is none', () => {
    const out = setKind('# Notes\n\nSome text.\n', 'roadmap');
    expect(out).toBe('---\npmpo:\n  kind: roadmap\n---\n# Notes\n\nSome text.\n');
    expect(lint(out, { fileName: 'notes.md' })).toMatchObject({ kind: 'roadmap', kindSource: 'front-matter' });
  });

  it('adds pmpo.kind to existing front matter, keeping its other keys and comments', () => {
    const out = setKind('---\ntitle: Plan # working title\nowner: sam\n---\n# Plan\n', 'vision');
    expect(out).toBe('---\ntitle: Plan # working title\nowner: sam\npmpo:\n  kind: vision\n---\n# Plan\n');
  });

  it('replaces an existing kind and keeps sibling pmpo keys', () => {
    const out = setKind('---\npmpo:\n  kind: prd\n  rules:\n    mixed-section: off\n---\n# Plan\n', 'backlog');
    expect(out).toBe('---\npmpo:\n  kind: backlog\n  rules:\n    mixed-section: off\n---\n# Plan\n');
    expect(lint(out, { fileName: 'plan.md' }).kind).toBe('backlog');
  });

  it('fills empty front matter and keeps CRLF', () => {
    expect(setKind('---\n---\n# A\n', 'prd')).toBe('---\npmpo:\n  kind: prd\n---\n# A\n');
    expect(setKind('# A\r\n', 'prd')).toBe('---\r\npmpo:\r\n  kind: prd\r\n---\r\n# A\r\n');
  });

  it('refuses invalid or non-mapping front matter instead of rewriting it', () => {
    for (const text of ['---\ntitle: [unclosed\n---\n# A\n', '---\n- a list\n---\n', '---\npmpo: 3\n---\n']) {
      const result = setKindEdit(text, 'prd');
      expect('error' in result && result.error).toMatch(/front matter/i);
    }
  });
});

describe('setKindEdit as a small text edit', () => {
  const edited = (text: string, kind: 'prd' | 'roadmap' | 'backlog' | 'vision') => {
    const result = setKindEdit(text, kind);
    if ('error' in result) throw new Error(result.error);
    return result.edit;
  };

  it('rewrites only the value of an existing kind, keeping quotes elsewhere and the comment after it', () => {
    const text = "---\ntitle: 'Plan'  # draft\npmpo:\n  # the kind decides the altitude rules\n  kind: prd   # was a PRD\n  rules: {mixed-section: 'off'}\n---\n# Plan\n";
    const edit = edited(text, 'roadmap');
    expect(edit).toEqual({ range: [text.indexOf('prd   #'), text.indexOf('prd   #') + 3], text: 'roadmap' });
    expect(setKind(text, 'roadmap')).toBe(text.replace('kind: prd', 'kind: roadmap'));
  });

  it('adds kind under a pmpo mapping at the indentation of its other keys', () => {
    const text = '---\npmpo:\n    rules:\n        mixed-section: error\nowner: sam\n---\n';
    expect(setKind(text, 'vision')).toBe('---\npmpo:\n    kind: vision\n    rules:\n        mixed-section: error\nowner: sam\n---\n');
    expect(setKind('---\npmpo:\ntitle: x\n---\n', 'prd')).toBe('---\npmpo:\n  kind: prd\ntitle: x\n---\n');
  });

  it('edits a flow-style pmpo mapping in place', () => {
    expect(setKind('---\npmpo: {kind: prd}\n---\n', 'backlog')).toBe('---\npmpo: {kind: backlog}\n---\n');
    expect(setKind('---\npmpo: {rules: {mixed-section: error}}\n---\n', 'vision')).toBe('---\npmpo: {kind: vision, rules: {mixed-section: error}}\n---\n');
    expect(setKind('---\npmpo: {}\n---\n', 'prd')).toBe('---\npmpo: {kind: prd}\n---\n');
  });

  it('adds a pmpo block before the closing fence when there is none, also before a "..." fence', () => {
    expect(setKind('---\ntitle: Plan\n...\n# Plan\n', 'roadmap')).toBe('---\ntitle: Plan\npmpo:\n  kind: roadmap\n...\n# Plan\n');
    expect(setKind('---\n# only a comment\n---\n', 'prd')).toBe('---\n# only a comment\npmpo:\n  kind: prd\n---\n');
  });

  it('keeps CRLF line endings in every case', () => {
    expect(setKind('---\r\ntitle: Plan\r\n---\r\n# Plan\r\n', 'vision')).toBe('---\r\ntitle: Plan\r\npmpo:\r\n  kind: vision\r\n---\r\n# Plan\r\n');
    expect(setKind('---\r\npmpo:\r\n  kind: prd\r\n---\r\n', 'backlog')).toBe('---\r\npmpo:\r\n  kind: backlog\r\n---\r\n');
    expect(setKind('---\r\npmpo:\r\n  rules: {}\r\n---\r\n', 'prd')).toBe('---\r\npmpo:\r\n  kind: prd\r\n  rules: {}\r\n---\r\n');
  });

  it('keeps a leading BOM in front of the front matter', () => {
    expect(setKind('\uFEFF# A\n', 'prd')).toBe('\uFEFF---\npmpo:\n  kind: prd\n---\n# A\n');
    expect(setKind('\uFEFF---\npmpo:\n  kind: prd\n---\n# A\n', 'vision')).toBe('\uFEFF---\npmpo:\n  kind: vision\n---\n# A\n');
  });

  it('the result always lints as the new kind', () => {
    for (const text of ['---\npmpo: {kind: prd}\n---\n# Plan\n', '---\ntitle: x\n---\n# Plan\n', '---\r\npmpo:\r\n  kind: prd\r\n...\r\n# Plan\r\n']) {
      expect(lint(setKind(text, 'vision'), { fileName: 'plan.md' })).toMatchObject({ kind: 'vision', kindSource: 'front-matter' });
    }
  });

  it('refuses, with a reason, when a text edit would change other values', () => {
    const cases = [
      '---\npmpo:\n  kind: |\n    prd\n---\n', // block scalar: replacing the first line leaves the rest behind
      '---\npmpo: ~\n---\n', // a second pmpo key would be a duplicate
      '---\n"pmpo":\n  kind: prd\n---\n',
      '---\npmpo: {rules: {kind: x}}\n---\n',
      '---\npmpo: {\n  kind: prd\n  }\n---\n',
      '---\n{title: x}\n---\n',
    ];
    for (const text of cases) {
      const result = setKindEdit(text, 'roadmap');
      expect('error' in result && result.error, text).toMatch(/cannot be set in this front matter without rewriting it/);
    }
  });
});

describe('disableLineEdit', () => {
  it('keeps the indentation of the flagged line and never writes inside front matter', () => {
    const text = '---\na: 1\n---\n- item\n  - nested\n';
    const finding = (line: number) => ({ ruleId: 'mixed-section', range: { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } } }) as never;
    expect(disableLineEdit(text, finding(5))).toEqual({ range: [20, 20], text: '  <!-- pmpo-lint-disable-next-line mixed-section -->\n' });
    expect(disableLineEdit(text, finding(1))).toBeUndefined();
    expect(disableLineEdit(text, finding(2))).toBeUndefined();
  });
});
