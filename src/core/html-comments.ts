// Which `<!-- ... -->` in a document Markdown reads as HTML comments: not the
// same characters shown in inline code, a code block, a link title or
// destination, or an attribute value of a tag. Disable comments are read only
// from these (the fix for an unused one deletes it, so a look-alike must
// never count).
import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.js';
import type { LineIndex } from './text.js';
import type { BlockType, Section } from './types.js';

/**
 * Containers longer than this are narrowed to the paragraph around the
 * candidate (between blank lines), when nothing in them could make that
 * paragraph part of a code block; otherwise they are parsed whole up to
 * MAX_WHOLE_PARSE_CHARS, and beyond that a candidate does not count (a real
 * comment ignored is the safe side: nothing is silenced or deleted).
 */
const MAX_PARSE_CHARS = 16 * 1024;
const MAX_WHOLE_PARSE_CHARS = 256 * 1024;

/**
 * Whether `[start, end)` is exactly one HTML comment in the parse of the block
 * or heading holding it. Containers are found by line: their offsets are one
 * short after a byte order mark (the parser drops it), their lines are not.
 */
export function isHtmlComment(index: LineIndex, sections: readonly Section[], start: number, end: number): boolean {
  const first = index.point(start).line;
  const last = index.point(end).line;
  const container = containerOf(sections, first);
  if (!container || last > container.endLine) return false;
  const from = index.lineStart(container.startLine);
  const to = index.lineEnd(container.endLine);
  const isSpan = (spans: readonly Span[], shift: number) => spans.some(([spanStart, spanEnd]) => spanStart + shift === start && spanEnd + shift === end);
  // A top-level HTML block is raw HTML from its first line to its last: no need to parse it.
  if (container.type === 'html') return isSpan(commentsIn(index.text, from, to), 0);
  const slice = to - from <= MAX_PARSE_CHARS ? { from, to } : narrowed(index, container, first, last);
  if (!slice) return false;
  return isSpan(commentSpans(index.text.slice(slice.from, slice.to)), slice.from);
}

type Span = [number, number];

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

/** Code fences, and lines indented enough to be code in some container, would make a paragraph slice misleading. */
const CODE_MARKERS = /^[ \t]*(?:`{3}|~{3})|^(?: {4}|\t)/m;

/**
 * The paragraph around lines `first`..`last` of a long container: inline code
 * and link titles cannot cross a blank line. Undefined when the container is
 * too long to parse whole and holds anything that could be code.
 */
function narrowed(index: LineIndex, container: Container, first: number, last: number): { from: number; to: number } | undefined {
  const text = index.text.slice(index.lineStart(container.startLine), index.lineEnd(container.endLine));
  if (CODE_MARKERS.test(text)) {
    return text.length <= MAX_WHOLE_PARSE_CHARS ? { from: index.lineStart(container.startLine), to: index.lineEnd(container.endLine) } : undefined;
  }
  let top = first;
  while (top > container.startLine && index.lineText(top - 1).trim() !== '') top--;
  let bottom = last;
  while (bottom < container.endLine && index.lineText(bottom + 1).trim() !== '') bottom++;
  let from = index.lineStart(top);
  while (index.text[from] === ' ' || index.text[from] === '\t') from++;
  const to = index.lineEnd(bottom);
  return to - from <= MAX_WHOLE_PARSE_CHARS ? { from, to } : undefined;
}

/**
 * Comment spans of recent containers, so a keystroke elsewhere parses no
 * comment's block again: two generations, the older dropped when the newer
 * holds more than MAX_REMEMBERED_CHARS of container text.
 */
let recentSpans = new Map<string, Span[]>();
let olderSpans = new Map<string, Span[]>();
let recentChars = 0;
const MAX_REMEMBERED_CHARS = 1024 * 1024;

/** `[start, end)` of every HTML comment in a Markdown text: inline HTML nodes that are comments, and comments inside HTML blocks. */
function commentSpans(source: string): Span[] {
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

function parsedCommentSpans(source: string): Span[] {
  const spans: Span[] = [];
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

const TAG_START = /[A-Za-z/]/;

/**
 * Comments in raw HTML: from each `<!--` to the first `-->` after it
 * (CommonMark's and HTML's rule), skipping tags whole so that an attribute
 * value holding `<!--` is not read as one. Linear: the scan only moves on.
 */
export function commentsIn(source: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let at = from;
  while (at < to) {
    const open = source.indexOf('<', at);
    if (open === -1 || open >= to) break;
    if (source.startsWith('<!--', open)) {
      const close = source.indexOf('-->', open + 2);
      if (close === -1 || close + 3 > to) break;
      spans.push([open, close + 3]);
      at = close + 3;
    } else {
      at = TAG_START.test(source[open + 1] ?? '') ? tagEnd(source, open + 1, to) : open + 1;
    }
  }
  return spans;
}

/** Just past the `>` that closes a tag opened before `at`, outside quoted attribute values; `to` if none. */
function tagEnd(source: string, at: number, to: number): number {
  let quote = '';
  for (let i = at; i < to; i++) {
    const char = source[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i + 1;
    }
  }
  return to;
}
