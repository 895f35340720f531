import { isHtmlComment } from './html-comments.js';
import type { LineIndex } from './text.js';
import type { Finding, Range, Section } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Named rules; empty means every rule. */
  rules: string[];
  /** Document offset of each name in `rules`. */
  ruleOffsets: number[];
  line: number;
  range: Range;
  /** Rules (or '*') this directive actually suppressed a finding for. */
  used: Set<string>;
}

const DIRECTIVE = /<!--\s*pmpo-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^<>]*)-->/g;
const RULE_NAME = /[^\s,]+/g;

/**
 * Finds `<!-- pmpo-lint-... -->` comments that Markdown reads as HTML: not the
 * same text shown in inline code, a code block, a link title or destination
 * (the fix for an unused comment deletes it, so a look-alike must never count).
 * `sections` are the document's (from a lint result or analysis): their blocks
 * and headings say where each candidate sits.
 */
export function readDirectives(index: LineIndex, sections: readonly Section[]): Directive[] {
  const directives: Directive[] = [];
  const text = index.text;
  DIRECTIVE.lastIndex = 0;
  for (let match = DIRECTIVE.exec(text); match; match = DIRECTIVE.exec(text)) {
    const offset = match.index;
    const end = offset + match[0].length;
    if (!isHtmlComment(index, sections, offset, end)) continue;
    const range = index.range(offset, end);
    const argsOffset = end - 3 - match[2].length;
    const names = [...match[2].matchAll(RULE_NAME)];
    directives.push({
      kind: match[1] as DirectiveKind,
      rules: names.map((name) => name[0]),
      ruleOffsets: names.map((name) => argsOffset + name.index),
      line: range.start.line,
      range,
      used: new Set(),
    });
  }
  return directives;
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** The directive that silences a finding of `ruleId` on `line`, if any (and marks it used). */
function suppressor(directives: readonly Directive[], ruleId: string, line: number, nextContentLine: (line: number) => number): Directive | undefined {
  let active: Directive | undefined;
  for (const directive of directives) {
    if (!names(directive, ruleId)) continue;
    switch (directive.kind) {
      case 'disable-file':
        return directive;
      case 'disable-line':
        if (directive.line === line) return directive;
        break;
      case 'disable-next-line':
        if (nextContentLine(directive.range.end.line) === line) return directive;
        break;
      case 'disable':
        if (directive.line <= line) active = directive;
        break;
      case 'enable':
        if (directive.line <= line) active = undefined;
        break;
    }
  }
  return active;
}

/** The first non-blank line after `line` (what a disable-next-line comment covers). */
function nextContentLineIn(index: LineIndex): (line: number) => number {
  return (line) => {
    let next = line + 1;
    while (next < index.lineCount && index.lineText(next).trim() === '') next++;
    return next;
  };
}

/** Whether a finding of `ruleId` starting on `line` is silenced; the directive that silences it is marked used. */
export function isSuppressed(directives: readonly Directive[], ruleId: string, line: number, index: LineIndex): boolean {
  const directive = directives.length === 0 ? undefined : suppressor(directives, ruleId, line, nextContentLineIn(index));
  directive?.used.add(directive.rules.length === 0 ? '*' : ruleId);
  return directive !== undefined;
}

/** Drops findings covered by a directive; records which directives were used. */
export function applyDirectives(findings: Finding[], directives: readonly Directive[], index: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  return findings.filter((finding) => !isSuppressed(directives, finding.ruleId, finding.range.start.line, index));
}

/**
 * What each `enable` comment turns back on, in one pass: the rules a
 * `disable` before it still held ('*' for a comment naming no rule, when it
 * ends any disable).
 */
export function reEnabledRules(directives: readonly Directive[]): Map<Directive, Set<string>> {
  const turnedOn = new Map<Directive, Set<string>>();
  let everyRuleOff = false; // set by the last comment naming no rule
  const namedSince = new Map<string, boolean>(); // rule -> off, for rules named after that comment
  for (const directive of directives) {
    if (directive.kind !== 'disable' && directive.kind !== 'enable') continue;
    const off = directive.kind === 'disable';
    if (directive.rules.length === 0) {
      if (!off) turnedOn.set(directive, new Set(everyRuleOff || [...namedSince.values()].some(Boolean) ? ['*'] : []));
      everyRuleOff = off;
      namedSince.clear();
      continue;
    }
    if (!off) turnedOn.set(directive, new Set(directive.rules.filter((rule) => namedSince.get(rule) ?? everyRuleOff)));
    for (const rule of directive.rules) namedSince.set(rule, off);
  }
  return turnedOn;
}
