// "Analyse workspace": every Markdown product document, honouring files.exclude
// (findFiles), `ignores` and .gitignore, cancellable, one document at a time.
import * as vscode from 'vscode';
import type { Config } from '../core/config.js';
import { crossDocumentFindings } from '../core/cross-document.js';
import type { Finding, LintResult } from '../core/types.js';
import type { ConfigFileResolver } from './config-files.js';
import { configFolder, layerConfigs, lintFileName, relativePath } from './config-files.js';
import { gitignoreScope, globScope, isIgnored, type IgnoreScope } from './ignores.js';
import { getLintRunner } from './lint-runner.js';

export interface AnalysedDocument {
  uri: vscode.Uri;
  /** Workspace-relative path (prefixed with the folder name in multi-root workspaces); unique per analysis. */
  name: string;
  text: string;
  result: LintResult;
  /** The layers below front matter the document was linted with (for a rule's severity). */
  config: Config;
}

/**
 * Rules that look across documents (story-unique: the same story in two
 * backlogs). A check returns extra findings keyed by AnalysedDocument.name;
 * each runs after every document was linted.
 */
export type CrossDocumentCheck = (documents: readonly AnalysedDocument[]) => Map<string, Finding[]>;
export const crossDocumentChecks: CrossDocumentCheck[] = [
  (documents) => crossDocumentFindings(documents.map((document) => ({ fileName: document.name, text: document.text, result: document.result, config: document.config }))),
];

export function runCrossDocumentChecks(documents: readonly AnalysedDocument[]): void {
  for (const check of crossDocumentChecks) {
    const extra = check(documents);
    for (const document of documents) {
      const findings = extra.get(document.name);
      if (findings?.length) document.result = { ...document.result, findings: [...document.result.findings, ...findings] };
    }
  }
}

export interface AnalysisContext {
  /** The `pmpoLint.*` settings layer for a resource. */
  settingsConfig(uri: vscode.Uri): Config;
  resolver: ConfigFileResolver;
  /** Open documents' unsaved text wins over the file on disk. */
  openText(uri: vscode.Uri): string | undefined;
  log(message: string): void;
}

export interface AnalysisOutcome {
  documents: AnalysedDocument[];
  scanned: number;
  cancelled: boolean;
}

const MARKDOWN_GLOB = '**/*.{md,markdown}';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function gitignoreScopes(folder: vscode.WorkspaceFolder): Promise<IgnoreScope[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), '**/node_modules/**');
  const scopes: IgnoreScope[] = [];
  for (const file of files) {
    const text = await readText(file);
    if (text === undefined) continue;
    const base = vscode.workspace.asRelativePath(file, false).replace(/(^|\/)\.gitignore$/, '');
    scopes.push(gitignoreScope(base, text));
  }
  return scopes;
}

function relativeTo(base: vscode.Uri, uri: vscode.Uri): string {
  const prefix = `${base.path.replace(/(?<!\/)\/+$/, '')}/`;
  return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : uri.path;
}

export async function analyseWorkspace(context: AnalysisContext, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<AnalysisOutcome> {
  const documents: AnalysedDocument[] = [];
  let scanned = 0;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (token.isCancellationRequested) break;
    const settings = context.settingsConfig(folder.uri);
    const scopes = [globScope('', settings.ignores ?? []), ...(await gitignoreScopes(folder))];
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_GLOB), undefined, undefined, token);
    files.sort((a, b) => a.path.localeCompare(b.path));
    for (const uri of files) {
      if (token.isCancellationRequested) break;
      const name = relativeTo(folder.uri, uri);
      progress.report({ message: name, increment: 100 / Math.max(1, files.length) / Math.max(1, vscode.workspace.workspaceFolders!.length) });
      const configFile = await context.resolver.nearest(uri);
      // Relative to the config file's folder, as in the CLI (it may sit above the workspace folder).
      const ignoredByConfig = !!configFile?.config.ignores?.length && isIgnored(relativePath(configFolder(configFile), uri) ?? name, [globScope('', configFile.config.ignores)]);
      if (ignoredByConfig || isIgnored(name, scopes)) {
        context.log(`workspace analysis: ignored ${name}`);
        continue;
      }
      const text = context.openText(uri) ?? (await readText(uri));
      if (text === undefined) continue;
      scanned++;
      const key = `workspace:${uri.toString()}`;
      const config = layerConfigs(context.settingsConfig(uri), configFile);
      const result = await getLintRunner().lint({ key, text, fileName: lintFileName(uri, configFile, folder.uri), config });
      getLintRunner().forget(key);
      if (result.skipped) context.log(`workspace analysis: ${name}: ${result.skipped}`);
      if (result.skipped || result.kind === 'unknown') continue;
      documents.push({ uri, name: vscode.workspace.workspaceFolders!.length > 1 ? `${folder.name}/${name}` : name, text, result, config });
    }
  }
  runCrossDocumentChecks(documents);
  return { documents, scanned, cancelled: token.isCancellationRequested };
}
