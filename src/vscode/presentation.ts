// Text the user reads: explain pages, hovers, CodeLens titles, status bar.
// Document text is escaped before it goes into rendered Markdown.
import type { Evidence, Finding, Kind, Label, LintResult, SectionReport } from '../core/types.js';
import type { LintReply } from './lint-runner.js';

/** Characters that open emphasis, code, links, HTML or strikethrough anywhere in a line. */
const INLINE_SPECIALS = /[`*_[\]<~]/g;
/** A backslash that would escape the character after it (CommonMark: before ASCII punctuation only). */
const ESCAPING_BACKSLASH = /\\(?=[!-/:-@[-`{-~])/g;
/** `&` that would start a character reference such as `&amp;` or `&#35;`. */
const ENTITY_START = /&(?=#?[A-Za-z0-9]{1,32};)/g;
/** What turns the start of a line into a heading, quote, list item or thematic break. */
const BLOCK_MARKER = /^(?:>|#{1,6}(?=[ \t]|$)|[+-](?=[ \t-]|$))/;
const ORDERED_MARKER = /^(\d{1,9})([.)])(?=[ \t]|$)/;

/**
 * Makes document text render as itself: only what Markdown would interpret is
 * backslash-escaped, so ordinary punctuation like `(`, `.` or `-` in prose stays
 * readable in the source too. Line breaks become spaces and leading blanks go
 * (it goes inline, and an indented line would turn into a code block).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/^[ \t]+/, '')
    .replace(ESCAPING_BACKSLASH, '\\\\')
    .replace(INLINE_SPECIALS, (char) => `\\${char}`)
    .replace(ENTITY_START, '\\&')
    .replace(BLOCK_MARKER, (marker) => `\\${marker}`)
    .replace(ORDERED_MARKER, (_all, number: string, marker: string) => `${number}\\${marker}`);
}

function evidenceLines(evidence: readonly Evidence[], side: Evidence['side']): string[] {
  const items = evidence.filter((item) => item.side === side);
  if (items.length === 0) return [`- none`];
  return items.map((item) => `- line ${item.line}: ${escapeMarkdown(item.reason)} (\`${item.cueId}\`, matched "${escapeMarkdown(item.match)}"): ${escapeMarkdown(item.text)}`);
}

export function evidenceMarkdown(finding: Finding): string[] {
  if (finding.evidence.length === 0) return [];
  return ['## Evidence', '', '### Strategic (PM)', '', ...evidenceLines(finding.evidence, 'strategic'), '', '### Tactical (PO)', '', ...evidenceLines(finding.evidence, 'tactical'), ''];
}

/** The read-only page "Explain finding at cursor" opens beside the document. */
export function explainMarkdown(finding: Finding, documentName: string, docsLink: string): string {
  const { line, column } = finding.range.start;
  const related = finding.related.map((item) => `- line ${item.range.start.line}: ${escapeMarkdown(item.message)}`);
  return [
    `# ${finding.ruleId} (${finding.severity})`,
    '',
    `${escapeMarkdown(documentName)}, line ${line}, column ${column}`,
    '',
    escapeMarkdown(finding.message),
    '',
    ...evidenceMarkdown(finding),
    ...(related.length ? ['## Related locations', '', ...related, ''] : []),
    ...(finding.fix ? ['A safe fix is available: "Fix all" or the lightbulb applies it.', ''] : []),
    ...(finding.suggestions?.length ? [`Suggestions (lightbulb): ${finding.suggestions.map((item) => escapeMarkdown(item.desc)).join('; ')}`, ''] : []),
    `[Rule documentation: ${finding.ruleId}](${docsLink})`,
    '',
  ].join('\n');
}

/** A hover over flagged text: each finding with its evidence and docs link. */
export function hoverMarkdown(findings: readonly Finding[], docsLink: (ruleId: string) => string): string {
  return findings
    .map((finding) => {
      const strategic = finding.evidence.filter((item) => item.side === 'strategic').slice(0, 3);
      const tactical = finding.evidence.filter((item) => item.side === 'tactical').slice(0, 3);
      const side = (name: string, items: Evidence[]) => (items.length ? [`**${name}:** ${items.map((item) => `line ${item.line} "${escapeMarkdown(item.match)}" (${escapeMarkdown(item.reason)})`).join('; ')}`, ''] : []);
      return [`**pmpo-lint: ${finding.ruleId}** (${finding.severity})`, '', escapeMarkdown(finding.message), '', ...side('Strategic', strategic), ...side('Tactical', tactical), `[Rule documentation](${docsLink(finding.ruleId)})`].join('\n');
    })
    .join('\n\n---\n\n');
}

const LABEL_WORDS: Record<Label, string> = {
  strategic: 'strategic (PM)',
  tactical: 'tactical (PO)',
  mixed: 'mixed (PM + PO)',
  neutral: 'neutral',
};

export function codeLensTitle(section: Pick<SectionReport, 'label' | 'reason'>): string {
  return `${LABEL_WORDS[section.label]}: ${section.reason}`;
}

export function outlineItem(section: SectionReport): { label: string; description: string; detail: string } {
  const indent = '  '.repeat(Math.max(0, section.depth - 1));
  return { label: `${indent}${section.heading}`, description: LABEL_WORDS[section.label], detail: `line ${section.headingLine ?? section.startLine}: ${section.reason}` };
}

export type StatusState =
  | { state: 'linted'; kind: Kind; findings: number; dropped?: number }
  | { state: 'not-product' }
  | { state: 'skipped'; reason: string }
  | { state: 'not-linted'; reason: string }
  | { state: 'config-error' };

/** What the status bar says about a document's latest result. */
export function statusStateOf(state: { configError: boolean; shown: boolean; result: LintReply; findings: readonly unknown[]; dropped: number }): StatusState {
  if (state.configError) return { state: 'config-error' };
  if (state.result.failure) return { state: 'not-linted', reason: state.result.failure.message };
  if (state.result.skipped) return { state: 'skipped', reason: state.result.skipped };
  if (state.shown) return { state: 'linted', kind: state.result.kind, findings: state.findings.length, dropped: state.dropped };
  return { state: 'not-product' };
}

export function statusText(status: StatusState): { text: string; tooltip: string } {
  switch (status.state) {
    case 'linted': {
      const count = status.findings + (status.dropped ?? 0);
      return {
        text: `PM/PO: ${status.kind} · ${count} finding${count === 1 ? '' : 's'}`,
        tooltip: `pmpo-lint: this ${status.kind} has ${count} finding(s)${status.dropped ? ` (${status.dropped} over pmpoLint.maxFindingsPerFile not shown)` : ''}. Click to open Problems.`,
      };
    }
    case 'not-product':
      return {
        text: 'PM/PO: not a product document — set kind',
        tooltip: 'pmpo-lint lints product documents only (PRD, roadmap, backlog, vision). Run "PM/PO Lint: Set document kind" or "Analyse current document", or turn off pmpoLint.onlyProductDocuments.',
      };
    case 'skipped':
      return { text: 'PM/PO: skipped', tooltip: status.reason };
    case 'not-linted':
      return { text: 'PM/PO: not linted', tooltip: `${status.reason} See the "PM/PO Lint" output.` };
    case 'config-error':
      return { text: 'PM/PO: config error', tooltip: 'A .pmpo-lint.json(c) file above this document is invalid; see Problems and the "PM/PO Lint" output.' };
  }
}

/** Whether the editor shows findings for this result (the "product document" rule). */
export function shouldShow(result: LintResult, onlyProductDocuments: boolean, forced: boolean): boolean {
  return forced || !onlyProductDocuments || result.kind !== 'unknown';
}
