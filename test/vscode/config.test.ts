import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { lint } from '../../src/core/index';
import { configDirectories, configProblemDiagnostics, ConfigFileResolver, ConfigFolderWatchers, layerConfigs, lintFileName } from '../../src/vscode/config-files';
import { readEditorOptions, readSettingsConfig, DEFAULT_EDITOR_OPTIONS } from '../../src/vscode/settings';
import { testState, Uri, workspace, type RelativePattern } from './vscode-mock';

const text = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');

function fakeFs(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile = async (uri: Uri) => {
    reads.push(uri.path);
    return uri.path in files ? new TextEncoder().encode(files[uri.path]) : undefined;
  };
  return { readFile: readFile as never, reads };
}

describe('configDirectories', () => {
  it('walks from the document folder up to the root, past the workspace folder, as the CLI does', () => {
    const dirs = configDirectories(Uri.file('/ws/a/b/doc.md') as never).map((uri) => uri.path);
    expect(dirs).toEqual(['/ws/a/b', '/ws/a', '/ws', '/']);
    expect(configDirectories(Uri.file('/x/doc.md') as never).map((uri) => uri.path)).toEqual(['/x', '/']);
  });

  it('stops at a drive root and keeps the scheme of a virtual file system', () => {
    expect(configDirectories(Uri.file('/c:/ws/doc.md') as never).map((uri) => uri.path)).toEqual(['/c:/ws', '/c:']);
    const virtual = configDirectories(Uri.parse('vscode-vfs://github/org/repo/docs/prd.md') as never);
    expect(virtual.map((uri) => uri.toString())).toEqual(['vscode-vfs:///org/repo/docs', 'vscode-vfs:///org/repo', 'vscode-vfs:///org', 'vscode-vfs:///']);
  });
});

