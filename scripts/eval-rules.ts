// Precision and recall of the story, criteria and vision rules on the
// labelled fixtures in test/quality (tune and holdout halves reported apart).
//   node --import tsx scripts/eval-rules.ts [--json] [--check] [--misses]
// --check exits 1 when a rule falls below scripts/eval-rules-thresholds.json;
// --misses lists the tune cases a rule gets wrong (holdout stays unseen).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/core/index.js';

type Split = 'tune' | 'holdout';

interface Case {
  id: string;
  split: Split;
  text: string;
  expect: string[];
  /** Rules the case is labelled for (documents); for fragments, every rule of the file. */
  rules?: string[];
}

interface FixtureFile {
  name: string;
  rules: string[];
  wrap: boolean;
}

const FILES: FixtureFile[] = [
  { name: 'stories.jsonl', rules: ['story-format', 'story-atomic', 'story-minimal'], wrap: true },
  { name: 'criteria.jsonl', rules: ['criteria-gherkin', 'criteria-testable'], wrap: true },
  { name: 'documents.jsonl', rules: ['story-unique', 'story-uniform', 'story-needs-criteria', 'vision-complete'], wrap: false },
];

const BACKLOG = '---\npmpo:\n  kind: backlog\n---\n';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  cases: number;
  misses: string[];
}

export interface RuleScore {
  rule: string;
  split: Split;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  cases: number;
}

function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../test/quality/${name}`, import.meta.url));
}

function readCases(name: string): Case[] {
  return readFileSync(fixturePath(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);
}

/** The Markdown a case is linted as: fragments become the body of a backlog. */
export function caseDocument(file: string, text: string): string {
  if (file === 'documents.jsonl') return text.startsWith('---\n') ? `${text}\n` : `${BACKLOG}${text}\n`;
  return `${BACKLOG}# Backlog\n\n${text}\n`;
}

function firedRules(file: string, text: string): Set<string> {
  return new Set(lint(caseDocument(file, text), { fileName: 'case.md' }).findings.map((finding) => finding.ruleId));
}

function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, cases: 0, misses: [] };
}

function score(counts: Map<string, Counts>): RuleScore[] {
  return [...counts.entries()].map(([key, c]) => {
    const [rule, split] = key.split('|') as [string, Split];
    return { rule, split, precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp), recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn), tp: c.tp, fp: c.fp, fn: c.fn, cases: c.cases };
  });
}

function measure(): { scores: RuleScore[]; misses: Map<string, string[]> } {
  const counts = new Map<string, Counts>();
  for (const file of FILES) {
    for (const rule of file.rules) for (const split of ['tune', 'holdout']) counts.set(`${rule}|${split}`, emptyCounts());
    for (const item of readCases(file.name)) {
      const fired = firedRules(file.name, item.text);
      for (const rule of item.rules ?? file.rules) {
        const c = counts.get(`${rule}|${item.split}`)!;
        const expected = item.expect.includes(rule);
        const got = fired.has(rule);
        c.cases++;
        if (expected && got) c.tp++;
        else if (got) c.fp++;
        else if (expected) c.fn++;
        if (expected !== got) c.misses.push(`${item.id} ${got ? 'false positive' : 'missed'}: ${item.text.replace(/\n/g, '⏎').slice(0, 110)}`);
      }
    }
  }
  const misses = new Map([...counts.entries()].filter(([key]) => key.endsWith('|tune')).map(([key, c]) => [key.split('|')[0], c.misses]));
  return { scores: score(counts), misses };
}

interface Threshold {
  precision: number;
  recall: number;
}

function readThresholds(): Record<string, Threshold> {
  try {
    return JSON.parse(readFileSync(fileURLToPath(new URL('./eval-rules-thresholds.json', import.meta.url)), 'utf8')) as Record<string, Threshold>;
  } catch {
    return {};
  }
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0).padStart(3)}%`;
}

export async function evalRules(opts: { json?: boolean; misses?: boolean } = {}): Promise<{ lines: string[]; json: object; ok: boolean }> {
  const { scores, misses } = measure();
  const thresholds = readThresholds();
  const failures: string[] = [];
  for (const s of scores) {
    const min = thresholds[s.rule];
    if (!min) continue;
    if (s.precision + 1e-9 < min.precision) failures.push(`${s.rule} (${s.split}): precision ${percent(s.precision)} < ${percent(min.precision)}`);
    if (s.recall + 1e-9 < min.recall) failures.push(`${s.rule} (${s.split}): recall ${percent(s.recall)} < ${percent(min.recall)}`);
  }
  const lines = ['rule                   split     precision  recall   tp  fp  fn  cases'];
  for (const s of scores) {
    lines.push(`${s.rule.padEnd(22)} ${s.split.padEnd(8)}  ${percent(s.precision)}       ${percent(s.recall)}   ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${String(s.cases).padStart(5)}`);
  }
  if (opts.misses) for (const [rule, list] of misses) for (const miss of list) lines.push(`  ${rule}: ${miss}`);
  lines.push(...failures.map((failure) => `below threshold: ${failure}`));
  const json = { scores, thresholds, failures };
  return { lines: opts.json ? [JSON.stringify(json, null, 2)] : lines, json, ok: failures.length === 0 };
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const args = new Set(process.argv.slice(2));
  void evalRules({ json: args.has('--json'), misses: args.has('--misses') }).then((result) => {
    for (const line of result.lines) console.log(line);
    if (args.has('--check') && !result.ok) process.exitCode = 1;
  });
}
