// Activation against a permissive stand-in for the whole API: it must not
// throw, must register every contributed command and the providers.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({
  commands: [] as string[],
  providers: [] as string[],
  instances: {} as Record<string, unknown>,
  handlers: {} as Record<string, (value: unknown) => unknown>,
  collections: {} as Record<string, unknown>,
}));

vi.mock('vscode', async () => {
  const base = await import('./vscode-mock');
  // Any other API member: a callable, constructible object whose members are the same.
  const anything = (): unknown =>
    new Proxy(function () {}, {
      get: (_target, key) => (key === 'then' ? undefined : anything()),
      apply: () => anything(),
      construct: () => anything() as object,
    });
  const record = (list: string[], name: string) => (...args: unknown[]) => {
    list.push(typeof args[0] === 'string' ? args[0] : name);
    registered.instances[name] = args[1];
    return { dispose() {} };
  };
  const handler = (name: string) => (listener: (value: unknown) => unknown) => {
    registered.handlers[name] = listener;
    return { dispose() {} };
  };
  return {
    ...base,
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: anything(),
    commands: { registerCommand: record(registered.commands, 'command'), executeCommand: anything() },
    languages: {
      createDiagnosticCollection: (name: string) => (registered.collections[name] = base.languages.createDiagnosticCollection(name)),
      registerCodeActionsProvider: record(registered.providers, 'codeActions'),
      registerHoverProvider: record(registered.providers, 'hover'),
      registerCodeLensProvider: record(registered.providers, 'codeLens'),
    },
    workspace: {
      ...base.workspace,
      onDidOpenTextDocument: handler('open'),
      onDidChangeTextDocument: handler('change'),
      onDidSaveTextDocument: handler('save'),
      onDidCloseTextDocument: handler('close'),
      onDidChangeConfiguration: anything(),
      createFileSystemWatcher: anything(),
      registerTextDocumentContentProvider: record(registered.providers, 'content'),
    },
  };
});

import { activate } from '../../src/vscode/activate';
import type { Finding } from '../../src/core/types';
import type { ExplainPages } from '../../src/vscode/explain-pages';
import { getLintRunner, type LintRunner } from '../../src/vscode/lint-runner';
import type { CodeActionProvider, CodeLensProvider, HoverProvider } from '../../src/vscode/providers';
import { applyWorkspaceEdit, CodeActionKind, createDocument, Position, Range, Uri, type DiagnosticCollection } from './vscode-mock';

