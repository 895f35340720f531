// Finds and reads the nearest `.pmpo-lint.json(c)` above a document through
// vscode.workspace.fs (so the web build and virtual file systems work), by the
// CLI's rule (src/core/config-lookup.ts): every folder up to the root, not only
// up to the workspace folder. Merges the layers below front matter: defaults <
// settings < config file.
import * as vscode from 'vscode';
import { mergeConfigs, type Config, type ConfigProblem } from '../core/config.js';
import { CONFIG_FILE_NAMES, CONFIG_FILE_NAMES_GLOB, foldersUpwards, parentUriPath, parseConfigFile, uriPathFolder } from '../core/config-lookup.js';

export interface ConfigFile {
  uri: vscode.Uri;
  config: Config;
  problems: ConfigProblem[];
}

/** Reads a file's bytes, or undefined when it does not exist. */
export type ReadFile = (uri: vscode.Uri) => Promise<Uint8Array | undefined>;

export const readWithWorkspaceFs: ReadFile = async (uri) => {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
};

/** The document's folder and each folder above it, up to the root of its file system (as the CLI walks). */
export function configDirectories(documentUri: vscode.Uri): vscode.Uri[] {
  const paths = foldersUpwards<string>(uriPathFolder(documentUri.path), parentUriPath);
  return [...paths].map((path) => documentUri.with({ path, query: '', fragment: '' }));
}

/**
 * Caches config files per folder until a watcher says one changed.
 * `searched` hears of each folder read (to watch the ones no workspace watcher covers).
 */
export class ConfigFileResolver {
  private readonly byDirectory = new Map<string, Promise<ConfigFile | undefined>>();
  constructor(
    private readonly readFile: ReadFile = readWithWorkspaceFs,
    private readonly searched?: (directory: vscode.Uri) => void,
  ) {}

  async nearest(documentUri: vscode.Uri): Promise<ConfigFile | undefined> {
    for (const directory of configDirectories(documentUri)) {
      const found = await this.inDirectory(directory);
      if (found) return found;
    }
    return undefined;
  }

  invalidate(): void {
    this.byDirectory.clear();
  }

  private inDirectory(directory: vscode.Uri): Promise<ConfigFile | undefined> {
    const key = directory.toString();
    let pending = this.byDirectory.get(key);
    if (!pending) {
      this.searched?.(directory);
      pending = this.load(directory);
      this.byDirectory.set(key, pending);
    }
    return pending;
  }

  private async load(directory: vscode.Uri): Promise<ConfigFile | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(directory, name);
      const bytes = await this.readFile(uri);
      if (bytes === undefined) continue;
      return { uri, ...parseConfigFile(new TextDecoder().decode(bytes)) };
    }
    return undefined;
  }
}

/**
 * Watches the config files of folders outside every workspace folder (the
 * workspace-wide watcher covers those inside): one watcher per folder, on a
 * RelativePattern, which VS Code supports outside the workspace too.
 */
export class ConfigFolderWatchers implements vscode.Disposable {
  private readonly watchers = new Map<string, vscode.Disposable>();
  constructor(
    private readonly onChange: (uri: vscode.Uri) => void,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** A folder that cannot be watched is logged, never fatal: linting goes on, changes there need a reload. */
  watch(directory: vscode.Uri): void {
    const key = directory.toString();
    if (this.watchers.has(key) || vscode.workspace.getWorkspaceFolder(directory)) return;
    try {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(directory, CONFIG_FILE_NAMES_GLOB));
      const changed = (uri: vscode.Uri) => this.onChange(uri);
      const listeners = [watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed), watcher];
      this.watchers.set(key, vscode.Disposable.from(...listeners));
    } catch (error) {
      this.watchers.set(key, { dispose: () => undefined });
      this.log(`cannot watch ${directory.toString(true)} for config files (${(error as Error).message}); reload the window after changing one there`);
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
  }
}

/** An invalid config file contributes nothing (its problems are shown on the file itself). */
export function layerConfigs(settings: Config, file: ConfigFile | undefined): Config {
  return mergeConfigs(settings, file && file.problems.length === 0 ? file.config : undefined);
}

export function configProblemDiagnostics(problems: readonly ConfigProblem[]): vscode.Diagnostic[] {
  return problems.map((problem) => {
    const start = new vscode.Position(problem.line - 1, problem.column - 1);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, start), `Invalid pmpo-lint configuration: ${problem.message}`, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'pmpo-lint';
    return diagnostic;
  });
}

/** The folder of a config file: the base of its relative globs. */
export function configFolder(file: ConfigFile): vscode.Uri {
  return file.uri.with({ path: file.uri.path.replace(/\/[^/]*$/, '') || '/' });
}

/** `uri`'s path relative to `base`, or undefined when it is not inside it. */
export function relativePath(base: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (base.scheme !== uri.scheme) return undefined;
  const prefix = `${base.path.replace(/(?<!\/)\/+$/, '')}/`;
  return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
}

/**
 * The name the core sees, as the CLI computes it: relative to the folder of the
 * config file that applies, else to the workspace folder, so `documentKinds`
 * globs mean the same in both.
 */
export function lintFileName(uri: vscode.Uri, file: ConfigFile | undefined, workspaceFolderUri: vscode.Uri | undefined): string {
  const bases = [file ? configFolder(file) : undefined, workspaceFolderUri].filter((base): base is vscode.Uri => !!base);
  for (const base of bases) {
    const relative = relativePath(base, uri);
    if (relative !== undefined) return relative;
  }
  return uri.path;
}
