// "Analyse workspace": every Markdown product document, honouring files.exclude
// (findFiles), `ignores` and .gitignore, cancellable. Files are read in
// path order and linted through the lint runner, as many at once as it runs
// (two worker threads on the desktop); results keep the path order.
import * as vscode from 'vscode';
import type { Config } from '../core/config.js';
import { crossDocumentFindings } from '../core/cross-document.js';
import type { StoryAsk } from '../core/rules/story-unique.js';
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
  /** Its stories, found where it was linted (the checks across documents need not parse it again). */
  stories?: StoryAsk[];
}

/**
 * Rules that look across documents (story-unique: the same story in two
 * backlogs). A check returns extra findings keyed by AnalysedDocument.name;
 * each runs after every document was linted.
 */
export type CrossDocumentCheck = (documents: readonly AnalysedDocument[]) => Map<string, Finding[]>;
export const crossDocumentChecks: CrossDocumentCheck[] = [
  (documents) => crossDocumentFindings(documents.map((document) => ({ fileName: document.name, text: document.text, result: document.result, config: document.config, asks: document.stories }))),
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

/** Below this many files a folder is linted one file at a time: a second worker's start-up would cost more than it saves. */
export const PARALLEL_THRESHOLD = 8;

interface Candidate {
  uri: vscode.Uri;
  name: string;
  text: string;
  fileName: string;
  config: Config;
}

export async function analyseWorkspace(context: AnalysisContext, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<AnalysisOutcome> {
  const cancellation = new AbortController();
  const listener = token.onCancellationRequested(() => cancellation.abort());
  const cancelled = new Promise<void>((resolve) => cancellation.signal.addEventListener('abort', () => resolve(), { once: true }));
  const slots: (AnalysedDocument | undefined)[] = [];
  let scanned = 0;
  const folders = vscode.workspace.workspaceFolders ?? [];
  try {
    for (const folder of folders) {
      if (token.isCancellationRequested) break;
      const settings = context.settingsConfig(folder.uri);
      const scopes = [globScope('', settings.ignores ?? []), ...(await gitignoreScopes(folder))];
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_GLOB), undefined, undefined, token);
      files.sort((a, b) => a.path.localeCompare(b.path));
      const parallelism = files.length >= PARALLEL_THRESHOLD ? Math.max(1, getLintRunner().parallelism ?? 1) : 1;
      const running = new Set<Promise<void>>();
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        const name = relativeTo(folder.uri, uri);
        progress.report({ message: name, increment: 100 / Math.max(1, files.length) / Math.max(1, folders.length) });
        const candidate = await readCandidate(context, folder, uri, name, scopes);
        if (!candidate) continue;
        scanned++;
        const slot = slots.push(undefined) - 1;
        const job = lintCandidate(context, candidate, folders.length > 1 ? `${folder.name}/${name}` : name, cancellation.signal).then((document) => {
          slots[slot] = document;
        });
        running.add(job);
        void job.then(() => running.delete(job));
        // Keep as many lints in flight as the runner runs at once; stop waiting the moment the user cancels.
        if (running.size >= parallelism) await Promise.race([...running, cancelled]);
      }
      await Promise.race([Promise.all(running), cancelled]);
    }
  } finally {
    listener.dispose();
  }
  const documents = slots.filter((document): document is AnalysedDocument => document !== undefined);
  const wasCancelled = token.isCancellationRequested || cancellation.signal.aborted;
  runCrossDocumentChecks(documents);
  return { documents, scanned, cancelled: wasCancelled };
}

/** The file's text and layers, or undefined when it is ignored or unreadable. */
async function readCandidate(context: AnalysisContext, folder: vscode.WorkspaceFolder, uri: vscode.Uri, name: string, scopes: IgnoreScope[]): Promise<Candidate | undefined> {
  const configFile = await context.resolver.nearest(uri);
  // Relative to the config file's folder, as in the CLI (it may sit above the workspace folder).
  const ignoredByConfig = !!configFile?.config.ignores?.length && isIgnored(relativePath(configFolder(configFile), uri) ?? name, [globScope('', configFile.config.ignores)]);
  if (ignoredByConfig || isIgnored(name, scopes)) {
    context.log(`workspace analysis: ignored ${name}`);
    return undefined;
  }
  const text = context.openText(uri) ?? (await readText(uri));
  if (text === undefined) return undefined;
  return { uri, name, text, fileName: lintFileName(uri, configFile, folder.uri), config: layerConfigs(context.settingsConfig(uri), configFile) };
}

/** Lints one file; a product document comes back, anything else (skipped, unknown kind, failed, cancelled) does not. */
async function lintCandidate(context: AnalysisContext, candidate: Candidate, name: string, signal: AbortSignal): Promise<AnalysedDocument | undefined> {
  const runner = getLintRunner();
  const key = `workspace:${candidate.uri.toString()}`;
  try {
    const { stories, ...result } = await runner.lint({ key, text: candidate.text, fileName: candidate.fileName, config: candidate.config, stories: true, signal });
    if (result.skipped) context.log(`workspace analysis: ${candidate.name}: ${result.skipped}`);
    if (result.skipped || result.kind === 'unknown' || signal.aborted) return undefined;
    return { uri: candidate.uri, name, text: candidate.text, result, config: candidate.config, stories };
  } catch (error) {
    if (!signal.aborted) context.log(`workspace analysis: linting ${candidate.name} failed: ${(error as Error).message}`);
    return undefined;
  } finally {
    runner.forget(key);
  }
}
