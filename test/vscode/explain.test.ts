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

import { ExplainPages, showExplainPage } from '../../src/vscode/explain-pages';

beforeEach(() => {
  calls.commands.length = 0;
  calls.shown.length = 0;
  calls.previewFails = false;
});

describe('explain pages', () => {
  it('opens the page rendered in a locked preview beside the document, not as source', async () => {
    const uri = ExplainPages.uriFor('mixed-section', 15);
    await showExplainPage(uri, () => undefined);
    expect(calls.commands).toEqual([['markdown.showLockedPreviewToSide', uri]]);
    expect(calls.shown).toEqual([]);
  });

  it('falls back to the Markdown text beside the document when the preview is unavailable', async () => {
    calls.previewFails = true;
    const logged: string[] = [];
    const uri = ExplainPages.uriFor('mixed-section', 15);
    await showExplainPage(uri, (message) => logged.push(message));
    expect(calls.shown).toEqual([[{ uri }, { viewColumn: -2, preview: true, preserveFocus: true }]]);
    expect(logged[0]).toMatch(/markdown\.showLockedPreviewToSide is unavailable .*not found.*showing the explanation as text/);
  });

  it('serves each page, refreshes a re-explained finding in place and keeps the newest 20', () => {
    const pages = new ExplainPages();
    const changed: string[] = [];
    pages.onDidChange((uri) => changed.push(uri.toString()));
    const first = ExplainPages.uriFor('mixed-section', 15);
    pages.set(first, '# old');
    pages.set(ExplainPages.uriFor('mixed-section', 15), '# new');
    expect(pages.provideTextDocumentContent(first)).toBe('# new');
    expect(changed).toEqual([first.toString(), first.toString()]);
    for (let line = 100; line < 120; line++) pages.set(ExplainPages.uriFor('doc-kind-fit', line), `line ${line}`);
    expect(pages.provideTextDocumentContent(first)).toBe('');
    expect(pages.provideTextDocumentContent(ExplainPages.uriFor('doc-kind-fit', 100))).toBe('line 100');
  });
});