describe('ConfigFileResolver', () => {
  it('finds the nearest file (.json before .jsonc in one folder) and caches folders', async () => {
    const fs = fakeFs({
      '/ws/.pmpo-lint.json': '{"kind": "roadmap"}',
      '/ws/team/.pmpo-lint.jsonc': '// team\n{"kind": "backlog",}',
    });
    const resolver = new ConfigFileResolver(fs.readFile);
    const nested = await resolver.nearest(Uri.file('/ws/team/sub/doc.md') as never);
    expect(nested?.uri.path).toBe('/ws/team/.pmpo-lint.jsonc');
    expect(nested?.config).toEqual({ kind: 'backlog' });
    const top = await resolver.nearest(Uri.file('/ws/doc.md') as never);
    expect(top?.config).toEqual({ kind: 'roadmap' });
    const readsBefore = fs.reads.length;
    await resolver.nearest(Uri.file('/ws/team/sub/doc.md') as never);
    expect(fs.reads.length).toBe(readsBefore);
    resolver.invalidate();
    await resolver.nearest(Uri.file('/ws/team/sub/doc.md') as never);
    expect(fs.reads.length).toBeGreaterThan(readsBefore);
  });

  it('keeps each workspace folder of a multi-root workspace to its own files', async () => {
    const fs = fakeFs({ '/one/.pmpo-lint.json': '{"kind": "vision"}' });
    const resolver = new ConfigFileResolver(fs.readFile);
    expect(await resolver.nearest(Uri.file('/two/doc.md') as never)).toBeUndefined();
    expect((await resolver.nearest(Uri.file('/one/doc.md') as never))?.config.kind).toBe('vision');
  });

  it('finds a config file above the workspace folder, like the CLI', async () => {
    const fs = fakeFs({ '/home/me/.pmpo-lint.json': '{"kind": "backlog"}' });
    const file = await new ConfigFileResolver(fs.readFile).nearest(Uri.file('/home/me/ws/docs/doc.md') as never);
    expect(file).toMatchObject({ config: { kind: 'backlog' }, problems: [] });
    expect(file!.uri.path).toBe('/home/me/.pmpo-lint.json');
    expect(fs.reads).toEqual(['/home/me/ws/docs/.pmpo-lint.json', '/home/me/ws/docs/.pmpo-lint.jsonc', '/home/me/ws/.pmpo-lint.json', '/home/me/ws/.pmpo-lint.jsonc', '/home/me/.pmpo-lint.json']);
  });

  it('tells of each folder it reads once, until invalidated', async () => {
    const searched: string[] = [];
    const resolver = new ConfigFileResolver(fakeFs({}).readFile, (directory) => searched.push(directory.path));
    await resolver.nearest(Uri.file('/ws/a/doc.md') as never);
    await resolver.nearest(Uri.file('/ws/a/other.md') as never);
    expect(searched).toEqual(['/ws/a', '/ws', '/']);
    resolver.invalidate();
    await resolver.nearest(Uri.file('/ws/doc.md') as never);
    expect(searched).toEqual(['/ws/a', '/ws', '/', '/ws', '/']);
  });

  it('ignores a byte order mark like the CLI', async () => {
    const fs = fakeFs({ '/ws/.pmpo-lint.json': '\uFEFF{"kind": "prd"}' });
    const file = await new ConfigFileResolver(fs.readFile).nearest(Uri.file('/ws/doc.md') as never);
    expect(file).toMatchObject({ config: { kind: 'prd' }, problems: [] });
  });

  it('reports an invalid file with line and column and contributes nothing', async () => {
    const fs = fakeFs({ '/ws/.pmpo-lint.json': '{\n  "rules": {"no-such-rule": "warning"}\n}' });
    const file = await new ConfigFileResolver(fs.readFile).nearest(Uri.file('/ws/doc.md') as never);
    expect(file?.problems).toEqual([{ message: 'unknown rule "no-such-rule"', line: 2, column: 13 }]);
    const [diagnostic] = configProblemDiagnostics(file!.problems);
    expect(diagnostic.range.start).toMatchObject({ line: 1, character: 12 });
    expect(diagnostic.message).toBe('Invalid pmpo-lint configuration: unknown rule "no-such-rule"');
    expect(layerConfigs({ kind: 'prd' }, file)).toEqual({ kind: 'prd' });
  });
});

describe('ConfigFolderWatchers', () => {
  it('watches each folder outside the workspace once, and re-lints on its events', () => {
    testState.workspaceFolder = { uri: Uri.file('/ws'), name: 'ws', index: 0 };
    testState.watchers = [];
    const changes: string[] = [];
    const watchers = new ConfigFolderWatchers((uri) => changes.push(uri.path));
    for (const path of ['/ws/docs', '/ws', '/', '/']) watchers.watch(Uri.file(path) as never);
    expect(testState.watchers.map((watcher) => (watcher.pattern as RelativePattern).baseUri.path)).toEqual(['/']);
    testState.watchers[0].deleted.fire(Uri.file('/.pmpo-lint.jsonc'));
    expect(changes).toEqual(['/.pmpo-lint.jsonc']);
    watchers.dispose();
    expect(testState.watchers[0].disposed).toBe(true);
  });

  it('logs a folder it cannot watch and goes on (a file system without watchers)', async () => {
    testState.workspaceFolder = undefined;
    const logged: string[] = [];
    const watchers = new ConfigFolderWatchers(() => undefined, (message) => logged.push(message));
    const spy = vi.spyOn(workspace, 'createFileSystemWatcher').mockImplementation(() => {
      throw new Error('no watcher here');
    });
    const resolver = new ConfigFileResolver(fakeFs({ '/x/.pmpo-lint.json': '{"kind": "prd"}' }).readFile, (directory) => watchers.watch(directory));
    expect((await resolver.nearest(Uri.file('/x/y/doc.md') as never))?.config).toEqual({ kind: 'prd' });
    spy.mockRestore();
    expect(logged).toEqual([
      'cannot watch file:///x/y for config files (no watcher here); reload the window after changing one there',
      'cannot watch file:///x for config files (no watcher here); reload the window after changing one there',
    ]);
  });
});

