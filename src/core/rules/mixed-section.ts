import { findRunSplit, isMixedBody, type RunSplit } from '../classify.js';
import { SectionMemo, SectionReportMemo } from '../section-memo.js';
import type { SectionAnalysis, Suggestion } from '../types.js';
import { describeEvidence, evidenceLocation, sectionName, sectionRange, strongest } from './helpers.js';
import type { Report, Rule, RuleContext } from './types.js';

/**
 * A section whose body does both jobs: the product manager's (why, market,
 * goals) and the product owner's (stories, criteria, estimates).
 */
export const mixedSection: Rule = {
  id: 'mixed-section',
  description: 'A section mixes strategic (PM) content with tactical (PO) delivery detail.',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: {},
  check(context) {
    let eol: string | undefined;
    const lineBreak = () => (eol ??= context.text.includes('\r\n') ? '\r\n' : '\n');
    for (const analysis of context.sections) {
      if (analysis.classification.label !== 'mixed') continue;
      // Reads only the section's lines; the split suggestion's line break is the document's.
      for (const report of REPORTS.get(analysis, lineBreak(), () => sectionReports(context, analysis, lineBreak))) {
        report.evidence = analysis.classification.evidence;
        context.report(report);
      }
    }
  },
};

const REPORTS = new SectionReportMemo<Report>();

function sectionReports(context: RuleContext, analysis: SectionAnalysis, lineBreak: () => string): Report[] {
  const strategic = strongest(analysis, 'strategic');
  const tactical = strongest(analysis, 'tactical');
  if (!strategic || !tactical) return [];
  const split = splitSuggestion(context, analysis, lineBreak);
  return [
    {
      message:
        `${sectionName(analysis.section)} mixes strategy (${describeEvidence(strategic)}) with delivery detail ` +
        `(${describeEvidence(tactical)}): each audience reads past the other's half, so give each its own section.`,
      range: sectionRange(context, analysis.section),
        related: [evidenceLocation(context, strategic, 'strategic'), evidenceLocation(context, tactical, 'tactical')],
      suggestions: split ? [split] : undefined,
    },
  ];
}

const SPLIT_HEADINGS = { strategic: 'Strategy', tactical: 'Delivery detail' } as const;

/**
 * When the body reads as a strategic run and a tactical run of whole blocks
 * (findRunSplit, the same test that makes it mixed), a heading where the
 * second run's blocks begin splits the section without moving text. A split
 * that would leave either half mixed is no split.
 */
function splitSuggestion(context: RuleContext, analysis: SectionAnalysis, lineBreak: () => string): Suggestion | undefined {
  const split = cleanSplit(analysis);
  if (!split) return undefined;
  const target = analysis.section.blocks[split.block];
  if (!target) return undefined;
  const offset = context.index.lineStart(target.startLine);
  if (context.index.lineText(target.startLine).slice(0, target.startOffset - offset).trim() !== '') return undefined;
  const depth = Math.min(6, Math.max(2, analysis.section.depth + 1));
  const title = SPLIT_HEADINGS[split.second];
  const eol = lineBreak();
  const lead = target.startLine > 1 && context.index.lineText(target.startLine - 1).trim() === '' ? '' : eol;
  const hashes = '#'.repeat(depth);
  return {
    desc: `Split the section: insert a "${title}" heading before line ${target.startLine}`,
    fix: { range: [offset, offset], text: `${lead}${hashes} ${title}${eol}${eol}` },
    snippet: `${lead}${hashes} \${1:${title}}${eol}${eol}`,
  };
}

const SPLITS = new SectionMemo<RunSplit | null>();

/** The run split whose halves are not mixed: it reads block indexes and sides only, so it is remembered per section origin. */
function cleanSplit(analysis: SectionAnalysis): RunSplit | null {
  const compute = () => {
    const split = findRunSplit(analysis.section, analysis.statements);
    return split && halvesAreClean(analysis, split.block) ? split : null;
  };
  return SPLITS.get(analysis, '', compute, (split) => split);
}

function halvesAreClean(analysis: SectionAnalysis, block: number): boolean {
  const before = analysis.statements.filter((judgement) => judgement.statement.block < block);
  const after = analysis.statements.filter((judgement) => judgement.statement.block >= block);
  return !isMixedBody(analysis.section, before) && !isMixedBody(analysis.section, after);
}
