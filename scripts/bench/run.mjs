// One benchmark table per process (node scripts/bench/run.mjs <table> [--quick]);
// prints one JSON object. scripts/bench.mjs runs every table in a fresh child.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDocument, pathological, PATHOLOGICAL } from './generate.mjs';

const [table, ...flags] = process.argv.slice(2);
const quick = flags.includes('--quick');
const KB = 1024;
const MB = 1024 * KB;
const CORE = process.env.PMPO_BENCH_CORE;
const BIG = { maxFileSizeKB: 8192 };

async function loadCore() {
  return import(pathToFileURL(CORE).href);
}

async function loadBaselines() {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkFrontmatter }, markdownlint] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-frontmatter'),
    import('markdownlint/sync'),
  ]);
  return {
    parse: (text) => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(text),
    markdownlint: (text) => markdownlint.lint({ strings: { doc: text } }),
  };
}

/** Collects garbage before each measurement, so one run's garbage is not charged to the next. */
function time(fn) {
  globalThis.gc?.();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Interleaves the measured functions so load on the machine hits all of them alike. */
function measure(fns, reps) {
  const samples = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
  for (let i = 0; i < reps; i++) for (const [name, fn] of Object.entries(fns)) samples[name].push(time(fn));
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

async function full() {
  const { createLinter } = await loadCore();
  const { parse, markdownlint } = await loadBaselines();
  const warm = generateDocument(10 * KB, 3);
  measure({ parse: () => parse(warm), lint: () => createLinter().lint(warm, { config: BIG }), markdownlint: () => markdownlint(warm) }, 3);
  const sizes = quick ? [10 * KB, 100 * KB, MB] : [10 * KB, 100 * KB, MB, 5 * MB];
  const rows = [];
  for (const size of sizes) {
    const text = generateDocument(size);
    const reps = size <= 10 * KB ? 15 : size <= 100 * KB ? 5 : size <= MB ? (quick ? 1 : 3) : 1;
    const fns = { parse: () => parse(text), lint: () => createLinter().lint(text, { config: BIG }), markdownlint: () => markdownlint(text) };
    const ms = measure(fns, reps);
    rows.push({ sizeKB: size / KB, parseMs: round(ms.parse), lintMs: round(ms.lint), markdownlintMs: round(ms.markdownlint), ratioVsParse: round(ms.lint / ms.parse, 2), ratioVsMarkdownlint: round(ms.lint / ms.markdownlint, 2) });
  }
  return { rows };
}

async function keystroke() {
  const { createLinter } = await loadCore();
  const { markdownlint } = await loadBaselines();
  const sizes = quick ? [MB] : [MB, 5 * MB];
  const rows = [];
  let markdownlintMs;
  for (const size of sizes) {
    const text = generateDocument(size);
    if (size === MB) markdownlintMs = median([time(() => markdownlint(text)), ...(quick ? [] : [time(() => markdownlint(text))])]);
    const fullMs = time(() => createLinter().lint(text, { config: BIG }));
    const linter = createLinter();
    linter.lint(text, { config: BIG });
    const middle = text.indexOf('\n', text.length >> 1) + 1;
    const samples = [];
    let edited = text;
    for (let i = 0; i < 15; i++) {
      edited = `${edited.slice(0, middle + i)}${'abcdefghijklmnopqrstuvwxyz'[i]}${edited.slice(middle + i)}`;
      samples.push(time(() => linter.lint(edited, { config: BIG })));
    }
    const ms = median(samples.slice(2));
    // Also as typing goes: edits in a row with no collection forced before each (the forced one makes
    // V8 drop the parser's optimised code, so the figure above is the pessimistic one).
    const inARow = [];
    for (let i = 0; i < 40; i++) {
      edited = `${edited.slice(0, middle + 15 + i)}${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${edited.slice(middle + 15 + i)}`;
      const start = performance.now();
      linter.lint(edited, { config: BIG });
      inARow.push(performance.now() - start);
    }
    rows.push({
      sizeKB: size / KB, fullLintMs: round(fullMs), keystrokeMs: round(ms, 2), maxKeystrokeMs: round(Math.max(...samples.slice(2)), 1), ratioVsFullLint: round(ms / fullMs, 4),
      keystrokeInARowMs: round(median(inARow), 2),
    });
  }
  return {
    rows, markdownlint1MBMs: round(markdownlintMs), ratioVsMarkdownlint1MB: round(rows[0].keystrokeMs / markdownlintMs, 4),
    ratioInARowVsMarkdownlint1MB: round(rows[0].keystrokeInARowMs / markdownlintMs, 4),
  };
}

async function pathologicalTable() {
  const { createLinter } = await loadCore();
  const rows = [];
  for (const name of PATHOLOGICAL) {
    const text = pathological(name);
    const ordinary = generateDocument(text.length, 5);
    let result;
    const ms = time(() => (result = createLinter().lint(text, { config: BIG })));
    const ordinaryMs = time(() => createLinter().lint(ordinary, { config: BIG }));
    rows.push({ name, sizeKB: Math.round(text.length / KB), ms: round(ms), skipped: Boolean(result.skipped), sections: result.sections.length, sameSizeDocMs: round(ordinaryMs), ratioVsSameSizeDoc: round(ms / ordinaryMs, 2) });
  }
  return { rows };
}

async function peak() {
  const { createLinter } = await loadCore();
  const size = Number(flags[0]);
  const text = generateDocument(size);
  const baseline = process.resourceUsage().maxRSS / 1024;
  createLinter().lint(text, { config: BIG });
  return { sizeKB: size / KB, peakRssMB: round(process.resourceUsage().maxRSS / 1024), beforeLintMB: round(baseline) };
}

function cliArgs(dir, workers) {
  return [process.execPath, ['dist/cli.js', dir, '--format', 'json'], { env: { ...process.env, PMPO_LINT_WORKERS: String(workers) }, maxBuffer: 512 * MB }];
}

function runCli(dir, workers) {
  const start = performance.now();
  const out = spawnSync(...cliArgs(dir, workers));
  if (out.status !== 0 && out.status !== 1) throw new Error(`cli failed (${out.status}): ${out.stderr}`);
  return performance.now() - start;
}

/** Two independent one-thread CLI processes, each on half the folder: what two cores give this work at best. */
async function runTwoProcesses(halves) {
  const start = performance.now();
  await Promise.all(
    halves.map(
      (dir) =>
        new Promise((resolve, reject) => {
          const [command, args, options] = cliArgs(dir, 1);
          execFile(command, args, options, (error) => (error && error.code !== 1 ? reject(error) : resolve()));
        }),
    ),
  );
  return performance.now() - start;
}

async function cli() {
  if (!existsSync('dist/cli.js')) return { note: 'dist/cli.js missing: run npm run build' };
  const dir = mkdtempSync(join(tmpdir(), 'pmpo-bench-'));
  const halves = [join(dir, 'a'), join(dir, 'b')];
  const kinds = ['prd', 'roadmap', 'backlog', 'vision'];
  try {
    halves.forEach((half) => mkdirSync(half));
    for (let i = 0; i < 200; i++) writeFileSync(join(halves[i % 2], `${kinds[i % 4]}-${i}.md`), generateDocument(8 * KB + (i % 10) * 4 * KB, i + 11));
    runCli(dir, 1);
    const reps = quick ? 1 : 3;
    const ms = { one: [], two: [], processes: [] };
    for (let rep = 0; rep < reps; rep++) {
      ms.one.push(runCli(dir, 1));
      ms.two.push(runCli(dir, 2));
      ms.processes.push(await runTwoProcesses(halves));
    }
    const [one, two, processes] = [median(ms.one), median(ms.two), median(ms.processes)];
    return {
      documents: 200,
      oneThreadMs: round(one),
      twoWorkersMs: round(two),
      twoProcessesMs: round(processes),
      speedup2Workers: round(one / two, 2),
      speedup2Processes: round(one / processes, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bundle() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
  const size = (file) => (existsSync(file) ? round(statSync(file).size / KB) : null);
  const node = existsSync('dist/extension.js') ? 'dist/extension.js' : 'dist/cli.js';
  const web = 'dist/web/extension.js';
  const startup = (args) => median(Array.from({ length: quick ? 5 : 11 }, () => time(() => execFileSync(process.execPath, args))));
  const sizes = { nodeBundle: node, nodeKB: size(node), cliKB: size('dist/cli.js'), workerKB: size('dist/lint-worker.js'), webKB: size(web) };
  const bare = startup(['-e', '']);
  const loaded = startup(['dist/cli.js', '--version']);
  return { ...sizes, nodeStartMs: round(bare), cliVersionMs: round(loaded), loadOverheadMs: round(loaded - bare) };
}

const tables = { full, keystroke, pathological: pathologicalTable, peak, cli, bundle };
if (!tables[table]) {
  console.error(`unknown table: ${table}`);
  process.exit(2);
}
mkdirSync(tmpdir(), { recursive: true });
process.stdout.write(`${JSON.stringify(await tables[table]())}\n`);
