/**
 * A cheap, line-based analysis for chunks the parser handles badly (giant
 * tables, very deep nesting, huge heading-less bodies). It reads sections,
 * list items, table rows, sentences and Given/When/Then scenarios from lines
 * instead of a syntax tree, so its cost is linear. Whether a chunk takes this
 * path depends only on the chunk's text, so a whole-document lint and an
 * incremental one make the same choice.
 */
import { classifySection, judgeStatements } from './classify.js';
import type { Cue } from './cues/index.js';
import { PREAMBLE } from './sections.js';
import { GHERKIN_STEP, SCENARIO_OPENER, sourceOffset, splitSentences, type MappedText } from './statements.js';
import { LineIndex } from './text.js';
import type { Block, BlockType, Section, SectionAnalysis, Statement } from './types.js';

export const FALLBACK_LIMITS = {
  /** A chunk (a section, or a run of sections the scanner could not cut) longer than this. */
  maxChunkChars: 256 * 1024,
  /** Consecutive table-like lines (containing `|`); the GFM table parser is quadratic in rows. */
  maxTableRows: 500,
  /** Indentation before a list marker (about 32 nesting levels). */
  maxListIndent: 64,
  /** Nested block quote markers at the start of a line. */
  maxQuoteDepth: 16,
};

const LIST_MARKER = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>)+/;
const ATX = /^(#{1,6})(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_CELL = /^:?-+:?$/;

/** Why a chunk should take the line-based path, or undefined when the parser can take it. */
export function fallbackReason(text: string): string | undefined {
  if (text.length > FALLBACK_LIMITS.maxChunkChars) return 'section too large';
  let tableRun = 0;
  for (let offset = 0; offset < text.length; ) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const bar = text.indexOf('|', offset);
    tableRun = bar !== -1 && bar < end ? tableRun + 1 : 0;
    if (tableRun > FALLBACK_LIMITS.maxTableRows) return 'table too long';
    if (tooDeep(text, offset, end)) return 'nesting too deep';
    if (newline === -1) break;
    offset = newline + 1;
  }
  return undefined;
}

function tooDeep(text: string, offset: number, end: number): boolean {
  let i = offset;
  let quotes = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 62) quotes++;
    else if (code !== 32 && code !== 9) break;
    i++;
  }
  if (quotes > FALLBACK_LIMITS.maxQuoteDepth) return true;
  if (i - offset <= FALLBACK_LIMITS.maxListIndent) return false;
  const code = text.charCodeAt(i);
  return code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57);
}

interface Line {
  text: string;
  number: number;
  offset: number;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const [i, raw] of text.split('\n').entries()) {
    lines.push({ text: raw.replace(/\r$/, ''), number: i + 1, offset });
    offset += raw.length + 1;
  }
  return lines;
}

/** Sections at unindented ATX headings (outside fences), each with line-based blocks and statements. */
export function fallbackAnalysis(text: string, cues: readonly Cue[]): SectionAnalysis[] {
  const index = new LineIndex(text);
  const lines = toLines(text);
  const groups: { section: Section; body: Line[] }[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const heading = fence ? null : ATX.exec(line.text);
    if (heading) {
      groups.push({ section: headingSection(heading, line, text), body: [] });
      continue;
    }
    const open = FENCE.exec(line.text);
    if (open && (!fence || (open[1][0] === fence[0] && open[1].length >= fence.length && !line.text.slice(open[0].length).trim()))) {
      fence = fence ? undefined : open[1];
    }
    if (groups.length === 0) groups.push({ section: preamble(), body: [] });
    groups[groups.length - 1].body.push(line);
  }
  groups.forEach((group, i) => {
    const next = groups[i + 1]?.section;
    group.section.endLine = next ? (next.headingLine as number) - 1 : lines.length;
    group.section.endOffset = next ? next.startOffset : text.length;
  });
  return groups.map(({ section, body }) => {
    const statements: Statement[] = [];
    for (const block of blocksOf(body)) {
      section.blocks.push(block.block);
      statements.push(...block.statements(section.blocks.length - 1, index));
    }
    const judgements = judgeStatements(statements, cues);
    return { section, statements: judgements, classification: classifySection(section, judgements, text) };
  });
}

