import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { lint } from '../../src/core/index';
import { FIX_ALL_KIND, toCodeActions } from '../../src/vscode/code-actions';
import { toDiagnostic } from '../../src/vscode/convert';
import { disableFileEdit, fixAllText, minimalReplacement } from '../../src/vscode/edits';
import { applyWorkspaceEdit, CodeActionKind, createDocument, Range, SnippetTextEdit, Uri, WorkspaceEdit } from './vscode-mock';

const text = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');
const fileName = 'mixed-prd.md';

function actionsAt(source: string, line: number, only?: CodeActionKind) {
  const document = createDocument(source, `/ws/${fileName}`);
  const findings = lint(source, { fileName }).findings;
  const diagnostics = findings.map((finding) => toDiagnostic(finding, document.uri as never, Uri.file('/ext') as never));
  const actions = toCodeActions({ document: document as never, findings, range: new Range(line, 0, line, 0) as never, diagnostics: diagnostics as never, only: only as never });
  return { actions, findings, diagnostics };
}

function apply(source: string, edit: unknown): string {
  return applyWorkspaceEdit(source, edit as WorkspaceEdit);
}

describe('code actions for a finding', () => {
  it('offers the suggestion, both disable comments and the docs, tied to the diagnostic', () => {
    const { actions, diagnostics } = actionsAt(text, 5);
    expect(actions.map((action) => action.title)).toEqual([
      'Split the section: insert a "Delivery detail" heading before line 10',
      'Disable mixed-section for this line',
      'Disable mixed-section for this file',
      'Show documentation for mixed-section',
    ]);
    for (const action of actions) {
      expect(action.kind).toBe(CodeActionKind.QuickFix);
      expect(action.diagnostics).toEqual([diagnostics[0]]);
    }
    expect(actions[3].command).toEqual({ command: 'pmpoLint.openRuleDocs', title: actions[3].title, arguments: ['mixed-section'] });
  });

  it('offers nothing away from the finding', () => {
    expect(actionsAt(text, 17).actions).toEqual([]);
  });

  it('applies a suggestion with a snippet as a SnippetTextEdit, and the plain edit clears the finding', () => {
    const { actions, findings } = actionsAt(text, 5);
    const edit = actions[0].edit as unknown as WorkspaceEdit;
    const [snippetEdit] = edit.entries[0].edits;
    expect(snippetEdit).toBeInstanceOf(SnippetTextEdit);
    expect((snippetEdit as SnippetTextEdit).snippet.value).toContain('${1:Delivery detail}');
    const split = text.slice(0, findings[0].suggestions![0].fix.range[0]) + findings[0].suggestions![0].fix.text + text.slice(findings[0].suggestions![0].fix.range[0]);
    expect(lint(split, { fileName }).findings.filter((finding) => finding.ruleId === 'mixed-section')).toEqual([]);
  });

  it('"Disable for this line" writes a next-line comment above the heading that silences the finding', () => {
    const { actions } = actionsAt(text, 5);
    const fixed = apply(text, actions[1].edit);
    expect(fixed).toContain('<!-- pmpo-lint-disable-next-line mixed-section -->\n## Why now');
    expect(lint(fixed, { fileName }).findings).toEqual([]);
  });

  it('"Disable for this file" writes the comment after the front matter, never above it', () => {
    const { actions } = actionsAt(text, 5);
    const fixed = apply(text, actions[2].edit);
    expect(fixed.startsWith('---\ntitle: Team calendar PRD\n---\n<!-- pmpo-lint-disable-file mixed-section -->\n# Team calendar PRD')).toBe(true);
    expect(lint(fixed, { fileName }).findings).toEqual([]);
  });

  it('"Disable for this file" goes at the top when there is no front matter', () => {
    const bare = text.replace(/^---[\s\S]*?---\n/, '');
    expect(disableFileEdit(bare, 'mixed-section')).toEqual({ range: [0, 0], text: '<!-- pmpo-lint-disable-file mixed-section -->\n' });
  });

  it('keeps CRLF line endings in inserted comments', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const { actions } = actionsAt(crlf, 5);
    const fixed = apply(crlf, actions[1].edit);
    expect(fixed).toContain('<!-- pmpo-lint-disable-next-line mixed-section -->\r\n## Why now');
  });
});

describe('Fix all', () => {
  const withUnused = `${text}\n<!-- pmpo-lint-disable-next-line no-such-rule -->\nA closing note.\n<!-- pmpo-lint-disable-line mixed-section --> Another note.\n`;

  it('applies safe fixes only (never the split suggestion) until nothing is left to fix', async () => {
    const lintText = async (source: string) => lint(source, { fileName }).findings;
    const { text: fixed, applied } = await fixAllText(withUnused, lintText);
    expect(applied).toBe(2);
    expect(fixed).not.toContain('no-such-rule');
    expect(fixed).toContain('A closing note.\nAnother note.');
    expect(fixed).not.toContain('Delivery detail');
    const remaining = lint(fixed, { fileName }).findings;
    expect(remaining.map((finding) => finding.ruleId)).toEqual(['mixed-section']);
  });

  it('is offered as the source.fixAll.pmpo-lint action for fix on save', async () => {
    const { text: fixed } = await fixAllText(withUnused, async (source) => lint(source, { fileName }).findings);
    const edit = minimalReplacement(withUnused, fixed)!;
    const document = createDocument(withUnused);
    const actions = toCodeActions({ document: document as never, findings: [], range: new Range(0, 0, 0, 0) as never, diagnostics: [], only: CodeActionKind.SourceFixAll as never, fixAll: edit });
    expect(actions).toHaveLength(1);
    expect(actions[0].kind).toEqual(FIX_ALL_KIND);
    expect((actions[0].kind as unknown as CodeActionKind).value).toBe('source.fixAll.pmpo-lint');
    expect(apply(withUnused, actions[0].edit)).toBe(fixed);
  });

  it('is not offered when only quick fixes are requested', () => {
    const document = createDocument(text);
    const actions = toCodeActions({ document: document as never, findings: [], range: new Range(0, 0, 0, 0) as never, diagnostics: [], only: CodeActionKind.QuickFix as never, fixAll: { range: [0, 0], text: 'x' } });
    expect(actions).toEqual([]);
  });

  it('minimalReplacement touches only the changed span', () => {
    expect(minimalReplacement('abcXYZdef', 'abcdef')).toEqual({ range: [3, 6], text: '' });
    expect(minimalReplacement('same', 'same')).toBeUndefined();
  });
});
