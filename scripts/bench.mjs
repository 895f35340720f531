#!/usr/bin/env node
// npm run bench [-- --quick] [-- --json]
// Speed in ratios measured in the same run (absolute times on shared machines
// are noisy). Every table runs in a fresh child process; peak memory is taken
// in a fresh child per figure. Inputs come from scripts/bench/generate.mjs.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const MB = 1024 * 1024;

const cacheDir = join('node_modules', '.cache', 'pmpo-bench');
mkdirSync(cacheDir, { recursive: true });
const core = join(cacheDir, 'core.cjs');
await build({ entryPoints: ['src/core/index.ts'], outfile: core, bundle: true, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });

function child(table, ...extra) {
  const args = ['--max-old-space-size=4096', '--expose-gc', 'scripts/bench/run.mjs', table, ...extra, ...(quick ? ['--quick'] : [])];
  const out = execFileSync(process.execPath, args, { env: { ...process.env, PMPO_BENCH_CORE: core }, maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.toString().trim().split('\n').pop());
}

const want = (name) => !only || only.includes(name);
const log = (line) => {
  if (!json) console.log(line);
};

const results = { date: new Date().toISOString(), machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`, quick };
log(`pmpo-lint bench ${results.date} (${results.machine})${quick ? ' --quick' : ''}`);

if (want('full')) {
  results.fullTable = child('full');
  log('\n1. Full lint (cold linter) vs bare remark parse and markdownlint (default rules)');
  log('size      parse ms   lint ms   markdownlint ms   lint/parse   lint/markdownlint');
  for (const row of results.fullTable.rows) log(`${`${row.sizeKB} KB`.padEnd(9)} ${String(row.parseMs).padStart(8)} ${String(row.lintMs).padStart(9)} ${String(row.markdownlintMs).padStart(17)} ${String(row.ratioVsParse).padStart(12)} ${String(row.ratioVsMarkdownlint).padStart(19)}`);
}
if (want('keystroke')) {
  results.keystrokeTable = child('keystroke');
  log('\n2. Re-lint after a one-character edit in the middle (createLinter) vs a full lint');
  for (const row of results.keystrokeTable.rows) log(`${row.sizeKB} KB: ${row.keystrokeMs} ms median (max ${row.maxKeystrokeMs}), full lint ${row.fullLintMs} ms, ratio ${row.ratioVsFullLint}`);
  log(`   vs markdownlint on 1 MB (${results.keystrokeTable.markdownlint1MBMs} ms): ratio ${results.keystrokeTable.ratioVsMarkdownlint1MB}`);
  log(`   40 edits in a row, no collection forced before each (as typing goes): ${results.keystrokeTable.rows[0].keystrokeInARowMs} ms median, vs markdownlint ${results.keystrokeTable.ratioInARowVsMarkdownlint1MB}`);
}
if (want('pathological')) {
  results.pathologicalTable = child('pathological');
  log('\n3. Pathological inputs (cold lint) vs an ordinary generated document of the same size');
  for (const row of results.pathologicalTable.rows) log(`${row.name.padEnd(16)} ${String(row.sizeKB).padStart(5)} KB ${String(row.ms).padStart(9)} ms  ${row.skipped ? 'skipped ' : 'analysed'}  same-size doc ${row.sameSizeDocMs} ms  ratio ${row.ratioVsSameSizeDoc}`);
  results.peak = (quick ? [MB] : [MB, 5 * MB]).map((size) => child('peak', String(size)));
  for (const row of results.peak) log(`peak RSS, cold lint of ${row.sizeKB} KB: ${row.peakRssMB} MB (process before lint ${row.beforeLintMB} MB)`);
}
if (want('cli')) {
  results.cliTable = child('cli');
  log('\n4. CLI over 200 documents: this thread only vs 2 workers (and vs two separate processes, each on half the files)');
  const c = results.cliTable;
  log(c.note ?? `1 thread ${c.oneThreadMs} ms, 2 workers ${c.twoWorkersMs} ms: speed-up ${c.speedup2Workers}x; 2 processes ${c.twoProcessesMs} ms: ${c.speedup2Processes}x (what two cores give this work)`);
}
if (want('bundle')) {
  results.bundleTable = child('bundle');
  const b = results.bundleTable;
  log('\n5. Bundles (--production) and start-up');
  log(`node bundle ${b.nodeBundle}: ${b.nodeKB} KB; cli ${b.cliKB} KB; worker ${b.workerKB} KB; web ${b.webKB ?? 'n/a'} KB`);
  log(`node -e "": ${b.nodeStartMs} ms; cli --version: ${b.cliVersionMs} ms; load overhead ${b.loadOverheadMs} ms`);
}

const row = (table, sizeKB) => table?.rows.find((item) => item.sizeKB === sizeKB);
const summary = {
  keystroke: {
    ratioVsFullLint1MB: row(results.keystrokeTable, 1024)?.ratioVsFullLint ?? null,
    ratioVsMarkdownlint1MB: results.keystrokeTable?.ratioVsMarkdownlint1MB ?? null,
    ms1MB: row(results.keystrokeTable, 1024)?.keystrokeMs ?? null,
    msInARow1MB: row(results.keystrokeTable, 1024)?.keystrokeInARowMs ?? null,
    ratioInARowVsMarkdownlint1MB: results.keystrokeTable?.ratioInARowVsMarkdownlint1MB ?? null,
  },
  full: {
    ratioVsParse100KB: row(results.fullTable, 100)?.ratioVsParse ?? null,
    ratioVsParse1MB: row(results.fullTable, 1024)?.ratioVsParse ?? null,
    ratio5MBvs1MB: row(results.fullTable, 5120) && row(results.fullTable, 1024) ? Math.round((row(results.fullTable, 5120).lintMs / row(results.fullTable, 1024).lintMs) * 100) / 100 : null,
    peakRssMB1MB: results.peak?.find((item) => item.sizeKB === 1024)?.peakRssMB ?? null,
    peakRssMB5MB: results.peak?.find((item) => item.sizeKB === 5120)?.peakRssMB ?? null,
  },
  pathological: (results.pathologicalTable?.rows ?? []).map(({ name, ms, skipped, ratioVsSameSizeDoc }) => ({ name, ms, skipped, ratioVsSameSizeDoc })),
  cli: { speedup2Workers: results.cliTable?.speedup2Workers ?? null, speedup2Processes: results.cliTable?.speedup2Processes ?? null },
  bundle: { nodeKB: results.bundleTable?.nodeKB ?? null, webKB: results.bundleTable?.webKB ?? null, loadOverheadMs: results.bundleTable?.loadOverheadMs ?? null },
};
if (json) console.log(JSON.stringify({ ...summary, details: results }, null, 2));
