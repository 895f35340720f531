import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from '../../src/core/index.js';

export interface LabelledSection {
  doc: string;
  kind: string;
  heading: string;
  depth: number;
  headingLine: number | null;
  startLine: number;
  endLine: number;
  label: Label;
}

export interface CorpusDoc {
  id: string;
  kind: string;
  path: string;
  text: string;
  labels: LabelledSection[];
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

/** Documents of the labelled corpus (README.md there describes the layout), each with its labels in line order. */
export function loadCorpus(dir: string): CorpusDoc[] {
  const manifest = readJsonLines<{ id: string; kind: string }>(join(dir, 'manifest.jsonl'));
  const labels = readJsonLines<LabelledSection>(join(dir, 'labels.jsonl'));
  return manifest.map(({ id, kind }) => {
    const path = join(dir, 'docs', kind, `${id}.md`);
    return {
      id,
      kind,
      path,
      text: readFileSync(path, 'utf8'),
      labels: labels.filter((label) => label.doc === id).sort((a, b) => a.startLine - b.startLine),
    };
  });
}

export type Half = 'A' | 'B';

/**
 * A fixed split for hand tuning: documents sorted by id, alternately into half
 * A (1st, 3rd, ...) and half B (2nd, 4th, ...). Tune on A's errors only; B
 * shows whether the change carries over to documents nobody read for it.
 */
export function selectHalf(docs: readonly CorpusDoc[], half: Half | undefined): CorpusDoc[] {
  if (!half) return [...docs];
  const ids = docs.map((doc) => doc.id).sort();
  const wanted = new Set(ids.filter((_, index) => index % 2 === (half === 'A' ? 0 : 1)));
  return docs.filter((doc) => wanted.has(doc.id));
}
