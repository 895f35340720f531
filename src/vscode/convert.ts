// Core shapes (1-based lines and columns) to VS Code shapes (0-based).
import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../core/types.js';
import { SOURCE } from './constants.js';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITIES[severity] ?? vscode.DiagnosticSeverity.Warning;
}

/** The bundled docs page of a rule: works offline, in untrusted workspaces and on vscode.dev. */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export function toDiagnostic(finding: Finding, documentUri: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
  diagnostic.source = SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(extensionUri, finding.ruleId) };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(documentUri, toRange(related.range)), related.message),
    );
  }
  if (finding.ruleId === 'unused-disable') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

export interface CappedFindings {
  findings: Finding[];
  dropped: number;
}

/** Keeps the first `max` findings (they are sorted by position), so a pathological file cannot flood Problems. */
export function capFindings(findings: readonly Finding[], max: number): CappedFindings {
  const limit = Math.max(0, Math.floor(max));
  return { findings: findings.slice(0, limit), dropped: Math.max(0, findings.length - limit) };
}

/** The rule id a diagnostic carries, for diagnostics this extension made. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