const prd = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('activate', () => {
  it('registers every contributed command and the providers without throwing', () => {
    const subscriptions: unknown[] = [];
    activate({ subscriptions, extensionUri: Uri.file('/ext') } as never);
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command);
    expect(registered.commands.sort()).toEqual(contributed.sort());
    expect(registered.providers.sort()).toEqual(['codeActions', 'codeLens', 'hover', 'pmpo-lint-explain']);
    expect(subscriptions.length).toBeGreaterThan(15);
  });

  it('lints on open and on change (debounced), serves actions, hover and lenses, clears on close', async () => {
    const live = registered.collections['pmpo-lint'] as DiagnosticCollection;
    const document = { ...createDocument(prd, '/ws/docs/calendar-prd.md', 'markdown', 1), isClosed: false };
    registered.handlers.open(document);
    expect(await waitFor(() => (live.get(document.uri)?.length ?? 0) > 0)).toBe(true);
    expect(live.get(document.uri)![0].range.start.line).toBe(5);

    const codeActions = registered.instances.codeActions as CodeActionProvider;
    const actions = codeActions.provideCodeActions(document as never, new Range(5, 0, 5, 0) as never, { diagnostics: live.get(document.uri), only: undefined } as never);
    expect((await actions).map((action) => action.title)).toContain('Disable mixed-section for this line');
    const fixAll = await codeActions.provideCodeActions(document as never, new Range(0, 0, 0, 0) as never, { diagnostics: [], only: CodeActionKind.SourceFixAll } as never);
    expect(fixAll).toEqual([]);
    const hover = (registered.instances.hover as HoverProvider).provideHover(document as never, new Position(5, 3) as never)!;
    expect((hover.contents as unknown as { value: string }).value).toContain('pmpo-lint: mixed-section');
    const lenses = await (registered.instances.codeLens as CodeLensProvider).provideCodeLenses(document as never);
    expect(lenses.map((lens) => lens.command!.title)).toContainEqual(expect.stringMatching(/^PM\/PO: mixed \(PM \+ PO\): \d+ strategic statements? \(.*\); \d+ tactical/));

    const cleaned = { ...createDocument(prd.replace(/As a team lead[\s\S]*free slots are shown\n/, ''), '/ws/docs/calendar-prd.md', 'markdown', 2), isClosed: false };
    registered.handlers.change({ document: cleaned, contentChanges: [{}] });
    expect(live.get(document.uri)!.length).toBe(1);
    expect(await waitFor(() => live.get(document.uri)?.length === 0)).toBe(true);

    registered.handlers.close(cleaned);
    expect(live.get(document.uri)).toBeUndefined();
  });

  it('marks an explain page out of date when a re-lint no longer reports its finding', async () => {
    const live = registered.collections['pmpo-lint'] as DiagnosticCollection;
    const pages = registered.instances.content as ExplainPages;
    const document = { ...createDocument(prd, '/ws/docs/explained-prd.md', 'markdown', 1), isClosed: false };
    registered.handlers.open(document);
    expect(await waitFor(() => (live.get(document.uri)?.length ?? 0) > 0)).toBe(true);
    const [diagnostic] = live.get(document.uri)!;
    const start = { line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1, offset: 0 };
    const finding = { ruleId: 'mixed-section', severity: 'warning', message: diagnostic.message, range: { start, end: start }, url: '', evidence: [], related: [] } as Finding;
    const uri = pages.explain(document.uri as never, finding, (current) => `# ${current.ruleId}: ${current.message}`);
    expect(pages.provideTextDocumentContent(uri)).not.toMatch(/Out of date/);

    const cleaned = { ...createDocument(prd.replace(/As a team lead[\s\S]*free slots are shown\n/, ''), '/ws/docs/explained-prd.md', 'markdown', 2), isClosed: false };
    registered.handlers.change({ document: cleaned, contentChanges: [{}] });
    expect(await waitFor(() => pages.provideTextDocumentContent(uri).startsWith('> **Out of date:**'))).toBe(true);
    registered.handlers.close(cleaned);
  });

  it('offers "Fix all" as source.fixAll.pmpo-lint for fix on save', async () => {
    const text = `${prd}\n<!-- pmpo-lint-disable-next-line no-such-rule -->\nA closing note.\n`;
    const document = { ...createDocument(text, '/ws/docs/other-prd.md', 'markdown', 1), isClosed: false };
    const codeActions = registered.instances.codeActions as CodeActionProvider;
    const [action] = await codeActions.provideCodeActions(document as never, new Range(0, 0, 0, 0) as never, { diagnostics: [], only: CodeActionKind.SourceFixAll } as never);
    expect(action.title).toBe('Fix all pmpo-lint problems');
    expect(applyWorkspaceEdit(text, action.edit as never)).toBe(`${prd}\nA closing note.\n`);
  });

  it('lints through the runner the desktop entry passes, and drops it on deactivation', async () => {
    const keys: string[] = [];
    const disposed: string[] = [];
    const inProcess = getLintRunner();
    const runner: LintRunner & { dispose(): void } = {
      lint: (request) => {
        keys.push(request.key);
        return inProcess.lint(request);
      },
      forget: () => undefined,
      dispose: () => disposed.push('runner'),
    };
    const subscriptions: { dispose(): unknown }[] = [];
    activate({ subscriptions, extensionUri: Uri.file('/ext') } as never, () => runner);
    expect(getLintRunner()).toBe(runner);
    const document = { ...createDocument(prd, '/ws/docs/worker-prd.md', 'markdown', 1), isClosed: false };
    registered.handlers.open(document);
    expect(await waitFor(() => keys.includes(document.uri.toString()))).toBe(true);
    subscriptions.forEach((subscription) => subscription.dispose());
    expect(disposed).toEqual(['runner']);
    expect(getLintRunner()).not.toBe(runner);
  });
});
