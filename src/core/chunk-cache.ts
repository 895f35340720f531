/**
 * Per-chunk analysis with a cache keyed by chunk text, and the two checks that
 * make the joined result equal a whole-document analysis:
 * - a chunk whose parse ends inside a fence, an HTML block or unclosed front
 *   matter would have swallowed the next chunk's heading: it is merged with
 *   the next chunk (`endsOpen`);
 * - link reference and footnote definitions reach across chunks: every chunk
 *   that mentions a label defined in another chunk is parsed with stand-in
 *   definitions appended (their text does not matter, only that they exist),
 *   and the stand-ins are dropped from the result.
 */
import type { Nodes, Root } from 'mdast';
import { analyseTree } from './analyse.js';
import { classifySection } from './classify.js';
import { CutScanner, headingCuts, splitChunks, type Chunk } from './chunks.js';
import type { Cue } from './cues/index.js';
import { fallbackAnalysis, fallbackReason } from './fallback.js';
import { parseMarkdown } from './parse.js';
import { moveSection, rebaseSection, rebaseSections } from './rebase.js';
import { originOf, tagOrigin } from './section-memo.js';
import type { Block, SectionAnalysis, StatementJudgement } from './types.js';

interface Placement {
  line: number;
  offset: number;
  endLine: number;
  sections: SectionAnalysis[];
  /** The run that last used it: a chunk met twice in one run must not have its statements moved in place. */
  run: object;
  /** Its statements are its own copies (not the cached analysis'), so a later placement may move them in place. */
  owned: boolean;
}

/** How a run places sections: its identity, and whether placements may move their statements in place. */
interface RunContext {
  token: object;
  shiftInPlace: boolean;
}

export interface ChunkEntry {
  /** Chunk-relative analysis; the last section's end is fixed when placed. */
  sections: SectionAnalysis[];
  /** The parse ends inside a construct that would continue into the next chunk. */
  open: boolean;
  /** Labels (normalised; footnotes as `^label`) defined in the chunk, with their source label. */
  definitions: Map<string, string>;
  /** Set when the chunk took the line-based path. */
  fallback?: string;
  /** The last placement, reused while the chunk does not move (most chunks on most keystrokes). */
  placed?: Placement;
}

export class ChunkCache {
  private entries = new Map<string, ChunkEntry>();
  private next = new Map<string, ChunkEntry>();
  private lowered = new Map<string, string>();
  private cueKey: string | undefined;
  /**
   * The previous run's chunks by start offset, with the string they are cached
   * under: a chunk found here (at its offset, or moved by the length change)
   * is compared with that string instead of being hashed as a new Map key, so a
   * keystroke does not hash the whole text again.
   */
  private byOffset = new Map<number, { text: string; entry: ChunkEntry }>();
  private nextByOffset = new Map<number, { text: string; entry: ChunkEntry }>();
  private previousLength = 0;
  private lengthChange = 0;
  /** The previous run's last chunk. */
  private lastChunk: string | undefined;
  /** This run's text is an edit of the previous one's (its first or last chunk is unchanged). */
  private editing = false;
  /** The previous run's cut candidates, rescanned only around an edit. */
  private readonly scanner = new CutScanner();
  /** Pieces of the chunks edits changed (see `finer`). */
  private fine: ChunkCache | undefined;

