// The life cycle of live diagnostics: lint on open / change (debounced) /
// save / config change, drop stale results, clear on close.
import * as vscode from 'vscode';
import type { Config } from '../core/config.js';
import type { Finding } from '../core/types.js';
import { configProblemDiagnostics, ConfigFileResolver, ConfigFolderWatchers, layerConfigs, lintFileName, readWithWorkspaceFs, type ConfigFile } from './config-files.js';
import { IGNORED_SCHEMES, MARKDOWN_LANGUAGE, SETTINGS_SECTION, SOURCE } from './constants.js';
import { capFindings, toDiagnostic } from './convert.js';
import { getLintRunner, type LintFailure, type LintReply } from './lint-runner.js';
import type { Logger } from './logger.js';
import { shouldShow } from './presentation.js';
import { Debouncer, Generations } from './scheduler.js';
import { readEditorOptions, readSettingsConfig, type EditorOptions } from './settings.js';

export interface DocumentState {
  version: number;
  result: LintReply;
  /** Findings shown (after the cap); empty when the document is not shown. */
  findings: Finding[];
  dropped: number;
  shown: boolean;
  configError: boolean;
  /** The text that was linted and its line count: where the result's lines point. */
  text: string;
  lineCount: number;
}

/** How many superseded lints settledState waits through before it gives up (the user keeps typing). */
const MAX_SETTLE_ATTEMPTS = 5;

export function isLintable(document: vscode.TextDocument): boolean {
  return document.languageId === MARKDOWN_LANGUAGE && !IGNORED_SCHEMES.has(document.uri.scheme);
}

/** The one diagnostic of a document that could not be linted (its lint timed out or crashed its worker), at line 1. */
function failureDiagnostic(failure: LintFailure): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), failure.message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = SOURCE;
  return diagnostic;
}

