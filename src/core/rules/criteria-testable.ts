import { sectionCriteriaStatements } from '../criteria.js';
import { VAGUE_TERMS, type VagueTerm } from '../cues/vague-terms.js';
import { SectionReportMemo } from '../section-memo.js';
import { trimEndOf, type Story } from '../stories.js';
import type { SectionAnalysis, Statement } from '../types.js';
import { storiesBySection } from './helpers.js';
import type { Report, Rule, RuleContext } from './types.js';

interface CriteriaTestableOptions extends Record<string, unknown> {
  headingPatterns: string[];
  extraTerms: string[];
  ignoreTerms: string[];
}

const QUANTITY = /(?<![\d.,])\d{1,12}(?:[.,]\d{1,6})?\s{0,3}(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hours?|days?|%|percent|fps|kb|mb|gb|items?|steps?|clicks?|rows?|requests?|users?)\b/i;

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface TermMatcher {
  pattern: RegExp;
  byText: Map<string, VagueTerm>;
}

/** One alternation of literal terms, longest first, on word edges. Terms are escaped: never user regexes. */
export function termMatcher(extraTerms: readonly string[], ignoreTerms: readonly string[]): TermMatcher {
  const ignored = new Set(ignoreTerms.map((term) => term.trim().toLowerCase()));
  const byText = new Map<string, VagueTerm>();
  for (const term of VAGUE_TERMS) if (!ignored.has(term.term.toLowerCase())) byText.set(term.term.toLowerCase(), term);
  for (const raw of extraTerms) {
    const term = raw.trim();
    if (!term || ignored.has(term.toLowerCase()) || byText.has(term.toLowerCase())) continue;
    byText.set(term.toLowerCase(), { id: `user:${term.toLowerCase()}`, term, class: 'subjective', reason: 'a vague term from your configuration' });
  }
  const alternatives = [...byText.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const source = alternatives.length ? `(?<![\\p{L}\\p{N}_/-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_/-])` : '(?!)';
  return { pattern: new RegExp(source, 'giu'), byText };
}

export interface TermHit {
  term: VagueTerm;
  index: number;
  text: string;
}

/** Spans the criterion quotes or shows as code: their words are data, not requirements. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const quote = /"[^"\n]{0,300}"|“[^“”\n]{0,300}”|`[^`\n]{0,300}`|(?<![\p{L}])'[^'\n]{2,300}'(?![\p{L}])/gu;
  for (let match = quote.exec(text); match; match = quote.exec(text)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Vague terms in one criterion, skipping quotes, code, proper names and quantified speed words. */
export function vagueTermsIn(text: string, matcher: TermMatcher): TermHit[] {
  const hits: TermHit[] = [];
  const quoted = quotedSpans(text);
  const quantified = QUANTITY.test(text);
  matcher.pattern.lastIndex = 0;
  for (let match = matcher.pattern.exec(text); match; match = matcher.pattern.exec(text)) {
    const term = matcher.byText.get(match[0].toLowerCase());
    if (!term) continue;
    if (quoted.some(([start, end]) => match!.index >= start && match!.index < end)) continue;
    if (term.quantifiable && quantified) continue;
    // "reasonable (<2 MB)", "smooth (60 fps)": the criterion states its own number.
    if (/^\s*\([^)\n]{0,40}\d/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 48))) continue;
    if (looksLikeName(text, match.index, match[0], term)) continue;
    if (hits.some((hit) => hit.term === term)) continue;
    hits.push({ term, index: match.index, text: match[0] });
  }
  return hits;
}

/** "The Easy Pay option": a capitalised term that does not open the line or a step is a name. */
function looksLikeName(text: string, index: number, written: string, term: VagueTerm): boolean {
  if (written[0] === written[0].toLowerCase() || written === term.term) return false;
  if (written.toUpperCase() === written && written.length > 1) return false;
  const before = trimEndOf(text.slice(0, index), '*_>- \t\n');
  return before !== '' && !/(?:^|\n|[.!?:]|\b(?:given|when|then|and|but))$/i.test(before);
}

/** Vague or untestable words in acceptance criteria. */
export const criteriaTestable: Rule<CriteriaTestableOptions> = {
  id: 'criteria-testable',
  description: 'Acceptance criteria use observable, measurable terms: no vague words such as "user-friendly", "fast", "as appropriate", "etc." or "and/or".',
  defaultSeverity: 'warning',
  fixable: false,
  defaultOptions: {
    headingPatterns: ['acceptance', 'requirements', 'definition of done'],
    extraTerms: [],
    ignoreTerms: [],
  },
  optionDocs: {
    headingPatterns: 'Literal, case-insensitive heading substrings whose sections hold acceptance criteria (every statement in them is checked).',
    extraTerms: 'More vague terms to flag (literal words or phrases, matched case-insensitively on word edges).',
    ignoreTerms: 'Built-in terms not to flag (e.g. ["never"]).',
  },
  check(context) {
    const matcher = matcherFor(context.options);
    const variant = JSON.stringify([context.options.headingPatterns, context.options.extraTerms, context.options.ignoreTerms]);
    const storiesOfSection = new Map(storiesBySection(context));
    for (const analysis of context.sections) {
      const compute = () => sectionReports(context, analysis, storiesOfSection.get(analysis) ?? [], matcher);
      for (const item of REPORTS.get(analysis, variant, compute)) context.report(item);
    }
  },
};

/**
 * A section's criteria come from its own content (its stories included) and
 * the heading patterns; their hits from their text and the term options: the
 * reports are remembered per section origin.
 */
const REPORTS = new SectionReportMemo<Report>();

function sectionReports(context: RuleContext<CriteriaTestableOptions>, analysis: SectionAnalysis, stories: readonly Story[], matcher: TermMatcher): Report[] {
  const reports: Report[] = [];
  for (const { statement, context: where } of sectionCriteriaStatements(analysis, context.index, stories, context.options.headingPatterns)) {
    const source = context.index.text.slice(statement.startOffset, statement.endOffset);
    for (const hit of hitsIn(source, matcher)) reports.push(report(context, statement, hit, where));
  }
  return reports;
}

const MATCHERS = new Map<string, TermMatcher>();
const HITS = new WeakMap<TermMatcher, Map<string, TermHit[]>>();
const MAX_REMEMBERED = 20_000;

/** vagueTermsIn, remembered by criterion text: while typing, every criterion but the edited one reads the same. */
function hitsIn(source: string, matcher: TermMatcher): TermHit[] {
  let remembered = HITS.get(matcher);
  if (!remembered) HITS.set(matcher, (remembered = new Map()));
  let hits = remembered.get(source);
  if (!hits) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    hits = vagueTermsIn(source, matcher);
    remembered.set(source, hits);
  }
  return hits;
}

function matcherFor(options: CriteriaTestableOptions): TermMatcher {
  const key = JSON.stringify([options.extraTerms, options.ignoreTerms]);
  let matcher = MATCHERS.get(key);
  if (!matcher) {
    if (MATCHERS.size > 20) MATCHERS.clear();
    matcher = termMatcher(stringList(options.extraTerms), stringList(options.ignoreTerms));
    MATCHERS.set(key, matcher);
  }
  return matcher;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function report(context: RuleContext<CriteriaTestableOptions>, statement: Statement, hit: TermHit, where: string): Report {
  const start = statement.startOffset + hit.index;
  return {
    message: `"${hit.text}" in an acceptance criterion (${where}) is ${hit.term.class}: ${hit.term.reason}; state an observable, measurable outcome instead.`,
    range: context.index.range(start, start + hit.text.length),
  };
}
