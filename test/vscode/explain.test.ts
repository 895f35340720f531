// "Explain finding at cursor" pages: shown rendered beside the document,
// as text when the Markdown preview is not there.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  commands: [] as unknown[][],
  shown: [] as unknown[][],
  previewFails: false,
}));

vi.mock('vscode', async () => {
  const base = await import('./vscode-mock');
  return {
    ...base,
    ViewColumn: { Beside: -2 },
    commands: {
      executeCommand: async (...args: unknown[]) => {
        calls.commands.push(args);
        if (calls.previewFails) throw new Error(`command '${String(args[0])}' not found`);
      },
    },
    window: { showTextDocument: async (...args: unknown[]) => void calls.shown.push(args) },
    workspace: { ...base.workspace, openTextDocument: async (uri: unknown) => ({ uri }) },
  };
});

import type { Finding } from '../../src/core/types';
import { ExplainPages, showExplainPage } from '../../src/vscode/explain-pages';
import { Uri } from './vscode-mock';

beforeEach(() => {
  calls.commands.length = 0;
  calls.shown.length = 0;
  calls.previewFails = false;
});

const prd = Uri.file('/ws/docs/calendar-prd.md') as never;
const other = Uri.file('/ws/other/calendar-prd.md') as never;

function finding(ruleId: string, line: number, message = `${ruleId} at ${line}`, column = 1): Finding {
  const point = { line, column, offset: 0 };
  return { ruleId, severity: 'warning', message, range: { start: point, end: point }, url: '', evidence: [], related: [] } as Finding;
}
const render = (current: Finding) => `# ${current.ruleId}\n\n${current.message}, line ${current.range.start.line}\n`;

