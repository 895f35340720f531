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
  /** Only on a skipped file's notice, false: ESLint's shape for a file it did not lint that is not an error (its ignored-file warning). */
  fatal?: false;
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

/** ESLint's LintResult counts, over the messages listed: severity 2 is an error, severity 1 a warning (info findings and skipped-file notices included). */
export interface CliFileResult {
  filePath: string;
  messages: CliMessage[];
  errorCount: number;
  /** Always 0: a file pmpo-lint cannot read is skipped with a warning, never a fatal error. */
  fatalErrorCount: number;
  /** Every severity-1 message: warnings, info findings and a skipped file's notice. */
  warningCount: number;
  /** How many of the severity-1 messages are info findings. */
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export interface ResultOptions {
  /** --quiet: errors only. */
  quiet: boolean;
}

export function toCliResults(reports: readonly FileReport[], options: ResultOptions): CliFileResult[] {
  return reports.map((report) => {
    const all = report.result.skipped ? [skippedMessage(report.result.skipped)] : report.result.findings.map(toMessage);
    const messages = options.quiet ? all.filter((message) => message.severity === 2) : all;
    return { filePath: report.filePath, messages, ...countMessages(messages) };
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
  return { ruleId: null, fatal: false, severity: 1, level: 'warning', message: reason, line: 1, column: 1 };
}

function countMessages(messages: readonly CliMessage[]) {
  const count = (keep: (message: CliMessage) => boolean) => messages.filter(keep).length;
  return {
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: 0,
    warningCount: count((message) => message.severity === 1),
    infoCount: count((message) => message.level === 'info'),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

export interface Verdict {
  code: 0 | 1;
  /** Set when the exit code is 1 only because of --max-warnings. */
  tooManyWarnings?: { maximum: number; found: number };
}

/**
 * 0 clean or warnings within the limit; 1 an error or too many warnings.
 * Give it every message, before --quiet hides warnings: ESLint 9 counts them
 * too. Only warning-level findings count against the limit; info findings
 * and skipped-file notices never do.
 */
export function verdictFor(results: readonly CliFileResult[], maxWarnings: number | undefined): Verdict {
  const findings = results.flatMap((result) => result.messages.filter((message) => message.ruleId !== null));
  if (findings.some((message) => message.level === 'error')) return { code: 1 };
  const found = findings.filter((message) => message.level === 'warning').length;
  if (maxWarnings === undefined || found <= maxWarnings) return { code: 0 };
  return { code: 1, tooManyWarnings: { maximum: maxWarnings, found } };
}
