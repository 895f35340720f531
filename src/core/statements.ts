import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import type { LineIndex } from './text.js';
import type { Section, Statement } from './types.js';

/**
 * Plain text of inline content with a map back to source offsets, so a cue
 * matched in the plain text can point at the exact words in the document.
 */
export interface MappedText {
  text: string;
  /** Parallel arrays: segment i starts at plain index `at[i]` and source offset `source[i]`. */
  at: number[];
  source: number[];
}

export function sourceOffset(mapped: MappedText, index: number): number {
  let low = 0;
  let high = mapped.at.length - 1;
  if (high < 0) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (mapped.at[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return mapped.source[low] + (index - mapped.at[low]);
}

/**
 * Text that remark-gfm splits out around literal URLs (and the link it makes)
 * has no position: it continues the previous segment's mapping, or starts at
 * its parent when it opens the parent, so offsets never fall back to 0.
 */
function mapInline(nodes: readonly Nodes[], out: MappedText, parentStart?: number): void {
  nodes.forEach((node, i) => {
    const start = node.position?.start.offset ?? (i === 0 ? parentStart : undefined);
    if (node.type === 'text' || node.type === 'inlineCode') {
      if (start !== undefined || out.at.length === 0) {
        out.at.push(out.text.length);
        out.source.push(node.position ? valueStart(node) : (start ?? 0));
      }
      out.text += node.value;
    } else if (node.type === 'break') {
      if (start !== undefined || out.at.length === 0) {
        out.at.push(out.text.length);
        out.source.push(start ?? 0);
      }
      out.text += '\n';
    } else if ('children' in node) {
      mapInline(node.children as Nodes[], out, start);
    }
  });
}

/** Where a node's value starts in the source: inside the backticks of inline code. */
function valueStart(node: Nodes & { value: string }): number {
  const start = node.position?.start.offset ?? 0;
  if (node.type !== 'inlineCode') return start;
  const end = node.position?.end.offset ?? start;
  return start + Math.max(0, Math.floor((end - start - node.value.length) / 2));
}

export function mappedText(nodes: readonly PhrasingContent[] | readonly Nodes[], parentStart?: number): MappedText {
  const out: MappedText = { text: '', at: [], source: [] };
  mapInline(nodes as Nodes[], out, parentStart);
  return out;
}

/**
 * Where each statement's plain text came from: statement text index i is
 * mapped index `base + i`. Kept beside the statements (not in them) so cached
 * analyses stay small; only the classifier reads it, before positions move.
 */
const SOURCE_MAPS = new WeakMap<Statement, { mapped: MappedText; base: number }>();

/** Source offsets of `length` characters at `index` in a statement's text; the whole statement when unknown. */
export function statementSpan(statement: Statement, index: number, length: number): { startOffset: number; endOffset: number } {
  const map = SOURCE_MAPS.get(statement);
  if (!map) return { startOffset: statement.startOffset, endOffset: statement.endOffset };
  const startOffset = sourceOffset(map.mapped, map.base + index);
  const endOffset = sourceOffset(map.mapped, map.base + index + Math.max(1, length) - 1) + 1;
  return { startOffset, endOffset: Math.max(startOffset, endOffset) };
}

/**
 * A heading as a statement the classifier can judge. Its words start after
 * the ATX marker (`## `); a setext heading's words start its first line.
 */
export function headingStatement(section: Section): Statement | undefined {
  if (section.headingLine === null) return undefined;
  const setext = (section.headingEndLine ?? section.headingLine) > section.headingLine;
  const wordsStart = section.startOffset + (setext ? 0 : section.depth + 1);
  const statement: Statement = {
    kind: 'heading',
    text: section.heading,
    line: section.headingLine,
    endLine: section.headingEndLine ?? section.headingLine,
    startOffset: section.startOffset,
    endOffset: section.bodyOffset,
    block: -1,
  };
  SOURCE_MAPS.set(statement, { mapped: { text: section.heading, at: [0], source: [wordsStart] }, base: 0 });
  return statement;
}

/** Given/When/Then/And/But at the start of a line, optionally bold or after a list marker. */
export const GHERKIN_STEP = /^\s*(?:[*_]{2})?(Given|When|Then|And|But)\b/i;
/** Given/When/Then (not And/But): the step that can open a scenario. */
export const SCENARIO_OPENER = /^\s*(?:[*_]{2})?(Given|When|Then)\b/i;

/** Splits prose into sentences at ., ! or ? followed by space and a capital, digit or quote. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const result: { text: string; start: number }[] = [];
  const boundary = /[.!?]["')\]]?\s+(?=["'“([]?[A-Z0-9])/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].trimEnd().length;
    if (!endsWithAbbreviation(text.slice(start, end))) {
      pushTrimmed(result, text, start, end);
      start = match.index + match[0].length;
    }
  }
  pushTrimmed(result, text, start, text.length);
  return result;
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Ms|Dr|No|cf)\.$/i;

function endsWithAbbreviation(sentence: string): boolean {
  return ABBREVIATION.test(sentence);
}

function pushTrimmed(out: { text: string; start: number }[], text: string, start: number, end: number): void {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const trimmed = slice.trim();
  if (trimmed) out.push({ text: trimmed, start: start + lead });
}

type Mapped = { mapped?: MappedText; base?: number };

interface Emit {
  (statement: Omit<Statement, 'block'> & Mapped): void;
}

/** The statements of one section body: sentences, list items, table rows and Given/When/Then scenarios. */
export function extractStatements(nodes: readonly RootContent[], text: LineIndex): Statement[] {
  const statements: Statement[] = [];
  nodes.forEach((node, block) => {
    visitBlock(node, text, 0, ({ mapped, base, ...statement }) => {
      const placed: Statement = { ...statement, block };
      if (mapped) SOURCE_MAPS.set(placed, { mapped, base: base ?? 0 });
      statements.push(placed);
    });
  });
  return statements;
}

function visitBlock(node: RootContent, text: LineIndex, listDepth: number, emit: Emit): void {
  switch (node.type) {
    case 'paragraph':
      emitParagraph(mappedText(node.children, node.position?.start.offset), text, emit);
      break;
    case 'list':
      emitList(node, text, listDepth, emit);
      break;
    case 'table':
      emitTable(node, emit);
      break;
    case 'blockquote':
      for (const child of node.children) visitBlock(child, text, listDepth, emit);
      break;
    case 'code':
      if (/^(gherkin|feature|cucumber)$/i.test(node.lang ?? '')) emitCodeScenarios(node.value, node.position!.start.offset!, text, emit);
      else if (isScreenMockup(node.value)) emitMockup(node, text, emit);
      break;
    default:
      break;
  }
}

function lineOf(index: LineIndex, offset: number): number {
  return index.point(offset).line;
}

function emitParagraph(mapped: MappedText, text: LineIndex, emit: Emit): void {
  const lines = splitLines(mapped.text);
  let prose: { text: string; start: number }[] = [];
  const flushProse = () => {
    if (prose.length === 0) return;
    const first = prose[0].start;
    const joined = mapped.text.slice(first, prose[prose.length - 1].start + prose[prose.length - 1].text.length);
    for (const sentence of splitSentences(joined.replace(/\n/g, ' '))) {
      emitSpan(mapped, text, first + sentence.start, first + sentence.start + sentence.text.length, 'sentence', emit, sentence.text);
    }
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (SCENARIO_OPENER.test(lines[i].text)) {
      let j = i + 1;
      while (j < lines.length && continuesScenario(lines.slice(i, j).map((line) => line.text), lines[j].text)) j++;
      if (!isScenario(lines.slice(i, j).map((line) => line.text))) {
        prose.push(lines[i]);
        continue;
      }
      flushProse();
      const last = lines[j - 1];
      emitSpan(mapped, text, lines[i].start, last.start + last.text.length, 'scenario', emit);
      i = j - 1;
    } else {
      prose.push(lines[i]);
    }
  }
  flushProse();
}

function splitLines(value: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of value.split('\n')) {
    if (line.trim()) lines.push({ text: line, start });
    start += line.length + 1;
  }
  return lines;
}

function emitSpan(
  mapped: MappedText,
  text: LineIndex,
  from: number,
  to: number,
  kind: Statement['kind'],
  emit: Emit,
  value = mapped.text.slice(from, to),
  extra: Partial<Statement> = {},
): void {
  const startOffset = sourceOffset(mapped, from);
  const endOffset = Math.max(startOffset, sourceOffset(mapped, Math.max(from, to - 1)) + 1);
  const lead = value.length - value.trimStart().length;
  emit({
    kind,
    text: value.trim(),
    mapped,
    base: from + lead,
    line: lineOf(text, startOffset),
    endLine: lineOf(text, endOffset - 1),
    startOffset,
    endOffset,
    ...extra,
  });
}

function itemText(item: ListItem): MappedText {
  const own = item.children.filter((child) => child.type !== 'list');
  const out: MappedText = { text: '', at: [], source: [] };
  for (const child of own) {
    if (out.text) out.text += '\n';
    if ('children' in child) mapInline(child.children as Nodes[], out, child.position?.start.offset);
    else if (child.type === 'code') {
      out.at.push(out.text.length);
      out.source.push(child.position!.start.offset!);
      out.text += child.value;
    }
  }
  return out;
}

function emitList(list: List, text: LineIndex, listDepth: number, emit: Emit): void {
  const items = list.children;
  for (let i = 0; i < items.length; i++) {
    const mapped = itemText(items[i]);
    const run = SCENARIO_OPENER.test(mapped.text) ? scenarioRun(items, i) : 0;
    if (run > 0) {
      emitItemRun(items.slice(i, i + run), listDepth, emit);
      i += run - 1;
    } else if (mapped.text.trim()) {
      emitSpan(mapped, text, 0, mapped.text.length, 'bullet', emit, mapped.text, { checked: items[i].checked ?? null, listDepth });
    }
    for (const child of items[i].children) if (child.type === 'list') emitList(child, text, listDepth + 1, emit);
  }
}

/** How many items from `start` form one Given/When/Then scenario; 0 when they do not. */
function scenarioRun(items: readonly ListItem[], start: number): number {
  let end = start + 1;
  while (end < items.length && continuesScenario(items.slice(start, end).map((item) => itemText(item).text), itemText(items[end]).text)) end++;
  return isScenario(items.slice(start, end).map((item) => itemText(item).text)) ? end - start : 0;
}

/** A step continues the scenario so far, unless it opens a new one ("Given" after a "Then"). */
function continuesScenario(steps: readonly string[], next: string): boolean {
  if (!GHERKIN_STEP.test(next)) return false;
  return !(/^\W{0,4}given\b/i.test(next) && isScenario(steps));
}

/** A scenario ends in an outcome: without a Then it is prose that happens to start with "When". */
function isScenario(steps: readonly string[]): boolean {
  return steps.some((step) => /\bthen\b/i.test(step));
}

/** Consecutive list items that form one Given/When/Then scenario. */
function emitItemRun(items: ListItem[], listDepth: number, emit: Emit): void {
  const startOffset = items[0].position!.start.offset!;
  const endOffset = items[items.length - 1].position!.end.offset!;
  const mapped = joinMapped(items.map((item) => trimMapped(itemText(item))), '\n');
  emit({
    kind: 'scenario',
    text: mapped.text,
    mapped,
    line: items[0].position!.start.line,
    endLine: items[items.length - 1].position!.end.line,
    startOffset,
    endOffset,
    listDepth,
  });
}

function emitTable(table: Table, emit: Emit): void {
  table.children.forEach((row, index) => {
    const cellTexts = row.children.map((cell) => trimMapped(mappedText(cell.children, cell.position?.start.offset)));
    const cells = cellTexts.map((cell) => cell.text);
    const mapped = joinMapped(cellTexts.filter((cell) => cell.text), ' | ');
    emit({
      kind: 'row',
      text: mapped.text,
      mapped,
      line: row.position!.start.line,
      endLine: row.position!.end.line,
      startOffset: row.position!.start.offset!,
      endOffset: row.position!.end.offset!,
      cells,
      header: index === 0,
    });
  });
}

function emitCodeScenarios(value: string, codeOffset: number, text: LineIndex, emit: Emit): void {
  emitParagraph(codeMapped(value, codeOffset, text), text, emit);
}

/**
 * A fenced block's content mapped line by line to the source, so CRLF line
 * ends and indented fences do not shift the offsets of later lines.
 */
function codeMapped(value: string, codeOffset: number, text: LineIndex): MappedText {
  const mapped: MappedText = { text: value, at: [], source: [] };
  let sourceLine = text.point(codeOffset).line + 1;
  let at = 0;
  for (const line of value.split('\n')) {
    const lineStart = text.lineStart(sourceLine);
    const indent = Math.max(0, text.lineText(sourceLine).indexOf(line.slice(0, 1) || '\u0000'));
    mapped.at.push(at);
    mapped.source.push(line ? lineStart + indent : lineStart);
    at += line.length + 1;
    sourceLine++;
  }
  return mapped;
}

/** The same mapped text without leading and trailing white space. */
function trimMapped(mapped: MappedText): MappedText {
  const lead = mapped.text.length - mapped.text.trimStart().length;
  const text = mapped.text.trim();
  if (!text) return { text: '', at: [], source: [] };
  const start = sourceOffset(mapped, lead);
  const out: MappedText = { text, at: [0], source: [start] };
  mapped.at.forEach((at, i) => {
    if (at > lead && at - lead < text.length) {
      out.at.push(at - lead);
      out.source.push(mapped.source[i]);
    }
  });
  return out;
}

function joinMapped(parts: readonly MappedText[], separator: string): MappedText {
  const out: MappedText = { text: '', at: [], source: [] };
  for (const part of parts) {
    if (out.text) out.text += separator;
    part.at.forEach((at, i) => {
      out.at.push(out.text.length + at);
      out.source.push(part.source[i]);
    });
    out.text += part.text;
  }
  return out;
}

const BOX_LINE = /[┌┐└┘│├┤┬┴┼╔╗╚╝║═]/;
const BOX_CORNER = /[┌╔]/;

/** A code block drawn with box characters on several lines: a screen mockup, which is screen-level detail. */
export function isScreenMockup(value: string): boolean {
  if (!BOX_CORNER.test(value)) return false;
  let boxLines = 0;
  for (const line of value.split('\n')) if (BOX_LINE.test(line) && ++boxLines >= 3) return true;
  return false;
}

function emitMockup(node: Extract<RootContent, { type: 'code' }>, text: LineIndex, emit: Emit): void {
  const mapped = codeMapped(node.value, node.position!.start.offset!, text);
  emitSpan(mapped, text, 0, node.value.length, 'sentence', emit, node.value);
}
