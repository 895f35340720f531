// CodeLens right after a document opens: the editor may ask before the first
// lint has finished, and must still get the section lenses.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { LintController } from '../../src/vscode/controller';
import { createInProcessRunner, setLintRunner } from '../../src/vscode/lint-runner';
import { manualRunner } from './manual-runner';
import { Logger } from '../../src/vscode/logger';
import { CodeLensProvider } from '../../src/vscode/providers';
import { createDocument, testState, Uri } from './vscode-mock';

const prd = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');


const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const titles = (lenses: { command?: { title: string } }[]) => lenses.map((lens) => lens.command!.title);
let controller: LintController;

beforeEach(() => {
  testState.settings = {};
  testState.files = {};
  testState.workspaceFolder = { uri: Uri.file('/ws'), name: 'ws', index: 0 };
  controller = new LintController(Uri.file('/ext') as never, new Logger(() => undefined));
});

afterEach(() => {
  controller.dispose();
  setLintRunner(createInProcessRunner());
});

describe('CodeLens while the first lint is pending', () => {
  it('waits for the lint in flight instead of answering with no lenses', async () => {
    const pending = manualRunner();
    const document = { ...createDocument(prd, '/ws/docs/calendar-prd.md'), isClosed: false };
    void controller.lint(document as never);
    await flush();
    const lenses = new CodeLensProvider(controller).provideCodeLenses(document as never);
    await flush();
    pending[0].finish();
    expect(titles(await lenses)).toContainEqual(expect.stringMatching(/^PM\/PO: mixed \(PM \+ PO\)/));
  });

  it('waits through a lint that a newer one superseded', async () => {
    const pending = manualRunner();
    const document = { ...createDocument(prd, '/ws/docs/calendar-prd.md'), isClosed: false };
    void controller.lint(document as never);
    await flush();
    const lenses = new CodeLensProvider(controller).provideCodeLenses(document as never);
    void controller.lint(document as never); // e.g. the open event and activation both lint
    await flush();
    pending[0].finish();
    await flush();
    pending[1].finish();
    expect(titles(await lenses)).toContainEqual(expect.stringMatching(/^PM\/PO: mixed \(PM \+ PO\)/));
  });

  it('lints on demand when asked before any lint started', async () => {
    const document = { ...createDocument(prd, '/ws/docs/calendar-prd.md'), isClosed: false };
    const lenses = await new CodeLensProvider(controller).provideCodeLenses(document as never);
    expect(titles(lenses)).toContainEqual(expect.stringMatching(/^PM\/PO: mixed \(PM \+ PO\)/));
    expect(controller.state(document as never)?.shown).toBe(true);
  });

  it('tells the editor to ask again when results arrive', async () => {
    const pending = manualRunner();
    const document = { ...createDocument(prd, '/ws/docs/calendar-prd.md'), isClosed: false };
    let changes = 0;
    new CodeLensProvider(controller).onDidChangeCodeLenses!(() => changes++);
    const linting = controller.lint(document as never);
    await flush();
    expect(changes).toBe(0);
    pending[0].finish();
    await linting;
    expect(changes).toBe(1);
  });

  it('keeps showing the last lenses while a newer version is being linted', async () => {
    const pending = manualRunner();
    const v1 = { ...createDocument(prd, '/ws/docs/calendar-prd.md', 'markdown', 1), isClosed: false };
    const first = controller.lint(v1 as never);
    await flush();
    pending[0].finish();
    await first;
    const v2 = { ...createDocument(`${prd}\nMore.\n`, '/ws/docs/calendar-prd.md', 'markdown', 2), isClosed: false };
    const lenses = await new CodeLensProvider(controller).provideCodeLenses(v2 as never);
    expect(titles(lenses)).toContainEqual(expect.stringMatching(/^PM\/PO: mixed/));
    expect(pending).toHaveLength(1); // no lint per keystroke from the provider
  });

  it('puts an older version\'s lenses only where their headings stand now', async () => {
    const v1 = { ...createDocument(prd, '/ws/docs/calendar-prd.md', 'markdown', 1), isClosed: false };
    await controller.lint(v1 as never);
    const headingLines = (text: string, lenses: { range: { start: { line: number } } }[]) =>
      lenses.map((lens) => text.split('\n')[lens.range.start.line]);
    // Two lines typed into the first section's body: "## Scope" moved down, the headings above stayed.
    const moved = prd.replace('Given a team', 'A new line.\n\nGiven a team');
    const v2 = { ...createDocument(moved, '/ws/docs/calendar-prd.md', 'markdown', 2), isClosed: false };
    expect(headingLines(moved, await new CodeLensProvider(controller).provideCodeLenses(v2 as never)))
      .toEqual(['# Team calendar PRD', '## Why now', '## Scope']);
    // A renamed heading loses its lens until the new version is linted, and no lens lands on another line.
    const renamed = moved.replace('## Why now', '## Why now, really');
    const v3 = { ...createDocument(renamed, '/ws/docs/calendar-prd.md', 'markdown', 3), isClosed: false };
    expect(headingLines(renamed, await new CodeLensProvider(controller).provideCodeLenses(v3 as never)))
      .toEqual(['# Team calendar PRD', '## Scope']);
  });

  it('tells repeated headings apart: a heading after the edit moves, one before it stays', async () => {
    // The second "## Notes" stands three lines below the first: where the first moves to.
    const text = '# Plan PRD\n\n## Notes\n\nOur market share is falling.\n## Notes\n\nAs a clerk, I want to print labels so that parcels ship.\n';
    const v1 = { ...createDocument(text, '/ws/docs/plan-prd.md', 'markdown', 1), isClosed: false };
    await controller.lint(v1 as never);
    const lensLines = (lenses: { range: { start: { line: number } } }[]) => lenses.map((lens) => lens.range.start.line + 1);
    const pasted = text.replace('## Notes', 'One.\nTwo.\nThree.\n## Notes');
    const v2 = { ...createDocument(pasted, '/ws/docs/plan-prd.md', 'markdown', 2), isClosed: false };
    expect(lensLines(await new CodeLensProvider(controller).provideCodeLenses(v2 as never))).toEqual([1, 6, 9]);
  });
});
