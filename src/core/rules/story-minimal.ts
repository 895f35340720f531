import { SectionReportMemo } from '../section-memo.js';
import { storyExcerpt, type Story } from '../stories.js';
import { reportStoriesBySection } from './helpers.js';
import type { Report, Rule, RuleContext } from './types.js';

/**
 * Trailing metadata that backlogs put after a story and that is not part of
 * the story sentence: "(3 pts)", "(P1)", "(#412)", "(PAY-12)", "(must)".
 */
const METADATA = /^\((?:\d{1,4}(?:\.\d{1,2})?\s?(?:pts?|points?|sp|story\s+points?|d|h|days?|hours?)|P[0-4]|#\d{1,9}|[A-Z][A-Z0-9]{0,9}-\d{1,9}|must|should|could|won['’]t|high|medium|low)\)\.?$/i;

/** The text with trailing metadata blanked out (same length, so indexes still match). */
function withoutTrailingMetadata(text: string): string {
  const trimmed = text.trimEnd();
  const open = trimmed.lastIndexOf('(');
  if (open < 0 || !METADATA.test(trimmed.slice(open))) return text;
  return text.slice(0, open) + ' '.repeat(text.length - open);
}

interface Extra {
  start: number;
  end: number;
  what: string;
}

const BRACKETS = 'a note in brackets';

const MARKERS: { pattern: RegExp; what: string }[] = [
  { pattern: /\([^()\n]{0,300}\)?|\[[^[\]\n]{0,300}\]?/g, what: BRACKETS },
  { pattern: /\b(?:e\.g\.|i\.e\.|etc\.?|for example|for instance)/gi, what: 'an example or aside' },
  { pattern: /\s(?:—|–|--|-)\s/g, what: 'an aside after a dash' },
];

/**
 * Brackets that label rather than explain: a plural "listing(s)", a persona
 * name "(Zachary)", an acronym "(ETA)", a template placeholder "[user]".
 */
function isLabelInBrackets(sentence: string, at: number, bracketed: string): boolean {
  if (at > 0 && /[\p{L}\p{N}]/u.test(sentence[at - 1])) return true;
  const inner = bracketed.slice(1, -1).trim();
  if (/\s/.test(inner) || inner === '') return false;
  return /^\p{Lu}[\p{L}-]*$/u.test(inner) || /^[\p{Lu}\d-]{2,8}$/u.test(inner) || bracketed.startsWith('[');
}

/** The extra text inside or after a story sentence; [] when the story is just the story. */
export function extraText(story: Story): Extra[] {
  const { parsed } = story;
  const item = withoutTrailingMetadata(story.text);
  const sentence = item.slice(parsed.start, parsed.end);
  const extras: Extra[] = [];
  for (const { pattern, what } of MARKERS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
      if (what === BRACKETS && isLabelInBrackets(sentence, match.index, match[0])) continue;
      extras.push({ start: parsed.start + match.index, end: parsed.start + match.index + match[0].length, what });
    }
  }
  const after = item.slice(parsed.end).trim();
  if (after) {
    const at = item.indexOf(after, parsed.end);
    extras.push({ start: at, end: at + after.length, what: 'a trailing explanation' });
  }
  return extras.sort((a, b) => a.start - b.start);
}

/** No notes, examples or explanations inside the story sentence. */
export const storyMinimal: Rule = {
  id: 'story-minimal',
  description: 'A user story is only the story: no notes in brackets, examples ("e.g.") or trailing explanations in the story sentence.',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: {},
  check(context) {
    reportStoriesBySection(context, REPORTS, '', (stories) => storyReports(context, stories));
  },
};

const REPORTS = new SectionReportMemo<Report>();

function storyReports(context: RuleContext, stories: readonly Story[]): Report[] {
  const reports: Report[] = [];
  for (const story of stories) {
    if (story.parsed.opening === 'table') continue;
    const extras = extraText(story);
    if (extras.length === 0) continue;
    const first = extras[0];
    const snippet = story.text.slice(first.start, first.end).trim();
    const at = context.index.text.slice(story.startOffset, story.statement.endOffset).indexOf(snippet);
    const start = at < 0 ? story.startOffset : story.startOffset + at;
    reports.push({
      message:
        `The story "${storyExcerpt(story, 40)}" carries extra text (${first.what}: "${snippet.length > 40 ? `${snippet.slice(0, 39)}…` : snippet}"): ` +
        'notes inside the story blur the one thing it asks for; move them to notes or acceptance criteria.',
      range: at < 0 ? context.index.range(story.startOffset, story.endOffset) : context.index.range(start, start + snippet.length),
    });
  }
  return reports;
}
