import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.js';
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

/** Longer containers (line-based fallback blocks) are narrowed to the candidate's lines before parsing. */
const MAX_PARSE_CHARS = 16 * 1024;

/**
 * Whether `[start, end)` is exactly one HTML comment in the parse of the block
 * or heading holding it. Containers are found by line: their offsets are one
 * short after a byte order mark (the parser drops it), their lines are not.
 */
function isHtmlComment(index: LineIndex, sections: readonly Section[], start: number, end: number): boolean {
  const first = index.point(start).line;
  const last = index.point(end).line;
  const lines = containerOf(sections, first);
  if (!lines || last > lines[1]) return false;
  let from = index.lineStart(lines[0]);
  let to = index.lineEnd(lines[1]);
  if (to - from > MAX_PARSE_CHARS) {
    from = index.lineStart(first);
    while (index.text[from] === ' ' || index.text[from] === '\t') from++;
    to = index.lineEnd(last);
  }
  return commentSpans(index.text.slice(from, to)).some(([spanStart, spanEnd]) => spanStart + from === start && spanEnd + from === end);
}

/** First and last line of the heading or block on `line`; undefined for code, front matter or blank lines. */
function containerOf(sections: readonly Section[], line: number): [number, number] | undefined {
  const section = sections.find((candidate) => line >= (candidate.headingLine ?? 1) && line <= candidate.endLine);
  if (!section) return undefined;
  if (section.headingLine !== null && line <= section.headingEndLine!) return [section.headingLine, section.headingEndLine!];
  const block = section.blocks.find((candidate) => line >= candidate.startLine && line <= candidate.endLine);
  if (!block || block.type === 'code' || block.type === 'yaml') return undefined;
  return [block.startLine, block.endLine];
}

/** Parses of recent containers: a keystroke elsewhere must not parse every comment's block again. */
const SPANS = new Map<string, [number, number][]>();
const MAX_REMEMBERED = 256;

/** `[start, end)` of every HTML comment inside the HTML nodes (block or inline) of a Markdown text. */
function commentSpans(source: string): [number, number][] {
  let spans = SPANS.get(source);
  if (spans) return spans;
  spans = [];
  const stack: Nodes[] = [parseMarkdown(source)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html') spans.push(...commentsIn(source, node.position!.start.offset!, node.position!.end.offset!));
    else if ('children' in node) stack.push(...node.children);
  }
  if (SPANS.size >= MAX_REMEMBERED) SPANS.delete(SPANS.keys().next().value!);
  SPANS.set(source, spans);
  return spans;
}

/** Comments in raw HTML: from each `<!--` to the first `-->` after it (CommonMark's and HTML's rule). */
function commentsIn(source: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let open = source.indexOf('<!--', from); open !== -1 && open < to; open = source.indexOf('<!--', open)) {
    const close = source.indexOf('-->', open + 2);
    if (close === -1 || close + 3 > to) break;
    spans.push([open, close + 3]);
    open = close + 3;
  }
  return spans;
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

/** Whether a `disable` comment before `directives[before]` still holds `ruleId` ('*': a rule no comment names). */
function disabledBefore(directives: readonly Directive[], before: number, ruleId: string): boolean {
  let disabled = false;
  for (const directive of directives.slice(0, before)) {
    if (directive.kind !== 'disable' && directive.kind !== 'enable') continue;
    if (names(directive, ruleId)) disabled = directive.kind === 'disable';
  }
  return disabled;
}

/** The rules (or '*' for a comment naming none) the `enable` comment `directives[at]` turns back on. */
export function reEnabled(directives: readonly Directive[], at: number): Set<string> {
  const enable = directives[at];
  if (enable.rules.length > 0) return new Set(enable.rules.filter((rule) => disabledBefore(directives, at, rule)));
  const candidates = ['*', ...directives.slice(0, at).flatMap((directive) => (directive.kind === 'disable' ? directive.rules : []))];
  return new Set(candidates.some((rule) => disabledBefore(directives, at, rule)) ? ['*'] : []);
}
