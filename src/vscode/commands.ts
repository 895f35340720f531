// Command handlers. Each says clearly when it does not apply.
import * as vscode from 'vscode';
import type { ProductKind } from '../core/config.js';
import { RULES } from '../core/rules/index.js';
import type { Finding } from '../core/types.js';
import { COMMANDS, MARKDOWN_LANGUAGE, REPORT_TITLE } from './constants.js';
import { ruleDocsUri, toDiagnostic, toRange } from './convert.js';
import type { LintController } from './controller.js';
import { setKindEdit } from './edits.js';
import { showExplainPage, type ExplainPages } from './explain-pages.js';
import type { Logger } from './logger.js';
import { explainMarkdown, outlineItem } from './presentation.js';
import { computeFixAll } from './providers.js';
import { buildReportHtml, createNonce, parseOpenMessage } from './report-html.js';
import { templatesFromSnippets, type Template } from './templates.js';
import { analyseWorkspace } from './workspace-analysis.js';
import type { WorkspaceDiagnostics } from './workspace-diagnostics.js';

const PREFIX = 'PM/PO Lint:';

export interface CommandContext {
  controller: LintController;
  logger: Logger;
  extensionUri: vscode.Uri;
  workspaceDiagnostics: WorkspaceDiagnostics;
  explainPages: ExplainPages;
}

function info(message: string): void {
  void vscode.window.showInformationMessage(`${PREFIX} ${message}`);
}

/** The active Markdown editor, or undefined after telling the user why the command does not apply. */
function markdownEditor(command: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    info(`"${command}" needs an open Markdown document; open one and run it again.`);
    return undefined;
  }
  if (editor.document.languageId !== MARKDOWN_LANGUAGE) {
    info(`"${command}" works on Markdown documents; the active document is ${editor.document.languageId}.`);
    return undefined;
  }
  return editor;
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [COMMANDS.analyseDocument]: () => analyseDocument(context),
    [COMMANDS.analyseWorkspace]: () => runWorkspaceAnalysis(context),
    [COMMANDS.fixAll]: () => fixAll(context),
    [COMMANDS.setKind]: (kind) => setKind(typeof kind === 'string' ? kind : undefined),
    [COMMANDS.insertTemplate]: (id) => insertTemplate(context, typeof id === 'string' ? id : undefined),
    [COMMANDS.showOutline]: () => showOutline(context),
    [COMMANDS.explainFinding]: () => explainFinding(context),
    [COMMANDS.openRuleDocs]: (ruleId) => openRuleDocs(context, typeof ruleId === 'string' ? ruleId : undefined),
  };
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await handler(...args);
      } catch (error) {
        context.logger.error(`${id} failed: ${(error as Error).stack ?? error}`);
        void vscode.window.showErrorMessage(`${PREFIX} ${id} failed: ${(error as Error).message}. Details are in the "PM/PO Lint" output.`);
      }
    }),
  );
}

async function analyseDocument({ controller }: CommandContext): Promise<void> {
  const editor = markdownEditor('Analyse current document');
  if (!editor) return;
  const state = await controller.lint(editor.document, true);
  if (!state) return;
  if (state.result.skipped) return info(state.result.skipped);
  const count = state.findings.length + state.dropped;
  vscode.window.setStatusBarMessage(`${PREFIX} ${state.result.kind} document, ${count} finding(s)`, 5000);
}

async function fixAll({ controller }: CommandContext): Promise<void> {
  const editor = markdownEditor('Fix all');
  if (!editor) return;
  const { document } = editor;
  const state = await controller.lint(document);
  if (!state?.shown) return info('this document is not a product document, so there is nothing to fix (set its kind, or run "Analyse current document" first).');
  const edit = await computeFixAll(controller, document);
  if (!edit) return info('no safe fixes to apply (suggestions are offered one by one in the lightbulb).');
  const range = new vscode.Range(document.positionAt(edit.range[0]), document.positionAt(edit.range[1]));
  await editor.edit((builder) => builder.replace(range, edit.text));
}

