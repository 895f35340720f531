// Findings to code actions: the rule's fix, its suggestions, disable comments,
// the docs link, and the "fix all" source action.
import * as vscode from 'vscode';
import type { Finding, Suggestion, TextEdit } from '../core/types.js';
import { COMMANDS } from './constants.js';
import { ruleIdOf, toRange } from './convert.js';
import { disableFileEdit, disableLineEdit } from './edits.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pmpo-lint');

/** The part of a TextDocument the conversions need. */
export interface EditableDocument {
  uri: vscode.Uri;
  getText(): string;
  positionAt(offset: number): vscode.Position;
}

export function toVsTextEdit(document: EditableDocument, edit: TextEdit): vscode.TextEdit {
  const range = new vscode.Range(document.positionAt(edit.range[0]), document.positionAt(edit.range[1]));
  return vscode.TextEdit.replace(range, edit.text);
}

function workspaceEdit(document: EditableDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits.map((item) => toVsTextEdit(document, item)));
  return edit;
}

function suggestionEdit(document: EditableDocument, suggestion: Suggestion): vscode.WorkspaceEdit {
  if (suggestion.snippet === undefined) return workspaceEdit(document, [suggestion.fix]);
  const [start, end] = suggestion.fix.range;
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [vscode.SnippetTextEdit.replace(range, new vscode.SnippetString(suggestion.snippet))]);
  return edit;
}

function matchingDiagnostics(finding: Finding, diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  const range = toRange(finding.range);
  return diagnostics.filter((diagnostic) => ruleIdOf(diagnostic) === finding.ruleId && diagnostic.range.start.isEqual(range.start));
}

export interface CodeActionInput {
  document: EditableDocument;
  /** Findings of the current document version (offsets must match the text). */
  findings: readonly Finding[];
  range: vscode.Range;
  diagnostics: readonly vscode.Diagnostic[];
  only?: vscode.CodeActionKind;
  /** The whole-document edit of "Fix all", when there is something to fix. */
  fixAll?: TextEdit;
}

export function toCodeActions(input: CodeActionInput): vscode.CodeAction[] {
  const wantsQuickFix = !input.only || input.only.intersects(vscode.CodeActionKind.QuickFix);
  const actions: vscode.CodeAction[] = [];
  if (wantsQuickFix) {
    const seen = new Set<string>();
    for (const finding of input.findings) {
      if (!toRange(finding.range).intersection(input.range)) continue;
      for (const action of findingActions(input, finding)) {
        if (seen.has(action.title)) continue;
        seen.add(action.title);
        actions.push(action);
      }
    }
  }
  if (input.fixAll && (!input.only || input.only.intersects(FIX_ALL_KIND))) actions.push(fixAllAction(input.document, input.fixAll));
  return actions;
}

function findingActions(input: CodeActionInput, finding: Finding): vscode.CodeAction[] {
  const { document } = input;
  const diagnostics = matchingDiagnostics(finding, input.diagnostics);
  const text = document.getText();
  const quickFix = (title: string, edit?: vscode.WorkspaceEdit) => {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = diagnostics;
    if (edit) action.edit = edit;
    return action;
  };
  const actions: vscode.CodeAction[] = [];
  if (finding.fix) {
    const action = quickFix(`Fix: ${firstSentence(finding.message)}`, workspaceEdit(document, [finding.fix]));
    action.isPreferred = true;
    actions.push(action);
  }
  for (const suggestion of finding.suggestions ?? []) actions.push(quickFix(suggestion.desc, suggestionEdit(document, suggestion)));
  const lineEdit = disableLineEdit(text, finding);
  if (lineEdit) actions.push(quickFix(`Disable ${finding.ruleId} for this line`, workspaceEdit(document, [lineEdit])));
  actions.push(quickFix(`Disable ${finding.ruleId} for this file`, workspaceEdit(document, [disableFileEdit(text, finding.ruleId)])));
  const docs = quickFix(`Show documentation for ${finding.ruleId}`);
  docs.command = { command: COMMANDS.openRuleDocs, title: docs.title, arguments: [finding.ruleId] };
  actions.push(docs);
  return actions;
}

function fixAllAction(document: EditableDocument, edit: TextEdit): vscode.CodeAction {
  const action = new vscode.CodeAction('Fix all pmpo-lint problems', FIX_ALL_KIND);
  action.edit = workspaceEdit(document, [edit]);
  return action;
}

function firstSentence(message: string): string {
  const cut = message.search(/[.;:](\s|$)/);
  const sentence = cut === -1 ? message : message.slice(0, cut);
  return sentence.length > 80 ? `${sentence.slice(0, 79)}…` : sentence;
}