export class LintController implements vscode.Disposable {
  readonly live = vscode.languages.createDiagnosticCollection('pmpo-lint');
  readonly configDiagnostics = vscode.languages.createDiagnosticCollection('pmpo-lint-config');
  /** Config files above the workspace folders (the glob watcher in activate covers the ones inside). */
  private readonly configWatchers = new ConfigFolderWatchers((uri) => this.configFileChanged(uri), (message) => this.logger.error(message));
  readonly resolver = new ConfigFileResolver(readWithWorkspaceFs, (directory) => this.configWatchers.watch(directory));
  private readonly states = new Map<string, DocumentState>();
  private readonly forced = new Set<string>();
  private readonly debouncer = new Debouncer();
  private readonly generations = new Generations();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly reportedConfigProblems = new Set<string>();
  readonly onDidChangeResults = this.changed.event;
  options: EditorOptions;
  private readonly reportedSettingProblems = new Set<string>();
  private readonly lastNote = new Map<string, string>();
  /** The newest lint started per document, until it settles. */
  private readonly inFlight = new Map<string, Promise<DocumentState | undefined>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
  ) {
    this.options = this.reloadSettings();
  }

  reloadSettings(): EditorOptions {
    const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    this.options = readEditorOptions((key) => settings.get(key));
    this.logger.level = this.options.trace;
    this.reportedSettingProblems.clear();
    return this.options;
  }

  /** The settings layer for a resource (folder settings apply in multi-root workspaces). */
  settingsConfigFor(uri: vscode.Uri | undefined): Config {
    const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
    const { config, problems } = readSettingsConfig((key) => settings.get(key));
    for (const problem of problems) {
      if (this.reportedSettingProblems.has(problem)) continue;
      this.reportedSettingProblems.add(problem);
      this.logger.error(problem);
    }
    return config;
  }

  state(document: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(document.uri.toString());
    return state && state.version === document.version ? state : undefined;
  }

  /** Any state, even of an older version (for the status bar while typing). */
  lastState(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  /** The merged layers below front matter for a document, and the file name core should see. */
  async configFor(uri: vscode.Uri): Promise<{ config: Config; file?: ConfigFile; fileName: string }> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = uri.scheme === 'untitled' ? undefined : await this.resolver.nearest(uri);
    if (file?.problems.length) this.reportConfigProblems(file);
    return { config: layerConfigs(this.settingsConfigFor(uri), file), file, fileName: lintFileName(uri, file, folder?.uri) };
  }

  private reportConfigProblems(file: ConfigFile): void {
    this.configDiagnostics.set(file.uri, configProblemDiagnostics(file.problems));
    const key = `${file.uri.toString()}\u0000${JSON.stringify(file.problems)}`;
    if (this.reportedConfigProblems.has(key)) return;
    this.reportedConfigProblems.add(key);
    for (const problem of file.problems) this.logger.error(`${file.uri.toString(true)}:${problem.line}:${problem.column}: ${problem.message} (file ignored)`);
  }

  /** A config file changed: forget cached files and their problems, re-lint everything open. */
  configFileChanged(uri: vscode.Uri): void {
    this.logger.info(`config file changed: ${uri.toString(true)}`);
    this.resolver.invalidate();
    this.configDiagnostics.delete(uri);
    this.reportedConfigProblems.clear();
    this.relintAll();
  }

  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) if (isLintable(document)) void this.lint(document);
  }

  schedule(document: vscode.TextDocument): void {
    if (!isLintable(document) || this.options.run !== 'onType') return;
    this.debouncer.schedule(document.uri.toString(), this.options.debounceMs, () => void this.lint(document));
  }

  /**
   * The state of the document's current version, waiting for lints in flight
   * (a newer lint may supersede the awaited one) or linting now if none is.
   * Providers asked right after a document opens use it, so they never answer
   * "nothing" only because the first lint has not finished yet.
   */
  async settledState(document: vscode.TextDocument): Promise<DocumentState | undefined> {
    const key = document.uri.toString();
    for (let attempt = 0; attempt < MAX_SETTLE_ATTEMPTS; attempt++) {
      const current = this.state(document);
      if (current || document.isClosed) return current;
      await (this.inFlight.get(key) ?? this.lint(document));
    }
    return this.state(document);
  }

  /** Lints now. `force` shows findings whatever the document kind ("Analyse current document"). */
  lint(document: vscode.TextDocument, force = false): Promise<DocumentState | undefined> {
    if (!isLintable(document) && !force) return Promise.resolve(undefined);
    const key = document.uri.toString();
    const running = this.runLint(document, force);
    this.inFlight.set(key, running);
    const settle = () => {
      if (this.inFlight.get(key) === running) this.inFlight.delete(key);
    };
    void running.then(settle, settle);
    return running;
  }

  private async runLint(document: vscode.TextDocument, force: boolean): Promise<DocumentState | undefined> {
    const key = document.uri.toString();
    if (force) this.forced.add(key);
    this.debouncer.cancel(key);
    const generation = this.generations.next(key);
    const started = Date.now();
    try {
      const { config, file, fileName } = await this.configFor(document.uri);
      // Read together after the await: the version names exactly the text linted.
      const linted = { version: document.version, text: document.getText(), lineCount: document.lineCount };
      const result = await getLintRunner().lint({ key, text: linted.text, fileName, config });
      if (!this.generations.isCurrent(key, generation) || document.isClosed) {
        this.logger.verbose(`dropped a stale result for ${key}`);
        return undefined;
      }
      const state = this.publish(document, linted, result, !!file?.problems.length);
      this.logger.verbose(`linted ${key} (v${linted.version}) in ${Date.now() - started} ms: kind ${result.kind} (${result.kindSource}), ${result.findings.length} finding(s)${state.shown ? '' : ', not shown'}`);
      return state;
    } catch (error) {
      this.logger.error(`linting ${key} failed: ${(error as Error).stack ?? error}`);
      return undefined;
    }
  }

  private publish(document: vscode.TextDocument, linted: Pick<DocumentState, 'version' | 'text' | 'lineCount'>, result: LintReply, configError: boolean): DocumentState {
    const key = document.uri.toString();
    const { failure } = result;
    // A failure is shown whatever the kind: it says why the document has no findings.
    const shown = !!failure || shouldShow(result, this.options.onlyProductDocuments, this.forced.has(key));
    const { findings, dropped } = shown ? capFindings(result.findings, this.options.maxFindingsPerFile) : { findings: [], dropped: 0 };
    const notes = [
      dropped ? `${dropped} finding(s) over pmpoLint.maxFindingsPerFile (${this.options.maxFindingsPerFile}) not shown` : '',
      result.skipped ?? '',
      !shown && result.kind === 'unknown' ? 'not a product document (kind unknown), so it stays silent; set a kind or run "Analyse current document"' : '',
    ].filter(Boolean);
    this.logOnce(key, notes.join('; '), failure ? 'error' : 'info');
    this.live.set(document.uri, failure ? [failureDiagnostic(failure)] : findings.map((finding) => toDiagnostic(finding, document.uri, this.extensionUri)));
    const state: DocumentState = { ...linted, result, findings, dropped, shown, configError };
    this.states.set(key, state);
    this.changed.fire(document.uri);
    return state;
  }

  /** Says why a document is silent, capped or not linted once, not on every keystroke. */
  private logOnce(key: string, note: string, level: 'error' | 'info'): void {
    if (this.lastNote.get(key) === note) return;
    this.lastNote.set(key, note);
    if (note) this.logger[level](`${key}: ${note}`);
  }

  close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.lastNote.delete(key);
    this.debouncer.cancel(key);
    this.generations.forget(key);
    this.states.delete(key);
    this.forced.delete(key);
    this.inFlight.delete(key);
    this.live.delete(document.uri);
    getLintRunner().forget(key);
    this.changed.fire(document.uri);
  }

  dispose(): void {
    this.debouncer.dispose();
    this.configWatchers.dispose();
    this.live.dispose();
    this.configDiagnostics.dispose();
    this.changed.dispose();
  }
}
