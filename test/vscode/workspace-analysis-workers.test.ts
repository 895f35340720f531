import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { createWorkerRunner } from '../../src/node/worker-runner';
import { ConfigFileResolver } from '../../src/vscode/config-files';
import { createInProcessRunner, DocumentLinters, getLintRunner, setLintRunner, type LintReply, type LintRequest, type LintRunner } from '../../src/vscode/lint-runner';
import { analyseWorkspace, PARALLEL_THRESHOLD } from '../../src/vscode/workspace-analysis';
import { testState, Uri } from './vscode-mock';

const prd = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');
const workerFile = fileURLToPath(new URL('../../src/node/document-lint-worker.ts', import.meta.url));

/** Product documents of different sizes; some share a story, so the check across documents finds it. */
function workspaceFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const extra = Array.from({ length: (i * 7) % 13 }, (_, j) => `## Goal ${j}\n\nGrow weekly active teams in region ${j} by ${i + j} percent this year.\n`).join('\n');
    const body = i % 3 === 0 ? prd : `# Backlog ${i}\n\n- As a planner, I want to export plan ${i} so that I can share it.\n\n${extra}`;
    files[`/ws/docs/${String(i).padStart(2, '0')}-${i % 3 === 0 ? 'prd' : 'backlog'}.md`] = body;
  }
  files['/ws/README.md'] = '# Readme\n\nHow to build.\n';
  return files;
}

function context() {
  return { settingsConfig: () => ({}), resolver: new ConfigFileResolver(), openText: () => undefined, log: () => undefined };
}

function cancellableToken() {
  const listeners: (() => void)[] = [];
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: (listener: () => void) => {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
    cancel() {
      cancelled = true;
      listeners.forEach((listener) => listener());
    },
  };
}

/** A runner that lints like the in-process one but finishes later files first, and counts how many lints overlap. */
function overlappingRunner(parallelism: number) {
  const linters = new DocumentLinters();
  let running = 0;
  const stats = { most: 0, lints: 0 };
  const runner: LintRunner = {
    parallelism,
    async lint(request) {
      stats.most = Math.max(stats.most, ++running);
      const order = stats.lints++;
      await new Promise((resolve) => setTimeout(resolve, order % 2 ? 5 : 40));
      running--;
      return linters.lint(request);
    },
    forget: (key) => linters.forget(key),
  };
  return { runner, stats };
}

const progress = () => ({ report: vi.fn() });
const summary = (documents: Awaited<ReturnType<typeof analyseWorkspace>>['documents']) => documents.map((document) => ({ name: document.name, result: document.result }));

async function sequential() {
  setLintRunner(createInProcessRunner());
  return analyseWorkspace(context() as never, progress() as never, cancellableToken() as never);
}

const original = getLintRunner();
beforeEach(() => {
  testState.workspaceFolder = { uri: Uri.file('/ws'), name: 'ws', index: 0 };
  testState.filesExclude = [];
  testState.files = workspaceFiles(PARALLEL_THRESHOLD + 4);
});
afterEach(() => setLintRunner(original));

describe('workspace analysis over several lints at once', () => {
  it('keeps the runner busy with as many lints as it runs, reports every file, and keeps the path order', async () => {
    const expected = await sequential();
    expect(expected.documents.length).toBe(PARALLEL_THRESHOLD + 4);
    expect(expected.documents.some((document) => document.result.findings.some((finding) => finding.ruleId === 'story-unique'))).toBe(true);
    const { runner, stats } = overlappingRunner(2);
    setLintRunner(runner);
    const report = progress();
    const outcome = await analyseWorkspace(context() as never, report as never, cancellableToken() as never);
    expect(stats.most).toBe(2);
    expect(summary(outcome.documents)).toEqual(summary(expected.documents));
    expect(report.report.mock.calls.map(([value]) => value.message)).toEqual([...Object.keys(testState.files)].map((path) => path.slice('/ws/'.length)).sort((a, b) => `/ws/${a}`.localeCompare(`/ws/${b}`)));
  });

  it('lints one file at a time in a folder of few files', async () => {
    testState.files = workspaceFiles(PARALLEL_THRESHOLD - 2);
    const { runner, stats } = overlappingRunner(2);
    setLintRunner(runner);
    await analyseWorkspace(context() as never, progress() as never, cancellableToken() as never);
    expect(stats.most).toBe(1);
  });

  it('gives the sequential results through two worker threads', async () => {
    const expected = await sequential();
    const log: string[] = [];
    const runner = createWorkerRunner({ workerFile, size: 2, log: (message) => log.push(message) });
    setLintRunner(runner);
    try {
      const outcome = await analyseWorkspace(context() as never, progress() as never, cancellableToken() as never);
      expect(runner.workers).toBe(2);
      expect(summary(outcome.documents)).toEqual(summary(expected.documents));
      expect(outcome.documents.map((document) => document.stories?.length ?? 0)).toEqual(expected.documents.map((document) => document.stories?.length ?? 0));
      expect(await runner.held()).toBe(0);
      expect(log).toEqual([]);
    } finally {
      await runner.dispose();
    }
  }, 60_000);

  it('stops at once when cancelled: pending lints are aborted, not awaited', async () => {
    const requests: LintRequest[] = [];
    const hanging: LintRunner = {
      parallelism: 2,
      lint: (request) => {
        requests.push(request);
        return new Promise<LintReply>((_resolve, reject) => request.signal!.addEventListener('abort', () => reject(request.signal!.reason)));
      },
      forget: () => undefined,
    };
    setLintRunner(hanging);
    const token = cancellableToken();
    const report = { report: vi.fn(() => report.report.mock.calls.length === 2 && setTimeout(() => token.cancel(), 20)) };
    const outcome = await analyseWorkspace(context() as never, report as never, token as never);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.documents).toEqual([]);
    expect(requests.length).toBe(2);
    expect(requests.every((request) => request.signal!.aborted)).toBe(true);
    expect(outcome.scanned).toBe(2);
  });
});
