// Shared reading of acceptance criteria: the steps of a Given/When/Then
// scenario (from the source lines, so keyword fixes hit the exact characters)
// and which statements of a document are acceptance criteria at all.
import { isJobStoryLine, type Story } from './stories.js';
import { SectionMemo } from './section-memo.js';
import type { LineIndex } from './text.js';
import type { Block, Section, SectionAnalysis, Statement } from './types.js';

export type StepKeyword = 'Given' | 'When' | 'Then' | 'And' | 'But';

export interface Step {
  keyword: StepKeyword;
  /** The keyword as written ("given", "GIVEN", "Given"). */
  written: string;
  /** Source offset of the keyword. */
  offset: number;
  line: number;
  /** Source offset of the end of the step's line (or of the inline step). */
  endOffset: number;
  /** True when the keyword opens a line; false for inline steps ("Given x, when y, then z"). */
  lineStart: boolean;
  /** The previous source line ends with a comma: the keyword continues a sentence. */
  continuesSentence: boolean;
}

const LINE_PREFIX = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?/;
const KEYWORD = /^(given|when|then|and|but)\b/i;
// Inside a line only Given/When/Then open steps ("..., and ..." is prose); "then" may follow a plain space.
const INLINE_KEYWORD = /(?:[,;]|(?<!\band)[ \t](?=then\b))[ \t]{0,3}(?:\*\*|__)?(given|when|then)\b/gi;

function canonical(written: string): StepKeyword {
  const lower = written.toLowerCase();
  return (lower[0].toUpperCase() + lower.slice(1)) as StepKeyword;
}

/** The steps of one scenario statement, read from its source lines; job-story lines are left out. */
export function scenarioSteps(index: LineIndex, statement: Statement): Step[] {
  const steps: Step[] = [];
  for (let line = firstStepLine(index, statement); line <= statement.endLine; line++) {
    const raw = index.lineText(line);
    const prefix = LINE_PREFIX.exec(raw)![0];
    const body = raw.slice(prefix.length);
    const keyword = KEYWORD.exec(body);
    if (!keyword || isJobStoryLine(body.replace(/\*\*|__/g, ''))) continue;
    const lineStart = index.lineStart(line);
    const previous = line > 1 ? index.lineText(line - 1).trimEnd() : '';
    const firstEnd = firstInlineStep(body, keyword[0].length);
    steps.push({
      keyword: canonical(keyword[1]),
      written: keyword[1],
      offset: lineStart + prefix.length,
      line,
      endOffset: lineStart + prefix.length + firstEnd,
      lineStart: true,
      continuesSentence: previous.endsWith(',') && line > statement.line,
    });
    steps.push(...inlineSteps(body, lineStart + prefix.length, line));
  }
  return steps;
}

/**
 * The extractor starts a scenario at Given/When/Then; an And or But on the
 * lines right above it belongs to the scenario too (as a dangling step).
 */
function firstStepLine(index: LineIndex, statement: Statement): number {
  let line = statement.line;
  while (line > 1) {
    const raw = index.lineText(line - 1);
    if (!/^(?:and|but)\b/i.test(raw.slice(LINE_PREFIX.exec(raw)![0].length))) break;
    line--;
  }
  return line;
}

function firstInlineStep(body: string, from: number): number {
  INLINE_KEYWORD.lastIndex = from;
  const next = INLINE_KEYWORD.exec(body);
  return next ? next.index : body.trimEnd().length;
}

function inlineSteps(body: string, bodyOffset: number, line: number): Step[] {
  const steps: Step[] = [];
  INLINE_KEYWORD.lastIndex = 0;
  const matches = [...body.matchAll(INLINE_KEYWORD)];
  matches.forEach((match, i) => {
    const keywordAt = match.index + match[0].length - match[1].length;
    const end = i + 1 < matches.length ? matches[i + 1].index : body.trimEnd().length;
    steps.push({ keyword: canonical(match[1]), written: match[1], offset: bodyOffset + keywordAt, line, endOffset: bodyOffset + end, lineStart: false, continuesSentence: true });
  });
  return steps;
}

