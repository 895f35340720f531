// Code actions, hover and CodeLens over the controller's latest results.
import * as vscode from 'vscode';
import { FIX_ALL_KIND, toCodeActions } from './code-actions.js';
import { COMMANDS } from './constants.js';
import { ruleDocsUri, toRange } from './convert.js';
import type { DocumentState, LintController } from './controller.js';
import { fixAllText, minimalReplacement } from './edits.js';
import { getLintRunner } from './lint-runner.js';
import { codeLensTitle, hoverMarkdown } from './presentation.js';
import { commonPrefixLength } from '../core/text.js';
import type { SectionReport, TextEdit } from '../core/types.js';

/** The edit "Fix all" makes to a document now, or undefined (nothing to fix, or not a shown product document). */
export async function computeFixAll(controller: LintController, document: vscode.TextDocument): Promise<TextEdit | undefined> {
  const state = controller.state(document) ?? (await controller.lint(document));
  if (!state?.shown) return undefined;
  const { config, fileName } = await controller.configFor(document.uri);
  const key = document.uri.toString();
  const before = document.getText();
  const lintText = async (text: string) => (await getLintRunner().lint({ key, text, fileName, config })).findings;
  const { text } = await fixAllText(before, lintText);
  return minimalReplacement(before, text);
}

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];
  constructor(private readonly controller: LintController) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const hasFixes = this.controller.state(document)?.findings.some((finding) => finding.fix) ?? false;
    const wantsFixAll = context.only ? context.only.intersects(FIX_ALL_KIND) : hasFixes;
    const fixAll = wantsFixAll ? await computeFixAll(this.controller, document) : undefined;
    const current = this.controller.state(document);
    return toCodeActions({ document, findings: current?.findings ?? [], range, diagnostics: context.diagnostics, only: context.only, fixAll });
  }
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly controller: LintController,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const findings = this.controller.state(document)?.findings.filter((finding) => toRange(finding.range).contains(position)) ?? [];
    if (findings.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(findings, (ruleId) => ruleDocsUri(this.extensionUri, ruleId).toString()));
    return new vscode.Hover(markdown, toRange(findings[0].range));
  }
}

export class CodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;
  constructor(private readonly controller: LintController) {
    this.onDidChangeCodeLenses = (listener, thisArgs, disposables) => controller.onDidChangeResults(() => listener.call(thisArgs), undefined, disposables);
  }

  async provideCodeLenses(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.controller.options.codeLens) return [];
    // While typing, the previous lenses stay until the debounced lint lands (no flicker);
    // a document with no result yet (just opened) waits for its first lint instead of
    // answering "no lenses", which the editor might keep.
    const state = this.controller.state(document) ?? this.controller.lastState(document.uri) ?? (await this.controller.settledState(document));
    if (!state?.shown || token?.isCancellationRequested) return [];
    return sectionLenses(state, document);
  }
}

function sectionLenses(state: DocumentState, document: vscode.TextDocument): vscode.CodeLens[] {
  const headingLineNow = state.version === document.version ? (section: SectionReport) => section.headingLine : movedHeadingLine(state, document);
  return state.result.sections.flatMap((section) => {
    const headingLine = headingLineNow(section);
    if (headingLine === null) return [];
    return [new vscode.CodeLens(new vscode.Range(headingLine - 1, 0, headingLine - 1, 0), {
      title: `PM/PO: ${codeLensTitle(section)}`,
      tooltip: 'How pmpo-lint classifies this section. Click for the outline of every section.',
      command: COMMANDS.showOutline,
    })];
  });
}

/**
 * Where a heading of an older version's result stands in the document now:
 * on its old line when it starts before the first changed character, else
 * moved by the lines added or removed since; and only if that line still
 * holds the heading. A lens is never put on a line that does not hold its
 * heading: the editor keeps and caches what it is given.
 */
function movedHeadingLine(state: DocumentState, document: vscode.TextDocument): (section: SectionReport) => number | null {
  const delta = document.lineCount - state.lineCount;
  const unchangedUpTo = commonPrefixLength(state.text, document.getText());
  return (section) => {
    if (section.headingLine === null) return null;
    const line = section.startOffset < unchangedUpTo ? section.headingLine : section.headingLine + delta;
    const holdsHeading = line >= 1 && line <= document.lineCount && document.lineAt(line - 1).text === lineAround(state.text, section.startOffset);
    return holdsHeading ? line : null;
  };
}

/** The whole line holding `offset`, without its line break. */
function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}
