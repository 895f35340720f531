import { reEnabledRules, type Directive } from '../disable.js';
import type { Report, Rule, RuleContext } from './types.js';

/**
 * Disable comments that suppress nothing or name a rule that does not exist,
 * and enable comments with no disable comment to end. The linter runs this
 * rule last, after the other rules' findings have been matched against the
 * comments.
 */
export const unusedDisable: Rule = {
  id: 'unused-disable',
  description: 'A pmpo-lint disable comment suppresses nothing or names an unknown rule.',
  defaultSeverity: 'info',
  fixable: true,
  defaultOptions: {},
  check(context) {
    const directives = context.directives ?? [];
    const turnedOn = reEnabledRules(directives);
    for (const directive of directives) {
      const used = turnedOn.get(directive) ?? directive.used;
      for (const report of reports(context, directive, used)) context.report(report);
    }
  },
};

const KEEP_VISIBLE = 'remove it so the disable comments that matter stay visible.';

function reports(context: RuleContext, directive: Directive, used: ReadonlySet<string>): Report[] {
  const comment = `pmpo-lint-${directive.kind} comment`;
  const whole = { range: directive.range, fix: removal(context.text, directive.range.start.offset, directive.range.end.offset) };
  if (directive.rules.length === 0) {
    if (used.size > 0) return [];
    const why = directive.kind === 'enable' ? 'no pmpo-lint-disable comment before it is still active' : 'no rule reports anything here';
    return [{ message: `${capitalise(why)}, so this ${comment} has no effect; ${KEEP_VISIBLE}`, ...whole }];
  }
  const problems = directive.rules.map((rule) => problemOf(rule, directive, used, context.knownRuleIds));
  if (problems.every(Boolean)) return [{ message: `This ${comment} has no effect: ${problems.join('; ')}; ${KEEP_VISIBLE}`, ...whole }];
  const kept = directive.rules.filter((_, i) => !problems[i]);
  const still = `the comment still ${directive.kind === 'enable' ? 'turns on' : 'silences'} ${kept.map(quote).join(', ')}`;
  return problems.flatMap((problem, i) => (problem ? [nameReport(context, directive, problems, i, still)] : []));
}

/** A report on one rule name of the comment that has no effect, removing just that name. */
function nameReport(context: RuleContext, directive: Directive, problems: readonly (string | undefined)[], i: number, still: string): Report {
  const start = directive.ruleOffsets[i];
  return {
    message: `${capitalise(problems[i]!)}, so naming it has no effect (${still}); remove the name.`,
    range: context.index.range(start, start + directive.rules[i].length),
    fix: nameRemoval(directive, problems, i),
  };
}

function problemOf(rule: string, directive: Directive, used: ReadonlySet<string>, known: ReadonlySet<string> | undefined): string | undefined {
  if (!known?.has(rule)) return `${quote(rule)} is not a pmpo-lint rule`;
  if (used.has(rule)) return undefined;
  return `${quote(rule)} is not ${directive.kind === 'enable' ? 'disabled' : 'reported'} here`;
}

const quote = (rule: string) => `"${rule}"`;
const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

/**
 * Removes one name with one separator next to it. A name after the last kept
 * name takes the separator before it, any other the one after it: the edits
 * of all a comment's unused names then never overlap, and each alone leaves
 * a well-formed list.
 */
function nameRemoval(directive: Directive, problems: readonly (string | undefined)[], i: number): Report['fix'] {
  const { rules, ruleOffsets } = directive;
  let lastKept = problems.length - 1;
  while (problems[lastKept]) lastKept--;
  const range: [number, number] = i > lastKept ? [ruleOffsets[i - 1] + rules[i - 1].length, ruleOffsets[i] + rules[i].length] : [ruleOffsets[i], ruleOffsets[i + 1]];
  return { range, text: '' };
}

/**
 * Removes the comment: its whole line when it stands alone on it; otherwise
 * with the blanks that would be left dangling (before it when text precedes
 * it, after it when it opens the line), never any other text.
 */
function removal(text: string, start: number, end: number): { range: [number, number]; text: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let blankStart = start;
  while (blankStart > lineStart && isBlank(text[blankStart - 1])) blankStart--;
  let blankEnd = end;
  while (isBlank(text[blankEnd])) blankEnd++;
  if (text[blankEnd] === '\r' && text[blankEnd + 1] === '\n') blankEnd++;
  const endsLine = blankEnd === text.length || text[blankEnd] === '\n';
  if (blankStart === lineStart && endsLine) return { range: [lineStart, Math.min(blankEnd + 1, text.length)], text: '' };
  if (blankStart === lineStart) return { range: [start, blankEnd], text: '' };
  return { range: [blankStart, end], text: '' };
}

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';