const KIND_CHOICES: { kind: ProductKind; description: string }[] = [
  { kind: 'prd', description: 'Product requirements: why, what and how it is accepted' },
  { kind: 'roadmap', description: 'Themes and outcomes over time horizons' },
  { kind: 'backlog', description: 'User stories, acceptance criteria, estimates' },
  { kind: 'vision', description: 'Vision, market, positioning, business case' },
];

async function setKind(preset?: string): Promise<void> {
  const editor = markdownEditor('Set document kind');
  if (!editor) return;
  const kind =
    KIND_CHOICES.find((choice) => choice.kind === preset)?.kind ??
    (await vscode.window.showQuickPick(KIND_CHOICES.map((choice) => ({ label: choice.kind, description: choice.description })), { placeHolder: 'Document kind (written to the front matter as pmpo.kind)' }))?.label;
  if (!kind) return;
  const document = editor.document;
  const result = setKindEdit(document.getText(), kind as ProductKind);
  if ('error' in result) return void vscode.window.showErrorMessage(`${PREFIX} ${result.error}`);
  const range = new vscode.Range(document.positionAt(result.edit.range[0]), document.positionAt(result.edit.range[1]));
  await editor.edit((builder) => builder.replace(range, result.edit.text));
}

async function loadTemplates({ extensionUri, logger }: CommandContext): Promise<Template[] | undefined> {
  const uri = vscode.Uri.joinPath(extensionUri, 'snippets', 'pmpo-lint.code-snippets');
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    info('the snippets file is missing from the extension; reinstall it.');
    return undefined;
  }
  const parsed = templatesFromSnippets(text);
  if ('error' in parsed) {
    logger.error(parsed.error);
    info(parsed.error);
    return undefined;
  }
  if (parsed.missing.length) logger.error(`snippets missing for templates: ${parsed.missing.join(', ')}`);
  return parsed.templates;
}

/** With a template id (the walkthrough passes one) and no Markdown editor, opens a new untitled document. */
async function insertTemplate(context: CommandContext, presetId?: string): Promise<void> {
  const active = vscode.window.activeTextEditor;
  const editorIsMarkdown = active?.document.languageId === MARKDOWN_LANGUAGE;
  if (!editorIsMarkdown && !presetId) {
    markdownEditor('Insert template');
    return;
  }
  const templates = await loadTemplates(context);
  if (!templates?.length) return;
  const template =
    templates.find((item) => item.id === presetId) ??
    (await vscode.window.showQuickPick(
      templates.map((item) => ({ label: item.label, description: item.prefix, detail: item.description, template: item })),
      { placeHolder: 'Template to insert at the cursor' },
    ))?.template;
  if (!template) return;
  const editor = editorIsMarkdown ? active! : await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: MARKDOWN_LANGUAGE }));
  await editor.insertSnippet(new vscode.SnippetString(template.body));
  // Lets the walkthrough tick "Insert a user story" (and not on the PRD step).
  await vscode.commands.executeCommand('setContext', `pmpoLint.inserted.${template.id}`, true);
}

async function currentState(controller: LintController, document: vscode.TextDocument) {
  return controller.settledState(document);
}