describe('explain pages', () => {
  it('opens the page rendered in a locked preview beside the document, not as source', async () => {
    const uri = ExplainPages.uriFor(prd, finding('mixed-section', 15));
    await showExplainPage(uri, () => undefined);
    expect(calls.commands).toEqual([['markdown.showLockedPreviewToSide', uri]]);
    expect(calls.shown).toEqual([]);
  });

  it('falls back to the Markdown text beside the document when the preview is unavailable', async () => {
    calls.previewFails = true;
    const logged: string[] = [];
    const uri = ExplainPages.uriFor(prd, finding('mixed-section', 15));
    await showExplainPage(uri, (message) => logged.push(message));
    expect(calls.shown).toEqual([[{ uri }, { viewColumn: -2, preview: true, preserveFocus: true }]]);
    expect(logged[0]).toMatch(/markdown\.showLockedPreviewToSide is unavailable .*not found.*showing the explanation as text/);
  });

  it('names the document, the rule and the line in the tab title (the path), with no escapes', () => {
    const uri = ExplainPages.uriFor(prd, finding('mixed-section', 15));
    expect(uri.scheme).toBe('pmpo-lint-explain');
    expect(uri.path).toBe('/calendar-prd.md - mixed-section (line 15).md');
    expect(ExplainPages.uriFor(Uri.from({ scheme: 'untitled', path: 'Untitled-1' }) as never, finding('story-format', 3)).path).toBe('/Untitled-1 - story-format (line 3).md');
  });

  it('puts the relative folders of the document in the path, so equal tab titles get told apart', () => {
    expect(ExplainPages.uriFor(prd, finding('mixed-section', 15), 'docs/calendar-prd.md').path).toBe('/docs/calendar-prd.md - mixed-section (line 15).md');
    // Outside the workspace asRelativePath gives the whole path (with backslashes on Windows): never a `//` path.
    expect(ExplainPages.uriFor(prd, finding('mixed-section', 15), '/tmp/calendar-prd.md').path).toBe('/tmp/calendar-prd.md - mixed-section (line 15).md');
    expect(ExplainPages.uriFor(prd, finding('mixed-section', 15), 'c:\\notes\\calendar-prd.md').path).toBe('/c:/notes/calendar-prd.md - mixed-section (line 15).md');
  });

  it('keeps the same rule on the same line of two documents on two pages', () => {
    const pages = new ExplainPages();
    const first = pages.explain(prd, finding('mixed-section', 15, 'in docs'), render);
    const second = pages.explain(other, finding('mixed-section', 15, 'in other'), render);
    expect(second.toString()).not.toBe(first.toString());
    expect(pages.provideTextDocumentContent(first)).toContain('in docs');
    expect(pages.provideTextDocumentContent(second)).toContain('in other');
    // Two findings of one rule on one line are two pages too.
    const sameLine = pages.explain(prd, finding('mixed-section', 15, 'second on the line', 20), render);
    expect(pages.provideTextDocumentContent(sameLine)).toContain('second on the line');
    expect(pages.provideTextDocumentContent(first)).toContain('in docs');
  });

  it('serves pages the provider is asked for by an equal URI parsed back from its string', () => {
    const pages = new ExplainPages();
    const uri = pages.explain(prd, finding('mixed-section', 15), render);
    expect(pages.provideTextDocumentContent(Uri.parse(uri.toString()) as never)).toContain('mixed-section at 15');
  });

  it('refreshes a re-explained finding in place and keeps the newest 20', () => {
    const pages = new ExplainPages();
    const changed: string[] = [];
    pages.onDidChange((uri) => changed.push(uri.toString()));
    const first = pages.explain(prd, finding('mixed-section', 15), () => '# old');
    pages.explain(prd, finding('mixed-section', 15), () => '# new');
    expect(pages.provideTextDocumentContent(first)).toBe('# new');
    expect(changed).toEqual([first.toString(), first.toString()]);
    for (let line = 100; line < 120; line++) pages.explain(prd, finding('doc-kind-fit', line), () => `line ${line}`);
    expect(pages.provideTextDocumentContent(first)).toBe('');
    expect(pages.provideTextDocumentContent(ExplainPages.uriFor(prd, finding('doc-kind-fit', 100)))).toBe('line 100');
  });

  it('follows its finding when the document is linted again, and says so when it is gone', () => {
    const pages = new ExplainPages();
    const changed: string[] = [];
    pages.onDidChange((uri) => changed.push(uri.toString()));
    const explained = finding('story-needs-criteria', 15, 'The story "x" has no criteria');
    const uri = pages.explain(prd, explained, render);
    changed.length = 0;

    pages.documentChanged(other, []);
    pages.documentChanged(prd, undefined);
    expect(changed).toEqual([]);

    pages.documentChanged(prd, [finding('mixed-section', 3)]);
    const stale = pages.provideTextDocumentContent(uri);
    expect(stale).toMatch(/^> \*\*Out of date:\*\* pmpo-lint no longer reports this finding in calendar-prd\.md/);
    expect(stale).toContain('The story "x" has no criteria, line 15');
    pages.documentChanged(prd, []);
    expect(pages.provideTextDocumentContent(uri)).toBe(stale);
    expect(changed).toEqual([uri.toString()]);

    // Two lines added above it: the same finding, now on line 17.
    pages.documentChanged(prd, [finding('story-needs-criteria', 40, 'another story'), finding('story-needs-criteria', 17, 'The story "x" has no criteria')]);
    expect(pages.provideTextDocumentContent(uri)).toBe('# story-needs-criteria\n\nThe story "x" has no criteria, line 17\n');
    // Its message changed in place (a count in it): still the same finding.
    pages.documentChanged(prd, [finding('story-needs-criteria', 17, 'The story "x" and 2 more have no criteria')]);
    expect(pages.provideTextDocumentContent(uri)).toContain('and 2 more');
  });

  it('follows a finding whose message quotes line numbers when text is added above it', () => {
    const pages = new ExplainPages();
    const uri = pages.explain(prd, finding('mixed-section', 6, 'Section mixes "market" on line 8 with a story on line 10'), render);
    pages.documentChanged(prd, [finding('mixed-section', 30, 'Section mixes "pricing" on line 31 with a story on line 33'), finding('mixed-section', 8, 'Section mixes "market" on line 10 with a story on line 12')]);
    const page = pages.provideTextDocumentContent(uri);
    expect(page).not.toMatch(/Out of date/);
    expect(page).toContain('"market" on line 10 with a story on line 12, line 8');
  });
});
