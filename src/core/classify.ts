import { ABOUT_THE_DOCUMENT, HEADING_CUES, LEAD_IN_CUES, LEAD_IN_ITEM, METADATA_STATEMENT, NEUTRAL_HEADINGS, TASK_CHECKBOX, type Cue, type StructureCue } from './cues/index.js';
import { headingStatement, statementSpan } from './statements.js';
import { isLikelyEnglish } from './language.js';
import { excerpt } from './text.js';
import type { Classification, Evidence, Label, Section, SectionAnalysis, Side, Statement, StatementJudgement } from './types.js';

/**
 * The judgement, in two steps. A statement (sentence, bullet, row, scenario)
 * counts for a side when its cues there weigh STATEMENT_THRESHOLD or more:
 * one clear cue, or two passing words together. A section then follows the
 * rubric's guide: mixed needs both sides substantive, a single side needs
 * enough statements that a reader would notice, and everything else is neutral.
 */
export const STATEMENT_THRESHOLD = 2;
/** A cue this heavy (a story, a scenario, a mockup, a table of items) decides its statement on its own. */
export const HEAVY_TACTICAL = 3;
/** A statement that argues the market or business on its own (several clear cues). */
export const HEAVY_STRATEGIC = 5;

export function judgeStatement(statement: Statement, cues: readonly Cue[]): StatementJudgement {
  const evidence: Evidence[] = [];
  for (const cue of cues) {
    if (!appliesTo(cue, statement)) continue;
    const match = cue.pattern.exec(statement.text);
    if (match) evidence.push(toEvidence(cue, statement, match.index, match[0]));
  }
  if (statement.checked === true || statement.checked === false) evidence.push(toEvidence(TASK_CHECKBOX, statement, 0, statement.text.slice(0, 40)));
  const strategic = sideWeight(evidence, 'strategic');
  const tactical = sideWeight(evidence, 'tactical');
  const structural = evidence.some((item) => item.side === 'tactical' && item.weight >= HEAVY_TACTICAL);
  const metadata = statement.kind !== 'heading' && (METADATA_STATEMENT.test(statement.text) || ABOUT_THE_DOCUMENT.test(statement.text));
  return { statement, side: metadata ? null : statementSide(strategic, tactical, structural), strategic, tactical, evidence };
}

/**
 * Every statement of a body judged, then bare list items given the side of
 * the lead-in line right above them, when it is sided or its lead-in words
 * lean one way (cues/lead-ins.ts): under "Each record must include:" a
 * bare "Due date" is a field, under "Better evidence would include:" a bare
 * "Teams returning weekly" is a signal of success. An item with any word of
 * the other side keeps its own (lack of) judgement.
 */
export function judgeStatements(statements: readonly Statement[], cues: readonly Cue[]): StatementJudgement[] {
  const judged = statements.map((statement) => judgeStatement(statement, cues));
  judged.forEach((judgement, i) => {
    const side = leadInSide(judgement);
    if (side) for (const item of itemsUnder(judged, i)) lendSide(item, side);
  });
  return judged;
}

const ENDS_WITH_COLON = /:[*_\s]{0,4}$/;

/**
 * The side a lead-in line lends its list: its own when its words count for
 * one side, else the side its lead-in words (cues/lead-ins.ts) lean to. One
 * passing word alone leans nowhere: "Goal:" over a sprint card is the sprint's aim.
 */
function leadInSide(judgement: StatementJudgement): Side | null {
  const { statement } = judgement;
  if ((statement.kind !== 'sentence' && statement.kind !== 'bullet') || !ENDS_WITH_COLON.test(statement.text)) return null;
  if (METADATA_STATEMENT.test(statement.text) || ABOUT_THE_DOCUMENT.test(statement.text)) return null;
  // Words of both sides ("the marketing pages to check on each screen:") lend nothing.
  if (judgement.strategic > 0 && judgement.tactical > 0) return null;
  const lean = (side: Side) => (judgement.side === side ? 1 : 0) + LEAD_IN_CUES.filter((cue) => cue.side === side && cue.pattern.test(statement.text)).length;
  const strategic = lean('strategic');
  const tactical = lean('tactical');
  if (strategic > 0 && tactical === 0) return 'strategic';
  if (tactical > 0 && strategic === 0) return 'tactical';
  return null;
}

