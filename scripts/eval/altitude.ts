import { relative } from 'node:path';
import { classify, lint, type Label, type SectionReport } from '../../src/core/index.js';
import { isLikelyEnglish } from '../../src/core/language.js';
import { loadCorpus, selectHalf, type CorpusDoc, type Half, type LabelledSection } from './corpus.js';
import { confusion, macroF1, percent, round, scoresFor, type Confusion } from './metrics.js';

export interface EvalOptions {
  corpus: string;
  thresholds: Thresholds;
  /** Only this half of the documents (see selectHalf); all when absent. */
  half?: Half;
}

export interface Thresholds {
  min?: Record<string, number>;
  max?: Record<string, number>;
}

export interface EvalPart {
  lines: string[];
  json: object;
  ok: boolean;
}

const LABELS: Label[] = ['strategic', 'tactical', 'mixed', 'neutral'];
const MACRO_LABELS: Label[] = ['strategic', 'tactical', 'neutral'];

interface AltitudeJson {
  half?: Half;
  documents: number;
  labelledSections: number;
  matchedSections: number;
  missing: string[];
  confusion: Confusion;
  byKind: Record<string, { sections: number; accuracy: number; macroF1: number }>;
  figures: Record<string, number>;
  perLabel: Record<string, ReturnType<typeof roundScores>>;
  spliced: { pairs: number; caughtAsMixed: number; halvesRecognisableAlone: number; caughtOfThose: number; misses: string[] };
  kindMisses: string[];
  nonEnglishDocs: string[];
  worstMisses: string[];
  failures: string[];
}

interface Pair {
  doc: CorpusDoc;
  truth: LabelledSection;
  ours: SectionReport;
}

/** How accurately the classifier labels the corpus's sections, and how well it spots spliced (mixed) bodies. */
export function evalAltitude(options: EvalOptions): EvalPart {
  const docs = selectHalf(loadCorpus(options.corpus), options.half);
  const pairs: Pair[] = [];
  const missing: string[] = [];
  let kindHits = 0;
  const kindMisses: string[] = [];
  const nonEnglish: string[] = [];
  for (const doc of docs) {
    const result = lint(doc.text);
    if (result.kind === doc.kind) kindHits++;
    else kindMisses.push(`${doc.id}: ${doc.kind} -> ${result.kind}`);
    if (!isLikelyEnglish(doc.text)) nonEnglish.push(doc.id);
    const byStart = new Map(result.sections.map((section) => [section.startLine, section]));
    for (const truth of doc.labels) {
      const ours = byStart.get(truth.startLine);
      if (ours && ours.endLine === truth.endLine) pairs.push({ doc, truth, ours });
      else missing.push(`${location(doc, truth.startLine)} "${truth.heading}" (ours: ${ours ? `ends ${ours.endLine}, not ${truth.endLine}` : 'no section starts here'})`);
    }
  }
  const matrix = confusion(pairs.map(({ truth, ours }) => ({ truth: truth.label, predicted: ours.label })), LABELS);
  const byKind = perKind(pairs);
  const nonMixed = pairs.filter(({ truth }) => truth.label !== 'mixed');
  const falseMixed = nonMixed.filter(({ ours }) => ours.label === 'mixed').length / Math.max(1, nonMixed.length);
  const spliced = evalSpliced(docs);
  const figures = {
    macroF1: macroF1(matrix, MACRO_LABELS),
    falseMixedRate: falseMixed,
    splicedMixedRecall: spliced.recall,
    splicedRecallBodiesAlone: spliced.supportedRecall,
    kindByContentAccuracy: kindHits / docs.length,
    missingSections: missing.length,
  };
  const failures = checkThresholds(figures, options.thresholds);
  const json: AltitudeJson = {
    ...(options.half ? { half: options.half } : {}),
    documents: docs.length,
    labelledSections: pairs.length + missing.length,
    matchedSections: pairs.length,
    missing,
    perLabel: Object.fromEntries(LABELS.map((label) => [label, roundScores(scoresFor(matrix, label))])),
    confusion: matrix,
    byKind,
    figures: Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round(value)])),
    spliced: { pairs: spliced.pairs, caughtAsMixed: spliced.caught, halvesRecognisableAlone: spliced.supported, caughtOfThose: spliced.supportedCaught, misses: spliced.misses },
    kindMisses,
    nonEnglishDocs: nonEnglish,
    worstMisses: worstMisses(pairs).map(describeMiss),
    failures,
  };
  return { lines: report(json, matrix, figures), json, ok: failures.length === 0 };
}

