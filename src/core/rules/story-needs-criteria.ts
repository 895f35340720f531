import { headingMatches, isCriteriaLabel, isNote, isScenario } from '../criteria.js';
import { storiesOf, storyExcerpt, type Story } from '../stories.js';
import type { LineIndex } from '../text.js';
import type { SectionAnalysis, Statement } from '../types.js';
import type { Rule } from './types.js';

interface StoryNeedsCriteriaOptions extends Record<string, unknown> {
  ignoreKinds: string[];
  headingPatterns: string[];
}

const LABEL_PREFIX = /^(?:acceptance criteria|acceptance|ac|criteria|definition of done|dod)\s*:\s*\S/i;

/** Every user story comes with acceptance criteria under it or beside it. */
export const storyNeedsCriteria: Rule<StoryNeedsCriteriaOptions> = {
  id: 'story-needs-criteria',
  description: 'A user story has acceptance criteria under it or beside it (Given/When/Then, a checklist, an "Acceptance criteria" list or column).',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: { ignoreKinds: ['roadmap', 'vision'], headingPatterns: ['acceptance', 'criteria', 'definition of done'] },
  optionDocs: {
    ignoreKinds: 'Document kinds where stories are roadmap-level epics that need no criteria yet (prd, roadmap, backlog, vision, unknown).',
    headingPatterns: 'Literal, case-insensitive heading substrings that mark a section of acceptance criteria.',
  },
  check(context) {
    if (context.options.ignoreKinds.includes(context.kind)) return;
    const stories = storiesOf(context.sections, context.index);
    const storyStatements = new Set(stories.map((story) => story.statement));
    stories.forEach((story, i) => {
      if (hasCriteria(context.sections, context.index, story, stories[i + 1], storyStatements, context.options.headingPatterns)) return;
      context.report({
        message: `The story "${storyExcerpt(story)}" has no acceptance criteria under or beside it: without them nobody can tell when it is done (add Given/When/Then steps or a checklist).`,
        range: context.index.range(story.startOffset, story.endOffset),
      });
    });
  },
};

/**
 * Criteria count when they come after the story and before the next one,
 * inside the story's section, its sub-sections or sibling sections (until a
 * heading above the story's level), or a following section named for
 * acceptance criteria.
 */
function hasCriteria(
  sections: readonly SectionAnalysis[],
  index: LineIndex,
  story: Story,
  next: Story | undefined,
  storyStatements: ReadonlySet<Statement>,
  headingPatterns: readonly string[],
): boolean {
  if (story.table) return story.table.hasCriteriaColumn && story.table.criteriaCell !== '';
  const home = sections[story.sectionIndex].section;
  const limit = next ? next.startOffset : Number.POSITIVE_INFINITY;
  let storyDepth: number | undefined = story.statement.kind === 'bullet' ? (story.statement.listDepth ?? 0) : undefined;
  let labelled = false;
  for (let s = story.sectionIndex; s < sections.length; s++) {
    const analysis = sections[s];
    const section = analysis.section;
    if (section.startOffset >= limit) break;
    const byHeading = s !== story.sectionIndex && headingMatches(section.heading, headingPatterns);
    // Sub-sections and sibling sections ("##### Priority", "##### Acceptance criteria") up to the next story belong to it.
    if (s !== story.sectionIndex && !byHeading && section.depth < home.depth) break;
    for (const { statement } of analysis.statements) {
      if (statement.startOffset <= story.statement.startOffset && s === story.sectionIndex) continue;
      if (statement.startOffset >= limit) return false;
      if (storyStatements.has(statement) && statement !== story.statement && statement.kind !== 'scenario') return false;
      if (byHeading || labelled || isCriterion(index, statement, storyDepth)) return true;
      labelled = isCriteriaLabel(statement);
      if (storyDepth !== undefined && !(statement.kind === 'bullet' && (statement.listDepth ?? 0) > storyDepth)) storyDepth = undefined;
    }
  }
  return false;
}

function isCriterion(index: LineIndex, statement: Statement, storyDepth: number | undefined): boolean {
  if (statement.kind === 'scenario') return isScenario(index, statement);
  if (LABEL_PREFIX.test(statement.text.replace(/[*_]/g, ''))) return true;
  if (statement.kind !== 'bullet' || isNote(statement.text)) return false;
  if (statement.checked !== null && statement.checked !== undefined) return true;
  return storyDepth !== undefined && (statement.listDepth ?? 0) > storyDepth;
}