function headingSection(match: RegExpExecArray, line: Line, text: string): Section {
  const end = line.offset + line.text.length;
  const bodyOffset = text[end] === '\r' ? end + 2 : text[end] === '\n' ? end + 1 : end;
  return {
    heading: headingText(line.text.slice(match[1].length)),
    depth: match[1].length,
    headingLine: line.number,
    headingEndLine: line.number,
    startLine: line.number + 1,
    endLine: line.number,
    startOffset: line.offset,
    bodyOffset,
    endOffset: end,
    blocks: [],
  };
}

/** The heading's text without the optional closing run of `#`. */
function headingText(rest: string): string {
  const trimmed = rest.trim();
  let hashes = trimmed.length;
  while (hashes > 0 && trimmed[hashes - 1] === '#') hashes--;
  const stripped = trimmed.slice(0, hashes);
  if (stripped === '' || stripped.endsWith(' ') || stripped.endsWith('\t')) return stripped.trim();
  return trimmed;
}

function preamble(): Section {
  return { heading: PREAMBLE, depth: 0, headingLine: null, headingEndLine: null, startLine: 1, endLine: 1, startOffset: 0, bodyOffset: 0, endOffset: 0, blocks: [] };
}

interface LineBlock {
  block: Block;
  statements(blockIndex: number, index: LineIndex): Statement[];
}

function blockType(first: string): BlockType {
  if (FENCE.test(first)) return 'code';
  if (/^ {4}|^\t/.test(first)) return 'code';
  if (first.includes('|')) return 'table';
  if (LIST_MARKER.test(first)) return 'list';
  if (QUOTE_PREFIX.test(first)) return 'blockquote';
  return 'paragraph';
}

/** Runs of non-blank lines (a fence keeps its blank lines) become blocks. */
function blocksOf(body: Line[]): LineBlock[] {
  const blocks: LineBlock[] = [];
  let run: Line[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (run.length) blocks.push(toBlock(run));
    run = [];
  };
  for (const line of body) {
    const open = FENCE.exec(line.text);
    if (open) {
      if (!fence) {
        flush();
        fence = open[1];
      } else if (open[1][0] === fence[0] && open[1].length >= fence.length) {
        run.push(line);
        flush();
        fence = undefined;
        continue;
      }
    }
    if (!fence && !line.text.trim()) flush();
    else run.push(line);
  }
  flush();
  return blocks;
}

function toBlock(run: Line[]): LineBlock {
  const first = run[0];
  const last = run[run.length - 1];
  const type = blockType(first.text);
  const block: Block = { type, startLine: first.number, endLine: last.number, startOffset: first.offset, endOffset: last.offset + last.text.length };
  return {
    block,
    statements(blockIndex, index) {
      const emit: Statement[] = [];
      const push = (statement: Omit<Statement, 'block'>) => emit.push({ ...statement, block: blockIndex });
      if (type === 'table') tableRows(run, push);
      else if (type === 'list') listItems(run, index, push);
      else if (type !== 'code') prose(run, index, push);
      return emit;
    },
  };
}

type Push = (statement: Omit<Statement, 'block'>) => void;

function tableRows(run: Line[], push: Push): void {
  run.forEach((line, i) => {
    if (isTableDelimiter(line.text)) return;
    const cells = line.text.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    push({ kind: 'row', text: cells.filter(Boolean).join(' | '), line: line.number, endLine: line.number, startOffset: line.offset, endOffset: line.offset + line.text.length, cells, header: i === 0 });
  });
}