async function showOutline({ controller }: CommandContext): Promise<void> {
  const editor = markdownEditor('Show section outline');
  if (!editor) return;
  const state = await currentState(controller, editor.document);
  if (!state) return;
  if (state.result.skipped) return info(state.result.skipped);
  const items = state.result.sections.map((section) => ({ ...outlineItem(section), line: (section.headingLine ?? section.startLine) - 1 }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Sections of this ${state.result.kind} document and how each is classified`, matchOnDescription: true });
  if (!picked) return;
  const position = new vscode.Position(picked.line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function explainFinding(context: CommandContext): Promise<void> {
  const editor = markdownEditor('Explain finding at cursor');
  if (!editor) return;
  const state = await currentState(context.controller, editor.document);
  const position = editor.selection.active;
  const atCursor = state?.findings.filter((finding) => toRange(finding.range).contains(position)) ?? [];
  const onLine = atCursor.length ? atCursor : (state?.findings.filter((finding) => toRange(finding.range).start.line === position.line) ?? []);
  if (onLine.length === 0) return info('no pmpo-lint finding at the cursor. Put the cursor on a flagged heading or line.');
  const finding = onLine.length === 1 ? onLine[0] : (await vscode.window.showQuickPick(onLine.map((item) => ({ label: item.ruleId, detail: item.message, finding: item }))))?.finding;
  if (!finding) return;
  const docsLink = ruleDocsUri(context.extensionUri, finding.ruleId).toString();
  const name = vscode.workspace.asRelativePath(editor.document.uri, false);
  const uri = context.explainPages.explain(editor.document.uri, finding, (current) => explainMarkdown(current, name, docsLink), name);
  await showExplainPage(uri, (message) => context.logger.verbose(message));
}

async function openRuleDocs({ extensionUri }: CommandContext, presetId?: string): Promise<void> {
  const ruleId = presetId ?? (await vscode.window.showQuickPick(RULES.map((rule) => ({ label: rule.id, detail: rule.description })), { placeHolder: 'Rule whose documentation to open' }))?.label;
  if (!ruleId) return;
  const uri = ruleDocsUri(extensionUri, ruleId);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return info(`no bundled documentation for "${ruleId}".`);
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

async function runWorkspaceAnalysis(context: CommandContext): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) return info('"Analyse workspace" needs an open folder or workspace.');
  const { controller, logger } = context;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${PREFIX} analysing the workspace`, cancellable: true },
    (progress, token) =>
      analyseWorkspace(
        {
          settingsConfig: (uri) => controller.settingsConfigFor(uri),
          resolver: controller.resolver,
          openText: (uri) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.getText(),
          log: (message) => logger.verbose(message),
        },
        progress,
        token,
      ),
  );
  const max = controller.options.maxFindingsPerFile;
  context.workspaceDiagnostics.replaceAll(
    outcome.documents.map((document) => ({
      uri: document.uri,
      diagnostics: document.result.findings.slice(0, max).map((finding: Finding) => toDiagnostic(finding, document.uri, context.extensionUri)),
    })),
  );
  logger.info(`workspace analysis: ${outcome.scanned} Markdown file(s) read, ${outcome.documents.length} product document(s)${outcome.cancelled ? ' (cancelled)' : ''}`);
  showReport(context, outcome.documents, outcome.cancelled ? 'The analysis was cancelled; the report covers the documents analysed so far.' : undefined);
}

let reportPanel: vscode.WebviewPanel | undefined;
let reportListener: vscode.Disposable | undefined;

function showReport(context: CommandContext, documents: Awaited<ReturnType<typeof analyseWorkspace>>['documents'], note?: string): void {
  if (!reportPanel) {
    reportPanel = vscode.window.createWebviewPanel('pmpoLintReport', REPORT_TITLE, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    reportPanel.onDidDispose(() => {
      reportPanel = undefined;
      reportListener?.dispose();
    });
  }
  const panel = reportPanel;
  const reportDocuments = documents.map((document) => ({ name: document.name, kind: document.result.kind, sections: document.result.sections, findings: document.result.findings.slice(0, context.controller.options.maxFindingsPerFile) }));
  panel.webview.html = buildReportHtml({ documents: reportDocuments, nonce: createNonce(), cspSource: panel.webview.cspSource, title: REPORT_TITLE, note });
  reportListener?.dispose();
  reportListener = panel.webview.onDidReceiveMessage(async (message: unknown) => {
    const target = parseOpenMessage(message, documents.length);
    if (!target) return;
    const position = new vscode.Position(target.line - 1, 0);
    await vscode.window.showTextDocument(documents[target.doc].uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
  });
  panel.reveal();
}
