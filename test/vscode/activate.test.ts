// Activation against a permissive stand-in for the whole API: it must not
// throw, must register every contributed command and the providers.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({ commands: [] as string[], providers: [] as string[] }));

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
    return { dispose() {} };
  };
  return {
    ...base,
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: anything(),
    commands: { registerCommand: record(registered.commands, 'command'), executeCommand: anything() },
    languages: {
      ...base.languages,
      registerCodeActionsProvider: record(registered.providers, 'codeActions'),
      registerHoverProvider: record(registered.providers, 'hover'),
      registerCodeLensProvider: record(registered.providers, 'codeLens'),
    },
    workspace: {
      ...base.workspace,
      onDidOpenTextDocument: anything(),
      onDidChangeTextDocument: anything(),
      onDidSaveTextDocument: anything(),
      onDidCloseTextDocument: anything(),
      onDidChangeConfiguration: anything(),
      createFileSystemWatcher: anything(),
      registerTextDocumentContentProvider: record(registered.providers, 'content'),
    },
  };
});

import { activate } from '../../src/vscode/activate';
import { Uri } from './vscode-mock';

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
});
