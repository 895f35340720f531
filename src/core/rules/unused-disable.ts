import type { Rule } from './types.js';

/**
 * Disable comments that suppress nothing or name a rule that does not exist.
 * The linter runs this rule last, after the other rules' findings have been
 * matched against the comments.
 */
export const unusedDisable: Rule = {
  id: 'unused-disable',
  description: 'A pmpo-lint disable comment suppresses nothing or names an unknown rule.',
  defaultSeverity: 'info',
  fixable: true,
  defaultOptions: {},
  check(context) {
    for (const directive of context.directives ?? []) {
      if (directive.kind === 'enable') continue;
      const unknown = directive.rules.filter((rule) => !context.knownRuleIds?.has(rule));
      const unused = directive.rules.length === 0 ? (directive.used.size === 0 ? ['every rule'] : []) : directive.rules.filter((rule) => !unknown.includes(rule) && !directive.used.has(rule));
      if (unknown.length === 0 && unused.length === 0) continue;
      const whole = unknown.length + unused.length === Math.max(1, directive.rules.length);
      const problems = [
        ...unknown.map((rule) => `"${rule}" is not a pmpo-lint rule`),
        ...unused.map((rule) => `nothing is reported for ${rule === 'every rule' ? rule : `"${rule}"`} here`),
      ];
      context.report({
        message: `This pmpo-lint-${directive.kind} comment has no effect: ${problems.join('; ')}; remove it so the disable comments that matter stay visible.`,
        range: directive.range,
        fix: whole ? removal(context.text, directive.range.start.offset, directive.range.end.offset) : undefined,
      });
    }
  },
};

/** Removes the comment, and its line when the comment stands alone on it. */
function removal(text: string, start: number, end: number): { range: [number, number]; text: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  if (alone) return { range: [lineStart, newline === -1 ? lineEnd : newline + 1], text: '' };
  return { range: [start, end], text: '' };
}
