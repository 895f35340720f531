import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import type { LineIndex } from './text.js';
import type { Statement } from './types.js';

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

function mapInline(nodes: readonly Nodes[], out: MappedText): void {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') {
      // Text that remark-gfm splits out around literal URLs has no position: it continues the previous segment's mapping.
      if (node.position || out.at.length === 0) {
        out.at.push(out.text.length);
        out.source.push(node.position?.start.offset ?? 0);
      }
      out.text += node.value;
    } else if (node.type === 'break') {
      out.text += '\n';
    } else if ('children' in node) {
      mapInline(node.children as Nodes[], out);
    }
  }
}

export function mappedText(nodes: readonly PhrasingContent[] | readonly Nodes[]): MappedText {
  const out: MappedText = { text: '', at: [], source: [] };
  mapInline(nodes as Nodes[], out);
  return out;
}

/** Given/When/Then/And/But at the start of a line, optionally bold or after a list marker. */
export const GHERKIN_STEP = /^\s*(?:[*_]{2})?(Given|When|Then|And|But)\b/i;
const SCENARIO_OPENER = /^\s*(?:[*_]{2})?(Given|When|Then)\b/i;

/** Splits prose into sentences at ., ! or ? followed by space and a capital, digit or quote. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const result: { text: string; start: number }[] = [];
  const boundary = /[.!?]["')\]]?\s+(?=["'“(\[]?[A-Z0-9])/g;
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

interface Emit {
  (statement: Omit<Statement, 'block'>): void;
}

/** The statements of one section body: sentences, list items, table rows and Given/When/Then scenarios. */
export function extractStatements(nodes: readonly RootContent[], text: LineIndex): Statement[] {
  const statements: Statement[] = [];
  nodes.forEach((node, block) => {
    visitBlock(node, text, 0, (statement) => statements.push({ ...statement, block }));
  });
  return statements;
}

function visitBlock(node: RootContent, text: LineIndex, listDepth: number, emit: Emit): void {
  switch (node.type) {
    case 'paragraph':
      emitParagraph(mappedText(node.children), text, emit);
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
      flushProse();
      let j = i + 1;
      while (j < lines.length && GHERKIN_STEP.test(lines[j].text)) j++;
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
  emit({
    kind,
    text: value.trim(),
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
    if ('children' in child) mapInline(child.children as Nodes[], out);
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
    if (SCENARIO_OPENER.test(mapped.text)) {
      let j = i + 1;
      while (j < items.length && GHERKIN_STEP.test(itemText(items[j]).text)) j++;
      emitItemRun(items.slice(i, j), listDepth, emit);
      i = j - 1;
    } else if (mapped.text.trim()) {
      emitSpan(mapped, text, 0, mapped.text.length, 'bullet', emit, mapped.text, { checked: items[i].checked ?? null, listDepth });
    }
    for (const child of items[i].children) if (child.type === 'list') emitList(child, text, listDepth + 1, emit);
  }
}

/** Consecutive list items that form one Given/When/Then scenario. */
function emitItemRun(items: ListItem[], listDepth: number, emit: Emit): void {
  const startOffset = items[0].position!.start.offset!;
  const endOffset = items[items.length - 1].position!.end.offset!;
  emit({
    kind: 'scenario',
    text: items.map((item) => itemText(item).text.trim()).join('\n'),
    line: items[0].position!.start.line,
    endLine: items[items.length - 1].position!.end.line,
    startOffset,
    endOffset,
    listDepth,
  });
}

function emitTable(table: Table, emit: Emit): void {
  table.children.forEach((row, index) => {
    const cells = row.children.map((cell) => mappedText(cell.children).text.trim());
    emit({
      kind: 'row',
      text: cells.filter(Boolean).join(' | '),
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
  const bodyStart = text.text.indexOf('\n', codeOffset) + 1;
  const mapped: MappedText = { text: value, at: [0], source: [bodyStart] };
  emitParagraph(mapped, text, emit);
}
