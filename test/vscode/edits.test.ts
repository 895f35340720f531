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

describe('disableLineEdit', () => {
  it('keeps the indentation of the flagged line and never writes inside front matter', () => {
    const text = '---\na: 1\n---\n- item\n  - nested\n';
    const finding = (line: number) => ({ ruleId: 'mixed-section', range: { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } } }) as never;
    expect(disableLineEdit(text, finding(5))).toEqual({ range: [20, 20], text: '  <!-- pmpo-lint-disable-next-line mixed-section -->\n' });
    expect(disableLineEdit(text, finding(1))).toBeUndefined();
    expect(disableLineEdit(text, finding(2))).toBeUndefined();
  });
});
