import { createColors } from 'picocolors';
import type { CliFileResult, CliMessage } from '../results.js';

/**
 * ESLint-style text. Each problem is one line that a problem matcher can read:
 *   `  LINE:COLUMN  LEVEL  MESSAGE  RULE-ID` (two or more spaces between fields,
 * RULE-ID absent for skipped files), under a line holding the absolute file path.
 */
export const STYLISH_PROBLEM_PATTERN = /^ {2}(\d+):(\d+) {2,}(error|warning|info) {2,}(\S+(?: \S+)*)(?: {2,}([a-z][\w-]*))?$/;

export function formatStylish(results: readonly CliFileResult[], color = false): string {
  const paint = createColors(color);
  const withMessages = results.filter((result) => result.messages.length > 0);
  if (withMessages.length === 0) return '';
  const blocks = withMessages.map((result) => {
    const width = Math.max(...result.messages.map((message) => position(message).length));
    const lines = result.messages.map((message) => {
      const level = levelColor(paint, message.level)(message.level.padEnd(7));
      const rule = message.ruleId ? `  ${paint.dim(message.ruleId)}` : '';
      return `  ${paint.dim(position(message).padEnd(width))}  ${level}  ${singleSpaced(message.message)}${rule}`;
    });
    return `${paint.underline(result.filePath)}\n${lines.join('\n')}\n`;
  });
  return `\n${blocks.join('\n')}\n${summary(paint, withMessages)}\n`;
}

function position(message: CliMessage): string {
  return `${message.line}:${message.column}`;
}

function levelColor(paint: ReturnType<typeof createColors>, level: CliMessage['level']) {
  if (level === 'error') return paint.red;
  if (level === 'warning') return paint.yellow;
  return paint.blue;
}

/** Counted by level: the results' warningCount also holds info findings (ESLint's severity 1). */
function summary(paint: ReturnType<typeof createColors>, results: readonly CliFileResult[]): string {
  const messages = results.flatMap((result) => result.messages);
  const count = (level: CliMessage['level']) => messages.filter((message) => message.level === level).length;
  const errors = count('error');
  const text = `✖ ${plural(messages.length, 'problem')} (${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')})`;
  return paint.bold(errors > 0 ? paint.red(text) : paint.yellow(text));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Messages are printed single-spaced so two spaces always separate fields. */
function singleSpaced(message: string): string {
  return message.split(/\s/).filter(Boolean).join(' ');
}
