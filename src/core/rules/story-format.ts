import { SectionReportMemo } from '../section-memo.js';
import { spanText, storyExcerpt, type Story, type StoryPart } from '../stories.js';
import type { Suggestion } from '../types.js';
import { reportStoriesBySection } from './helpers.js';
import type { Report, Rule, RuleContext } from './types.js';

interface StoryFormatOptions extends Record<string, unknown> {
  requireBenefit: boolean;
}

const PART_NAMES: Record<StoryPart, string> = {
  role: 'role ("As a <role>")',
  goal: 'goal ("I want <goal>")',
  benefit: 'benefit ("so that <benefit>")',
};

const PART_WHY: Record<StoryPart, string> = {
  role: 'without it nobody can tell whose need the story serves',
  goal: 'without it the team cannot tell what to build',
  benefit: 'without the why the team cannot weigh the story or find a simpler way to meet it',
};

/** A user story names a role, a goal and (by default) a benefit. */
export const storyFormat: Rule<StoryFormatOptions> = {
  id: 'story-format',
  description: 'A user story names a role and a goal ("As a <role>, I want <goal>") and, by default, a benefit ("so that <benefit>").',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: { requireBenefit: true },
  optionDocs: { requireBenefit: 'Report stories without a benefit ("so that ...", "in order to ...", "so I can ..."); job stories need their outcome too.' },
  check(context) {
    // A story's report reads only the story's own text and the option.
    reportStoriesBySection(context, REPORTS, String(context.options.requireBenefit), (stories) => storyReports(context, stories));
  },
};

const REPORTS = new SectionReportMemo<Report>();

function storyReports(context: RuleContext<StoryFormatOptions>, stories: readonly Story[]): Report[] {
  const reports: Report[] = [];
  for (const story of stories) {
    const missing = story.parsed.missing.filter((part) => part !== 'benefit' || context.options.requireBenefit);
    if (missing.length === 0) continue;
    const suggestions = [missing.includes('benefit') ? benefitSuggestion(context, story) : undefined, missing.includes('role') ? roleSuggestion(context, story) : undefined].filter(
      (suggestion): suggestion is Suggestion => suggestion !== undefined,
    );
    reports.push({
      message: `The story "${storyExcerpt(story)}" has no ${missing.map((part) => PART_NAMES[part]).join(' and no ')}: ${PART_WHY[missing[0]]}.`,
      range: context.index.range(story.startOffset, story.endOffset),
      suggestions,
    });
  }
  return reports;
}

/** Inserts ", so that <benefit>" right after the goal, before the closing period. */
function benefitSuggestion(context: RuleContext, story: Story): Suggestion | undefined {
  const goal = spanText(story, story.parsed.goal);
  if (!goal || story.parsed.opening === 'table') return undefined;
  const tail = goal.slice(-24);
  const at = context.index.text.slice(story.startOffset, story.statement.endOffset).indexOf(tail);
  if (at < 0) return undefined;
  const offset = story.startOffset + at + tail.length;
  const connector = story.parsed.opening === 'job' ? ', so I can' : ', so that';
  return {
    desc: `Add a benefit: "${connector.slice(2)} ..."`,
    fix: { range: [offset, offset], text: `${connector} benefit` },
    snippet: `${connector} \${1:benefit}`,
  };
}

/** Puts "As a <role>, " in front of a story that starts with "I want". */
function roleSuggestion(context: RuleContext, story: Story): Suggestion | undefined {
  if (story.parsed.opening !== 'role-less' || !/^I\b/.test(context.index.text.slice(story.startOffset, story.startOffset + 2))) return undefined;
  return {
    desc: 'Add a role: "As a ..., "',
    fix: { range: [story.startOffset, story.startOffset], text: 'As a role, ' },
    snippet: 'As a ${1:role}, ',
  };
}
