import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerRunner, lintTimeLimit, type WorkerRunner, type WorkerRunnerOptions } from '../src/node/worker-runner.js';
import { createInProcessRunner, type LintRequest, type LintRunner } from '../src/vscode/lint-runner.js';
import { ALIASES } from '../scripts/bundle-aliases.mjs';
import { FAULTS } from './support/lint-fault-markers.js';

const require = createRequire(import.meta.url);
const workerFile = fileURLToPath(new URL('../src/node/document-lint-worker.ts', import.meta.url));
const prd = readFileSync(new URL('./vscode/fixtures/mixed-prd.md', import.meta.url), 'utf8');
const story = /As a team lead[\s\S]*free slots are shown\n/;

const runners: WorkerRunner[] = [];
function workerRunner(options: Partial<WorkerRunnerOptions> & { file?: string } = {}) {
  const log: string[] = [];
  const trace: string[] = [];
  const runner = createWorkerRunner({ ...options, workerFile: options.file ?? workerFile, size: options.size ?? 1, log: (message) => log.push(message), trace: (message) => trace.push(message) });
  runners.push(runner);
  return { runner, log, trace };
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.dispose()));
});

function request(text: string, key = 'file:///ws/docs/calendar-prd.md', extra: Partial<LintRequest> = {}): LintRequest {
  return { key, text, fileName: 'docs/calendar-prd.md', config: { rules: { 'story-format': 'error' } }, ...extra };
}

function scratchFile(name: string, source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pmpo-worker-')), name);
  writeFileSync(file, source);
  return file;
}

async function lintAll(runner: LintRunner, requests: LintRequest[]) {
  const replies = [];
  for (const each of requests) replies.push(await runner.lint(each));
  return replies;
}

