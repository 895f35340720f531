/**
 * A cheap line scanner that proposes where to cut a document into chunks that
 * can be parsed and cached on their own: before lines where the parser will
 * see a top-level heading (ATX `#` at column 0) or start a top-level paragraph
 * or setext heading (an unindented plain line after a blank line).
 *
 * A missing cut is always safe (the parser still finds the heading inside the
 * chunk). A wrong cut is not, so the scanner never cuts inside what it knows
 * to be front matter, a fenced code block or an HTML block, and the linter
 * double-checks every cut with the parse of the chunk before it (a chunk whose
 * parse ends inside a fence or an HTML block is merged with the next one, see
 * `endsOpen`). That check is exact because an unindented ATX heading closes
 * every container (list, block quote, footnote) and interrupts a paragraph;
 * only a top-level fence, HTML block or front matter can swallow it.
 */
import { commonPrefixLength, commonSuffixLength } from './text.js';

export interface Chunk {
  text: string;
  /** 1-based line of the chunk's first line in the document. */
  startLine: number;
  startOffset: number;
}

/** Sections smaller than this are grouped with the next (per-parse overhead dominates tiny chunks). */
export const MIN_CHUNK_CHARS = 1024;
/** A cut after a small piece is still kept when the heading's hash hits this modulus, so runs of tiny sections stay bounded. */
const GROUP_MODULUS = 32;

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const LESS_THAN = 60;

/** First characters that may start something other than a paragraph (or a table/definition line). */
const NOT_PARAGRAPH_START = /^(?:[ \t#>\-*+=_`~<|[\\:]|\d{1,9}[.)])/;
const LIST_OR_QUOTE = /^ {0,3}(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|\[\^[^\]]*\]:)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const HTML_CLOSING: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

type State =
  | { kind: 'text' }
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'html'; end: RegExp | null }
  | { kind: 'frontMatter'; fence: string };

/** The end of a front matter block as remark-frontmatter reads it, or -1 when there is none. */
export function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return -1;
  const closing = new RegExp(`^\\${open[1][0]}{3}[ \\t]*\\r?$`);
  let offset = open[0].length;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    if (closing.test(text.slice(offset, end))) return newline === -1 ? text.length : newline + 1;
    if (newline === -1) break;
    offset = newline + 1;
  }
  return -1;
}

interface Cut {
  offset: number;
  line: number;
}

/** Cut candidates: offsets and lines where a top-level heading starts. */
function candidateCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  let line = 1;
  let offset = 0;
  const frontEnd = frontMatterEnd(text);
  const loneCarriageReturn = firstLoneCarriageReturn(text);
  if (frontEnd > 0) {
    for (let i = text.indexOf('\n'); i !== -1 && i < frontEnd; i = text.indexOf('\n', i + 1)) line++;
    if (loneCarriageReturn < frontEnd) return cuts;
    offset = frontEnd;
  }
  scanCuts(text, { offset, line, previousBlank: true, loneCarriageReturn }, cuts);
  return cuts;
}

interface ScanStart {
  offset: number;
  line: number;
  previousBlank: boolean;
  loneCarriageReturn: number;
  /** Called after each cut with the cut list; returning true stops the scan (the caller completes the list). */
  converged?: (cuts: Cut[]) => boolean;
}

