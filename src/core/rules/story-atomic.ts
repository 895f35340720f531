import { SectionReportMemo } from '../section-memo.js';
import { spanText, storyExcerpt, trimEndOf, type Story } from '../stories.js';
import type { Suggestion } from '../types.js';
import { reportStoriesBySection } from './helpers.js';
import type { Report, Rule, RuleContext } from './types.js';

/**
 * Verbs that open a goal in user stories. A conjunction followed by one of
 * them joins two actions ("search and filter orders"); followed by anything
 * else it joins two things inside one noun phrase ("name and email").
 */
export const GOAL_VERBS: ReadonlySet<string> = new Set(
  (
    'accept access add adjust apply approve archive assign attach audit authorise authorize back bill block book browse build bulk-edit calculate ' +
    'call cancel capture change charge chat check choose claim clone close collect comment compare complete configure confirm connect contact copy ' +
    'create customise customize decline delete deploy disable dismiss download draft duplicate edit email enable enrol enroll enter escalate ' +
    'estimate export fill filter find fix flag follow forward freeze generate give grade group hide import install invite issue join keep label ' +
    'launch leave link list load lock log look manage mark merge message migrate monitor move mute notify open order pause pay pin place plan ' +
    'play post preview print prioritise prioritize publish purchase rate reassign receive record redeem refund register reject release reload ' +
    'remind remove rename renew reopen reorder repeat reply report request reschedule reserve reset resolve restore resume retry return reuse ' +
    'review revoke rerun run save scan schedule score search see select sell send set share ship sign skip snooze sort split start stop store ' +
    'submit subscribe suspend swap switch sync tag test track transfer trigger unlock unsubscribe update upgrade upload validate verify view ' +
    'vote watch withdraw write reconcile assess annotate bookmark compose convert crop deactivate delegate detect dispatch dispute embed ' +
    'encrypt highlight inspect invoice measure modify negotiate onboard organise organize prescribe rank redact replace rotate summarise ' +
    'summarize translate unpublish unblock upvote visit weigh discard refill lend borrow donate override'
  ).split(' '),
);

/** Nouns that often follow a verb-like word in a compound ("transfer history", "search results"). */
const COMPOUND_HEADS: ReadonlySet<string> = new Set(
  'address addresses history status details settings results log logs list lists options preferences records summary data page pages button queue form limit limits fee fees date dates time times code codes number numbers total totals amount rate rates report reports view views window link links'.split(
    ' ',
  ),
);

/** Fixed pairs that name one thing: "terms and conditions", "drag and drop", "read/write". */
const FIXED_PAIRS: ReadonlySet<string> = new Set([
  'terms and conditions',
  'drag and drop',
  'copy and paste',
  'cut and paste',
  'pros and cons',
  'black and white',
  'pick and pack',
  'click and collect',
  'profit and loss',
  'read and write',
  'read/write',
  'trial and error',
  'search and replace',
  'find and replace',
  'buy now and pay later',
  'question and answer',
  'questions and answers',
  'dos and donts',
  'plug and play',
  'check in and check out',
  'sign up and sign in',
  'log in and log out',
  'stop and start',
  'start and end',
  'start and stop',
  'q&a',
  'r&d',
  'p&l',
  't&c',
  'm&a',
]);

const CONJUNCTION = /\s(and\/or|and|or|as well as|plus|&)\s|(?<=[A-Za-z])\/(?=[A-Za-z])/gi;
/** "a response I can review and send": the conjunction sits in a clause about an object, not in the goal. */
const SUBORDINATE = /\b(?:I|we|they|you|that|which|who|where|if)\s/i;
const SUBJECT_CLAUSE = /^(?:I|we)\s+(?:also\s+)?(?:want|need|can|would|should|must|'d|’d)\b/i;

export interface Conjunction {
  index: number;
  end: number;
  word: string;
  /** The second action, from the word after the conjunction. */
  second: number;
}

/** Conjunctions in a goal that join two actions; parenthesised notes are left to story-minimal. */
export function joinedActions(goal: string): Conjunction[] {
  const found: Conjunction[] = [];
  const masked = goal.replace(/\([^()\n]{0,300}\)|\[[^[\]\n]{0,300}\]/g, (m) => ' '.repeat(m.length));
  const startsWithVerb = GOAL_VERBS.has(firstWord(masked));
  CONJUNCTION.lastIndex = 0;
  for (let match = CONJUNCTION.exec(masked); match; match = CONJUNCTION.exec(masked)) {
    const word = (match[1] ?? '/').toLowerCase();
    const end = match.index + match[0].length;
    if (isFixedPair(masked, match.index, end, match[0])) continue;
    const after = masked.slice(end);
    const skip = /^(?:then|also)\s+/i.exec(after);
    const inClause = SUBORDINATE.test(masked.slice(0, match.index));
    if (skip || SUBJECT_CLAUSE.test(after) || /^to\s+[a-z]/i.test(after) || (startsWithVerb && !inClause && opensAction(after))) {
      found.push({ index: match.index, end, word, second: end + (skip ? skip[0].length : 0) });
    }
  }
  return found;
}

/** The letters and hyphens at the end of a text, after trailing spaces (a loop, not a backtracking regex). */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && /[\p{L}-]/u.test(text[start - 1])) start--;
  return text.slice(start, end);
}

