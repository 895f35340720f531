import type { Cue } from './cues/index.js';
import { excerpt } from './text.js';
import type { Classification, Evidence, Label, Section, Side, Statement, StatementJudgement } from './types.js';

/** A statement needs this much weight on one side to count for it. */
const STATEMENT_THRESHOLD = 2;
/** A statement this heavy (a story, a scenario, a market paragraph) is substantive on its own. */
const HEAVY_STATEMENT = 3;

export function judgeStatement(statement: Statement, cues: readonly Cue[]): StatementJudgement {
  const evidence: Evidence[] = [];
  for (const cue of cues) {
    if (cue.kinds && !cue.kinds.includes(statement.kind)) continue;
    const match = cue.pattern.exec(statement.text);
    if (!match) continue;
    evidence.push(toEvidence(cue, statement, match));
  }
  const strategic = sideWeight(evidence, 'strategic');
  const tactical = sideWeight(evidence, 'tactical');
  return { statement, side: statementSide(strategic, tactical), strategic, tactical, evidence };
}

function toEvidence(cue: Cue, statement: Statement, match: RegExpExecArray): Evidence {
  return {
    side: cue.side,
    cueId: cue.id,
    reason: cue.reason,
    weight: cue.weight,
    line: statement.line,
    text: excerpt(statement.text),
    match: match[0],
    startOffset: statement.startOffset,
    endOffset: statement.endOffset,
  };
}

function sideWeight(evidence: readonly Evidence[], side: Side): number {
  return evidence.filter((item) => item.side === side).reduce((sum, item) => sum + item.weight, 0);
}

function statementSide(strategic: number, tactical: number): Side | null {
  if (tactical >= HEAVY_STATEMENT && tactical >= strategic) return 'tactical';
  if (strategic >= STATEMENT_THRESHOLD && strategic > tactical) return 'strategic';
  if (tactical >= STATEMENT_THRESHOLD && tactical > strategic) return 'tactical';
  return null;
}

interface SideTally {
  count: number;
  heavy: number;
  weight: number;
}

function tally(judgements: readonly StatementJudgement[], side: Side): SideTally {
  const mine = judgements.filter((judgement) => judgement.side === side);
  return {
    count: mine.length,
    heavy: mine.filter((judgement) => judgement[side] >= HEAVY_STATEMENT + (side === 'strategic' ? 1 : 0)).length,
    weight: mine.reduce((sum, judgement) => sum + judgement[side], 0),
  };
}

/** The rubric's guide: two statements of each kind, or one heavy statement of one kind plus one of the other. */
function labelFrom(strategic: SideTally, tactical: SideTally): Label {
  const bothTwice = strategic.count >= 2 && tactical.count >= 2;
  const heavyPlusOne = (strategic.heavy >= 1 && tactical.count >= 1) || (tactical.heavy >= 1 && strategic.count >= 1);
  if (bothTwice || heavyPlusOne) return 'mixed';
  if (strategic.count > tactical.count) return 'strategic';
  if (tactical.count > strategic.count) return 'tactical';
  if (strategic.count > 0) return strategic.weight >= tactical.weight ? 'strategic' : 'tactical';
  return 'neutral';
}

const score = (weight: number) => Math.round((1 - Math.exp(-weight / 6)) * 100) / 100;

export function classifySection(_section: Section, judgements: readonly StatementJudgement[]): Classification {
  const strategic = tally(judgements, 'strategic');
  const tactical = tally(judgements, 'tactical');
  const label = labelFrom(strategic, tactical);
  const evidence = judgements
    .filter((judgement) => judgement.side)
    .flatMap((judgement) => judgement.evidence.filter((item) => item.side === judgement.side).slice(0, 1))
    .sort((a, b) => b.weight - a.weight || a.line - b.line);
  return {
    label,
    strategic: score(strategic.weight),
    tactical: score(tactical.weight),
    evidence,
    reason: `${strategic.count} strategic, ${tactical.count} tactical statement${tactical.count === 1 ? '' : 's'}`,
  };
}
