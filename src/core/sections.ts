import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, BlockType, Section } from './types.js';

export interface SectionNodes {
  section: Section;
  nodes: RootContent[];
}

const BLOCK_TYPES: Partial<Record<RootContent['type'], BlockType>> = {
  paragraph: 'paragraph',
  list: 'list',
  table: 'table',
  code: 'code',
  blockquote: 'blockquote',
  html: 'html',
  thematicBreak: 'thematicBreak',
  definition: 'definition',
  yaml: 'yaml',
  ...({ toml: 'yaml' } as Record<string, BlockType>),
};

export const PREAMBLE = '(preamble)';

/**
 * Cuts a parsed document (or chunk) into the rubric's sections: one per
 * top-level heading, plus the preamble when there is content before the first
 * heading. Only the root's children are looked at, so headings inside lists,
 * block quotes or code never start a section. `endLine`/`endOffset` are set
 * to the end of the given text; the caller joins sections across chunks.
 */
export function splitSections(root: Root, text: string): SectionNodes[] {
  const lastLine = countLines(text);
  const result: SectionNodes[] = [];
  let current: SectionNodes | undefined;
  for (const node of root.children) {
    if (node.type === 'heading') {
      current = { section: headingSection(node, text), nodes: [] };
      result.push(current);
      continue;
    }
    if (!current) {
      current = { section: preambleSection(), nodes: [] };
      result.push(current);
    }
    current.nodes.push(node);
    current.section.blocks.push(toBlock(node, text));
  }
  for (let i = 0; i < result.length; i++) {
    const next = result[i + 1]?.section;
    const section = result[i].section;
    section.endLine = next ? (next.headingLine as number) - 1 : lastLine;
    section.endOffset = next ? next.startOffset : text.length;
  }
  return result;
}

function headingSection(node: Heading, text: string): Section {
  const start = node.position!.start;
  const end = node.position!.end;
  return {
    heading: toString(node, { includeHtml: false }).trim(),
    depth: node.depth,
    headingLine: start.line,
    headingEndLine: end.line,
    startLine: end.line + 1,
    endLine: end.line,
    startOffset: start.offset!,
    bodyOffset: afterLineBreak(text, end.offset!),
    endOffset: end.offset!,
    blocks: [],
  };
}

function preambleSection(): Section {
  return {
    heading: PREAMBLE,
    depth: 0,
    headingLine: null,
    headingEndLine: null,
    startLine: 1,
    endLine: 1,
    startOffset: 0,
    bodyOffset: 0,
    endOffset: 0,
    blocks: [],
  };
}

function toBlock(node: RootContent, text: string): Block {
  const block: Block = {
    type: BLOCK_TYPES[node.type] ?? 'other',
    startLine: node.position!.start.line,
    endLine: node.position!.end.line,
    startOffset: node.position!.start.offset!,
    endOffset: node.position!.end.offset!,
  };
  if (node.type === 'paragraph' && isPseudoHeading(node, text)) block.pseudoHeading = true;
  return block;
}

/** `**Goals**` (optionally with a trailing colon) alone on its line. */
function isPseudoHeading(node: Extract<RootContent, { type: 'paragraph' }>, text: string): boolean {
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong') return false;
  if (rest.some((child) => child.type !== 'text' || !/^\s*(?::\s*)?$/.test(child.value))) return false;
  return !text.slice(node.position!.start.offset, node.position!.end.offset).includes('\n');
}

function afterLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

/** Lines as counted by `text.split('\n')` (the corpus's convention). */
export function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