function location(doc: CorpusDoc, line: number): string {
  return `${relative(process.cwd(), doc.path)}:${line}`;
}

/** Figures per document kind: a check that the judgement is not carried by one kind of document. */
function perKind(pairs: readonly Pair[]) {
  const kinds = [...new Set(pairs.map(({ doc }) => doc.kind))].sort();
  return Object.fromEntries(
    kinds.map((kind) => {
      const mine = pairs.filter(({ doc }) => doc.kind === kind);
      const matrix = confusion(mine.map(({ truth, ours }) => ({ truth: truth.label, predicted: ours.label })), LABELS);
      const accuracy = mine.filter(({ truth, ours }) => truth.label === ours.label).length / mine.length;
      return [kind, { sections: mine.length, accuracy: round(accuracy), macroF1: round(macroF1(matrix, MACRO_LABELS)) }];
    }),
  );
}

function roundScores(scores: ReturnType<typeof scoresFor>) {
  return { precision: round(scores.precision), recall: round(scores.recall), f1: round(scores.f1), support: scores.support, predicted: scores.predicted };
}

/**
 * Every pair of adjacent sections labelled strategic and tactical (either
 * order) merged into one body by blanking the heading between them: mixed by
 * construction. Line numbers stay, so the merged body starts where the first did.
 * Many labels rest on the heading, so the pairs whose halves we label right
 * on their bodies alone (no heading) are counted apart: on those the mixed
 * rule, not the cue lists, decides.
 */
function evalSpliced(docs: readonly CorpusDoc[]) {
  let pairs = 0;
  let caught = 0;
  let supported = 0;
  let supportedCaught = 0;
  const misses: string[] = [];
  for (const doc of docs) {
    const lines = doc.text.split('\n');
    doc.labels.forEach((first, i) => {
      const second = doc.labels[i + 1];
      if (!second || second.headingLine !== first.endLine + 1) return;
      const sides = new Set([first.label, second.label]);
      if (!(sides.has('strategic') && sides.has('tactical'))) return;
      pairs++;
      const blanked = lines.map((line, index) => (index + 1 >= second.headingLine! && index + 1 < second.startLine ? '' : line));
      const merged = classify(blanked.join('\n')).find((section) => section.startLine === first.startLine);
      const bodyAlone = [first, second].every((half) => labelOfBodyAlone(lines, half) === half.label);
      if (bodyAlone) supported++;
      if (merged?.label === 'mixed') {
        caught++;
        if (bodyAlone) supportedCaught++;
      } else misses.push(`${location(doc, first.startLine)}+${second.headingLine}: ${merged?.label ?? 'no section'}${bodyAlone ? ' [halves recognisable alone]' : ''} (${merged?.reason ?? ''})`);
    });
  }
  return { pairs, caught, recall: pairs ? caught / pairs : 0, supported, supportedCaught, supportedRecall: supported ? supportedCaught / supported : 0, misses };
}

/** The label of a section's body judged on its own, without its heading. */
function labelOfBodyAlone(lines: readonly string[], section: LabelledSection): Label {
  const [alone] = classify(lines.slice(section.startLine - 1, section.endLine).join('\n'));
  return alone?.label ?? 'neutral';
}

/** Opposite altitudes and false mixed first: the errors a user would notice. */
function missCost({ truth, ours }: Pair): number {
  if (truth.label === ours.label) return 0;
  if (ours.label === 'mixed') return 4;
  if (truth.label !== 'neutral' && ours.label !== 'neutral' && truth.label !== 'mixed') return 3;
  if (truth.label === 'neutral') return 2;
  return 1;
}