// ---------------------------------------------------------------------------
// Step runs read straight from a section's lines (criteria-gherkin's own
// reading, so it does not depend on how the classifier groups statements)

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const GHERKIN_LANG = /^(?:gherkin|feature|cucumber)$/i;
const LIST_MARKER = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
// Feature:, Background:, Scenario:, Scenario Outline:, Examples: ... end a run of steps.
const GHERKIN_HEADER = /^[ \t]*(?:feature|background|rule|scenario(?: outline| template)?|examples?|scenarios)[ \t]*:/i;

/** Blocks whose lines may hold steps: prose, lists, quotes and gherkin fences. */
const STEP_BLOCKS = new Set(['paragraph', 'list', 'blockquote', 'code']);

interface Fence {
  marker: string;
  gherkin: boolean;
}

/**
 * The runs of consecutive step lines of a section, outside code blocks except
 * gherkin fences. A line that is no step ends the run unless it wraps the step
 * above (no list marker, no blank line in prose) or is a step argument in a
 * gherkin fence (tables, doc strings).
 */
export function sectionStepRuns(index: LineIndex, section: Section): Step[][] {
  const runs: Step[][] = [];
  for (const block of section.blocks) {
    if (!STEP_BLOCKS.has(block.type)) continue;
    runs.push(...blockStepRuns(index, block));
  }
  return runs.filter((run) => run.length > 0);
}

const SECTION_STEP_RUNS = new SectionMemo<Step[][]>();

/** sectionStepRuns remembered per section origin (the runs read only the section's own lines). */
export function stepRunsOf(index: LineIndex, analysis: SectionAnalysis): Step[][] {
  const move = (runs: Step[][], lines: number, offsets: number): Step[][] =>
    lines === 0 && offsets === 0
      ? runs
      : runs.map((run) => run.map((step) => ({ ...step, line: step.line + lines, offset: step.offset + offsets, endOffset: step.endOffset + offsets })));
  return SECTION_STEP_RUNS.get(analysis, '', () => sectionStepRuns(index, analysis.section), move);
}

function blockStepRuns(index: LineIndex, block: Block): Step[][] {
  const runs: Step[][] = [[]];
  const current = (): Step[] => runs[runs.length - 1];
  const endRun = () => {
    if (current().length) runs.push([]);
  };
  let fence: Fence | undefined;
  let proseOpen = false;
  // Background steps set the scene for every scenario: they need no When or Then.
  let inBackground = false;
  for (let line = block.startLine; line <= block.endLine; line++) {
    const raw = index.lineText(line);
    const unquoted = raw.replace(/^[ \t]*(?:>[ \t]?)*/, '').replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '');
    const marker = FENCE.exec(unquoted);
    if (marker && (!fence || (marker[1][0] === fence.marker[0] && marker[1].length >= fence.marker.length && !marker[2]))) {
      fence = fence ? undefined : { marker: marker[1], gherkin: GHERKIN_LANG.test(marker[2]) };
      inBackground = false;
      endRun();
      continue;
    }
    if (block.type === 'code' && !fence) return [];
    if (fence && !fence.gherkin) continue;
    if (fence && GHERKIN_HEADER.test(raw)) {
      inBackground = /^[ \t]*background[ \t]*:/i.test(raw);
      endRun();
      continue;
    }
    if (inBackground) continue;
    // "... nodes A⏎and B, when ..." wraps a sentence: a keyword there opens no step.
    const wrapsProse: boolean = !fence && proseOpen && current().length === 0 && !LIST_MARKER.test(raw);
    const steps: Step[] = wrapsProse ? [] : lineSteps(index, line);
    proseOpen = !fence && steps.length === 0 && !sentenceEnded(raw);
    if (steps.length) {
      // A comma above only joins a sentence when that line was a step of this run.
      if (current().length === 0) steps[0].continuesSentence = false;
      current().push(...steps);
    } else if (endsStepRun(raw, block, fence)) {
      endRun();
    }
  }
  return runs;
}

