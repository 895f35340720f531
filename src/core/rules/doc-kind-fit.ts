import { SectionReportMemo } from '../section-memo.js';
import type { Kind, SectionAnalysis } from '../types.js';
import { describeEvidence, evidenceLocation, sectionName, sectionRange, strongest } from './helpers.js';
import type { Report, Rule, RuleContext } from './types.js';

interface DocKindFitOptions extends Record<string, unknown> {
  /** A strategic section in a backlog is an essay from this many strategic statements. */
  backlogEssayStatements: number;
}

const EXPECTED_ALTITUDE: Partial<Record<Kind, 'strategic' | 'tactical'>> = {
  roadmap: 'strategic',
  vision: 'strategic',
  backlog: 'tactical',
};

/** Content at the wrong altitude for the document: stories in a roadmap, strategy essays in a backlog. */
export const docKindFit: Rule<DocKindFitOptions> = {
  id: 'doc-kind-fit',
  description: 'Content at the wrong altitude for the document kind (delivery detail in a roadmap or vision, a strategy essay in a backlog).',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: { backlogEssayStatements: 3 },
  optionDocs: { backlogEssayStatements: 'How many strategic statements make a strategic section in a backlog an essay worth flagging.' },
  check(context) {
    const expected = EXPECTED_ALTITUDE[context.kind];
    if (!expected) return;
    const variant = `${context.kind}\u0000${context.options.backlogEssayStatements}`;
    for (const analysis of context.sections) {
      const { label } = analysis.classification;
      const flagged = (expected === 'strategic' && label === 'tactical') || (expected === 'tactical' && label === 'strategic');
      if (!flagged) continue;
      // Reads only the section, the kind and the option.
      for (const report of REPORTS.get(analysis, variant, () => sectionReports(context, analysis, expected))) {
        report.evidence = analysis.classification.evidence;
        context.report(report);
      }
    }
  },
};

const REPORTS = new SectionReportMemo<Report>();

function sectionReports(context: RuleContext<DocKindFitOptions>, analysis: SectionAnalysis, expected: 'strategic' | 'tactical'): Report[] {
  if (expected === 'strategic') return [tacticalReport(context, analysis)];
  return strategicStatements(analysis) >= context.options.backlogEssayStatements ? [essayReport(context, analysis)] : [];
}

function tacticalReport(context: RuleContext<DocKindFitOptions>, analysis: SectionAnalysis): Report {
  const evidence = strongest(analysis, 'tactical')!;
  return {
    message:
      `${sectionName(analysis.section)} holds delivery detail (${describeEvidence(evidence)}) in a ${context.kind}, ` +
      'which readers expect to stay at the level of goals and themes; move it to the backlog or a PRD and link to it.',
    range: sectionRange(context, analysis.section),
    related: [evidenceLocation(context, evidence, 'tactical')],
  };
}

function essayReport(context: RuleContext<DocKindFitOptions>, analysis: SectionAnalysis): Report {
  const evidence = strongest(analysis, 'strategic')!;
  return {
    message:
      `${sectionName(analysis.section)} is a strategy essay (${strategicStatements(analysis)} strategic statements, e.g. ${describeEvidence(evidence)}) ` +
      'in a backlog, which the team reads for what to build next; move it to the vision or roadmap and link to it.',
    range: sectionRange(context, analysis.section),
    related: [evidenceLocation(context, evidence, 'strategic')],
  };
}

function strategicStatements(analysis: SectionAnalysis): number {
  return analysis.statements.filter((judgement) => judgement.side === 'strategic').length;
}
