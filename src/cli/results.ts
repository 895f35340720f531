// The ESLint-shaped results every formatter starts from (DESIGN "CLI output").
import type { Finding, Severity, TextEdit } from '../core/types.js';
import type { FileReport } from './lint-files.js';

export interface CliEvidence {
  side: string;
  cueId: string;
  line: number;
  text: string;
}

export interface CliRelated {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface CliMessage {
  /** null for a file that was skipped (too large, binary, not UTF-8). */
  ruleId: string | null;
  severity: 1 | 2;
  level: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  url?: string;
  evidence?: CliEvidence[];
  related?: CliRelated[];
  fix?: TextEdit;
  suggestions?: { desc: string; fix: TextEdit }[];
}

export interface CliFileResult {
  filePath: string;
  messages: CliMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface ResultOptions {
  /** --quiet: errors only. */
  quiet: boolean;
}

export function toCliResults(reports: readonly FileReport[], options: ResultOptions): CliFileResult[] {
  return reports.map((report) => {
    const all = report.result.skipped ? [skippedMessage(report.result.skipped)] : report.result.findings.map(toMessage);
    const messages = options.quiet ? all.filter((message) => message.level === 'error') : all;
    return { filePath: report.filePath, messages, ...countLevels(messages) };
  });
}

function toMessage(finding: Finding): CliMessage {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    level: finding.severity,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    url: finding.url,
    evidence: finding.evidence.map(({ side, cueId, line, text }) => ({ side, cueId, line, text })),
    related: finding.related.map(({ range, message }) => ({ line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column, message })),
    ...(finding.fix ? { fix: { range: finding.fix.range, text: finding.fix.text } } : {}),
    ...(finding.suggestions?.length ? { suggestions: finding.suggestions.map(({ desc, fix }) => ({ desc, fix: { range: fix.range, text: fix.text } })) } : {}),
  };
}

function skippedMessage(reason: string): CliMessage {
  return { ruleId: null, severity: 1, level: 'warning', message: reason, line: 1, column: 1 };
}

function countLevels(messages: readonly CliMessage[]) {
  const count = (level: Severity) => messages.filter((message) => message.level === level).length;
  return { errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') };
}

/** 0 clean or warnings within the limit; 1 an error or too many warnings. Skipped-file notices never count. */
export function exitCodeFor(results: readonly CliFileResult[], maxWarnings: number | undefined): 0 | 1 {
  const findings = results.flatMap((result) => result.messages.filter((message) => message.ruleId !== null));
  if (findings.some((message) => message.level === 'error')) return 1;
  const warnings = findings.filter((message) => message.level === 'warning').length;
  return maxWarnings !== undefined && warnings > maxWarnings ? 1 : 0;
}