  /**
   * `minChunkChars` (tests): group sections smaller than this; 0 cuts at every heading.
   * `shiftInPlace`: placements move their own statements when a chunk moves (off for a
   * cache whose results become another cache's chunk analyses).
   */
  constructor(
    private readonly minChunkChars?: number,
    private readonly shiftInPlace = true,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached analyses (tests count how many a run replaced). */
  entryObjects(): ChunkEntry[] {
    return [...this.entries.values()];
  }

  /** Analyses the whole text through the cache; returns document-positioned sections. */
  analyse(text: string, cues: readonly Cue[], cueKey: string): SectionAnalysis[] {
    return this.run(text, cues, cueKey, false).sections;
  }

  /**
   * One run over the text. `retain` (the finer cache inside another) keeps the
   * entries of earlier runs until `retire`, so every chunk an outer run
   * re-analyses keeps its pieces.
   */
  private run(text: string, cues: readonly Cue[], cueKey: string, retain: boolean): Pick<ChunkEntry, 'sections' | 'open' | 'definitions'> {
    if (cueKey !== this.cueKey) {
      this.entries.clear();
      this.next.clear();
      this.byOffset.clear();
      this.cueKey = cueKey;
    }
    if (!retain) {
      this.next = new Map();
      this.editing = this.isRevision(text);
      this.nextByOffset = new Map();
      this.lengthChange = text.length - this.previousLength;
    }
    const settled = this.settle(splitChunks(text, this.minChunkChars, retain ? undefined : this.scanner), cues, !retain);
    const open = settled.length > 0 && settled[settled.length - 1].entry.open;
    const own = new Map<string, string>();
    for (const { entry } of settled) for (const [identifier, label] of entry.definitions) own.set(identifier, label);
    const pieces = settled.map((piece) => ({ ...piece }));
    const definitions = collectDefinitions(pieces.map((piece) => piece.entry));
    if (definitions.size > 0) {
      pieces.forEach((piece, i) => {
        const external = this.externalLabels(piece.chunk.text, piece.entry.definitions, definitions);
        if (external.length) piece.entry = this.entry(piece.chunk.text, cues, external, i === pieces.length - 1);
      });
    }
    if (!retain) {
      this.entries = this.next;
      this.byOffset = this.nextByOffset;
      this.lastChunk = settled[settled.length - 1]?.chunk.text;
      this.previousLength = text.length;
      this.fine?.retire();
    }
    if (definitions.size === 0 || this.lowered.size > 4 * this.entries.size) this.lowered.clear();
    // The scanner counted the lines up to the last chunk: count only its own.
    const lastPiece = pieces[pieces.length - 1]?.chunk;
    const totalLines = lastPiece ? lastPiece.startLine + countNewlines(lastPiece.text, 0, lastPiece.text.length) : countNewlines(text, 0, text.length) + 1;
    const out: SectionAnalysis[] = [];
    let run: Part[] = [];
    let runIsPreamble = false;
    const context: RunContext = { token: {}, shiftInPlace: this.shiftInPlace };
    const flush = () => {
      if (run.length) out.push(run.length === 1 ? placePart(run[0], runIsPreamble, context) : placeJoined(run, text, runIsPreamble, context));
      run = [];
    };
    pieces.forEach(({ chunk, entry }, i) => {
      const next = pieces[i + 1]?.chunk;
      const endLine = next ? next.startLine - 1 : totalLines;
      entry.sections.forEach((section, j) => {
        const continues = i > 0 && j === 0 && section.section.headingLine === null;
        if (!continues) flush();
        // Blank lines alone make no section: the first text after them is still the document's preamble.
        if (run.length === 0) runIsPreamble = continues && out.length === 0;
        run.push({ entry, index: j, chunk, endLine });
      });
    });
    flush();
    return { sections: out, open, definitions: own };
  }

  /** Whether the text starts with the previous run's first chunk or ends with its last (another file does neither). */
  private isRevision(text: string): boolean {
    const first = this.byOffset.get(0);
    return (first !== undefined && text.startsWith(first.text)) || (this.lastChunk !== undefined && text.endsWith(this.lastChunk));
  }

  /** Makes the entries the runs since the last retire used the ones to keep (when there were any). */
  private retire(): void {
    if (this.next.size === 0) return;
    this.entries = this.next;
    this.next = new Map();
  }

  /**
   * A chunk that an edit changed, analysed from finer pieces: cut at every
   * candidate cut inside it (checked like any cut, so the result equals the
   * chunk's own parse) and cached, the next keystroke in the same chunk
   * parses only the piece it touched. A first run, or a run over another
   * document (the CLI shares one linter), parses whole chunks: fewer, larger
   * parses are cheaper for a whole document.
   */
  private finer(text: string, cues: readonly Cue[]): ChunkEntry | undefined {
    if (!this.editing || this.minChunkChars === 0 || fallbackReason(text) || headingCuts(text).length === 0) return undefined;
    this.fine ??= new ChunkCache(0, false);
    const { sections, open, definitions } = this.fine.run(text, cues, this.cueKey ?? '', true);
    // Copies: these are this cache's chunk-relative analyses (origins of per-section facts), not the finer cache's placements.
    return { sections: sections.map((section) => ({ ...section })), open, definitions };
  }

  /** Analyses the chunks in order (without stand-in definitions), merging a chunk that ends open with the next. */
  private settle(chunks: Chunk[], cues: readonly Cue[], byOffset: boolean): { chunk: Chunk; entry: ChunkEntry }[] {
    const out: { chunk: Chunk; entry: ChunkEntry }[] = [];
    for (let i = 0; i < chunks.length; i++) {
      let chunk = chunks[i];
      const known = byOffset ? this.known(chunk) : undefined;
      let key = known?.text ?? chunk.text;
      let entry = known?.entry ?? this.entry(chunk.text, cues, [], false);
      while (entry.open && i + 1 < chunks.length) {
        chunk = { ...chunk, text: chunk.text + chunks[++i].text };
        key = chunk.text;
        entry = this.entry(chunk.text, cues, [], false);
      }
      if (byOffset) this.nextByOffset.set(chunk.startOffset, { text: key, entry });
      out.push({ chunk, entry });
    }
    return out;
  }

  /** The previous run's chunk with this text at the same offset or moved by the length change, kept for this run. */
  private known(chunk: Chunk): { text: string; entry: ChunkEntry } | undefined {
    const same = this.byOffset.get(chunk.startOffset);
    const moved = this.lengthChange === 0 ? undefined : this.byOffset.get(chunk.startOffset - this.lengthChange);
    for (const seen of [same, moved]) {
      if (seen && seen.text.length === chunk.text.length && seen.text === chunk.text) {
        this.next.set(seen.text, seen.entry);
        return seen;
      }
    }
    return undefined;
  }

  /** The cached analysis of a chunk, parsed with stand-ins for the given external definitions. */
  private entry(text: string, cues: readonly Cue[], standIns: string[], last: boolean): ChunkEntry {
    const key = standIns.length ? `${standIns.join('\u0001')}\u0000${text}` : text;
    let entry = this.next.get(key) ?? this.entries.get(key);
    if (!entry && standIns.length === 0) entry = this.finer(text, cues);
    if (!entry) entry = analyseEntry(text, cues, standIns, last);
    this.next.set(key, entry);
    return entry;
  }

  /** Source labels of definitions in other chunks that this chunk mentions (a cheap, over-inclusive test). */
  private externalLabels(text: string, own: ReadonlyMap<string, string>, definitions: ReadonlyMap<string, string>): string[] {
    let lower = this.lowered.get(text);
    if (lower === undefined) {
      lower = text.toLowerCase().replace(/\s+/g, ' ');
      this.lowered.set(text, lower);
    }
    const labels: string[] = [];
    for (const [identifier, label] of definitions) if (!own.has(identifier) && lower.includes(`[${identifier}`)) labels.push(label);
    return labels.sort();
  }
}

function analyseEntry(text: string, cues: readonly Cue[], standIns: string[], last: boolean): ChunkEntry {
  const fallback = fallbackReason(text);
  if (fallback) return { sections: fallbackAnalysis(text, cues), open: false, definitions: new Map(), fallback };
  if (standIns.length === 0) return fromTree(parseMarkdown(text), text, text.length, cues);
  const suffix = `\n\n${standIns.map((label) => `[${label}]: #`).join('\n')}\n`;
  const entry = fromTree(parseMarkdown(text + suffix), text + suffix, text.length, cues);
  if (!entry.open || !last) return entry;
  // The last chunk ends inside a fence or an HTML block that swallowed the stand-ins: put them in front instead.
  return withPrefix(text, cues, standIns);
}

function withPrefix(text: string, cues: readonly Cue[], standIns: string[]): ChunkEntry {
  const prefix = `${standIns.map((label) => `[${label}]: #`).join('\n')}\n\n`;
  const root = parseMarkdown(prefix + text);
  const lines = countNewlines(prefix, 0, prefix.length);
  const sections = analyseTree(root, prefix + text, cues).flatMap((analysis) => dropStandIns(analysis, prefix.length));
  const entry: ChunkEntry = { sections: rebaseSections(sections, -lines, -prefix.length), open: true, definitions: new Map() };
  collectTree(root, (label, identifier, offset) => {
    if (offset >= prefix.length) entry.definitions.set(identifier, label);
  });
  return entry;
}

/** The stand-in definitions open the first (preamble) section: drop them, and the section if nothing else is in it. */
function dropStandIns(analysis: SectionAnalysis, prefixLength: number): SectionAnalysis[] {
  if (analysis.section.startOffset >= prefixLength) return [analysis];
  const blocks = analysis.section.blocks;
  const dropped = blocks.filter((block) => block.startOffset < prefixLength).length;
  if (dropped === blocks.length) return [];
  const statements = analysis.statements.map((judgement) => ({ ...judgement, statement: { ...judgement.statement, block: judgement.statement.block - dropped } }));
  return [{ ...analysis, section: { ...analysis.section, blocks: blocks.slice(dropped) }, statements }];
}

function fromTree(root: Root, input: string, length: number, cues: readonly Cue[]): ChunkEntry {
  const sections = analyseTree(root, input, cues);
  const definitions = new Map<string, string>();
  collectTree(root, (label, identifier, offset) => {
    if (offset < length) definitions.set(identifier, label);
  });
  const lastSection = sections[sections.length - 1];
  let open = false;
  if (lastSection) {
    clampHeadingEnd(lastSection, length);
    const blocks = lastSection.section.blocks;
    open = blocks.some((block) => block.endOffset > length && block.startOffset < length);
    const kept = blocks.filter((block) => block.startOffset < length);
    if (kept.length !== blocks.length) lastSection.section.blocks = kept;
    const lastBlock = kept[kept.length - 1];
    if (!open && lastBlock) open = endsOpen(input.slice(0, length), lastBlock);
  }
  open = open || runsToEnd(root, input, length) || frontMatterOpen(input.slice(0, length), sections);
  return { sections, open, definitions };
}

/** A heading on the chunk's last line must not take the stand-ins' line break as its own (its body starts at the chunk end). */
function clampHeadingEnd(analysis: SectionAnalysis, length: number): void {
  if (analysis.section.bodyOffset <= length) return;
  analysis.section.bodyOffset = length;
  for (const judgement of analysis.statements) if (judgement.statement.kind === 'heading' && judgement.statement.endOffset > length) judgement.statement.endOffset = length;
}

/**
 * Only a construct left open (a fence or HTML block, possibly inside a list or
 * quote) runs past the last line break to the very end of the text; in the
 * document, the next chunk's heading would have closed it one line earlier.
 */
function runsToEnd(root: Root, input: string, length: number): boolean {
  if (input[length - 1] !== '\n') return false;
  const last = root.children.filter((node) => node.position!.start.offset! < length).pop();
  return last !== undefined && last.position!.end.offset! >= length;
}

/** Definitions anywhere in the flow (root, lists, block quotes, footnotes). */
function collectTree(node: Nodes, found: (label: string, identifier: string, offset: number) => void): void {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') {
    const footnote = node.type === 'footnoteDefinition';
    const identifier = `${footnote ? '^' : ''}${normalise(node.identifier)}`;
    found(`${footnote ? '^' : ''}${node.label ?? node.identifier}`, identifier, node.position!.start.offset!);
  }
  if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition') {
    for (const child of node.children) collectTree(child as Nodes, found);
  }
}