function worstMisses(pairs: readonly Pair[], limit = 15): Pair[] {
  return pairs
    .filter((pair) => missCost(pair) > 0)
    .sort((a, b) => missCost(b) - missCost(a) || b.ours.strategic + b.ours.tactical - (a.ours.strategic + a.ours.tactical))
    .slice(0, limit);
}

function describeMiss({ doc, truth, ours }: Pair): string {
  return `${location(doc, truth.startLine)} "${truth.heading.slice(0, 50)}": labelled ${truth.label}, ours ${ours.label} (${ours.reason})`;
}

function checkThresholds(figures: Record<string, number>, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  for (const [key, min] of Object.entries(thresholds.min ?? {})) {
    if (key in figures && figures[key] < min) failures.push(`${key} ${round(figures[key])} is below the minimum ${min}`);
  }
  for (const [key, max] of Object.entries(thresholds.max ?? {})) {
    if (key in figures && figures[key] > max) failures.push(`${key} ${round(figures[key])} is above the maximum ${max}`);
  }
  return failures;
}

function report(json: AltitudeJson, matrix: Confusion, figures: Record<string, number>): string[] {
  const pad = (value: string | number, width = 10) => String(value).padStart(width);
  const lines = [
    `Altitude${json.half ? ` (half ${json.half})` : ''}: ${json.documents} documents, ${json.labelledSections} labelled sections, ${json.missing.length} not found by our section split`,
    ...json.missing.map((miss) => `  missing ${miss}`),
    '',
    `${'label'.padEnd(10)}${pad('precision')}${pad('recall')}${pad('F1')}${pad('support')}${pad('predicted')}`,
    ...LABELS.map((label) => {
      const s = json.perLabel[label];
      return `${label.padEnd(10)}${pad(s.precision.toFixed(3))}${pad(s.recall.toFixed(3))}${pad(s.f1.toFixed(3))}${pad(s.support)}${pad(s.predicted)}`;
    }),
    '',
    `confusion (rows: labelled, columns: ours)`,
    `${''.padEnd(10)}${LABELS.map((label) => pad(label)).join('')}`,
    ...LABELS.map((truth) => `${truth.padEnd(10)}${LABELS.map((predicted) => pad(matrix[truth][predicted])).join('')}`),
    '',
    `macro-F1 (strategic/tactical/neutral): ${figures.macroF1.toFixed(3)}`,
    `by document kind: ${Object.entries(json.byKind).map(([kind, k]) => `${kind} ${k.sections} sections, accuracy ${percent(k.accuracy)}, macro-F1 ${k.macroF1.toFixed(3)}`).join('; ')}`,
    `false-mixed rate: ${percent(figures.falseMixedRate)} of ${json.matchedSections - (json.perLabel.mixed.support)} non-mixed sections`,
    `spliced strategic+tactical pairs caught as mixed: ${json.spliced.caughtAsMixed}/${json.spliced.pairs} (${percent(figures.splicedMixedRecall)}); of the ${json.spliced.halvesRecognisableAlone} whose halves we label right on their bodies alone: ${json.spliced.caughtOfThose} (${percent(figures.splicedRecallBodiesAlone)})`,
    `document kind by content (no file name): ${percent(figures.kindByContentAccuracy)}${json.kindMisses.length ? `; misses ${json.kindMisses.join(', ')}` : ''}`,
    `documents judged not English: ${json.nonEnglishDocs.length ? json.nonEnglishDocs.join(', ') : 'none'}`,
    '',
    'worst misses:',
    ...json.worstMisses.map((miss) => `  ${miss}`),
  ];
  if (json.spliced.misses.length) lines.push('', 'spliced pairs not caught:', ...json.spliced.misses.slice(0, 30).map((miss) => `  ${miss}`));
  if (json.failures.length) lines.push('', ...json.failures.map((failure) => `FAIL ${failure}`));
  return lines;
}
