import { analyseChunk } from '../analyse.js';
import { splitChunks } from '../chunks.js';
import { findStories, storiesOf, storyExcerpt, storyKeys, type Story } from '../stories.js';
import { SectionMemo } from '../section-memo.js';
import { LineIndex } from '../text.js';
import type { Finding, LintResult, SectionAnalysis, Severity, SeveritySetting } from '../types.js';
import { storiesBySection } from './helpers.js';
import { docsUrl, type Rule } from './types.js';

export const STORY_UNIQUE_ID = 'story-unique';

/** What story-unique compares of a story: read from its text only, so remembered per section origin. */
interface StoryFacts {
  whole: string;
  ask: string;
  /** The story as written (trimmed). */
  exact: string;
  excerpt: string;
}

interface Seen {
  story: Story;
  facts: StoryFacts;
}

/** How two stories match: the same text, the same after normalising, or the same role and goal. */
function sameness(first: StoryFacts, facts: StoryFacts): string {
  if (facts.exact === first.exact) return 'repeats';
  if (facts.whole === first.whole) return 'repeats, apart from case, punctuation or articles,';
  return 'asks for the same thing (same role and goal) as';
}

function storyFacts(story: Story): StoryFacts {
  const { whole, ask } = storyKeys(story);
  return { whole: canonical(whole), ask: canonical(ask), exact: canonical(story.text.slice(story.parsed.start, story.parsed.end).trim()), excerpt: storyExcerpt(story) };
}

/**
 * One string object per distinct key: the duplicates' keys are then the same
 * object, so the map lookups and comparisons on every keystroke stop at the
 * reference instead of comparing characters.
 */
const CANONICAL = new Map<string, string>();
const MAX_CANONICAL = 50_000;

function canonical(key: string): string {
  const known = CANONICAL.get(key);
  if (known !== undefined) return known;
  if (CANONICAL.size >= MAX_CANONICAL) CANONICAL.clear();
  CANONICAL.set(key, key);
  return key;
}

/**
 * The facts of a section's stories, in order. A section's stories come from
 * its own content, so its origin decides them; a keystroke elsewhere only
 * looks them up.
 */
const SECTION_FACTS = new SectionMemo<StoryFacts[]>();

function factsOf(analysis: SectionAnalysis, stories: readonly Story[]): StoryFacts[] {
  return SECTION_FACTS.get(analysis, '', () => stories.map(storyFacts), (facts) => facts);
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
    for (const [analysis, stories] of storiesBySection(context)) {
      const facts = factsOf(analysis, stories);
      for (let i = 0; i < stories.length; i++) {
        const story = stories[i];
        const mine = facts[i];
        const first = byWhole.get(mine.whole) ?? byAsk.get(mine.ask);
        if (!first) {
          const seen = { story, facts: mine };
          byWhole.set(mine.whole, seen);
          if (!byAsk.has(mine.ask)) byAsk.set(mine.ask, seen);
          continue;
        }
        const firstRange = context.index.range(first.story.startOffset, first.story.endOffset);
        context.report({
          message: `The story "${mine.excerpt}" ${sameness(first.facts, mine)} the story on line ${firstRange.start.line}: duplicates split the discussion and get estimated and built twice; keep one.`,
          range: context.index.range(story.startOffset, story.endOffset),
          related: [{ range: firstRange, message: 'first occurrence of this story' }],
        });
      }
    }
  },
};

export interface StoryFile {
  fileName: string;
  text: string;
  result: LintResult;
  /** The severity story-unique has for this file; 'off' keeps the file's findings out (its stories still count). */
  severity?: SeveritySetting;
  /** The file's stories as its linter found them (`Linter.storyAsks`); read again from the text when absent. */
  asks?: readonly StoryAsk[];
}

/** What cross-document matching needs of a story: its key, where it is, how to quote it. */
export interface StoryAsk {
  ask: string;
  startOffset: number;
  endOffset: number;
  excerpt: string;
}

interface Occurrence {
  file: StoryFile;
  story: StoryAsk;
}