/** The list items right under a lead-in: the next block's top-level items after a sentence, a bullet's own sub-items. */
function itemsUnder(judged: readonly StatementJudgement[], index: number): StatementJudgement[] {
  const lead = judged[index].statement;
  const next = judged[index + 1]?.statement;
  if (!next || next.kind !== 'bullet') return [];
  const depth = lead.kind === 'bullet' ? (lead.listDepth ?? 0) + 1 : 0;
  const block = lead.kind === 'bullet' ? lead.block : lead.block + 1;
  if (next.block !== block || (next.listDepth ?? 0) !== depth) return [];
  const items: StatementJudgement[] = [];
  for (let i = index + 1; i < judged.length; i++) {
    const { statement } = judged[i];
    if (statement.block !== block || statement.kind !== 'bullet' || (statement.listDepth ?? 0) < depth) break;
    if (statement.listDepth === depth) items.push(judged[i]);
  }
  return items;
}

function lendSide(item: StatementJudgement, side: Side): void {
  const other: Side = side === 'strategic' ? 'tactical' : 'strategic';
  if (item.side || item[other] > 0) return;
  const cue = LEAD_IN_ITEM[side];
  item.evidence.push(toEvidence(cue, item.statement, 0, item.statement.text.slice(0, 40)));
  item[side] += cue.weight;
  item.side = side;
}

function appliesTo(cue: Cue, statement: Statement): boolean {
  if (statement.header) return cue.headerRow === true;
  if (cue.headerRow) return false;
  if (cue.kinds) return cue.kinds.includes(statement.kind);
  return statement.kind !== 'heading';
}

function toEvidence(cue: Cue | StructureCue, statement: Statement, index: number, match: string): Evidence {
  return {
    side: cue.side,
    cueId: cue.id,
    reason: cue.reason,
    weight: cue.weight,
    line: statement.line,
    text: excerpt(statement.text),
    match,
    ...statementSpan(statement, index, match.length),
  };
}

function sideWeight(evidence: readonly Evidence[], side: Side): number {
  return evidence.filter((item) => item.side === side).reduce((sum, item) => sum + item.weight, 0);
}

/** A story or scenario stays tactical whatever its benefit clause says: the "so that" is the story's, not a strategy. */
function statementSide(strategic: number, tactical: number, structural: boolean): Side | null {
  if (structural) return 'tactical';
  if (strategic >= STATEMENT_THRESHOLD && strategic > tactical) return 'strategic';
  if (tactical >= STATEMENT_THRESHOLD && tactical > strategic) return 'tactical';
  return null;
}

interface SideTally {
  count: number;
  heavy: number;
  weight: number;
  cues: string[];
}

/**
 * Heavy per the rubric: a story, a scenario or a mockup (one cue that decides
 * on its own), or a statement stacking several clear strategic cues. A table's
 * header names columns: it makes the rows evidence but is not heavy itself.
 */
function isHeavy(judgement: StatementJudgement, side: Side): boolean {
  if (judgement.statement.header) return false;
  if (side === 'tactical') return judgement.evidence.some((item) => item.side === 'tactical' && item.weight >= HEAVY_TACTICAL);
  return judgement.strategic >= HEAVY_STRATEGIC;
}