/** Scans lines from `start` (a line start outside any fence, HTML block or container), appending cuts. */
function scanCuts(text: string, start: ScanStart, cuts: Cut[]): void {
  const { loneCarriageReturn, converged } = start;
  let state: State = { kind: 'text' };
  let containerOpen = false;
  let previousBlank = start.previousBlank;
  let line = start.line;
  let offset = start.offset;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    // From a line holding a lone carriage return on, the parser's lines (it ends one there) and the engine's ('\n'-based) ones differ, so no cut could be rebased exactly.
    if (loneCarriageReturn < end) break;
    const first = text.charCodeAt(offset);
    const blank = isBlank(text, offset, end);
    if (state.kind === 'fence') {
      if (closesFence(text, offset, end, state)) state = { kind: 'text' };
    } else if (state.kind === 'html') {
      if (state.end ? state.end.test(text.slice(offset, end)) : blank) state = { kind: 'text' };
    } else if (!blank) {
      const opened = openState(text, offset, end, first, containerOpen);
      if (opened) {
        state = opened;
        if (state.kind === 'html' && state.end?.test(text.slice(offset, end))) state = { kind: 'text' };
      } else if ((first === HASH && isAtxHeading(text, offset, end) && offset > 0) || (previousBlank && offset > 0 && isParagraphStart(text, offset, end))) {
        cuts.push({ offset, line });
        containerOpen = false;
        if (converged?.(cuts)) return;
      } else {
        const content = text.slice(offset, Math.min(end, offset + 16));
        if (LIST_OR_QUOTE.test(content)) containerOpen = true;
        else if (previousBlank && first !== SPACE && first !== TAB) containerOpen = false;
      }
    }
    previousBlank = blank;
    if (newline === -1) break;
    line++;
    offset = newline + 1;
  }
}

function openState(text: string, offset: number, end: number, first: number, containerOpen: boolean): State | undefined {
  if (first !== BACKTICK && first !== TILDE && first !== LESS_THAN && first !== SPACE) return undefined;
  const content = text.slice(offset, end);
  const fence = FENCE.exec(content);
  if (fence && !(fence[2][0] === '`' && content.slice(fence[0].length).includes('`'))) {
    // An indented fence may belong to an open list item; only unindented ones are surely top-level.
    if (fence[1].length > 0 && containerOpen) return undefined;
    return { kind: 'fence', char: fence[2][0], length: fence[2].length };
  }
  if (first === LESS_THAN) {
    const closing = HTML_CLOSING.find(([start]) => start.test(content));
    return { kind: 'html', end: closing ? closing[1] : null };
  }
  return undefined;
}

function closesFence(text: string, offset: number, end: number, fence: { char: string; length: number }): boolean {
  let i = offset;
  while (i < end && i - offset < 3 && text.charCodeAt(i) === SPACE) i++;
  let run = 0;
  while (i < end && text[i] === fence.char) {
    i++;
    run++;
  }
  if (run < fence.length) return false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== 13) return false;
  }
  return true;
}

/** The parser also ends a line at a carriage return that no line feed follows. */
function firstLoneCarriageReturn(text: string): number {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return i;
  return Infinity;
}

function isBlank(text: string, offset: number, end: number): boolean {
  for (let i = offset; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== 13) return false;
  }
  return true;
}

function isAtxHeading(text: string, offset: number, end: number): boolean {
  let i = offset;
  while (i < end && text.charCodeAt(i) === HASH) i++;
  const hashes = i - offset;
  if (hashes < 1 || hashes > 6) return false;
  if (i === end) return true;
  const next = text.charCodeAt(i);
  return next === SPACE || next === TAB || next === 13;
}

/**
 * An unindented line after a blank line that can only start a paragraph (or a
 * setext heading): every container and leaf block before it is closed, so the
 * parse from here on does not depend on the text above. When the chunk starts
 * with a paragraph rather than a heading, the linter joins it to the section
 * above (long sections then re-parse only the part an edit touched).
 */
function isParagraphStart(text: string, offset: number, end: number): boolean {
  const content = text.slice(offset, end);
  return !NOT_PARAGRAPH_START.test(content) && !content.includes('|');
}

/** FNV-1a over a short string: decides, from the heading line alone, where runs of tiny sections are cut. */
function lineHash(text: string, offset: number): number {
  let hash = 2166136261;
  const end = Math.min(text.length, offset + 80);
  for (let i = offset; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) break;
    hash = Math.imul(hash ^ code, 16777619);
  }
  return hash >>> 0;
}

