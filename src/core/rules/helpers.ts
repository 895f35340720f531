import { PREAMBLE } from '../sections.js';
import { storiesOf, type Story } from '../stories.js';
import type { Evidence, Range, RelatedLocation, Section, SectionAnalysis, Side } from '../types.js';
import type { SectionReportMemo } from '../section-memo.js';
import type { Report, RuleContext } from './types.js';

/** Where a section-level finding goes: the heading line, or the first body line of the preamble. */
export function sectionRange(context: RuleContext, section: Section): Range {
  if (section.headingLine !== null) return context.index.lineRange(section.headingLine);
  const firstContent = section.blocks[0]?.startLine ?? section.startLine;
  return context.index.lineRange(firstContent);
}

export function sectionName(section: Section): string {
  return section.heading === PREAMBLE ? 'The text before the first heading' : `Section "${section.heading}"`;
}

/** The strongest evidence of one side, preferring the body's own words over what the heading promises. */
export function strongest(analysis: SectionAnalysis, side: Side): Evidence | undefined {
  const mine = analysis.classification.evidence.filter((item) => item.side === side);
  return mine.find((item) => !item.cueId.startsWith('heading:')) ?? mine[0];
}

/** `"market share" on line 12, market or segment framing`: the words, where, and why they count. */
export function describeEvidence(evidence: Evidence): string {
  const reason = evidence.reason.replace(/ ?\([^()]*\)/g, '');
  return `"${evidence.match}" on line ${evidence.line}, ${reason}`;
}

export function evidenceLocation(context: RuleContext, evidence: Evidence, label: string): RelatedLocation {
  return {
    range: context.index.range(evidence.startOffset, evidence.endOffset),
    message: `${label}: ${evidence.reason} (${evidence.cueId}): ${evidence.text}`,
  };
}

/**
 * The document's stories grouped by the section they are in (sections without
 * stories left out), for rules whose reports about a story read only that
 * story: their reports are remembered per section origin.
 */
export function storiesBySection(context: RuleContext): [SectionAnalysis, Story[]][] {
  let groups = STORY_GROUPS.get(context.sections);
  if (!groups) {
    groups = groupStories(context);
    STORY_GROUPS.set(context.sections, groups);
  }
  return groups;
}

/** Grouped once per lint run: every story rule reads the same sections. */
const STORY_GROUPS = new WeakMap<readonly SectionAnalysis[], [SectionAnalysis, Story[]][]>();

function groupStories(context: RuleContext): [SectionAnalysis, Story[]][] {
  const groups: [SectionAnalysis, Story[]][] = [];
  let current: Story[] | undefined;
  let currentIndex = -1;
  for (const story of storiesOf(context.sections, context.index)) {
    if (story.sectionIndex !== currentIndex) {
      currentIndex = story.sectionIndex;
      current = [];
      groups.push([context.sections[currentIndex], current]);
    }
    current!.push(story);
  }
  return groups;
}

/**
 * Reports every story through `memo`, section by section: for rules whose
 * reports about a story read only the story (and `variant`, the options that
 * change them), so a section's reports are remembered per section origin.
 */
export function reportStoriesBySection(context: RuleContext, memo: SectionReportMemo<Report>, variant: string, storyReports: (stories: readonly Story[]) => Report[]): void {
  for (const [analysis, stories] of storiesBySection(context)) {
    for (const report of memo.get(analysis, variant, () => storyReports(stories))) context.report(report);
  }
}

