import { headingMatches, isCriteriaLabel, isNote, scenarioFlags } from '../criteria.js';
import { isSuppressed } from '../disable.js';
import { SectionMemo } from '../section-memo.js';
import { storiesOf, storyExcerpt, type Story } from '../stories.js';
import type { LineIndex } from '../text.js';
import type { SectionAnalysis, Statement } from '../types.js';
import type { Report, Rule, RuleContext } from './types.js';

interface StoryNeedsCriteriaOptions extends Record<string, unknown> {
  ignoreKinds: string[];
  headingPatterns: string[];
}

const LABEL_PREFIX = /^(?:acceptance criteria|acceptance|ac|criteria|definition of done|dod)\s*:\s*\S/i;

/** Every user story comes with acceptance criteria under it or beside it; a section of bare stories is one finding. */
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
    const storyAt = positionsInSection(stories);
    const searches = homeSearches();
    const covered = (i: number) => criteriaOf(context.sections, context.index, stories[i], storyAt[i], stories[i + 1], storyStatements, context.options.headingPatterns, searches);
    const lacking = stories.filter((_story, i) => !covered(i) && !sharedWithRun(stories, i, covered));
    // A story a disable comment silences is neither reported nor counted in its section's group.
    const silenced = new Set(lacking.filter((story) => isSuppressed(context.directives ?? [], storyNeedsCriteria.id, context.index.point(story.startOffset).line, context.index)));
    const missing = lacking.filter((story) => !silenced.has(story));
    const storiesPerSection = bySection(stories.filter((story) => !silenced.has(story)));
    for (const group of bySection(missing).values()) {
      if (group.length > 1 && group.length === storiesPerSection.get(group[0].sectionIndex)!.length) context.report(sectionReport(context, group));
      else for (const story of group) context.report(storyReport(context, story));
    }
  },
};

function storyReport(context: RuleContext<StoryNeedsCriteriaOptions>, story: Story): Report {
  return {
    message: `The story "${storyExcerpt(story)}" has no acceptance criteria under or beside it: without them nobody can tell when it is done (add Given/When/Then steps or a checklist).`,
    range: context.index.range(story.startOffset, story.endOffset),
  };
}

/**
 * A bare list of stories (a backlog section of one-liners) is one problem, not
 * one per line: one finding on the first story, the others as related locations.
 */
function sectionReport(context: RuleContext<StoryNeedsCriteriaOptions>, group: readonly Story[]): Report {
  const [first, ...others] = group;
  const section = context.sections[first.sectionIndex].section;
  const heading = section.heading.length <= 60 ? section.heading : `${section.heading.slice(0, 59).trimEnd()}…`;
  const where = section.headingLine === null ? 'before the first heading' : `in "${heading}"`;
  return {
    message: `${group.length} stories ${where} have no acceptance criteria under or beside them, starting with "${storyExcerpt(first)}": without them nobody can tell when each is done (add Given/When/Then steps or a checklist to each).`,
    range: context.index.range(first.startOffset, first.endOffset),
    related: others.map((story) => ({ range: context.index.range(story.startOffset, story.endOffset), message: `the story "${storyExcerpt(story)}" has no acceptance criteria either` })),
  };
}

/** Stories grouped by section index, in document order. */
function bySection(stories: readonly Story[]): Map<number, Story[]> {
  const groups = new Map<number, Story[]>();
  for (const story of stories) {
    const group = groups.get(story.sectionIndex);
    if (group) group.push(story);
    else groups.set(story.sectionIndex, [story]);
  }
  return groups;
}

/**
 * A list (or table) of stories followed by one block of criteria: the
 * criteria after the list cover every story in it, while criteria nested
 * under the last item cover that item only.
 */
function sharedWithRun(stories: readonly Story[], i: number, covered: (i: number) => Statement | undefined): boolean {
  let last = i;
  while (last + 1 < stories.length && sameRun(stories[last], stories[last + 1])) last++;
  if (last === i) return false;
  const criterion = covered(last);
  return criterion !== undefined && (criterion.block !== stories[last].statement.block || criterion.startOffset >= stories[last].statement.endOffset && !isNestedUnder(criterion, stories[last].statement));
}

function sameRun(a: Story, b: Story): boolean {
  return a.sectionIndex === b.sectionIndex && a.statement.block === b.statement.block;
}

function isNestedUnder(criterion: Statement, story: Statement): boolean {
  return criterion.kind === 'bullet' && story.kind === 'bullet' && (criterion.listDepth ?? 0) > (story.listDepth ?? 0) && criterion.block === story.block;
}

/** Each story's position among its own section's stories (a section's stories follow each other in the list). */
function positionsInSection(stories: readonly Story[]): number[] {
  let first = 0;
  return stories.map((story, i) => {
    if (i > 0 && stories[i - 1].sectionIndex !== story.sectionIndex) first = i;
    return i - first;
  });
}

/** Where the search ends inside the story's own section: a statement index, nothing (undefined), or the state to go on with. */
type HomeSearch = { found: number | undefined } | { labelled: boolean; storyDepth: number | undefined };