/**
 * Stories per chunk (a top-level heading and its body, as the linter caches
 * them), keyed by the chunk's text: a workspace re-analysed after one edit
 * re-parses only the chunks that changed. Bounded, oldest first out.
 */
const CHUNK_ASKS = new Map<string, StoryAsk[]>();
const CHUNK_ASKS_LIMIT = 4096;

function chunkAsks(text: string): StoryAsk[] {
  const cached = CHUNK_ASKS.get(text);
  if (cached) {
    CHUNK_ASKS.delete(text);
    CHUNK_ASKS.set(text, cached);
    return cached;
  }
  const asks = findStories(analyseChunk(text, []), new LineIndex(text)).map(toAsk);
  CHUNK_ASKS.set(text, asks);
  if (CHUNK_ASKS.size > CHUNK_ASKS_LIMIT) CHUNK_ASKS.delete(CHUNK_ASKS.keys().next().value!);
  return asks;
}

function toAsk(story: Story): StoryAsk {
  return { ask: storyKeys(story).ask, startOffset: story.startOffset, endOffset: story.endOffset, excerpt: storyExcerpt(story) };
}

/** What cross-document matching needs of a linted document's stories (no parsing: the linter's analysis). */
export function storyAsksOf(sections: readonly SectionAnalysis[], index: LineIndex): StoryAsk[] {
  return storiesOf(sections, index).map(toAsk);
}

/** The stories of a document, with offsets in the whole text. */
function documentAsks(text: string): StoryAsk[] {
  return splitChunks(text).flatMap((chunk) =>
    chunkAsks(chunk.text).map((ask) => ({ ...ask, startOffset: ask.startOffset + chunk.startOffset, endOffset: ask.endOffset + chunk.startOffset })),
  );
}

/**
 * Stories that appear in more than one of the given documents (a workspace, a
 * CLI run over several files). Pure in its result: the stories are re-derived
 * from each text, chunk by chunk as the linter reads it (cached by chunk
 * text). Returns the findings to add, per file name. Within one document the
 * rule itself reports duplicates; here only other files count.
 */
export function crossDocumentStoryFindings(files: readonly StoryFile[]): Map<string, Finding[]> {
  const byAsk = new Map<string, Occurrence[]>();
  for (const file of files) {
    if (file.result.skipped || file.result.kind === 'unknown') continue;
    for (const story of file.asks ?? documentAsks(file.text)) {
      const list = byAsk.get(story.ask) ?? [];
      list.push({ file, story });
      byAsk.set(story.ask, list);
    }
  }
  const indexes = new Map<StoryFile, LineIndex>();
  const indexOf = (file: StoryFile) => indexes.get(file) ?? indexes.set(file, new LineIndex(file.text)).get(file)!;
  const findings = new Map<string, Finding[]>();
  for (const occurrences of byAsk.values()) {
    for (const occurrence of occurrences) {
      const elsewhere = occurrences.find((other) => other.file.fileName !== occurrence.file.fileName);
      const severity = occurrence.file.severity ?? storyUnique.defaultSeverity;
      if (!elsewhere || severity === 'off') continue;
      const list = findings.get(occurrence.file.fileName) ?? [];
      list.push(crossFinding(occurrence, indexOf(occurrence.file), elsewhere, indexOf(elsewhere.file), severity));
      findings.set(occurrence.file.fileName, list);
    }
  }
  return findings;
}

function crossFinding(occurrence: Occurrence, index: LineIndex, elsewhere: Occurrence, otherIndex: LineIndex, severity: Severity): Finding {
  const otherLine = otherIndex.point(elsewhere.story.startOffset).line;
  return {
    ruleId: STORY_UNIQUE_ID,
    severity,
    message:
      `The story "${occurrence.story.excerpt}" also appears in ${elsewhere.file.fileName} (line ${otherLine}): ` +
      'a story kept in two documents drifts apart and gets built twice; keep it in one and link to it.',
    range: index.range(occurrence.story.startOffset, occurrence.story.endOffset),
    url: docsUrl(STORY_UNIQUE_ID),
    evidence: [],
    related: [],
  };
}
