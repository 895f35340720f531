import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.js';
import type { LineIndex } from './text.js';
import type { BlockType, Finding, Range, Section } from './types.js';

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
  const container = containerOf(sections, first);
  if (!container || last > container.endLine) return false;
  let from = index.lineStart(container.startLine);
  let to = index.lineEnd(container.endLine);
  // A top-level HTML block is raw HTML from its first line to its last: no need to parse it.
  if (container.type === 'html') return commentsIn(index.text, from, to).some(([spanStart, spanEnd]) => spanStart === start && spanEnd === end);
  if (to - from > MAX_PARSE_CHARS) {
    from = index.lineStart(first);
    while (index.text[from] === ' ' || index.text[from] === '\t') from++;
    to = index.lineEnd(last);
  }
  return commentSpans(index.text.slice(from, to)).some(([spanStart, spanEnd]) => spanStart + from === start && spanEnd + from === end);
}

interface Container {
  type: BlockType | 'heading';
  startLine: number;
  endLine: number;
}

/** The heading or block on `line`; undefined for code, front matter or blank lines. */
function containerOf(sections: readonly Section[], line: number): Container | undefined {
  const section = sections.find((candidate) => line >= (candidate.headingLine ?? 1) && line <= candidate.endLine);
  if (!section) return undefined;
  if (section.headingLine !== null && line <= section.headingEndLine!) return { type: 'heading', startLine: section.headingLine, endLine: section.headingEndLine! };
  const block = section.blocks.find((candidate) => line >= candidate.startLine && line <= candidate.endLine);
  if (!block || block.type === 'code' || block.type === 'yaml') return undefined;
  return block;
}

/**
 * Comment spans of recent containers, so a keystroke elsewhere parses no
 * comment's block again: two generations, the older dropped when the newer
 * holds more than MAX_REMEMBERED_CHARS of container text.
 */
let recentSpans = new Map<string, [number, number][]>();
let olderSpans = new Map<string, [number, number][]>();
let recentChars = 0;
const MAX_REMEMBERED_CHARS = 1024 * 1024;

/** `[start, end)` of every HTML comment in a Markdown text: inline HTML nodes that are comments, and comments inside HTML blocks. */
function commentSpans(source: string): [number, number][] {
  let spans = recentSpans.get(source) ?? olderSpans.get(source);
  if (!spans) spans = parsedCommentSpans(source);
  if (!recentSpans.has(source)) {
    if (recentChars > MAX_REMEMBERED_CHARS) [olderSpans, recentSpans, recentChars] = [recentSpans, new Map(), 0];
    recentSpans.set(source, spans);
    recentChars += source.length;
  }
  return spans;
}

/** Nodes whose children are blocks; the children of any other node are inline (phrasing) content. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

function parsedCommentSpans(source: string): [number, number][] {
  const spans: [number, number][] = [];
  const stack: Nodes[] = [parseMarkdown(source)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue;
    for (const child of node.children) {
      if (child.type !== 'html') {
        stack.push(child);
        continue;
      }
      const start = child.position!.start.offset!;
      const end = child.position!.end.offset!;
      // An inline HTML node is one comment or one tag (whose attribute values are not comments).
      if (BLOCK_PARENTS.has(node.type)) spans.push(...commentsIn(source, start, end));
      else if (source.startsWith('<!--', start)) spans.push([start, end]);
    }
  }
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
