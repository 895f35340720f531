import { analyseChunk } from '../analyse.js';
import { findStories, storiesOf, storyExcerpt, storyKeys, type Story } from '../stories.js';
import { LineIndex } from '../text.js';
import type { Finding, LintResult, Severity, SeveritySetting } from '../types.js';
import { docsUrl, type Rule } from './types.js';

export const STORY_UNIQUE_ID = 'story-unique';

interface Seen {
  story: Story;
  exact: string;
}

/** How two stories match: the same text, the same after normalising, or the same role and goal. */
function sameness(first: Seen, story: Story, whole: string): string {
  const exact = story.text.slice(story.parsed.start, story.parsed.end).trim();
  if (exact === first.exact) return 'repeats';
  if (whole === storyKeys(first.story).whole) return 'repeats, apart from case, punctuation or articles,';
  return 'asks for the same thing (same role and goal) as';
}

/** The same story twice in one document. */
export const storyUnique: Rule = {
  id: STORY_UNIQUE_ID,
  description: 'Each user story appears once: no duplicates, also after ignoring case, punctuation, articles and the benefit.',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: {},
  check(context) {
    const byWhole = new Map<string, Seen>();
    const byAsk = new Map<string, Seen>();
    for (const story of storiesOf(context.sections, context.index)) {
      const { whole, ask } = storyKeys(story);
      const first = byWhole.get(whole) ?? byAsk.get(ask);
      if (!first) {
        const seen = { story, exact: story.text.slice(story.parsed.start, story.parsed.end).trim() };
        byWhole.set(whole, seen);
        if (!byAsk.has(ask)) byAsk.set(ask, seen);
        continue;
      }
      const firstLine = context.index.point(first.story.startOffset).line;
      context.report({
        message: `The story "${storyExcerpt(story)}" ${sameness(first, story, whole)} the story on line ${firstLine}: duplicates split the discussion and get estimated and built twice; keep one.`,
        range: context.index.range(story.startOffset, story.endOffset),
        related: [{ range: context.index.range(first.story.startOffset, first.story.endOffset), message: 'first occurrence of this story' }],
      });
    }
  },
};

export interface StoryFile {
  fileName: string;
  text: string;
  result: LintResult;
  /** The severity story-unique has for this file; 'off' keeps the file's findings out (its stories still count). */
  severity?: SeveritySetting;
}

interface Occurrence {
  file: StoryFile;
  index: LineIndex;
  story: Story;
}

/**
 * Stories that appear in more than one of the given documents (a workspace, a
 * CLI run over several files). Pure: the stories are re-derived from each
 * text. Returns the findings to add, per file name. Within one document the
 * rule itself reports duplicates; here only other files count.
 */
export function crossDocumentStoryFindings(files: readonly StoryFile[]): Map<string, Finding[]> {
  const byAsk = new Map<string, Occurrence[]>();
  for (const file of files) {
    if (file.result.skipped || file.result.kind === 'unknown') continue;
    const index = new LineIndex(file.text);
    for (const story of findStories(analyseChunk(file.text, []), index)) {
      const { ask } = storyKeys(story);
      const list = byAsk.get(ask) ?? [];
      list.push({ file, index, story });
      byAsk.set(ask, list);
    }
  }
  const findings = new Map<string, Finding[]>();
  for (const occurrences of byAsk.values()) {
    for (const occurrence of occurrences) {
      const elsewhere = occurrences.find((other) => other.file.fileName !== occurrence.file.fileName);
      const severity = occurrence.file.severity ?? storyUnique.defaultSeverity;
      if (!elsewhere || severity === 'off') continue;
      const list = findings.get(occurrence.file.fileName) ?? [];
      list.push(crossFinding(occurrence, elsewhere, severity));
      findings.set(occurrence.file.fileName, list);
    }
  }
  return findings;
}

function crossFinding(occurrence: Occurrence, elsewhere: Occurrence, severity: Severity): Finding {
  const otherLine = elsewhere.index.point(elsewhere.story.startOffset).line;
  return {
    ruleId: STORY_UNIQUE_ID,
    severity,
    message:
      `The story "${storyExcerpt(occurrence.story)}" also appears in ${elsewhere.file.fileName} (line ${otherLine}): ` +
      'a story kept in two documents drifts apart and gets built twice; keep it in one and link to it.',
    range: occurrence.index.range(occurrence.story.startOffset, occurrence.story.endOffset),
    url: docsUrl(STORY_UNIQUE_ID),
    evidence: [],
    related: [],
  };
}
