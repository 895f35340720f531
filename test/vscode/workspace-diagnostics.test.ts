import { describe, expect, it } from 'vitest';
import { WorkspaceDiagnostics } from '../../src/vscode/workspace-diagnostics';
import { Diagnostic, DiagnosticCollection, Range, Uri } from './vscode-mock';

const diagnostic = (message: string) => new Diagnostic(new Range(0, 0, 0, 1), message);

describe('WorkspaceDiagnostics', () => {
  it('keeps workspace results until the next run, hiding them while the live linter covers the document', () => {
    const collection = new DiagnosticCollection('ws');
    const workspace = new WorkspaceDiagnostics(collection as never);
    const open = Uri.file('/ws/open-prd.md');
    const closed = Uri.file('/ws/roadmap.md');
    workspace.liveOpened(open as never);
    workspace.replaceAll([
      { uri: open as never, diagnostics: [diagnostic('a')] as never },
      { uri: closed as never, diagnostics: [diagnostic('b')] as never },
    ]);
    expect(collection.get(open)).toBeUndefined();
    expect(collection.get(closed)!.map((item) => item.message)).toEqual(['b']);
    workspace.liveClosed(open as never);
    expect(collection.get(open)!.map((item) => item.message)).toEqual(['a']);
    workspace.liveOpened(closed as never);
    expect(collection.get(closed)).toBeUndefined();
    workspace.replaceAll([]);
    workspace.liveClosed(closed as never);
    expect(collection.entries.size).toBe(0);
  });
});
