import type { Kind, SectionAnalysis } from '../types.js';
import { describeEvidence, evidenceLocation, sectionName, sectionRange, strongest } from './helpers.js';
import type { Rule } from './types.js';

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
    for (const analysis of context.sections) {
      const { label } = analysis.classification;
      if (expected === 'strategic' && label === 'tactical') reportTactical(analysis);
      if (expected === 'tactical' && label === 'strategic' && strategicStatements(analysis) >= context.options.backlogEssayStatements) reportEssay(analysis);
    }

    function reportTactical(analysis: SectionAnalysis) {
      const evidence = strongest(analysis, 'tactical')!;
      context.report({
        message:
          `${sectionName(analysis.section)} holds delivery detail (${describeEvidence(evidence)}) in a ${context.kind}, ` +
          'which readers expect to stay at the level of goals and themes; move it to the backlog or a PRD and link to it.',
        range: sectionRange(context, analysis.section),
        evidence: analysis.classification.evidence,
        related: [evidenceLocation(context, evidence, 'tactical')],
      });
    }

    function reportEssay(analysis: SectionAnalysis) {
      const evidence = strongest(analysis, 'strategic')!;
      context.report({
        message:
          `${sectionName(analysis.section)} is a strategy essay (${strategicStatements(analysis)} strategic statements, e.g. ${describeEvidence(evidence)}) ` +
          'in a backlog, which the team reads for what to build next; move it to the vision or roadmap and link to it.',
        range: sectionRange(context, analysis.section),
        evidence: analysis.classification.evidence,
        related: [evidenceLocation(context, evidence, 'strategic')],
      });
    }
  },
};

function strategicStatements(analysis: SectionAnalysis): number {
  return analysis.statements.filter((judgement) => judgement.side === 'strategic').length;
}
