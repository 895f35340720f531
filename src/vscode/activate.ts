// Wires the adapter into VS Code: events, providers, commands, status bar.
// Shared by the node entry (extension.ts) and the web entry (web.ts).
import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { CONFIG_FILE_GLOB, EXPLAIN_SCHEME, MARKDOWN_LANGUAGE, OUTPUT_CHANNEL, SETTINGS_SECTION } from './constants.js';
import { isLintable, LintController } from './controller.js';
import { ExplainPages } from './explain-pages.js';
import { createInProcessRunner, setLintRunner, type LintRunner } from './lint-runner.js';
import { Logger } from './logger.js';
import { statusStateOf, statusText } from './presentation.js';
import { CodeActionProvider, CodeLensProvider, HoverProvider } from './providers.js';
import { WorkspaceDiagnostics } from './workspace-diagnostics.js';

const MARKDOWN: vscode.DocumentSelector = { language: MARKDOWN_LANGUAGE };

/** The desktop entry passes a worker-backed lint runner (it logs to the output channel); the web entry lints in process. */
export type RunnerFactory = (logger: Logger) => LintRunner & vscode.Disposable;

export function activate(context: vscode.ExtensionContext, createRunner?: RunnerFactory): void {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
  const logger = new Logger((line) => output.appendLine(line));
  if (createRunner) {
    const runner = createRunner(logger);
    setLintRunner(runner);
    context.subscriptions.push(runner, { dispose: () => setLintRunner(createInProcessRunner()) });
  }
  const controller = new LintController(context.extensionUri, logger);
  const workspaceCollection = vscode.languages.createDiagnosticCollection('pmpo-lint-workspace');
  const workspaceDiagnostics = new WorkspaceDiagnostics(workspaceCollection);
  const explainPages = new ExplainPages();
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'workbench.actions.view.problems';
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);

  const updateStatus = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLintable(document)) return status.hide();
    const state = controller.lastState(document.uri);
    if (!state) return status.hide();
    const { text, tooltip } = statusText(statusStateOf(state));
    status.text = text;
    status.tooltip = tooltip;
    status.show();
  };

  context.subscriptions.push(
    output,
    controller,
    workspaceCollection,
    status,
    watcher,
    controller.onDidChangeResults(updateStatus),
    controller.onDidChangeResults((uri) => explainPages.documentChanged(uri, controller.lastState(uri)?.findings)),
    controller.onDidChangeResults((uri) => (controller.lastState(uri)?.shown ? workspaceDiagnostics.liveOpened(uri) : workspaceDiagnostics.liveClosed(uri))),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidOpenTextDocument((document) => void controller.lint(document)),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && controller.schedule(event.document)),
    vscode.workspace.onDidSaveTextDocument((document) => void controller.lint(document)),
    vscode.workspace.onDidCloseTextDocument((document) => controller.close(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      controller.reloadSettings();
      controller.relintAll();
    }),
    watcher.onDidCreate((uri) => controller.configFileChanged(uri)),
    watcher.onDidChange((uri) => controller.configFileChanged(uri)),
    watcher.onDidDelete((uri) => controller.configFileChanged(uri)),
    explainPages,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explainPages),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CodeActionProvider(controller), { providedCodeActionKinds: CodeActionProvider.kinds }),
    vscode.languages.registerHoverProvider(MARKDOWN, new HoverProvider(controller, context.extensionUri)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new CodeLensProvider(controller)),
    ...registerCommands({ controller, logger, extensionUri: context.extensionUri, workspaceDiagnostics, explainPages }),
  );

  logger.info(`activated (${typeof navigator !== 'undefined' && !('process' in globalThis) ? 'web' : 'desktop'})`);
  for (const document of vscode.workspace.textDocuments) void controller.lint(document);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
