// The read-only "Explain finding" pages: virtual Markdown documents shown
// rendered (Markdown preview) beside the document, as text where no preview exists.
// A page belongs to one finding of one document and follows it: re-linting the
// document refreshes the page, and says so on the page when the finding is gone.
import * as vscode from 'vscode';
import type { Finding } from '../core/types.js';
import { EXPLAIN_SCHEME } from './constants.js';
import { trimSlashes } from './paths.js';
import { escapeMarkdown } from './presentation.js';

const MAX_PAGES = 20;
/** Locked, so the preview keeps showing the explanation when the user clicks back into the document. */
const PREVIEW_COMMAND = 'markdown.showLockedPreviewToSide';

/** Renders the page of a finding (the current one after a re-lint). */
export type RenderExplanation = (finding: Finding) => string;

interface Page {
  uri: vscode.Uri;
  documentKey: string;
  documentName: string;
  /** The finding as last seen: its rule, position and message identify it after a re-lint. */
  finding: Finding;
  render: RenderExplanation;
  markdown: string;
}

/** The file name at the end of a URI path (an untitled document's path is its name). */
function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || path || uri.toString();
}

export function staleNotice(documentName: string): string {
  return `> **Out of date:** pmpo-lint no longer reports this finding in ${escapeMarkdown(documentName)} (it was fixed, disabled or the text changed). The explanation below is as it was; explain the finding again to refresh it.`;
}

export class ExplainPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pages = new Map<string, Page>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /**
   * One page per document and finding (rule and start position): explaining the
   * same finding again refreshes its open page. The path is what the tab shows
   * ("prd.md - mixed-section (line 15).md"); the query makes it unique per document.
   */
  static uriFor(documentUri: vscode.Uri, finding: Pick<Finding, 'ruleId' | 'range'>, relativeName?: string): vscode.Uri {
    const { line, column } = finding.range.start;
    const query = [`document=${encodeURIComponent(documentUri.toString())}`, `rule=${encodeURIComponent(finding.ruleId)}`, `line=${line}`, `column=${column}`].join('&');
    // The folders of the relative name become the page's folders: VS Code shows them when two tab titles are equal.
    const name = trimSlashes((relativeName ?? baseName(documentUri)).replaceAll('\\', '/'), { start: true }) || baseName(documentUri);
    return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name} - ${finding.ruleId} (line ${line}).md`, query });
  }

  /** Shows a finding's page (creating or refreshing it) and returns its URI. `relativeName` is the document's workspace-relative path. */
  explain(documentUri: vscode.Uri, finding: Finding, render: RenderExplanation, relativeName?: string): vscode.Uri {
    const uri = ExplainPages.uriFor(documentUri, finding, relativeName);
    const key = pageKey(uri);
    this.pages.delete(key);
    this.pages.set(key, { uri, documentKey: documentUri.toString(), documentName: baseName(documentUri), finding, render, markdown: render(finding) });
    const oldest = this.pages.keys().next().value;
    if (this.pages.size > MAX_PAGES && oldest !== undefined) this.pages.delete(oldest);
    this.changed.fire(uri);
    return uri;
  }

  /**
   * A document was linted again: each of its pages shows the finding as now
   * reported, or says the finding is gone. `findings` undefined (the document
   * closed) leaves the pages as they are.
   */
  documentChanged(documentUri: vscode.Uri, findings: readonly Finding[] | undefined): void {
    if (!findings) return;
    const documentKey = documentUri.toString();
    for (const page of this.pages.values()) {
      if (page.documentKey !== documentKey) continue;
      const current = sameFinding(page.finding, findings);
      const markdown = current ? page.render(current) : withStaleNotice(page);
      if (current) page.finding = current;
      if (markdown === page.markdown) continue;
      page.markdown = markdown;
      this.changed.fire(page.uri);
    }
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(pageKey(uri))?.markdown ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Path and query, as they come back to the provider (independent of how the URI string is encoded). */
function pageKey(uri: vscode.Uri): string {
  return `${uri.path}?${uri.query}`;
}

function withStaleNotice(page: Page): string {
  const notice = staleNotice(page.documentName);
  return page.markdown.startsWith(notice) ? page.markdown : `${notice}\n\n${page.markdown}`;
}

/** A message without its numbers: messages quote line numbers, which move when text is added above. */
function messageShape(message: string): string {
  return message.replace(/\d+/g, '#');
}

/**
 * The finding the page explains, in a newer result: the same rule at the same
 * position with the same message, else the same message (numbers aside)
 * nearest to where it was (text was added or removed above it), else the
 * same rule at the same position (its message changed, e.g. a count in it).
 */
function sameFinding(previous: Finding, findings: readonly Finding[]): Finding | undefined {
  const { line, column } = previous.range.start;
  const sameRule = findings.filter((finding) => finding.ruleId === previous.ruleId);
  const atPosition = (finding: Finding) => finding.range.start.line === line && finding.range.start.column === column;
  const shape = messageShape(previous.message);
  const sameMessage = sameRule.filter((finding) => messageShape(finding.message) === shape);
  const distance = (finding: Finding) => Math.abs(finding.range.start.line - line);
  return sameMessage.find(atPosition) ?? sameMessage.sort((a, b) => distance(a) - distance(b))[0] ?? sameRule.find(atPosition);
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
