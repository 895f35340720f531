// Diagnostics of "Analyse workspace" stay until the next run, but a document
// the live linter covers shows only its fresher live diagnostics (no
// duplicates in Problems); when it closes, its workspace entry returns.
import type * as vscode from 'vscode';

export class WorkspaceDiagnostics {
  private readonly stored = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  private readonly live = new Set<string>();

  constructor(private readonly collection: vscode.DiagnosticCollection) {}

  /** Replaces the results of the previous run. */
  replaceAll(entries: readonly { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }[]): void {
    this.stored.clear();
    this.collection.clear();
    for (const entry of entries) {
      const key = entry.uri.toString();
      this.stored.set(key, entry);
      if (!this.live.has(key)) this.collection.set(entry.uri, entry.diagnostics);
    }
  }

  liveOpened(uri: vscode.Uri): void {
    this.live.add(uri.toString());
    this.collection.delete(uri);
  }

  liveClosed(uri: vscode.Uri): void {
    const key = uri.toString();
    this.live.delete(key);
    const entry = this.stored.get(key);
    if (entry) this.collection.set(entry.uri, entry.diagnostics);
  }
}