function firstWord(text: string): string {
  return (/^\s*([\p{L}-]+)/u.exec(text)?.[1] ?? '').toLowerCase();
}

function opensAction(after: string): boolean {
  const words = after.trim().split(/\s+/);
  const verb = trimEndOf(words[0]?.toLowerCase() ?? '', ',.;:');
  if (!GOAL_VERBS.has(verb)) return false;
  const next = trimEndOf(words[1]?.toLowerCase() ?? '', ',.;:');
  return !COMPOUND_HEADS.has(next) && next !== 'of';
}

function isFixedPair(goal: string, start: number, end: number, conjunction: string): boolean {
  const before = lastWord(goal.slice(0, start + (conjunction.startsWith('/') ? 0 : 1)));
  const after = /^\s*([\p{L}'’-]+(?:\s+[\p{L}]+)?)/u.exec(goal.slice(end))?.[1] ?? '';
  const afterWord = after.split(/\s+/)[0];
  const joined = conjunction.trim();
  const normal = (text: string) => text.toLowerCase().replace(/['’-]/g, (c) => (c === '-' ? ' ' : ''));
  const candidates = [`${before} ${joined} ${afterWord}`, `${before}${joined}${afterWord}`, `${before} ${joined} ${after}`];
  return candidates.some((candidate) => FIXED_PAIRS.has(normal(candidate).replace(/\s+/g, ' ').replace(/ ?\/ ?/g, '/').trim()));
}

/** One story asks for one thing. */
export const storyAtomic: Rule = {
  id: 'story-atomic',
  description: 'A user story asks for one thing: its goal does not join two actions with "and", "or", "/", "&".',
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
    const goal = spanText(story, story.parsed.goal);
    if (!goal) continue;
    const joins = joinedActions(goal);
    if (joins.length === 0) continue;
    const first = joins[0];
    const joinStart = locateInStory(context, story, goal, first.index);
    const split = joins.length === 1 ? splitSuggestion(context, story, goal, first) : undefined;
    reports.push({
      message:
        `The story "${storyExcerpt(story)}" asks for ${joins.length + 1} things ("${goal.slice(first.index, first.end).trim()}" joins two actions in its goal): ` +
        'split it so each can be estimated, accepted and delivered on its own.',
      range: joinStart === undefined ? context.index.range(story.startOffset, story.endOffset) : context.index.range(joinStart, joinStart + (first.end - first.index)),
      suggestions: split ? [split] : undefined,
    });
  }
  return reports;
}

/** Source offset of a position in the goal, when the goal appears verbatim in the source. */
function locateInStory(context: RuleContext, story: Story, goal: string, at: number): number | undefined {
  const found = context.index.text.slice(story.startOffset, story.statement.endOffset).indexOf(goal);
  return found < 0 ? undefined : story.startOffset + found + at;
}

const PRONOUN = /\b(?:it|them|its|their|they)\b/i;

/**
 * "As a nurse, I want to record vitals and print a summary, so that ..." becomes
 * two stories with the same role and benefit. Offered only when the story is
 * plain text (no markup), the first action has its own object and the second
 * does not lean on it ("... and cancel it").
 */
function splitSuggestion(context: RuleContext, story: Story, goal: string, join: Conjunction): Suggestion | undefined {
  const { statement, parsed } = story;
  if (statement.kind !== 'bullet' && statement.kind !== 'sentence') return undefined;
  const source = context.index.text.slice(story.startOffset, story.endOffset);
  const storyText = story.text.slice(parsed.start, parsed.end);
  if (!source.startsWith(storyText)) return undefined;
  const firstAction = trimEndOf(goal.slice(0, join.index), ', \t');
  const secondAction = goal.slice(join.second).replace(/^\s*(?:to\s+)?/, '');
  if (firstAction.trim().split(/\s+/).length < 2 || PRONOUN.test(secondAction) || SUBJECT_CLAUSE.test(secondAction)) return undefined;
  const goalAt = story.text.indexOf(goal, parsed.start);
  const lead = story.text.slice(parsed.start, goalAt);
  const tail = story.text.slice(goalAt + goal.length, parsed.end);
  const trailing = source.slice(storyText.length);
  const lineStart = context.index.lineStart(context.index.point(story.startOffset).line);
  const marker = context.index.text.slice(lineStart, story.startOffset);
  if (statement.kind === 'bullet' && !/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?$/.test(marker)) return undefined;
  const separator = statement.kind === 'bullet' ? `\n${marker.replace(/\d+/, (n) => String(Number(n) + 1)).replace(/\[[xX]\]/, '[ ]')}` : '\n\n';
  const text = `${lead}${firstAction}${tail}${trailing}${separator}${lead}${secondAction}${tail}`;
  return {
    desc: 'Split into two stories, one per action',
    fix: { range: [story.startOffset, story.startOffset + storyText.length + trailing.length], text },
  };
}
