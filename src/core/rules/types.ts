import type { Cue } from '../cues/index.js';
import type { Directive } from '../disable.js';
import type { LineIndex } from '../text.js';
import type { Evidence, Finding, Kind, Range, RelatedLocation, SectionAnalysis, Severity, Suggestion, TextEdit } from '../types.js';

export type RuleOptions = Record<string, unknown>;

/** What a rule reports; the linter adds ruleId, severity and url. */
export interface Report {
  message: string;
  range: Range;
  evidence?: Evidence[];
  related?: RelatedLocation[];
  fix?: TextEdit;
  suggestions?: Suggestion[];
}

export interface RuleContext<Options extends RuleOptions = RuleOptions> {
  text: string;
  index: LineIndex;
  fileName?: string;
  kind: Kind;
  sections: readonly SectionAnalysis[];
  cues: readonly Cue[];
  options: Options;
  /**
   * The document's disable comments. A rule that folds several problems into
   * one finding asks `isSuppressed` (disable.ts) first, so a comment that
   * silences one of them keeps working; unused-disable runs last and reads
   * which ones were used.
   */
  directives?: readonly Directive[];
  knownRuleIds?: ReadonlySet<string>;
  report(report: Report): void;
}

export interface Rule<Options extends RuleOptions = RuleOptions> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** True when the rule offers safe fixes (applied by --fix and "Fix all"). */
  fixable: boolean;
  /** Every option with its default; the config schema and validation derive from it. */
  defaultOptions: Options;
  /** One sentence per option for the docs and the schema. */
  optionDocs?: { [K in keyof Options]?: string };
  check(context: RuleContext<Options>): void;
}

export type AnyRule = Rule<RuleOptions>;

export const DOCS_BASE = 'https://github.com/pmpo-lint/pmpo-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export type { Finding };