function listItems(run: Line[], index: LineIndex, push: Push): void {
  const items: Line[][] = [];
  for (const line of run) {
    if (LIST_MARKER.test(line.text) || items.length === 0) items.push([line]);
    else items[items.length - 1].push(line);
  }
  for (let i = 0; i < items.length; i++) {
    const marker = LIST_MARKER.exec(items[i][0].text);
    const depth = marker ? Math.floor(marker[1].replace(/\t/g, '    ').length / 2) : 0;
    const mapped = mapLines(items[i], (text) => text.replace(LIST_MARKER, '').replace(/^\[[ xX]\][ \t]+/, ''));
    if (!mapped.text.trim()) continue;
    if (SCENARIO_OPENER.test(mapped.text)) {
      let j = i + 1;
      while (j < items.length && GHERKIN_STEP.test(items[j][0].text.replace(LIST_MARKER, ''))) j++;
      const lines = items.slice(i, j).flat();
      const first = lines[0];
      const last = lines[lines.length - 1];
      push({ kind: 'scenario', text: lines.map((line) => line.text.replace(LIST_MARKER, '').trim()).join('\n'), line: first.number, endLine: last.number, startOffset: first.offset, endOffset: last.offset + last.text.length, listDepth: depth });
      i = j - 1;
      continue;
    }
    const checked = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/.exec(items[i][0].text);
    span(mapped, index, 0, mapped.text.length, 'bullet', push, { checked: checked ? checked[1] !== ' ' : null, listDepth: depth });
  }
}

function prose(run: Line[], index: LineIndex, push: Push): void {
  const mapped = mapLines(run, (text) => text.replace(QUOTE_PREFIX, ''));
  const lines = mapped.text.split('\n');
  let start = 0;
  let proseStart = -1;
  const flush = (end: number) => {
    if (proseStart < 0) return;
    const joined = mapped.text.slice(proseStart, end).replace(/\n/g, ' ');
    for (const sentence of splitSentences(joined)) span(mapped, index, proseStart + sentence.start, proseStart + sentence.start + sentence.text.length, 'sentence', push);
    proseStart = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    if (SCENARIO_OPENER.test(lines[i])) {
      flush(start);
      let j = i + 1;
      let end = start + lines[i].length;
      while (j < lines.length && GHERKIN_STEP.test(lines[j])) end += 1 + lines[j++].length;
      span(mapped, index, start, end, 'scenario', push);
      for (let k = i; k < j; k++) start += lines[k].length + 1;
      i = j - 1;
      continue;
    }
    if (proseStart < 0) proseStart = start;
    start += lines[i].length + 1;
  }
  flush(mapped.text.length);
}

/** Joins lines (after stripping their markers) into one text that maps back to source offsets. */
function mapLines(lines: Line[], strip: (text: string) => string): MappedText {
  const out: MappedText = { text: '', at: [], source: [] };
  for (const line of lines) {
    const stripped = strip(line.text);
    const lead = stripped.length - stripped.trimStart().length;
    if (out.text) out.text += '\n';
    out.at.push(out.text.length);
    out.source.push(line.offset + (line.text.length - stripped.length) + lead);
    out.text += stripped.trim();
  }
  return out;
}

function span(mapped: MappedText, index: LineIndex, from: number, to: number, kind: Statement['kind'], push: Push, extra: Partial<Statement> = {}): void {
  const startOffset = sourceOffset(mapped, from);
  const endOffset = Math.max(startOffset + 1, sourceOffset(mapped, Math.max(from, to - 1)) + 1);
  const text = mapped.text.slice(from, to).trim();
  if (!text) return;
  push({ kind, text, line: index.point(startOffset).line, endLine: index.point(endOffset - 1).line, startOffset, endOffset, ...extra });
}

/** `| --- | :-: |`: a GFM table's delimiter row (cells split by hand; one regex over the row backtracks). */
function isTableDelimiter(line: string): boolean {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.includes('-') && row.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}
