export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

/** Confusion counts: matrix[truth][predicted]. */
export type Confusion = Record<string, Record<string, number>>;

export function confusion(pairs: readonly { truth: string; predicted: string }[], labels: readonly string[]): Confusion {
  const matrix: Confusion = {};
  for (const truth of labels) matrix[truth] = Object.fromEntries(labels.map((label) => [label, 0]));
  for (const { truth, predicted } of pairs) matrix[truth][predicted] += 1;
  return matrix;
}

export function scoresFor(matrix: Confusion, label: string): LabelScores {
  const labels = Object.keys(matrix);
  const hit = matrix[label][label];
  const support = labels.reduce((sum, predicted) => sum + matrix[label][predicted], 0);
  const predicted = labels.reduce((sum, truth) => sum + matrix[truth][label], 0);
  const precision = predicted ? hit / predicted : 0;
  const recall = support ? hit / support : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support, predicted };
}

export function macroF1(matrix: Confusion, labels: readonly string[]): number {
  return labels.reduce((sum, label) => sum + scoresFor(matrix, label).f1, 0) / labels.length;
}

export const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;
export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