describe('lintFileName', () => {
  it('is relative to the config file folder, else the workspace folder, as in the CLI', () => {
    const file = { uri: Uri.file('/ws/team/.pmpo-lint.json') as never, config: {}, problems: [] };
    expect(lintFileName(Uri.file('/ws/team/plans/q3.md') as never, file, Uri.file('/ws') as never)).toBe('plans/q3.md');
    expect(lintFileName(Uri.file('/ws/other/q3.md') as never, undefined, Uri.file('/ws') as never)).toBe('other/q3.md');
    expect(lintFileName(Uri.file('/tmp/q3.md') as never, undefined, undefined)).toBe('/tmp/q3.md');
  });

  it('lets documentKinds globs with folders decide the kind', () => {
    const config = { documentKinds: { roadmap: ['plans/**/*.md'] } };
    const file = { uri: Uri.file('/ws/team/.pmpo-lint.json') as never, config, problems: [] };
    const fileName = lintFileName(Uri.file('/ws/team/plans/q3.md') as never, file, Uri.file('/ws') as never);
    expect(lint('# Q3\n', { fileName, config: layerConfigs({}, file) }).kind).toBe('roadmap');
  });
});

describe('config layers: defaults < settings < config file < front matter', () => {
  const settings = (values: Record<string, unknown>) => readSettingsConfig((key) => values[key]).config;

  it('settings change findings', () => {
    const config = layerConfigs(settings({ rules: { 'mixed-section': 'error' } }), undefined);
    expect(lint(text, { fileName: 'mixed-prd.md', config }).findings[0].severity).toBe('error');
  });

  it('the config file wins over settings', () => {
    const file = { uri: Uri.file('/ws/.pmpo-lint.json') as never, config: { rules: { 'mixed-section': 'info' as const } }, problems: [] };
    const config = layerConfigs(settings({ rules: { 'mixed-section': 'error' } }), file);
    expect(lint(text, { fileName: 'mixed-prd.md', config }).findings[0].severity).toBe('info');
  });

  it('front matter wins over the config file', () => {
    const file = { uri: Uri.file('/ws/.pmpo-lint.json') as never, config: { rules: { 'mixed-section': 'info' as const } }, problems: [] };
    const withFrontMatter = text.replace('title: Team calendar PRD', 'pmpo:\n  rules:\n    mixed-section: off');
    expect(lint(withFrontMatter, { fileName: 'mixed-prd.md', config: layerConfigs({}, file) }).findings).toEqual([]);
  });

  it('kind from settings makes a plain note a product document', () => {
    expect(lint('# Notes\n', { fileName: 'notes.md', config: settings({ kind: 'auto' }) }).kind).toBe('unknown');
    expect(lint('# Notes\n', { fileName: 'notes.md', config: settings({ kind: 'vision' }) }).kind).toBe('vision');
  });
});

describe('settings', () => {
  it('drops an invalid setting with a clear line and keeps the others', () => {
    const { config, problems } = readSettingsConfig((key) => ({ kind: 'novel', maxFileSizeKB: 512, rules: {}, cues: { strategic: ['north star'] } })[key]);
    expect(config).toEqual({ maxFileSizeKB: 512, cues: { strategic: ['north star'] } });
    expect(problems).toEqual(['Ignoring setting pmpoLint.kind: "kind" must be one of auto, prd, roadmap, backlog, vision']);
  });

  it('reads editor options with defaults for missing or wrong values', () => {
    expect(readEditorOptions(() => undefined)).toEqual(DEFAULT_EDITOR_OPTIONS);
    const options = readEditorOptions((key) => ({ run: 'onSave', debounceMs: -5, trace: 'verbose', maxFindingsPerFile: 10 })[key]);
    expect(options).toMatchObject({ run: 'onSave', debounceMs: 300, trace: 'verbose', maxFindingsPerFile: 10 });
  });
});