/** A blank line, or prose that ends a sentence, a label ("...:") or a bold pseudo-heading. */
function sentenceEnded(raw: string): boolean {
  const text = raw.replace(/^[ \t]*(?:>[ \t]?)*/, '').trimEnd();
  return text === '' || /(?:[.!?:]["')\]]?|\*\*|__)$/.test(text);
}

function endsStepRun(raw: string, block: Block, fence: Fence | undefined): boolean {
  const blank = raw.replace(/^[ \t]*(?:>[ \t]?)*/, '').trim() === '';
  if (fence) return false;
  if (blank) return block.type !== 'list';
  return LIST_MARKER.test(raw) || GHERKIN_HEADER.test(raw);
}

/** The steps that open one source line: its keyword step and any inline steps after it. */
function lineSteps(index: LineIndex, line: number): Step[] {
  const raw = index.lineText(line);
  const prefix = LINE_PREFIX.exec(raw)![0];
  const body = raw.slice(prefix.length);
  const keyword = KEYWORD.exec(body);
  if (!keyword || isJobStoryLine(body.replace(/\*\*|__/g, ''))) return [];
  const lineStart = index.lineStart(line);
  const previous = line > 1 ? index.lineText(line - 1).trimEnd() : '';
  return [
    {
      keyword: canonical(keyword[1]),
      written: keyword[1],
      offset: lineStart + prefix.length,
      line,
      endOffset: lineStart + prefix.length + firstInlineStep(body, keyword[0].length),
      lineStart: true,
      continuesSentence: previous.endsWith(','),
    },
    ...inlineSteps(body, lineStart + prefix.length, line),
  ];
}

// ---------------------------------------------------------------------------
// Which statements are acceptance criteria

export interface CriteriaStatement {
  analysis: SectionAnalysis;
  statement: Statement;
  /** Why it counts as a criterion, for messages ("a Given/When/Then step", "under "Acceptance criteria""). */
  context: string;
}

const LABEL = /^(?:acceptance criteria|acceptance tests?|acceptance|criteria|ac|definition of done|dod)$/i;
const LABEL_PREFIX = /^(?:acceptance criteria|acceptance|ac|criteria)\s*:\s*\S/i;
const NOTE_PREFIX = /^(?:note|notes|nb|link|links|see|question|q|todo|fyi|owner|design|estimate|priority)\b\s*[:-]/i;

/** Case-insensitive literal match of a heading against the configured patterns. */
export function headingMatches(heading: string, patterns: readonly string[]): boolean {
  // "Checkout — Product Requirements Document" is a document title, not a list of requirements.
  const lower = heading.toLowerCase().replace(/\b(?:product\s+)?requirements?\s+doc(?:ument)?\b/g, '');
  return patterns.some((pattern) => pattern.trim() !== '' && lower.includes(pattern.trim().toLowerCase()));
}

/**
 * Cuts the steps of one scenario statement into scenarios: a line that holds
 * a whole scenario ("Given ..., when ..., then ...") stands alone, and a
 * Given after a Then opens the next scenario (lists of scenarios).
 */
export function splitScenarios(steps: readonly Step[]): Step[][] {
  const scenarios: Step[][] = [];
  let current: Step[] = [];
  const flush = () => {
    if (current.length) scenarios.push(current);
    current = [];
  };
  for (let i = 0; i < steps.length; ) {
    let j = i + 1;
    while (j < steps.length && steps[j].line === steps[i].line) j++;
    const line = steps.slice(i, j);
    if (line.length >= 2) {
      flush();
      scenarios.push(line);
    } else {
      if (line[0].keyword === 'Given' && current.some((step) => step.keyword === 'Then')) flush();
      current.push(line[0]);
    }
    i = j;
  }
  flush();
  return scenarios;
}

/** A scenario of at least two steps (a lone "When the parcel is late, ..." is prose). */
export function isScenario(index: LineIndex, statement: Statement): boolean {
  return statement.kind === 'scenario' && splitScenarios(scenarioSteps(index, statement)).some((steps) => steps.length >= 2);
}

const SECTION_SCENARIOS = new SectionMemo<boolean[]>();

/** isScenario for every statement of a section, by statement index; remembered per section origin (it reads only the section's lines). */
export function scenarioFlags(index: LineIndex, analysis: SectionAnalysis): readonly boolean[] {
  return SECTION_SCENARIOS.get(
    analysis,
    '',
    () => analysis.statements.map(({ statement }) => isScenario(index, statement)),
    (flags) => flags,
  );
}

/** A paragraph or pseudo-heading that announces criteria: "**Acceptance criteria**", "AC:". */
export function isCriteriaLabel(statement: Statement): boolean {
  const text = statement.text.replace(/[*_]/g, '').trim();
  return LABEL.test((text.endsWith(':') ? text.slice(0, -1) : text).trim());
}

export function isNote(text: string): boolean {
  return NOTE_PREFIX.test(text.trim());
}

const NO_STATEMENTS: ReadonlySet<Statement> = new Set();

/**
 * The statements of one section that are acceptance criteria: scenarios;
 * every statement of a section whose heading matches `headingPatterns`;
 * statements after an "Acceptance criteria" label; task-list items and nested
 * items under a story; "AC: ..." items. Stories themselves (`stories`, the
 * section's own) are never criteria.
 */
export function sectionCriteriaStatements(analysis: SectionAnalysis, index: LineIndex, stories: readonly Story[], headingPatterns: readonly string[]): CriteriaStatement[] {
  const storyStatements = stories.length ? new Set(stories.map((story) => story.statement)) : NO_STATEMENTS;
  return criteriaOfSection(analysis, index, storyStatements, headingPatterns, headingPatterns.join('\u0000'));
}

interface SectionCriteria {
  found: CriteriaStatement[];
  /** Index of each criterion's statement in the section's statements. */
  at: number[];
}

const SECTION_CRITERIA = new SectionMemo<SectionCriteria>();

/**
 * One section's criteria, remembered per section origin. The section's stories
 * come from its own content (storiesOf), so the origin and the heading
 * patterns decide the result.
 */
function criteriaOfSection(analysis: SectionAnalysis, index: LineIndex, storyStatements: ReadonlySet<Statement>, headingPatterns: readonly string[], variant: string): CriteriaStatement[] {
  const compute = (): SectionCriteria => {
    const found: CriteriaStatement[] = [];
    const at: number[] = [];
    sectionCriteria(analysis, index, storyStatements, headingPatterns, (i, statement, context) => {
      found.push({ analysis, statement, context });
      at.push(i);
    });
    return { found, at };
  };
  const move = (memo: SectionCriteria): SectionCriteria => ({
    at: memo.at,
    found: memo.found.map((criterion, i) => ({ analysis, statement: analysis.statements[memo.at[i]].statement, context: criterion.context })),
  });
  return SECTION_CRITERIA.get(analysis, variant, compute, move).found;
}

function sectionCriteria(
  analysis: SectionAnalysis,
  index: LineIndex,
  storyStatements: ReadonlySet<Statement>,
  headingPatterns: readonly string[],
  found: (i: number, statement: Statement, context: string) => void,
): void {
  const byHeading = analysis.section.headingLine !== null && headingMatches(analysis.section.heading, headingPatterns);
  const sectionHasStory = storyStatements.size > 0;
  let afterLabel = false;
  let storyDepth: number | undefined;
  analysis.statements.forEach(({ statement }, i) => {
    if (storyStatements.has(statement)) {
      storyDepth = statement.kind === 'bullet' ? (statement.listDepth ?? 0) : undefined;
      afterLabel = false;
      if (statement.kind !== 'scenario') return;
    } else if (storyDepth !== undefined && !(statement.kind === 'bullet' && (statement.listDepth ?? 0) > storyDepth)) {
      storyDepth = undefined;
    }
    if (isCriteriaLabel(statement)) {
      afterLabel = true;
      return;
    }
    if (analysis.section.blocks[statement.block]?.pseudoHeading) afterLabel = false;
    if (statement.header) return;
    const context = criteriaContext(index, statement, { byHeading, afterLabel, sectionHasStory, storyDepth, heading: analysis.section.heading });
    if (context) found(i, statement, context);
  });
}

interface Where {
  byHeading: boolean;
  afterLabel: boolean;
  sectionHasStory: boolean;
  storyDepth: number | undefined;
  heading: string;
}

function criteriaContext(index: LineIndex, statement: Statement, where: Where): string | undefined {
  if (statement.kind === 'scenario') return isScenario(index, statement) ? 'a Given/When/Then scenario' : undefined;
  if (where.byHeading) return `under "${where.heading}"`;
  if (where.afterLabel) return 'under an acceptance-criteria label';
  if (statement.kind !== 'bullet') return LABEL_PREFIX.test(statement.text) ? 'an "AC:" line' : undefined;
  if (LABEL_PREFIX.test(statement.text)) return 'an "AC:" item';
  if (isNote(statement.text)) return undefined;
  if (where.sectionHasStory && statement.checked !== null && statement.checked !== undefined) return 'a checklist under a story';
  if (where.storyDepth !== undefined && (statement.listDepth ?? 0) > where.storyDepth) return 'an item nested under a story';
  return undefined;
}
