// Shared parsing of user stories: role / goal / benefit, the template a story
// follows (Connextra "As a ..., I want ..., so that ...", "In order to ...",
// job stories "When ..., I want ..., so I can ...") and story tables. The
// rules story-* all read stories through findStories so they agree on what a
// story is.
import { splitSentences } from './statements.js';
import type { LineIndex } from './text.js';
import { SectionMemo } from './section-memo.js';
import type { SectionAnalysis, Statement } from './types.js';

/** Drops trailing characters of `chars` (a loop: an anchored `[...]+$` regex is quadratic on long runs). */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

export type StoryPart = 'role' | 'goal' | 'benefit';
export type StoryOpening = 'as-a' | 'in-order-to' | 'job' | 'role-less' | 'table';
export type WantVerb = 'want' | 'need' | 'can';
export type Connector = 'so-that' | 'in-order-to';

/** [start, end) indexes into ParsedStory's input text. */
export interface Span {
  start: number;
  end: number;
}

export interface ParsedStory {
  /** Where the story starts (after an id prefix such as "US-12:"). */
  start: number;
  /** Where the story sentence ends (before text that follows it in the same item). */
  end: number;
  opening: StoryOpening;
  wantVerb: WantVerb | null;
  connector: Connector | null;
  role?: Span;
  goal?: Span;
  benefit?: Span;
  missing: StoryPart[];
}

export interface Story {
  statement: Statement;
  /** Index into the context's sections. */
  sectionIndex: number;
  /** The plain text the story was parsed from (one line; the story is text.slice(parsed.start, parsed.end)). */
  text: string;
  parsed: ParsedStory;
  /** For stories in a role/goal/benefit table: the cells, and whether the row has a filled acceptance-criteria cell. */
  table?: { hasCriteriaColumn: boolean; criteriaCell: string };
  /** Source offset where the story text starts (best effort: the statement start when the text cannot be found). */
  startOffset: number;
  /** Source offset of the end of the story's first line. */
  endOffset: number;
}

const START = /\b(?:as\s+(?:an?|the)\s|in\s+order\s+to\s|when\s|i\s+(?:want|need|can|would\s+like)\b|i['’]d\s+like\b)/i;
const MAX_PREFIX = 40;
const TICKET_PREFIX = /^(?:[A-Z][A-Z0-9]{0,9}-\d{1,6}|#?\d{1,6})$/;
const WANT =
  /\bI(?:['’]d\s+(like|love)|\s+(?:really\s+|also\s+|only\s+)?(want|need|can(?!['’]t)|could|wish|require|expect|would\s+like|would\s+love|am\s+able\s+to|should\s+be\s+able\s+to|must\s+be\s+able\s+to|should|must))\b/i;
const CONNECTOR =
  /(?:,\s{0,3}|\s{1,3})(so\s{1,3}that|so\s{1,3}as\s{1,3}to|in\s{1,3}order\s{1,3}to|so(?=\s{1,3}(?:I|we|they|he|she|it|you|my|our|their|the|nobody|no|everyone|anyone|others?|all|this|these|those|there|each|every|both|people|users|customers|staff|patients|students|players)\b))\b/i;
const AS_A = /^as\s+(?:an?|the)\s+/i;
const IN_ORDER_TO = /^in\s+order\s+to\s+/i;
const ROLE_AFTER_BENEFIT = /,\s*as\s+(?:an?|the)\s+/i;

/** "As a result, ...", "As a rule, ...": the words after "As a" that never name a role. */
export const NOT_A_ROLE: ReadonlySet<string> = new Set(
  'result rule consequence example first next whole side fallback workaround default matter courtesy precaution compromise starting bonus reminder reference baseline minimum start proof courtesy general'.split(' '),
);

/** Parses one line of plain text as a user story; undefined when it is not one. */
export function parseStoryText(text: string): ParsedStory | undefined {
  const startMatch = START.exec(text);
  if (!startMatch || startMatch.index > MAX_PREFIX || !prefixIsLabel(text.slice(0, startMatch.index))) return undefined;
  const start = startMatch.index;
  const rest = text.slice(start);
  const firstSentence = splitSentences(rest)[0];
  const end = start + (firstSentence ? firstSentence.start + firstSentence.text.length : rest.length);
  const sentence = text.slice(0, end);
  if (AS_A.test(rest)) return parseAsA(sentence, start, end);
  if (IN_ORDER_TO.test(rest)) return parseInOrderTo(sentence, start, end);
  if (/^when\s/i.test(rest)) return parseJob(sentence, start, end);
  return parseRoleLess(sentence, start, end);
}

/** Text before a story may only be a label: "US-12:", "Story 3 -", "**Story:**", "1)". */
function prefixIsLabel(prefix: string): boolean {
  const trimmed = prefix.trim();
  if (!trimmed) return true;
  if (TICKET_PREFIX.test(trimmed)) return true;
  return /[:\-–—)\]]$/.test(trimmed) && trimmed.split(/\s+/).length <= 4;
}