/**
 * The search through the story's own section reads only that section (the next
 * story, when it limits the search there, is one of its stories too), so it is
 * remembered per section origin and per story position: a keystroke elsewhere
 * does not walk the section's statements again.
 */
const HOME_SEARCHES = new SectionMemo<Map<number, HomeSearch>>();

/** The remembered home searches of a section, looked up once per section and run (a section holds many stories). */
function homeSearches(): (analysis: SectionAnalysis) => Map<number, HomeSearch> {
  let last: SectionAnalysis | undefined;
  let searches: Map<number, HomeSearch> | undefined;
  return (analysis) => {
    if (analysis !== last || !searches) {
      last = analysis;
      searches = HOME_SEARCHES.get(analysis, '', () => new Map(), (memo) => memo);
    }
    return searches;
  };
}

/**
 * Criteria count when they come after the story and before the next one,
 * inside the story's section or its sub-sections, or in a following section
 * (a sibling, or a later section at any level) named for acceptance criteria.
 */
function criteriaOf(
  sections: readonly SectionAnalysis[],
  index: LineIndex,
  story: Story,
  storyAt: number,
  next: Story | undefined,
  storyStatements: ReadonlySet<Statement>,
  headingPatterns: readonly string[],
  homeSearchesOf: (analysis: SectionAnalysis) => Map<number, HomeSearch>,
): Statement | undefined {
  if (story.table?.hasCriteriaColumn) return story.table.criteriaCell !== '' ? story.statement : undefined;
  const homeAnalysis = sections[story.sectionIndex];
  const home = homeAnalysis.section;
  const limit = next ? next.startOffset : Number.POSITIVE_INFINITY;
  if (home.startOffset >= limit) return undefined;
  const searches = homeSearchesOf(homeAnalysis);
  let search = searches.get(storyAt);
  if (!search) {
    search = searchHome(homeAnalysis, index, story, limit, storyStatements);
    searches.set(storyAt, search);
  }
  if ('found' in search) return search.found === undefined ? undefined : homeAnalysis.statements[search.found].statement;
  let { labelled, storyDepth } = search;
  let siblingDepth: number | undefined;
  for (let s = story.sectionIndex + 1; s < sections.length; s++) {
    const analysis = sections[s];
    const section = analysis.section;
    if (section.startOffset >= limit) break;
    const byHeading = headingMatches(section.heading, headingPatterns);
    // Sub-sections belong to the story; of the sibling sections up to the next story ("##### Priority",
    // "##### Acceptance criteria") only those named for criteria, with their sub-sections.
    if (!byHeading && section.depth < home.depth) break;
    if (section.depth <= home.depth) siblingDepth = byHeading ? undefined : section.depth;
    if (siblingDepth !== undefined) continue;
    const scenarios = scenarioFlags(index, analysis);
    for (let i = 0; i < analysis.statements.length; i++) {
      const statement = analysis.statements[i].statement;
      if (statement.startOffset >= limit) return undefined;
      if (storyStatements.has(statement) && statement !== story.statement && statement.kind !== 'scenario') return undefined;
      if (byHeading || labelled || isCriterion(statement, scenarios[i], storyDepth)) return statement;
      labelled = isCriteriaLabel(statement);
      if (storyDepth !== undefined && !(statement.kind === 'bullet' && (statement.listDepth ?? 0) > storyDepth)) storyDepth = undefined;
    }
  }
  return undefined;
}

/** The statements after the story in its own section, up to the next story. */
function searchHome(analysis: SectionAnalysis, index: LineIndex, story: Story, limit: number, storyStatements: ReadonlySet<Statement>): HomeSearch {
  let storyDepth: number | undefined = story.statement.kind === 'bullet' ? (story.statement.listDepth ?? 0) : undefined;
  let labelled = false;
  const scenarios = scenarioFlags(index, analysis);
  for (let i = 0; i < analysis.statements.length; i++) {
    const statement = analysis.statements[i].statement;
    if (statement.startOffset <= story.statement.startOffset) continue;
    if (statement.startOffset >= limit) return { found: undefined };
    if (storyStatements.has(statement) && statement !== story.statement && statement.kind !== 'scenario') return { found: undefined };
    if (labelled || isCriterion(statement, scenarios[i], storyDepth)) return { found: i };
    labelled = isCriteriaLabel(statement);
    if (storyDepth !== undefined && !(statement.kind === 'bullet' && (statement.listDepth ?? 0) > storyDepth)) storyDepth = undefined;
  }
  return { labelled, storyDepth };
}

function isCriterion(statement: Statement, scenario: boolean, storyDepth: number | undefined): boolean {
  if (statement.kind === 'scenario') return scenario;
  if (LABEL_PREFIX.test(statement.text.replace(/[*_]/g, ''))) return true;
  if (statement.kind !== 'bullet' || isNote(statement.text)) return false;
  if (statement.checked !== null && statement.checked !== undefined) return true;
  return storyDepth !== undefined && (statement.listDepth ?? 0) > storyDepth;
}
