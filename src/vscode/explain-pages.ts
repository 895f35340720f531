// The read-only "Explain finding" pages: virtual Markdown documents shown
// rendered (Markdown preview) beside the document, as text where no preview exists.
import * as vscode from 'vscode';
import { EXPLAIN_SCHEME } from './constants.js';

const MAX_PAGES = 20;
/** Locked, so the preview keeps showing the explanation when the user clicks back into the document. */
const PREVIEW_COMMAND = 'markdown.showLockedPreviewToSide';
/** The command returns before the preview's tab opens (and takes focus); wait this long at most. */
const PREVIEW_OPEN_TIMEOUT_MS = 2000;

export class ExplainPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** One page per rule and line: explaining the same finding again refreshes its open page. */
  static uriFor(ruleId: string, line: number): vscode.Uri {
    return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${ruleId}-line-${line}.md` });
  }

  set(uri: vscode.Uri, markdown: string): void {
    const key = uri.toString();
    this.pages.delete(key);
    this.pages.set(key, markdown);
    const oldest = this.pages.keys().next().value;
    if (this.pages.size > MAX_PAGES && oldest !== undefined) this.pages.delete(oldest);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Shows a page rendered beside the source editor, as Markdown text if the
 * preview command is unavailable or fails. Focus stays in (returns to) the
 * source: the preview takes it when it opens.
 */
export async function showExplainPage(uri: vscode.Uri, source: vscode.TextEditor, log: (message: string) => void): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand(PREVIEW_COMMAND, uri);
    await untilActiveTabNames(uri.path.slice(uri.path.lastIndexOf('/') + 1), PREVIEW_OPEN_TIMEOUT_MS);
    await vscode.window.showTextDocument(source.document, { viewColumn: source.viewColumn, preserveFocus: false });
    return;
  } catch (error) {
    log(`${PREVIEW_COMMAND} is unavailable (${(error as Error).message}); showing the explanation as text`);
  }
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}

/** Resolves once the focused group's active tab is labelled with `name`, or after `timeoutMs`. */
function untilActiveTabNames(name: string, timeoutMs: number): Promise<void> {
  const shown = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label.includes(name) ?? false;
  if (shown()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      for (const listener of listeners) listener.dispose();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const check = () => shown() && finish();
    const listeners = [vscode.window.tabGroups.onDidChangeTabs(check), vscode.window.tabGroups.onDidChangeTabGroups(check)];
  });
}