describe('worker-backed lint runner', () => {
  it('starts no worker until the first lint, then gives the in-process results, edit after edit and with stories', async () => {
    const { runner, log } = workerRunner();
    expect(runner.workers).toBe(0);
    const edits = [prd, prd.replace(story, ''), prd.replace('## Scope', '## Scope\n\nAs a user I want export.'), `${prd}\n## Notes\n\nNothing new.\n`, ''];
    const requests = [...edits.map((text) => request(text)), request(prd, 'workspace:a', { stories: true }), request('# Readme\n\nHow to build.\n', 'workspace:b', { stories: true })];
    const expected = await lintAll(createInProcessRunner(), requests);
    expect(await lintAll(runner, requests)).toEqual(expected);
    expect(runner.workers).toBe(1);
    expect(expected[0].findings.length).toBeGreaterThan(expected[1].findings.length);
    expect(expected[5].stories?.length).toBeGreaterThan(0);
    expect(log).toEqual([]);
  }, 60_000);

  it('runs the worker as one minified bundle, as the extension ships it', async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'pmpo-worker-')), 'document-lint-worker.js');
    // The options of its entry in scripts/build.mjs, with the same aliases (without them the bundle cannot load).
    await build({ entryPoints: [workerFile], outfile, alias: ALIASES, bundle: true, minify: true, charset: 'utf8', platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    const { runner, log, trace } = workerRunner({ file: outfile });
    expect(await runner.lint(request(prd, 'a', { stories: true }))).toEqual(await createInProcessRunner().lint(request(prd, 'a', { stories: true })));
    expect(runner.workers).toBe(1);
    expect(log).toEqual([]);
    // Its lints' clock runs from this message on: without it there would be no time limit.
    expect(trace).toContainEqual(expect.stringMatching(/^lint worker ready in \d+ ms$/));
  }, 60_000);

  it('lints only the newest text when several requests for one document queue up', async () => {
    const { runner } = workerRunner();
    const [first, second, third] = [prd, prd.replace(story, ''), `${prd}\nAs a user I want export.\n`];
    const replies = [runner.lint(request(first)), runner.lint(request(second)), runner.lint(request(third))];
    const [firstReply, secondReply, thirdReply] = await Promise.all(replies);
    const here = createInProcessRunner();
    expect(firstReply).toEqual(await here.lint(request(first, 'one')));
    expect(thirdReply).toEqual(await here.lint(request(third, 'three')));
    expect(secondReply).toEqual(thirdReply);
    expect(secondReply).not.toEqual(await here.lint(request(second, 'two')));
  }, 60_000);

  it('drops a queued request whose signal aborts', async () => {
    const { runner } = workerRunner();
    const abort = new AbortController();
    const running = runner.lint(request(prd, 'a'));
    const queued = runner.lint(request(prd, 'b', { signal: abort.signal }));
    abort.abort();
    await expect(queued).rejects.toThrow(/abort/i);
    expect((await running).findings.length).toBeGreaterThan(0);
    expect(await runner.held()).toBe(1);
  }, 60_000);

  it('aborting the newest request for a document rejects only its caller; an earlier caller gets the text it asked for', async () => {
    const { runner } = workerRunner();
    const abort = new AbortController();
    const shorter = prd.replace(story, '');
    const running = runner.lint(request(prd, 'a'));
    const earlier = runner.lint(request(shorter, 'b'));
    const newest = runner.lint(request(prd, 'b', { signal: abort.signal }));
    abort.abort();
    await expect(newest).rejects.toThrow(/abort/i);
    expect(await earlier).toEqual(await createInProcessRunner().lint(request(shorter, 'b')));
    expect((await running).findings.length).toBeGreaterThan(0);
  }, 60_000);

  it('falls back to this thread, and says so, when the worker file is missing', async () => {
    const { runner, log } = workerRunner({ file: join(tmpdir(), 'no-such-dir', 'document-lint-worker.js') });
    expect(await runner.lint(request(prd))).toEqual(await createInProcessRunner().lint(request(prd)));
    expect(runner.fellBack).toBe(true);
    expect(runner.workers).toBe(0);
    expect(log).toEqual([expect.stringMatching(/document-lint-worker\.js is missing; linting on the extension host thread/)]);
  });

  it('falls back when the worker cannot load or dies before it is ready, losing no lint', async () => {
    const broken = workerRunner({ file: scratchFile('broken.js', "throw new Error('bad bundle');\n") });
    expect(await broken.runner.lint(request(prd))).toEqual(await createInProcessRunner().lint(request(prd)));
    expect(broken.log).toEqual([expect.stringMatching(/lint worker: stopped \(bad bundle\)/)]);

    const dying = workerRunner({ file: scratchFile('dying.js', "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n") });
    const replies = await Promise.all([dying.runner.lint(request(prd, 'a')), dying.runner.lint(request(prd.replace(story, ''), 'b'))]);
    expect(replies).toEqual(await Promise.all([createInProcessRunner().lint(request(prd, 'a')), createInProcessRunner().lint(request(prd.replace(story, ''), 'b'))]));
    expect(dying.log).toEqual([expect.stringMatching(/lint worker: exited \(code 3\); linting on the extension host thread from now on/)]);
    expect(dying.runner.fellBack).toBe(true);
    expect((await dying.runner.lint(request(prd, 'c'))).findings.length).toBeGreaterThan(0);
  }, 60_000);

  it('lints here a request the worker cannot receive, and goes on with the next', async () => {
    const { runner, log } = workerRunner();
    const odd = request(prd, 'odd', { config: { rules: {}, note: () => 'not plain data' } as never });
    const replies = await Promise.all([runner.lint(odd), runner.lint(request(prd, 'plain'))]);
    expect(replies[0]).toEqual(await createInProcessRunner().lint(odd));
    expect(replies[1]).toEqual(await createInProcessRunner().lint(request(prd, 'plain')));
    expect(runner.fellBack).toBe(false);
    expect(await runner.held()).toBe(1);
    expect(log).toEqual([]);
  }, 60_000);

  it('forget() frees the document in its worker, also when it was forgotten while waiting', async () => {
    const { runner } = workerRunner();
    await Promise.all([runner.lint(request(prd, 'a')), runner.lint(request(prd, 'b'))]);
    expect(await runner.held()).toBe(2);
    runner.forget('a');
    expect(await runner.held()).toBe(1);
    const waiting = [runner.lint(request(prd, 'c')), runner.lint(request(prd, 'd'))];
    runner.forget('d');
    await Promise.all(waiting);
    expect(await runner.held()).toBe(2);
  }, 60_000);

  it('spreads documents over its workers, up to its size', async () => {
    const { runner } = workerRunner({ size: 2 });
    expect(runner.parallelism).toBe(2);
    await Promise.all(['a', 'b', 'c', 'd'].map((key) => runner.lint(request(prd, key))));
    expect(runner.workers).toBe(2);
    expect(await runner.held()).toBe(4);
  }, 60_000);

  it('dispose() terminates the workers and rejects what waits for them', async () => {
    const { runner } = workerRunner();
    await runner.lint(request(prd, 'a'));
    const waiting = expect(runner.lint(request(prd, 'b'))).rejects.toThrow(/disposed/);
    await runner.dispose();
    expect(runner.workers).toBe(0);
    await waiting;
    await expect(runner.lint(request(prd, 'c'))).rejects.toThrow(/disposed/);
  }, 60_000);
});

