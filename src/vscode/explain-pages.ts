// The read-only "Explain finding" pages: virtual Markdown documents shown
// rendered (Markdown preview) beside the document, as text where no preview exists.
import * as vscode from 'vscode';
import { EXPLAIN_SCHEME } from './constants.js';

const MAX_PAGES = 20;
/** Locked, so the preview keeps showing the explanation when the user clicks back into the document. */
const PREVIEW_COMMAND = 'markdown.showLockedPreviewToSide';

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
 * Shows a page rendered beside the source editor (focus moves to it, as with
 * "Open Preview to the Side"), as Markdown text beside if the preview command
 * is unavailable or fails. (Giving focus back raced with the webview, which
 * focuses itself once loaded.)
 */
export async function showExplainPage(uri: vscode.Uri, log: (message: string) => void): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand(PREVIEW_COMMAND, uri);
    return;
  } catch (error) {
    log(`${PREVIEW_COMMAND} is unavailable (${(error as Error).message}); showing the explanation as text`);
  }
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
