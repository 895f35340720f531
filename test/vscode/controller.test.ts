import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { LintController } from '../../src/vscode/controller';
import { createInProcessRunner, failedReply, setLintRunner, type LintFailure } from '../../src/vscode/lint-runner';
import { manualRunner } from './manual-runner';
import { Logger } from '../../src/vscode/logger';
import { createDocument, DiagnosticSeverity, testState, Uri, workspace, type DiagnosticCollection, type RelativePattern } from './vscode-mock';

const prd = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');


function makeDocument(text: string, path: string, version = 1) {
  return { ...createDocument(text, path, 'markdown', version), isClosed: false };
}

const lines: string[] = [];
let controller: LintController;

beforeEach(() => {
  testState.settings = {};
  testState.files = {};
  testState.watchers = [];
  workspace.textDocuments.length = 0;
  testState.workspaceFolder = { uri: Uri.file('/ws'), name: 'ws', index: 0 };
  lines.length = 0;
  controller = new LintController(Uri.file('/ext') as never, new Logger((line) => lines.push(line)));
});

afterEach(() => {
  controller.dispose();
  setLintRunner(createInProcessRunner());
});

const live = () => controller.live as unknown as DiagnosticCollection;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('LintController', () => {
  it('publishes only the newest result when an older lint finishes last', async () => {
    const pending = manualRunner();
    const clean = '# Calendar PRD\n\nShared calendars only.\n';
    const v1 = makeDocument(prd, '/ws/docs/calendar-prd.md', 1);
    const v2 = makeDocument(clean, '/ws/docs/calendar-prd.md', 2);
    const first = controller.lint(v1 as never);
    await flush();
    const second = controller.lint(v2 as never);
    await flush();
    expect(pending).toHaveLength(2);
    pending[1].finish();
    await second;
    pending[0].finish();
    expect(await first).toBeUndefined();
    expect(live().get(v2.uri)).toEqual([]);
    expect(controller.state(v2 as never)?.version).toBe(2);
  });

  it('shows product documents, stays silent on other Markdown, and shows anything when forced', async () => {
    const product = makeDocument(prd, '/ws/docs/calendar-prd.md');
    await controller.lint(product as never);
    expect(live().get(product.uri)!.map((diagnostic) => diagnostic.code)).toMatchObject([{ value: 'mixed-section' }]);

    const notes = makeDocument(prd.replace(/^---[\s\S]*?---\n# Team calendar PRD\n/, '# Notes\n'), '/ws/notes.md');
    const silent = await controller.lint(notes as never);
    expect(silent).toMatchObject({ shown: false });
    expect(silent!.result.kind).toBe('unknown');
    expect(live().get(notes.uri)).toEqual([]);
    const forced = await controller.lint(notes as never, true);
    expect(forced!.shown).toBe(true);
    expect(live().get(notes.uri)!.length).toBeGreaterThan(0);
  });

  it('clears diagnostics and drops in-flight results on close', async () => {
    const pending = manualRunner();
    const document = makeDocument(prd, '/ws/docs/calendar-prd.md');
    const linting = controller.lint(document as never);
    await flush();
    controller.close(document as never);
    pending[0].finish();
    expect(await linting).toBeUndefined();
    expect(live().get(document.uri)).toBeUndefined();
  });

  it('applies settings and the nearest config file, and flags an invalid one', async () => {
    const document = makeDocument(prd, '/ws/docs/calendar-prd.md');
    testState.settings = { rules: { 'mixed-section': 'error' } };
    controller.reloadSettings();
    expect((await controller.lint(document as never))!.findings[0].severity).toBe('error');

    testState.files['/ws/docs/.pmpo-lint.json'] = '{"rules": {"mixed-section": "info"}}';
    controller.resolver.invalidate();
    expect((await controller.lint(document as never))!.findings[0].severity).toBe('info');

    testState.files['/ws/docs/.pmpo-lint.json'] = '{"rules": {"mixed-section": "loud"}}';
    controller.resolver.invalidate();
    const state = await controller.lint(document as never);
    expect(state!.configError).toBe(true);
    expect(state!.findings[0].severity).toBe('error');
    const configDiagnostics = (controller.configDiagnostics as unknown as DiagnosticCollection).get(Uri.file('/ws/docs/.pmpo-lint.json'))!;
    expect(configDiagnostics[0].message).toMatch(/^Invalid pmpo-lint configuration: rule "mixed-section": severity must be one of/);
    expect(lines.some((line) => line.includes('[error]') && line.includes('.pmpo-lint.json:1:'))).toBe(true);
  });

  it('applies a config file above the workspace folder, as the CLI does, and re-lints when it changes', async () => {
    testState.workspaceFolder = { uri: Uri.file('/home/me/ws'), name: 'ws', index: 0 };
    const document = makeDocument(prd, '/home/me/ws/docs/calendar-prd.md');
    (workspace.textDocuments as unknown[]).push(document);
    testState.files['/home/.pmpo-lint.json'] = '{"rules": {"mixed-section": "info"}}';
    expect((await controller.lint(document as never))!.findings[0].severity).toBe('info');
    // The folders inside the workspace are left to its glob watcher; each folder searched above it gets one of its own.
    const watched = testState.watchers.map((watcher) => watcher.pattern as RelativePattern);
    expect(watched.map((pattern) => [pattern.baseUri.path, pattern.pattern])).toEqual([
      ['/home/me', '.pmpo-lint.{json,jsonc}'],
      ['/home', '.pmpo-lint.{json,jsonc}'],
    ]);

    testState.files['/home/.pmpo-lint.json'] = '{\n  "rules": {"mixed-section": "loud"}\n}';
    testState.watchers[1].changed.fire(Uri.file('/home/.pmpo-lint.json'));
    expect(await waitFor(() => live().get(document.uri)?.[0]?.severity === DiagnosticSeverity.Warning)).toBe(true);
    const [problem] = (controller.configDiagnostics as unknown as DiagnosticCollection).get(Uri.file('/home/.pmpo-lint.json'))!;
    expect(problem.range.start).toMatchObject({ line: 1, character: 29 });
    expect(problem.message).toMatch(/^Invalid pmpo-lint configuration: rule "mixed-section": severity must be one of/);
    expect(lines.some((line) => line.includes('[error]') && line.includes('/home/.pmpo-lint.json:2:30: rule "mixed-section"'))).toBe(true);
    expect(testState.watchers).toHaveLength(2);

    controller.dispose();
    expect(testState.watchers.every((watcher) => watcher.disposed)).toBe(true);
  });

  it('caps findings at maxFindingsPerFile', async () => {
    testState.settings = { maxFindingsPerFile: 0 };
    controller.reloadSettings();
    const state = await controller.lint(makeDocument(prd, '/ws/docs/calendar-prd.md') as never);
    expect(state).toMatchObject({ findings: [], dropped: 1 });
  });
});

describe('LintController output channel', () => {
  it('says once why a Markdown file is silent, not on every lint', async () => {
    testState.settings = { trace: 'messages' };
    controller.reloadSettings();
    const notes = makeDocument('# Notes\n\nGroceries.\n', '/ws/notes.md');
    await controller.lint(notes as never);
    await controller.lint(notes as never);
    expect(lines.filter((line) => line.includes('not a product document'))).toHaveLength(1);
  });
});

describe('LintController when a document could not be linted', () => {
  const failure: LintFailure = { reason: 'timeout', elapsedMs: 10_412, message: 'pmpo-lint could not lint this document: its lint was stopped after 10.4 s (the limit for 3 KB is 10.0 s). It is tried again when the text changes.' };

  it('shows one information diagnostic at line 1 in place of the findings, and logs the failure once as an error', async () => {
    const document = makeDocument(prd, '/ws/docs/calendar-prd.md');
    await controller.lint(document as never);
    expect(live().get(document.uri)!.length).toBeGreaterThan(0);
    setLintRunner({ lint: async () => failedReply(failure), forget: () => undefined });
    const state = await controller.lint(document as never);
    await controller.lint(document as never);
    expect(state).toMatchObject({ findings: [], shown: true, result: { skipped: failure.message, failure } });
    const diagnostics = live().get(document.uri)!;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ message: failure.message, severity: DiagnosticSeverity.Information, source: 'pmpo-lint', range: { start: { line: 0, character: 0 } } });
    // Logged even with tracing off: which document, and how long its lint ran.
    expect(lines.filter((line) => line.includes('could not lint'))).toEqual([expect.stringMatching(/\[error\] file:\/\/\/ws\/docs\/calendar-prd\.md: pmpo-lint could not lint this document: its lint was stopped after 10\.4 s/)]);
  });

  it('shows it on any Markdown file, product document or not', async () => {
    setLintRunner({ lint: async () => failedReply(failure), forget: () => undefined });
    const notes = makeDocument('# Notes\n\nGroceries.\n', '/ws/notes.md');
    await controller.lint(notes as never);
    expect(live().get(notes.uri)!.map((diagnostic) => diagnostic.message)).toEqual([failure.message]);
  });
});