/**
 * Cuts the text before top-level headings. A cut after a piece shorter than
 * MIN_CHUNK_CHARS is dropped unless the heading's hash selects it: the
 * decision depends only on the piece before and the heading line, so an edit
 * never moves cuts elsewhere in the document.
 */
export function splitChunks(text: string, minChunkChars = MIN_CHUNK_CHARS, scanner?: CutScanner): Chunk[] {
  const chunks: Chunk[] = [];
  let start = { offset: 0, line: 1 };
  let previousCut = start;
  for (const cut of scanner ? scanner.cuts(text) : candidateCuts(text)) {
    const small = cut.offset - previousCut.offset < minChunkChars;
    previousCut = cut;
    if (small && lineHash(text, cut.offset) % GROUP_MODULUS !== 0) continue;
    chunks.push({ text: text.slice(start.offset, cut.offset), startLine: start.line, startOffset: start.offset });
    start = cut;
  }
  chunks.push({ text: text.slice(start.offset), startLine: start.line, startOffset: start.offset });
  return chunks;
}

/** Every candidate cut, without grouping: for tests and diagnostics. */
export function headingCuts(text: string): number[] {
  return candidateCuts(text).map((cut) => cut.offset);
}

/**
 * The cut candidates of successive revisions of one text. A cut line leaves
 * the scanner in the same state whatever came before it (plain text, no open
 * container, last line not blank), so the scan of an edited text resumes
 * after the last cut wholly before the edit, and stops at the first cut after
 * the edit that the previous scan also made at the same text: the cuts after
 * it are the previous ones, moved.
 */
export class CutScanner {
  private text: string | undefined;
  private previous: Cut[] = [];

  cuts(text: string): Cut[] {
    const previousText = this.text;
    const cuts = previousText === undefined ? candidateCuts(text) : this.rescan(previousText, text);
    this.text = text;
    this.previous = cuts;
    return cuts;
  }

  private rescan(previousText: string, text: string): Cut[] {
    const loneCarriageReturn = firstLoneCarriageReturn(text);
    // Scans that stop at a lone carriage return are not worth resuming.
    if (loneCarriageReturn !== Infinity || firstLoneCarriageReturn(previousText) !== Infinity) return candidateCuts(text);
    const prefix = commonPrefixLength(previousText, text);
    const old = this.previous;
    let kept = lastCutBefore(old, prefix);
    let resume = -1;
    while (kept >= 0) {
      const newline = text.indexOf('\n', old[kept].offset);
      if (newline !== -1 && newline < prefix) {
        resume = newline + 1;
        break;
      }
      kept--;
    }
    // Front matter closed further down would take in the kept cuts.
    if (kept < 0 || frontMatterEnd(text) > old[kept].offset) return candidateCuts(text);
    const cuts = old.slice(0, kept + 1);
    const delta = text.length - previousText.length;
    const suffixStart = text.length - commonSuffixLength(previousText, text, Math.min(previousText.length, text.length) - prefix);
    let next = kept + 1;
    const converged = (found: Cut[]): boolean => {
      const cut = found[found.length - 1];
      // The line before the cut and everything after it are unchanged text.
      if (cut.offset - 1 < suffixStart) return false;
      while (next < old.length && old[next].offset < cut.offset - delta) next++;
      if (next >= old.length || old[next].offset !== cut.offset - delta) return false;
      const lineDelta = cut.line - old[next].line;
      for (let i = next + 1; i < old.length; i++) found.push({ offset: old[i].offset + delta, line: old[i].line + lineDelta });
      return true;
    };
    scanCuts(text, { offset: resume, line: old[kept].line + 1, previousBlank: false, loneCarriageReturn, converged }, cuts);
    return cuts;
  }
}

/** Index of the last cut before `offset` (-1 when none). */
function lastCutBefore(cuts: readonly Cut[], offset: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cuts[mid].offset < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