describe('a lint that hangs, or a worker that dies while it lints', () => {
  const faultyWorker = fileURLToPath(new URL('./support/faulty-lint-worker.ts', import.meta.url));
  // Small enough to keep the test short, large enough for a cold lint of the fixture on a loaded machine.
  const timeLimit = () => 3000;
  const here = () => createInProcessRunner();
  const stopped = (trace: string[]) => trace.filter((line) => line.startsWith('lint worker stopped while linting'));

  it('stops a lint past its time limit; the document gets a failure reply, the others are linted in a new worker', async () => {
    const { runner, log, trace } = workerRunner({ file: faultyWorker, timeLimit });
    const shorter = prd.replace(story, '');
    expect(await runner.lint(request(prd, 'a'))).toEqual(await here().lint(request(prd, 'a')));
    const hanging = runner.lint(request(`${prd}\n${FAULTS.hang}\n`, 'h'));
    const waiting = runner.lint(request(shorter, 'b'));
    const forgotten = runner.lint(request(prd, 'd'));
    runner.forget('d');
    const abort = new AbortController();
    const aborted = expect(runner.lint(request(prd, 'c', { signal: abort.signal }))).rejects.toThrow(/abort/i);
    const failure = await hanging;
    abort.abort();
    expect(failure).toMatchObject({ findings: [], kind: 'unknown', failure: { reason: 'timeout' } });
    expect(failure.failure!.elapsedMs).toBeGreaterThanOrEqual(2900);
    expect(failure.skipped).toMatch(/^pmpo-lint could not lint this document: its lint was stopped after \d+\.\d s \(the limit for \d+ KB is 3\.0 s\)\. It is tried again when the text changes\.$/);
    expect(await waiting).toEqual(await here().lint(request(shorter, 'b')));
    await aborted;
    expect(await forgotten).toEqual(await here().lint(request(prd, 'd')));
    // Its linter went with the old worker: 'a' is linted cold in the new one, with the same result; 'd' was forgotten.
    expect(await runner.lint(request(prd, 'a'))).toEqual(await here().lint(request(prd, 'a')));
    expect(runner.workers).toBe(1);
    expect(await runner.held()).toBe(2);
    expect(runner.fellBack).toBe(false);
    expect(stopped(trace)).toHaveLength(1);
    expect(log).toEqual([]);
  }, 60_000);

  it('does not lint a text that hung again, on any key, until the text changes', async () => {
    const { runner, trace } = workerRunner({ file: faultyWorker, timeLimit });
    const hung = `${prd}\n${FAULTS.hang}\n`;
    const first = await runner.lint(request(hung, 'h'));
    expect(first.failure?.reason).toBe('timeout');
    expect(await runner.lint(request(hung, 'h'))).toEqual(first);
    expect(await runner.lint(request(hung, 'workspace:h', { stories: true }))).toEqual(first);
    expect(stopped(trace)).toHaveLength(1);
    // Another config is another lint: tried again (and stopped again).
    expect((await runner.lint(request(hung, 'h', { config: { rules: {} } }))).failure?.reason).toBe('timeout');
    expect(stopped(trace)).toHaveLength(2);
    const edited = hung.replace(FAULTS.hang, 'Edited.');
    expect(await runner.lint(request(edited, 'h'))).toEqual(await here().lint(request(edited, 'h')));
  }, 60_000);

  it.each([
    ['exits', FAULTS.exit, 'crash', /its lint worker exited with code 3 after \d+\.\d s\./],
    ['throws', FAULTS.throw, 'crash', /its lint worker stopped \(fault: thrown in the worker\) after \d+\.\d s\./],
    ['runs out of memory', FAULTS.outOfMemory, 'out-of-memory', /its lint worker ran out of memory after \d+\.\d s\./],
  ])('a worker that %s during a lint: that document is not linted on this thread, the others are linted in a new worker', async (_what, marker, reason, message) => {
    const { runner, log, trace } = workerRunner({ file: faultyWorker, resourceLimits: { maxOldGenerationSizeMb: 128 } });
    const shorter = prd.replace(story, '');
    const fatal = `${prd}\n${marker}\n`;
    const replies = await Promise.all([runner.lint(request(fatal, 'x')), runner.lint(request(shorter, 'b'))]);
    expect(replies[0]).toMatchObject({ findings: [], kind: 'unknown', failure: { reason } });
    expect(replies[0].skipped).toMatch(message);
    expect(replies[1]).toEqual(await here().lint(request(shorter, 'b')));
    expect(await runner.lint(request(fatal, 'x'))).toEqual(replies[0]);
    expect(await runner.lint(request(prd, 'c'))).toEqual(await here().lint(request(prd, 'c')));
    expect(runner.fellBack).toBe(false);
    expect(runner.workers).toBe(1);
    expect(stopped(trace)).toHaveLength(1);
    expect(log).toEqual([]);
  }, 60_000);

  it('says so when a worker dies while idle, and starts a new one for the next lint', async () => {
    const { runner, log } = workerRunner({ file: faultyWorker });
    const text = `${prd}\n${FAULTS.exitWhenIdle}\n`;
    expect(await runner.lint(request(text, 'a'))).toEqual(await here().lint(request(text, 'a')));
    for (let wait = 0; wait < 200 && runner.workers > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runner.workers).toBe(0);
    expect(log).toEqual(['lint worker: exited (code 5) while idle; a new one starts on the next lint']);
    expect(await runner.lint(request(prd, 'a'))).toEqual(await here().lint(request(prd, 'a')));
    expect(runner.workers).toBe(1);
    expect(runner.fellBack).toBe(false);
  }, 60_000);

  it('lints here from then on when the new worker cannot start; the document that crashed the old one still is not', async () => {
    const started = join(mkdtempSync(join(tmpdir(), 'pmpo-worker-')), 'started');
    // Loads the faulty worker the first time, fails to load every time after.
    const once = scratchFile(
      'once.js',
      `const fs = require('node:fs');
if (fs.existsSync(${JSON.stringify(started)})) throw new Error('cannot load again');
fs.writeFileSync(${JSON.stringify(started)}, '');
require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
require(${JSON.stringify(faultyWorker)});
`,
    );
    const { runner, log } = workerRunner({ file: once });
    const shorter = prd.replace(story, '');
    const fatal = `${prd}\n${FAULTS.exit}\n`;
    const replies = await Promise.all([runner.lint(request(fatal, 'x')), runner.lint(request(shorter, 'b'))]);
    expect(replies[0].failure?.reason).toBe('crash');
    expect(replies[1]).toEqual(await here().lint(request(shorter, 'b')));
    expect(runner.fellBack).toBe(true);
    expect(log).toEqual([expect.stringMatching(/^lint worker: stopped \(cannot load again\); linting on the extension host thread from now on$/)]);
    expect(await runner.lint(request(fatal, 'x'))).toEqual(replies[0]);
    expect(await runner.lint(request(prd, 'c'))).toEqual(await here().lint(request(prd, 'c')));
  }, 60_000);

  it('gives each lint 10 s at least, more for long texts', () => {
    expect(lintTimeLimit(0)).toBe(10_000);
    expect(lintTimeLimit(200_000)).toBe(10_000);
    expect(lintTimeLimit(2_000_000)).toBe(100_000);
  });
});