function tally(judgements: readonly StatementJudgement[], side: Side): SideTally {
  const mine = judgements.filter((judgement) => judgement.side === side);
  const cues = new Map<string, number>();
  for (const judgement of mine) for (const item of judgement.evidence) if (item.side === side) cues.set(item.cueId, (cues.get(item.cueId) ?? 0) + item.weight);
  return {
    count: mine.length,
    heavy: mine.filter((judgement) => isHeavy(judgement, side)).length,
    weight: mine.reduce((sum, judgement) => sum + judgement[side], 0),
    cues: [...cues.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
  };
}

/** What the heading promises: a side, neutral ground, or nothing. */
export interface HeadingSignal {
  side: Side | null;
  neutral: boolean;
  evidence: Evidence[];
}

export function judgeHeading(section: Section, source?: string): HeadingSignal {
  const statement = headingStatement(section);
  if (!statement) return { side: null, neutral: false, evidence: [] };
  const judged = judgeStatement(statement, HEADING_CUES);
  if (source !== undefined) judged.evidence = judged.evidence.map((item) => locateInHeading(item, section, source));
  const neutral = NEUTRAL_HEADINGS.some((heading) => heading.pattern.test(section.heading));
  const side = judged.strategic > judged.tactical ? 'strategic' : judged.tactical > judged.strategic ? 'tactical' : null;
  return { side: neutral ? null : side, neutral, evidence: neutral ? [] : judged.evidence.filter((item) => item.side === side) };
}

/** The heading's plain text drops markup and escapes (`1\\. Goals`); find the matched words in its source instead. */
function locateInHeading(item: Evidence, section: Section, source: string): Evidence {
  const at = source.slice(section.startOffset, section.bodyOffset).toLowerCase().indexOf(item.match.toLowerCase());
  if (at < 0) return item;
  return { ...item, startOffset: section.startOffset + at, endOffset: section.startOffset + at + item.match.length };
}

/** A passing mention is not a second job: interleaved sides need the smaller side to hold this share of the sided statements. */
export const MIN_MINORITY_SHARE = 0.25;

/**
 * Interleaved sides (strategy and delivery alternating bullet by bullet): both
 * sides twice with a substantive share, or one heavy statement plus one of the
 * other when there are only two sided statements, both heavy.
 */
function isInterleavedMix(strategic: SideTally, tactical: SideTally): boolean {
  const minority = Math.min(strategic.count, tactical.count);
  const total = strategic.count + tactical.count;
  return minority >= 2 && minority / total >= MIN_MINORITY_SHARE;
}

type SidedJudgement = StatementJudgement & { side: Side };

/** Where a body splits into two runs of whole blocks, one per side; `block` is where the second run's blocks begin. */
export interface RunSplit {
  first: Side;
  second: Side;
  /** Index into Section.blocks of the first block after the first run. */
  block: number;
  /** Index into Section.blocks of the first block holding a statement of the second run. */
  secondStart: number;
  /** A `**Goals**` pseudo-heading sits between the runs. */
  pseudoHeading: boolean;
}

/**
 * A run may carry this many statements of the other side and still count as
 * one side's: a "see the roadmap" line in a vision is a passing mention.
 */
export const STRAYS_PER_RUN = 1;
/** Sided statements two clean runs need together (at least one each): one sentence next to one bullet stays quiet. */
export const CLEAN_RUNS_MIN_STATEMENTS = 3;

/** The side a run of statements would get as a section of its own, if one side dominates it. */
function runSide(run: readonly SidedJudgement[]): Side | null {
  const strategic = run.filter((judgement) => judgement.side === 'strategic').length;
  const tactical = run.length - strategic;
  const side: Side = strategic > tactical ? 'strategic' : 'tactical';
  const strays = run.filter((judgement) => judgement.side !== side);
  const passing = strays.length <= STRAYS_PER_RUN && !strays.some((judgement) => isHeavy(judgement, judgement.side));
  return strategic !== tactical && passing && run.length - strays.length >= 2 * strays.length ? side : null;
}

/**
 * The rubric's guide applied to two runs: two statements of each side, or one
 * heavy statement of one side plus one of the other. With two sided statements
 * in all, the heavy one must be a story, scenario or mockup (structure), or
 * both heavy: one loud strategy sentence next to one bullet stays quiet.
 * Clean runs (no stray of the other side in either) are a clearer sign: one
 * statement on one side and two on the other are enough.
 * A pseudo-heading between the runs is the author's own split, a mild sign:
 * each run then needs three statements, heavy or not.
 */
function runsAreSubstantive(first: readonly SidedJudgement[], second: readonly SidedJudgement[], sides: [Side, Side], pseudoHeading: boolean): boolean {
  const a = first.filter((judgement) => judgement.side === sides[0]);
  const b = second.filter((judgement) => judgement.side === sides[1]);
  const need = pseudoHeading ? 3 : 2;
  if (a.length >= need && b.length >= need) return true;
  if (pseudoHeading) return false;
  const clean = a.length === first.length && b.length === second.length;
  if (clean && a.length + b.length >= CLEAN_RUNS_MIN_STATEMENTS) return true;
  const heavyA = a.some((judgement) => isHeavy(judgement, sides[0]));
  const heavyB = b.some((judgement) => isHeavy(judgement, sides[1]));
  if (a.length + b.length >= 3) return heavyA || heavyB;
  const heavyTactical = sides[0] === 'tactical' ? heavyA : heavyB;
  return (heavyA && heavyB) || heavyTactical;
}

/**
 * The body read as two jobs done one after the other: some block boundary
 * leaves one side's statements before it and the other side's after it
 * (neutral blocks anywhere, a stray mention per run), each run substantive.
 * Of several such boundaries, the one with the fewest strays wins.
 */
export function findRunSplit(section: Section, judgements: readonly StatementJudgement[]): RunSplit | undefined {
  const sided = judgements.filter((judgement): judgement is SidedJudgement => judgement.side !== null);
  const switches = sided.filter((judgement, i) => i > 0 && judgement.side !== sided[i - 1].side).length;
  // Each stray adds at most two switches to the one between the runs; more switches are interleaving, and skipping them keeps this linear.
  if (switches > 1 + 4 * STRAYS_PER_RUN) return undefined;
  let best: { split: RunSplit; strays: number } | undefined;
  for (let i = 1; i < sided.length; i++) {
    const lastBlock = sided[i - 1].statement.block;
    if (sided[i].statement.block === lastBlock || sided[i].side === sided[i - 1].side) continue;
    const first = sided.slice(0, i);
    const second = sided.slice(i);
    const sides = [runSide(first), runSide(second)];
    if (sides[0] !== sided[i - 1].side || sides[1] !== sided[i].side) continue;
    const pseudoHeading = section.blocks.slice(lastBlock + 1, sided[i].statement.block).some((block) => block.pseudoHeading === true);
    if (!runsAreSubstantive(first, second, [sides[0], sides[1]], pseudoHeading)) continue;
    const strays = first.filter((judgement) => judgement.side !== sides[0]).length + second.filter((judgement) => judgement.side !== sides[1]).length;
    const split: RunSplit = { first: sides[0], second: sides[1], block: lastBlock + 1, secondStart: sided[i].statement.block, pseudoHeading };
    if (!best || strays < best.strays) best = { split, strays };
  }
  return best?.split;
}

/**
 * The rubric's guide, read two ways: strategy and delivery done one after the
 * other (two runs of blocks, see findRunSplit), or interleaved throughout with
 * a substantive share each. Scattered stray statements of one side in a long
 * body of the other are passing mentions.
 */
export function isMixedBody(section: Section, judgements: readonly StatementJudgement[]): boolean {
  return isMixed(section, judgements, tally(judgements, 'strategic'), tally(judgements, 'tactical'));
}

function isMixed(section: Section, judgements: readonly StatementJudgement[], strategic: SideTally, tactical: SideTally): boolean {
  if (Math.min(strategic.count, tactical.count) === 0) return false;
  if (findRunSplit(section, judgements)) return true;
  return isInterleavedMix(strategic, tactical) && !separatedByPseudoHeading(section, judgements);
}

/** `**Goals**` alone on a line with one side before it and the other after: the author already split the body. */
function separatedByPseudoHeading(section: Section, judgements: readonly StatementJudgement[]): boolean {
  const sided = judgements.filter((judgement) => judgement.side);
  return section.blocks.some((block, index) => {
    if (!block.pseudoHeading) return false;
    const before = new Set(sided.filter((judgement) => judgement.statement.block < index).map((judgement) => judgement.side));
    const after = new Set(sided.filter((judgement) => judgement.statement.block > index).map((judgement) => judgement.side));
    return before.size === 1 && after.size === 1 && [...before][0] !== [...after][0];
  });
}

/**
 * Weights of the single-side decision. A tactical statement is the surer
 * sign (a story or a field rule is rarely anything else, while strategic
 * words also decorate other prose), and a heading weighs about two
 * statements, so "## Goals" over one stray tactical bullet stays strategic.
 */
export const SIDE_DECISION = { strategicStatement: 1, tacticalStatement: 1.5, heavyTacticalStatement: 2.5, heading: 2, tacticalUnderNeutralHeading: 3, hintsPerStatement: 3 } as const;

/**
 * Statements with one passing tactical word each (a button here, "must" there)
 * do not count alone, but a run of them is field-level detail: every
 * SIDE_DECISION.hintsPerStatement of them count as one tactical statement.
 */
function tacticalHints(judgements: readonly StatementJudgement[]): number {
  const hints = judgements.filter((judgement) => !judgement.side && judgement.tactical > 0 && judgement.strategic === 0).length;
  return Math.floor(hints / SIDE_DECISION.hintsPerStatement);
}

function labelFrom(strategic: SideTally, tactical: SideTally, heading: HeadingSignal, hints: number, mixed: boolean): Label {
  if (mixed) return 'mixed';
  const lean = (side: Side) => (heading.side === side ? SIDE_DECISION.heading : 0);
  const s = strategic.count * SIDE_DECISION.strategicStatement + lean('strategic');
  const t = (tactical.count - tactical.heavy + hints) * SIDE_DECISION.tacticalStatement + tactical.heavy * SIDE_DECISION.heavyTacticalStatement + lean('tactical');
  if (s > 0 && s >= t) return 'strategic';
  if (t > s && (!heading.neutral || t >= SIDE_DECISION.tacticalUnderNeutralHeading)) return 'tactical';
  return 'neutral';
}

const score = (weight: number) => Math.round((1 - Math.exp(-weight / 6)) * 100) / 100;

function describeSide(tallied: SideTally, side: Side): string {
  const cues = tallied.cues.slice(0, 3);
  const noun = tallied.count === 1 ? 'statement' : 'statements';
  return tallied.count ? `${tallied.count} ${side} ${noun} (${cues.join(', ')})` : `0 ${side}`;
}

/** `source` is the text the section's offsets point into; with it, heading evidence points at the exact words. */
export function classifySection(section: Section, judgements: readonly StatementJudgement[], source?: string): Classification {
  const strategic = tally(judgements, 'strategic');
  const tactical = tally(judgements, 'tactical');
  const heading = judgeHeading(section, source);
  const hasBody = judgements.length > 0;
  const hints = tacticalHints(judgements);
  const label = hasBody ? labelFrom(strategic, tactical, heading, hints, isMixed(section, judgements, strategic, tactical)) : 'neutral';
  const headingNote = heading.side && hasBody ? `; heading reads ${heading.side}` : heading.neutral ? '; heading reads neutral' : '';
  const hintNote = hints && tactical.count === 0 && label === 'tactical' ? `; ${hints * SIDE_DECISION.hintsPerStatement}+ lines of field-level detail` : '';
  return {
    label,
    strategic: score(strategic.weight + (heading.side === 'strategic' ? SIDE_DECISION.heading : 0)),
    tactical: score(tactical.weight + hints + (heading.side === 'tactical' ? SIDE_DECISION.heading : 0)),
    evidence: collectEvidence(label, judgements, heading),
    reason: `${describeSide(strategic, 'strategic')}; ${describeSide(tactical, 'tactical')}${hintNote}${headingNote}`,
  };
}

/** The strongest cue of every statement that counted, plus the heading's when it tipped the label; strongest first. */
function collectEvidence(label: Label, judgements: readonly StatementJudgement[], heading: HeadingSignal): Evidence[] {
  const sided = judgements.filter((judgement) => judgement.side).flatMap((judgement) => strongestEvidence(judgement, judgement.side!));
  const fromHeading = label === heading.side ? heading.evidence.slice(0, 1) : [];
  const hasTactical = sided.some((item) => item.side === 'tactical') || heading.side === 'tactical';
  const fromHints = label === 'tactical' && !hasTactical ? judgements.filter((judgement) => !judgement.side).flatMap((judgement) => strongestEvidence(judgement, 'tactical')) : [];
  return [...sided, ...fromHeading, ...fromHints].sort((a, b) => b.weight - a.weight || a.line - b.line);
}

function strongestEvidence(judgement: StatementJudgement, side: Side): Evidence[] {
  const mine = judgement.evidence.filter((item) => item.side === side);
  return mine.sort((a, b) => b.weight - a.weight).slice(0, 1);
}

const NOT_ENGLISH: Classification = {
  label: 'neutral',
  strategic: 0,
  tactical: 0,
  evidence: [],
  reason: 'not judged: the document does not look English, and the cues cover English only',
};

/** Documents in other languages get no altitude judgement rather than a wrong one (see language.ts). */
export function neutralUnlessEnglish(analyses: SectionAnalysis[], text: string): SectionAnalysis[] {
  if (isLikelyEnglish(text)) return analyses;
  return analyses.map((analysis) => ({ ...analysis, statements: analysis.statements.map((judgement) => ({ ...judgement, side: null })), classification: NOT_ENGLISH }));
}
