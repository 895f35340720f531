import type { Root } from 'mdast';
import { judgeStatements, classifySection } from './classify.js';
import type { Cue } from './cues/index.js';
import { parseMarkdown } from './parse.js';
import { splitSections } from './sections.js';
import { extractStatements } from './statements.js';
import { LineIndex } from './text.js';
import type { SectionAnalysis } from './types.js';

/**
 * Parses one chunk (or a whole document) and judges every section in it.
 * Positions are relative to the chunk; the linter rebases them.
 */
export function analyseChunk(text: string, cues: readonly Cue[]): SectionAnalysis[] {
  return analyseTree(parseMarkdown(text), text, cues);
}

/** The same for an already parsed text (the linter also reads link definitions from the tree). */
export function analyseTree(root: Root, text: string, cues: readonly Cue[]): SectionAnalysis[] {
  const index = new LineIndex(text);
  return splitSections(root, text).map(({ section, nodes }) => {
    const statements = judgeStatements(extractStatements(nodes, index), cues);
    return { section, statements, classification: classifySection(section, statements, text) };
  });
}