/** Lints `text` and says whether a 10 ms timer set at the same moment fired before the lint finished, and the longest gap between 5 ms ticks. */
async function responsiveness(runner: LintRunner, text: string) {
  let timerFired = false;
  let firedBeforeLint = false;
  let longestGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  setTimeout(() => (timerFired = true), 10);
  const started = performance.now();
  const reply = await runner.lint(request(text, 'file:///ws/large-prd.md'));
  firedBeforeLint = timerFired;
  const elapsed = performance.now() - started;
  clearInterval(ticker);
  longestGap = Math.max(longestGap, performance.now() - last);
  return { firedBeforeLint, longestGap, elapsed, reply };
}

describe('the calling thread while a 1 MB document is linted', () => {
  it('stays responsive with the worker runner, and does not in process', async () => {
    // The benchmark's 1 MB product document: prose, lists, stories, scenarios, tables and code.
    const bench = (await import(new URL('../scripts/bench/generate.mjs', import.meta.url).href)) as { generateDocument(bytes: number): string };
    const text = bench.generateDocument(1024 * 1024);
    const worker = await responsiveness(workerRunner().runner, text);
    const inProcess = await responsiveness(createInProcessRunner(), text);
    console.log(`1 MB cold lint: in process ${inProcess.elapsed.toFixed(0)} ms, longest block ${inProcess.longestGap.toFixed(0)} ms; worker ${worker.elapsed.toFixed(0)} ms (start-up included), longest block ${worker.longestGap.toFixed(0)} ms`);
    expect(worker.reply).toEqual(inProcess.reply);
    expect(worker.reply.findings.length).toBeGreaterThan(0);
    expect(worker.firedBeforeLint).toBe(true);
    expect(inProcess.firedBeforeLint).toBe(false);
    expect(worker.longestGap).toBeLessThan(inProcess.longestGap / 2);
  }, 120_000);
});
