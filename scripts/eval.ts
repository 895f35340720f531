// npm run eval [-- --corpus DIR] [--half A|B] [--json] [--check]: accuracy on the labelled corpus.
// Each part returns {lines, json, ok}; parts in OPTIONAL_PARTS run when their file exists.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalAltitude, type EvalOptions, type EvalPart } from './eval/altitude.js';
import type { Half } from './eval/corpus.js';

type PartRunner = (options: EvalOptions) => EvalPart | Promise<EvalPart>;

const OPTIONAL_PARTS: { name: string; file: string; exportName: string }[] = [{ name: 'rules', file: './eval-rules.ts', exportName: 'evalRules' }];

function parseArgs(argv: string[]) {
  const options: { corpus: string; json: boolean; check: boolean; half?: Half } = { corpus: resolve(process.cwd(), '../shared/corpus'), json: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--corpus' && argv[i + 1]) options.corpus = resolve(argv[++i]);
    else if (arg === '--half' && (argv[i + 1] === 'A' || argv[i + 1] === 'B')) options.half = argv[++i] as Half;
    else throw new Error(`Unknown argument "${arg}". Usage: npm run eval [-- --corpus DIR] [--half A|B] [--json] [--check]`);
  }
  if (options.check && options.half) throw new Error('--check gates the whole corpus: run it without --half.');
  return options;
}

async function loadParts(): Promise<[string, PartRunner][]> {
  const parts: [string, PartRunner][] = [['altitude', evalAltitude]];
  for (const part of OPTIONAL_PARTS) {
    const url = new URL(part.file, import.meta.url);
    if (existsSync(fileURLToPath(url))) parts.push([part.name, (await import(url.href))[part.exportName] as PartRunner]);
  }
  return parts;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(resolve(args.corpus, 'labels.jsonl'))) throw new Error(`No labelled corpus at ${args.corpus} (expected labels.jsonl there).`);
  const thresholds = JSON.parse(readFileSync(new URL('./eval-thresholds.json', import.meta.url), 'utf8'));
  const results: Record<string, EvalPart> = {};
  for (const [name, run] of await loadParts()) results[name] = await run({ corpus: args.corpus, half: args.half, thresholds: thresholds[name] ?? {} });
  if (args.json) console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([name, part]) => [name, { ...part.json, ok: part.ok }])), null, 2));
  else console.log(Object.values(results).flatMap((part) => [...part.lines, '']).join('\n'));
  return args.check && Object.values(results).some((part) => !part.ok) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`eval: ${error.message}`);
    process.exit(2);
  },
);
