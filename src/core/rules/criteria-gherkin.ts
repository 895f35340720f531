import { splitScenarios, stepRunsOf, type Step, type StepKeyword } from '../criteria.js';
import { SectionReportMemo } from '../section-memo.js';
import type { Range, SectionAnalysis } from '../types.js';
import type { Report, Rule, RuleContext } from './types.js';

interface CriteriaGherkinOptions extends Record<string, unknown> {
  maxWhen: number;
}

const PHASE: Record<Exclude<StepKeyword, 'And' | 'But'>, number> = { Given: 0, When: 1, Then: 2 };

interface Problem {
  step: Step;
  message: string;
}

/** Given/When/Then structure: order, one action, an outcome, no dangling And, canonical keyword case. */
export const criteriaGherkin: Rule<CriteriaGherkinOptions> = {
  id: 'criteria-gherkin',
  description: 'A Given/When/Then scenario has Given before When before Then, at most `maxWhen` When steps, at least one Then, and no dangling And/But.',
  defaultSeverity: 'warning',
  fixable: true,
  defaultOptions: { maxWhen: 1 },
  optionDocs: { maxWhen: 'The most When steps (a When and the And/But steps that follow it) a scenario may have; one action per scenario keeps it a single test.' },
  check(context) {
    const variant = String(context.options.maxWhen);
    for (const analysis of context.sections) {
      for (const report of REPORTS.get(analysis, variant, () => sectionReports(context, analysis))) context.report(report);
    }
  },
};

const REPORTS = new SectionReportMemo<Report>();

/** Reads only the section's step lines and the option. */
function sectionReports(context: RuleContext<CriteriaGherkinOptions>, analysis: SectionAnalysis): Report[] {
  const reports: Report[] = [];
  // The rule reads the step lines itself: how the classifier groups statements is not its judgement.
  for (const run of stepRunsOf(context.index, analysis)) {
    for (const scenario of splitScenarios(run)) {
      if (!isScenarioAttempt(scenario)) continue;
      for (const problem of structureProblems(scenario, context.options.maxWhen)) {
        reports.push({ message: problem.message, range: stepRange(context, problem.step) });
      }
      reportKeywordCase(context, scenario, reports);
    }
  }
  return reports;
}

/** Two steps or more with a Given or When: a lone "When the parcel is late, ..." is prose. */
function isScenarioAttempt(steps: readonly Step[]): boolean {
  return steps.length >= 2 && steps.some((step) => step.keyword === 'Given' || step.keyword === 'When');
}

function stepRange(context: RuleContext, step: Step): Range {
  return context.index.range(step.offset, Math.max(step.offset + step.written.length, step.endOffset));
}

/** The phase of every step: And/But continue the phase before them. */
function phases(steps: readonly Step[]): number[] {
  const result: number[] = [];
  for (const step of steps) {
    const own = step.keyword === 'And' || step.keyword === 'But' ? undefined : PHASE[step.keyword];
    result.push(own ?? result[result.length - 1] ?? -1);
  }
  return result;
}

export function structureProblems(steps: readonly Step[], maxWhen: number): Problem[] {
  const problems: Problem[] = [];
  const phase = phases(steps);
  if (steps[0].keyword === 'And' || steps[0].keyword === 'But') {
    problems.push({ step: steps[0], message: `The scenario starts with "${steps[0].keyword}", which continues nothing: start it with Given (the context) or When (the action).` });
  }
  const backwards = steps.findIndex((step, i) => i > 0 && phase[i] >= 0 && phase[i] < phase[i - 1]);
  if (backwards > 0) {
    const step = steps[backwards];
    const previous = steps.slice(0, backwards).reverse().find((candidate) => candidate.keyword !== 'And' && candidate.keyword !== 'But')?.keyword ?? steps[backwards - 1].keyword;
    problems.push({ step, message: `"${step.keyword}" comes after "${previous}": a scenario reads Given (context), then When (action), then Then (outcome); reorder the steps or split the scenario.` });
  }
  const whens = steps.filter((_, i) => phase[i] === 1);
  if (whens.length > maxWhen && maxWhen > 0) {
    const extra = whens[maxWhen];
    problems.push({ step: extra, message: `The scenario has ${whens.length} When steps (at most ${maxWhen}): each action is its own test, so split it into one scenario per action.` });
  }
  // A one-line scenario is prose ("Given ..., when ..., the user sees ..."): its outcome need not say "then".
  const oneLine = steps.every((step) => step.line === steps[0].line);
  if (oneLine) return problems;
  if (!steps.some((step) => step.keyword === 'When')) {
    problems.push({ step: steps[0], message: 'The scenario has no When step: without an action it only describes a state; name the action that leads to the outcome.' });
  }
  if (!steps.some((step) => step.keyword === 'Then')) {
    problems.push({ step: steps[steps.length - 1], message: 'The scenario has no Then step: without an expected outcome there is nothing to check.' });
  }
  return problems;
}

/** "given" or "GIVEN" at the start of a step line becomes "Given": the only edit, so it is a safe fix. */
function reportKeywordCase(context: RuleContext<CriteriaGherkinOptions>, steps: readonly Step[], reports: Report[]): void {
  for (const step of steps) {
    if (!step.lineStart || step.continuesSentence || step.written === step.keyword) continue;
    reports.push({
      message: `Write the keyword "${step.written}" as "${step.keyword}": Gherkin tools and readers recognise steps by the capitalised keyword.`,
      range: context.index.range(step.offset, step.offset + step.written.length),
      fix: { range: [step.offset, step.offset + step.written.length], text: step.keyword },
    });
  }
}