function normalise(identifier: string): string {
  return identifier.toLowerCase().replace(/\s+/g, ' ').trim();
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_ENDS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/** Whether the chunk's last block (a fence or an HTML block) is still open where the chunk ends. */
export function endsOpen(text: string, block: SectionAnalysis['section']['blocks'][number]): boolean {
  if (block.type !== 'code' && block.type !== 'html') return false;
  const source = text.slice(block.startOffset, block.endOffset);
  const lines = source.split('\n').map((line) => line.replace(/\r$/, ''));
  if (block.type === 'code') {
    const open = FENCE_OPEN.exec(lines[0]);
    if (!open) return false;
    if (lines.length < 2) return true;
    const closing = new RegExp(`^ {0,3}\\${open[1][0]}{${open[1].length},}[ \\t]*$`);
    return !closing.test(lines[lines.length - 1]);
  }
  const kind = HTML_ENDS.find(([start]) => start.test(lines[0]));
  if (kind) return !kind[1].test(lines[lines.length - 1]);
  return !/\n[ \t]*\r?\n/.test(text.slice(block.endOffset));
}

/** A chunk that starts like front matter but did not parse as front matter may close it in a later chunk. */
function frontMatterOpen(text: string, sections: SectionAnalysis[]): boolean {
  if (!/^(?:---|\+\+\+)[ \t]*\r?\n/.test(text)) return false;
  return sections[0]?.section.blocks[0]?.type !== 'yaml' || sections[0].section.blocks[0].startOffset !== 0;
}

function collectDefinitions(entries: ChunkEntry[]): Map<string, string> {
  const all = new Map<string, string>();
  for (const entry of entries) for (const [identifier, label] of entry.definitions) if (!all.has(identifier)) all.set(identifier, label);
  return all;
}

export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Blank lines alone make no section: the preamble starts at line 1 (same content, so same origin). */
function preamble(section: SectionAnalysis): SectionAnalysis {
  const out = { ...section, section: { ...section.section, startLine: 1, startOffset: 0, bodyOffset: 0 } };
  const origin = originOf(section);
  if (origin) tagOrigin(out, origin.key, origin.lineDelta, origin.offsetDelta);
  return out;
}

/** One section of a chunk's cached analysis, with where the chunk sits in the document. */
interface Part {
  entry: ChunkEntry;
  index: number;
  chunk: Chunk;
  /** The line the chunk's last section ends on (the line before the next chunk). */
  endLine: number;
}

function placePart(part: Part, isPreamble: boolean, context: RunContext): SectionAnalysis {
  const section = place(part.entry, part.chunk, part.endLine, context)[part.index];
  return isPreamble ? preamble(section) : section;
}

/** Where a part ends in the document: a chunk's last section runs to the next chunk. */
function partEnd(part: Part): { endLine: number; endOffset: number } {
  if (part.index === part.entry.sections.length - 1) return { endLine: part.endLine, endOffset: part.chunk.startOffset + part.chunk.text.length };
  const { endLine, endOffset } = part.entry.sections[part.index].section;
  return { endLine: endLine + part.chunk.startLine - 1, endOffset: endOffset + part.chunk.startOffset };
}

interface Joined {
  parts: SectionAnalysis[];
  endLine: number;
  endOffset: number;
  /** The joined section relative to the first part's chunk (the key of its per-section facts). */
  analysis: SectionAnalysis;
  placed?: { line: number; offset: number; isPreamble: boolean; analysis: SectionAnalysis; run: object; owned: boolean };
}

const joinedRuns = new WeakMap<SectionAnalysis, Joined>();

/**
 * A section cut into several chunks (at paragraph starts) made whole again.
 * The parts are joined once, relative to the first part's chunk (blocks and
 * statements in order, classification over all of them), and the joined
 * analysis is moved to its place like a chunk's: a keystroke below it costs
 * one copy, not one per part plus the join.
 */
function placeJoined(parts: Part[], text: string, isPreamble: boolean, context: RunContext): SectionAnalysis {
  const first = parts[0];
  const lineBase = first.chunk.startLine - 1;
  const offsetBase = first.chunk.startOffset;
  const end = partEnd(parts[parts.length - 1]);
  const joined = joinedRelative(parts, text, end.endLine - lineBase, end.endOffset - offsetBase);
  const cached = joined.placed;
  if (cached && cached.line === lineBase && cached.offset === offsetBase && cached.isPreamble === isPreamble) {
    cached.run = context.token;
    return cached.analysis;
  }
  const atStart = lineBase === 0 && offsetBase === 0;
  let analysis: SectionAnalysis;
  if (atStart) analysis = { ...joined.analysis };
  else if (context.shiftInPlace && cached?.owned && cached.run !== context.token) {
    analysis = moveSection(joined.analysis, lineBase, offsetBase, cached.analysis, lineBase - cached.line, offsetBase - cached.offset);
  } else analysis = rebaseSection(joined.analysis, lineBase, offsetBase);
  // Blank lines alone make no section: the preamble starts at line 1 (same content, so same origin).
  if (isPreamble) analysis.section = { ...analysis.section, startLine: 1, startOffset: 0, bodyOffset: 0 };
  tagOrigin(analysis, joined.analysis, lineBase, offsetBase);
  joined.placed = { line: lineBase, offset: offsetBase, isPreamble, analysis, run: context.token, owned: !atStart };
  return analysis;
}

/** The joined analysis of a run of parts, reused while every part (so every chunk's text) and the end are unchanged. */
function joinedRelative(parts: Part[], text: string, endLine: number, endOffset: number): Joined {
  const analyses = parts.map((part) => part.entry.sections[part.index]);
  const cached = joinedRuns.get(analyses[0]);
  if (cached && cached.endLine === endLine && cached.endOffset === endOffset && cached.parts.length === analyses.length && cached.parts.every((part, i) => part === analyses[i])) return cached;
  const first = parts[0].chunk;
  const blocks: Block[] = [];
  const statements: StatementJudgement[] = [];
  parts.forEach((part, i) => {
    const moved = i === 0 ? analyses[0] : rebaseSections([analyses[i]], part.chunk.startLine - first.startLine, part.chunk.startOffset - first.startOffset)[0];
    const blockBase = blocks.length;
    for (const judgement of moved.statements) {
      statements.push(blockBase === 0 ? judgement : { ...judgement, statement: { ...judgement.statement, block: judgement.statement.block + blockBase } });
    }
    blocks.push(...moved.section.blocks);
  });
  const section = { ...analyses[0].section, endLine, endOffset, blocks };
  const source = text.slice(first.startOffset, first.startOffset + endOffset);
  const joined: Joined = { parts: analyses, endLine, endOffset, analysis: { ...analyses[0], section, statements, classification: classifySection(section, statements, source) } };
  joinedRuns.set(analyses[0], joined);
  return joined;
}

/** The chunk's sections at their place in the document, the last one ending where the next chunk starts. */
function place(entry: ChunkEntry, chunk: Chunk, endLine: number, context: RunContext): SectionAnalysis[] {
  const cached = entry.placed;
  if (cached && cached.line === chunk.startLine && cached.offset === chunk.startOffset && cached.endLine === endLine) {
    cached.run = context.token;
    return cached.sections;
  }
  const lineDelta = chunk.startLine - 1;
  const offsetDelta = chunk.startOffset;
  const atStart = lineDelta === 0 && offsetDelta === 0;
  let sections: SectionAnalysis[];
  if (atStart) sections = entry.sections.slice();
  else if (context.shiftInPlace && cached?.owned && cached.run !== context.token) {
    // The previous placement's statements are only this cache's: move them rather than copy them again.
    const lineShift = chunk.startLine - cached.line;
    const offsetShift = chunk.startOffset - cached.offset;
    sections = entry.sections.map((analysis, i) => moveSection(analysis, lineDelta, offsetDelta, cached.sections[i], lineShift, offsetShift));
  } else sections = rebaseSections(entry.sections, lineDelta, offsetDelta);
  const last = sections[sections.length - 1];
  if (last) {
    const endOffset = chunk.startOffset + chunk.text.length;
    sections[sections.length - 1] = { ...last, section: { ...last.section, endLine, endOffset } };
  }
  sections.forEach((section, i) => tagOrigin(section, entry.sections[i], lineDelta, offsetDelta));
  entry.placed = { line: chunk.startLine, offset: chunk.startOffset, endLine, sections, run: context.token, owned: !atStart };
  return sections;
}