function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /[\s,:;]/.test(text[start])) start++;
  while (end > start && /[\s,:;.!?]/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** "I should ..." / "I must ..." are statements of duty, not one of the story templates: no verb class. */
function wantVerbOf(match: RegExpExecArray): WantVerb | null {
  const verb = (match[1] ?? match[2]).toLowerCase().replace(/\s+/g, ' ');
  if (verb === 'should' || verb === 'must') return null;
  if (verb === 'need' || verb === 'require') return 'need';
  if (verb === 'can' || verb === 'could' || verb.endsWith('able to')) return 'can';
  return 'want';
}

function findWant(sentence: string, from: number): RegExpExecArray | undefined {
  WANT.lastIndex = 0;
  const match = WANT.exec(sentence.slice(from));
  if (!match) return undefined;
  match.index += from;
  return match;
}

function findConnector(sentence: string, from: number): { index: number; end: number; connector: Connector } | undefined {
  const match = CONNECTOR.exec(sentence.slice(from));
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  return { index: from + match.index, end: from + match.index + match[0].length, connector: word.startsWith('in') ? 'in-order-to' : 'so-that' };
}

/** The goal starts after the want verb and an optional "to". */
function goalStart(sentence: string, wantEnd: number): number {
  const after = /^\s+to\b/.exec(sentence.slice(wantEnd));
  return after ? wantEnd + after[0].length : wantEnd;
}

function parseAsA(sentence: string, start: number, end: number): ParsedStory | undefined {
  const article = AS_A.exec(sentence.slice(start))!;
  const roleStart = start + article[0].length;
  const roleEnd = endOfRole(sentence, roleStart);
  const early = findConnector(sentence, roleStart);
  // "As a teacher, so that I can grade faster, ...": the benefit comes before any "I".
  if (roleEnd < 0 || (early && early.index <= roleEnd)) return parseRoleWithoutGoal(sentence, start, end, roleStart);
  const subjectStart = roleEnd + /^,?\s*/.exec(sentence.slice(roleEnd))![0].length;
  const role = trimSpan(sentence, roleStart, roleEnd);
  if (!role || !plausibleRole(sentence.slice(role.start, role.end))) return undefined;
  const want = findWant(sentence, subjectStart);
  if (want && want.index === subjectStart) {
    return withGoalAndBenefit(sentence, { start, end, opening: 'as-a', role, wantVerb: wantVerbOf(want), wantEnd: want.index + want[0].length });
  }
  // "As a support agent, I see a confidence score ...": a goal without a want verb.
  const plain = /^I\s+(?=\p{L})/u.exec(sentence.slice(subjectStart));
  if (plain) return withGoalAndBenefit(sentence, { start, end, opening: 'as-a', role, wantVerb: null, wantEnd: subjectStart + plain[0].length - 1 });
  // "As a student, (Jessica) I want ...", "As a user, when I log a symptom, I want ...": an aside before the want.
  if (want && (!early || want.index < early.index)) {
    return withGoalAndBenefit(sentence, { start, end, opening: 'as-a', role, wantVerb: wantVerbOf(want), wantEnd: want.index + want[0].length });
  }
  return parseRoleWithoutGoal(sentence, start, end, roleStart);
}

/** The role ends at the first comma, or before "I" when the author left the comma out. */
function endOfRole(sentence: string, roleStart: number): number {
  const boundary = /,|\s(?=I\s)/.exec(sentence.slice(roleStart, roleStart + 120));
  return boundary ? roleStart + boundary.index : -1;
}

function plausibleRole(role: string): boolean {
  // "As a [user], I want to [action]": a template, not a story.
  if (/^[[<{].*[\]>}]$/.test(role.trim())) return false;
  const words = role.split(/\s+/);
  return words.length <= 10 && !NOT_A_ROLE.has(words[0].toLowerCase()) && !/[.!?]/.test(role.replace(/\b(?:e\.g|i\.e|Dr|Mr|Ms)\./g, ''));
}

/** "As a manager, so that ...": a story attempt that names a role and a benefit but no goal. */
function parseRoleWithoutGoal(sentence: string, start: number, end: number, roleStart: number): ParsedStory | undefined {
  const connector = findConnector(sentence, roleStart);
  if (!connector) return undefined;
  const roleEnd = sentence.slice(roleStart).search(/[,:]/);
  if (roleEnd < 0) return undefined;
  const role = trimSpan(sentence, roleStart, roleStart + roleEnd);
  if (!role || role.end > connector.index + 1 || !plausibleRole(sentence.slice(role.start, role.end)) || sentence.slice(role.start, role.end).split(/\s+/).length > 6) {
    return undefined;
  }
  const benefit = trimSpan(sentence, connector.end, end);
  return { start, end, opening: 'as-a', wantVerb: null, connector: connector.connector, role, benefit, missing: ['goal'] };
}

function parseInOrderTo(sentence: string, start: number, end: number): ParsedStory | undefined {
  const benefitStart = start + IN_ORDER_TO.exec(sentence.slice(start))![0].length;
  const roleMatch = ROLE_AFTER_BENEFIT.exec(sentence.slice(benefitStart));
  if (!roleMatch) return undefined;
  const roleStart = benefitStart + roleMatch.index + roleMatch[0].length;
  const want = findWant(sentence, roleStart);
  if (!want) return undefined;
  const role = trimSpan(sentence, roleStart, want.index);
  if (!role || !plausibleRole(sentence.slice(role.start, role.end))) return undefined;
  const benefit = trimSpan(sentence, benefitStart, benefitStart + roleMatch.index);
  const goal = trimSpan(sentence, goalStart(sentence, want.index + want[0].length), end);
  const missing: StoryPart[] = goal ? [] : ['goal'];
  return { start, end, opening: 'in-order-to', wantVerb: wantVerbOf(want), connector: 'in-order-to', role, goal, benefit, missing };
}

function parseJob(sentence: string, start: number, end: number): ParsedStory | undefined {
  const want = findWant(sentence, start);
  if (!want || !/,\s*$/.test(sentence.slice(start, want.index)) || wantVerbOf(want) === 'can') return undefined;
  if (/\n/.test(sentence.slice(start, want.index))) return undefined;
  const situation = trimSpan(sentence, start + 4, want.index);
  if (!situation) return undefined;
  return withGoalAndBenefit(sentence, { start, end, opening: 'job', role: situation, wantVerb: wantVerbOf(want), wantEnd: want.index + want[0].length });
}

function parseRoleLess(sentence: string, start: number, end: number): ParsedStory | undefined {
  const want = findWant(sentence, start);
  if (!want || want.index !== start) return undefined;
  const wantEnd = want.index + want[0].length;
  if (!findConnector(sentence, wantEnd)) return undefined;
  const story = withGoalAndBenefit(sentence, { start, end, opening: 'role-less', wantVerb: wantVerbOf(want), wantEnd });
  story.missing.unshift('role');
  return story;
}

interface Opened {
  start: number;
  end: number;
  opening: StoryOpening;
  role?: Span;
  wantVerb: WantVerb | null;
  wantEnd: number;
}

function withGoalAndBenefit(sentence: string, opened: Opened): ParsedStory {
  const connector = findConnector(sentence, opened.wantEnd);
  const from = goalStart(sentence, opened.wantEnd);
  const purpose = connector ? undefined : findPurpose(sentence, from, opened.end);
  const goalEnd = connector ? connector.index : (purpose?.index ?? opened.end);
  const goal = trimSpan(sentence, from, goalEnd);
  const benefitStart = connector ? connector.end : purpose?.end;
  const benefit = benefitStart === undefined ? undefined : trimSpan(sentence, benefitStart, opened.end);
  const missing: StoryPart[] = [];
  if (!goal) missing.push('goal');
  if (!benefit) missing.push('benefit');
  return {
    start: opened.start,
    end: opened.end,
    opening: opened.opening,
    wantVerb: opened.wantVerb,
    connector: connector?.connector ?? null,
    role: opened.role,
    goal,
    benefit,
    missing,
  };
}

/** Words before "to" that make it part of the goal ("the ability to", "able to", "access to"), not a purpose. */
const NOT_PURPOSE = new Set(
  'ability able want wants need needs option options way ways chance possibility access time have has going used like allowed permission how where what when whether which is are be been up due next close according related similar compared attention back reply replies respond link links sent send add move moved go come easy hard'.split(
    ' ',
  ),
);
const PURPOSE = /\s(?:in\s+order\s+)?to\s+(?=[a-z])(?!(?:the|a|an|my|your|our|their|his|her|its|all|each|every|this|that|these|those|me|us|them|him|it|do|be)\b)/g;

/** "I want to view my planner to keep track of ...": a purpose infinitive is the story's benefit. */
function findPurpose(sentence: string, from: number, end: number): { index: number; end: number } | undefined {
  const region = sentence.slice(from, end);
  PURPOSE.lastIndex = 0;
  for (let match = PURPOSE.exec(region); match; match = PURPOSE.exec(region)) {
    const before = region.slice(0, match.index).trim().split(/\s+/);
    if (before.length >= 2 && !NOT_PURPOSE.has(before[before.length - 1].toLowerCase())) return { index: from + match.index, end: from + match.index + match[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Stories in a document

const ROLE_HEADER = /^(?:as\s+an?|as|role|who|user|persona|actor)$/i;
const GOAL_HEADER = /^(?:i\s+want(?:\s+to)?|i\s+can|i\s+need(?:\s+to)?|goal|what|want|action|feature)$/i;
const BENEFIT_HEADER = /^(?:so\s+that|benefit|why|value|reason|in\s+order\s+to|so)$/i;
export const CRITERIA_HEADER = /\b(?:acceptance|criteria|definition of done|dod)\b|^ac$/i;

interface TableColumns {
  role: number;
  goal: number;
  benefit: number;
  criteria: number;
}

function tableColumns(header: readonly string[]): TableColumns {
  const find = (pattern: RegExp) => header.findIndex((cell) => pattern.test(trimEndOf(cell.trim(), '.:…')));
  return { role: find(ROLE_HEADER), goal: find(GOAL_HEADER), benefit: find(BENEFIT_HEADER), criteria: find(CRITERIA_HEADER) };
}

/** A story assembled from role / goal / benefit cells, as "As a <role>, I want <goal>, so that <benefit>". */
function storyFromCells(role: string, goal: string, benefit: string): { text: string; parsed: ParsedStory } {
  const lead = 'As a ';
  const want = ', I want ';
  const so = ', so that ';
  const text = `${lead}${role}${want}${goal}${so}${benefit}`;
  const span = (from: number, value: string): Span | undefined => (value ? { start: from, end: from + value.length } : undefined);
  const roleSpan = span(lead.length, role);
  const goalSpan = span(lead.length + role.length + want.length, goal);
  const benefitSpan = span(text.length - benefit.length, benefit);
  const missing: StoryPart[] = [];
  if (!roleSpan) missing.push('role');
  if (!goalSpan) missing.push('goal');
  if (!benefitSpan) missing.push('benefit');
  return {
    text,
    parsed: { start: 0, end: text.length, opening: 'table', wantVerb: 'want', connector: benefit ? 'so-that' : null, role: roleSpan, goal: goalSpan, benefit: benefitSpan, missing },
  };
}

/** How many source lines the first paragraph of a statement spans (a list item's later paragraphs are notes). */
function firstParagraphLines(index: LineIndex, statement: Statement): number {
  let lines = 1;
  while (statement.line + lines <= statement.endLine && index.lineText(statement.line + lines).trim() !== '') lines++;
  return lines;
}

function firstParagraph(index: LineIndex, statement: Statement): string {
  return statement.text.split('\n').slice(0, firstParagraphLines(index, statement)).join(' ');
}

/** Finds `needle` in the statement's source; the statement start when it cannot be found (markup in between). */
export function locate(index: LineIndex, statement: Statement, needle: string, from = statement.startOffset): number {
  if (!needle) return from;
  const at = index.text.slice(from, statement.endOffset).indexOf(needle);
  return at < 0 ? from : from + at;
}

function lineEndAt(index: LineIndex, offset: number): number {
  return index.lineEnd(index.point(offset).line);
}

function makeStory(index: LineIndex, statement: Statement, sectionIndex: number, text: string, parsed: ParsedStory, from?: number): Story {
  const head = text.slice(parsed.start, Math.min(parsed.end, parsed.start + 24));
  const startOffset = locate(index, statement, head, from);
  return { statement, sectionIndex, text, parsed, startOffset, endOffset: Math.max(startOffset, Math.min(lineEndAt(index, startOffset), statement.endOffset)) };
}

function inBlockquote(analysis: SectionAnalysis, statement: Statement): boolean {
  return analysis.section.blocks[statement.block]?.type === 'blockquote';
}

/** Every user story in the document, in order. Stories in block quotes are quotations, not backlog items. */
export function findStories(sections: readonly SectionAnalysis[], index: LineIndex): Story[] {
  const stories: Story[] = [];
  sections.forEach((analysis, sectionIndex) => {
    stories.push(...sectionStories(analysis, sectionIndex, index));
  });
  return stories;
}

/** The stories of one section (they depend on nothing outside it). */
function sectionStories(analysis: SectionAnalysis, sectionIndex: number, index: LineIndex): Story[] {
  const stories: Story[] = [];
  let columns: TableColumns | undefined;
  for (const { statement } of analysis.statements) {
    if (inBlockquote(analysis, statement)) continue;
    if (statement.kind === 'row') {
      if (statement.header) columns = tableColumns(statement.cells ?? []);
      else if (columns) stories.push(...rowStories(index, statement, sectionIndex, columns));
    } else if (statement.kind === 'scenario') {
      stories.push(...jobStoriesIn(index, statement, sectionIndex));
    } else if (statement.kind === 'sentence' || statement.kind === 'bullet') {
      const text = firstParagraph(index, statement);
      const parsed = parseStoryText(text);
      if (parsed) stories.push(makeStory(index, statement, sectionIndex, text, parsed));
    }
  }
  return stories;
}

interface SectionStories {
  stories: Story[];
  /** Index of each story's statement in the section's statements. */
  at: number[];
}

const SECTION_STORIES = new SectionMemo<SectionStories>();

/**
 * The stories last given for a placed section: a section the edit did not move
 * is the same object on the next run (its statements untouched), so its
 * stories are too, while its index in the document is unchanged.
 */
const PLACED_STORIES = new WeakMap<SectionAnalysis, { sectionIndex: number; stories: Story[] }>();

/** sectionStories, remembered per section origin: a moved copy of the section gets the stories moved. */
function storiesOfSection(analysis: SectionAnalysis, sectionIndex: number, index: LineIndex): Story[] {
  const placed = PLACED_STORIES.get(analysis);
  if (placed?.sectionIndex === sectionIndex) return placed.stories;
  const stories = movedStoriesOfSection(analysis, sectionIndex, index);
  PLACED_STORIES.set(analysis, { sectionIndex, stories });
  return stories;
}

function movedStoriesOfSection(analysis: SectionAnalysis, sectionIndex: number, index: LineIndex): Story[] {
  const compute = (): SectionStories => {
    const stories = sectionStories(analysis, sectionIndex, index);
    const position = new Map(analysis.statements.map((judgement, i) => [judgement.statement, i]));
    return { stories, at: stories.map((story) => position.get(story.statement)!) };
  };
  // Copy-then-assign: much faster in V8 than spreading with overrides (every story below an edit moves).
  const move = (memo: SectionStories, _lines: number, offsets: number): SectionStories => ({
    at: memo.at,
    stories: memo.stories.map((story, i) => {
      const moved = { ...story };
      moved.statement = analysis.statements[memo.at[i]].statement;
      moved.sectionIndex = sectionIndex;
      moved.startOffset += offsets;
      moved.endOffset += offsets;
      return moved;
    }),
  });
  return SECTION_STORIES.get(analysis, '', compute, move).stories;
}

function rowStories(index: LineIndex, statement: Statement, sectionIndex: number, columns: TableColumns): Story[] {
  const cells = statement.cells ?? [];
  const criteriaCell = columns.criteria >= 0 ? (cells[columns.criteria] ?? '').trim() : '';
  const table = { hasCriteriaColumn: columns.criteria >= 0, criteriaCell };
  if (columns.role >= 0 && columns.goal >= 0) {
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? '').trim() : '');
    if (!cells.some((value) => value.trim())) return [];
    const { text, parsed } = storyFromCells(cell(columns.role), cell(columns.goal).replace(/^to\s+/i, ''), cell(columns.benefit).replace(/^(?:so\s+that|so)\s+/i, ''));
    if (columns.benefit < 0) parsed.missing = parsed.missing.filter((part) => part !== 'benefit');
    return [{ statement, sectionIndex, text, parsed, table, startOffset: statement.startOffset, endOffset: statement.endOffset }];
  }
  const stories: Story[] = [];
  for (const value of cells) {
    const parsed = parseStoryText(value);
    if (parsed) stories.push({ ...makeStory(index, statement, sectionIndex, value, parsed), table });
  }
  return stories;
}

/** The extractor groups lines that start with "When" into scenarios; job stories hide among them. */
function jobStoriesIn(index: LineIndex, statement: Statement, sectionIndex: number): Story[] {
  const stories: Story[] = [];
  let from = statement.startOffset;
  for (const line of statement.text.split('\n')) {
    const parsed = /^\W*when\s/i.test(line) ? parseStoryText(line) : undefined;
    if (parsed?.opening === 'job') {
      const story = makeStory(index, statement, sectionIndex, line, parsed, from);
      stories.push(story);
      from = story.endOffset;
    }
  }
  return stories;
}

/** True when the line of a scenario is a job story rather than a Given/When/Then step. */
export function isJobStoryLine(line: string): boolean {
  return parseStoryText(line)?.opening === 'job';
}

export function spanText(story: Story, span: Span | undefined): string {
  return span ? story.text.slice(span.start, span.end) : '';
}

// ---------------------------------------------------------------------------
// Comparing stories

const ARTICLES = new Set(['a', 'an', 'the']);

/** Lower case, letters and digits only, no articles, single spaces. */
export function normaliseForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !ARTICLES.has(word))
    .join(' ');
}

const KEYS = new WeakMap<ParsedStory, { whole: string; ask: string }>();

/** Two keys: the whole story, and what it asks (role, want verb, goal) whatever the benefit. */
export function storyKeys(story: Story): { whole: string; ask: string } {
  // A moved story keeps its parsed object (and its text): its keys stay the same.
  let keys = KEYS.get(story.parsed);
  if (!keys) {
    keys = computeKeys(story);
    KEYS.set(story.parsed, keys);
  }
  return keys;
}

function computeKeys(story: Story): { whole: string; ask: string } {
  const { parsed } = story;
  const whole = normaliseForComparison(story.text.slice(parsed.start, parsed.end));
  const ask = parsed.goal ? `${parsed.opening === 'job' ? 'when' : 'as'} ${normaliseForComparison(spanText(story, parsed.role))} | ${parsed.wantVerb} ${normaliseForComparison(spanText(story, parsed.goal))}` : whole;
  return { whole, ask };
}

const STORY_CACHE = new WeakMap<readonly SectionAnalysis[], Story[]>();

/** findStories, computed once per lint run: every story rule reads the same sections. */
export function storiesOf(sections: readonly SectionAnalysis[], index: LineIndex): Story[] {
  let stories = STORY_CACHE.get(sections);
  if (!stories) {
    stories = sections.flatMap((analysis, sectionIndex) => storiesOfSection(analysis, sectionIndex, index));
    STORY_CACHE.set(sections, stories);
  }
  return stories;
}

export function storyExcerpt(story: Story, max = 60): string {
  const text = story.text.slice(story.parsed.start, story.parsed.end).trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
