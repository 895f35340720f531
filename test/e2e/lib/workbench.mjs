/* global document */
// Playwright helpers for driving the VS Code workbench served by code-server.
// Every wait is on a DOM condition with a timeout; no fixed sleeps.
import path from 'node:path';

export const TIMEOUT = 30_000;
export const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim(); // Monaco renders spaces as &nbsp;

export class Workbench {
  constructor(page, { port, folder, artefacts }) {
    this.page = page;
    this.port = port;
    this.folder = folder;
    this.artefacts = artefacts;
  }

  url(extraQuery = '') {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.folder)}${extraQuery}`;
  }

  async open() {
    await this.page.goto(this.url());
    await this.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  }

  /** Opens a top-level workspace file through Quick Open (Ctrl+P). */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
    await this.page.keyboard.type(name);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: TIMEOUT });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: TIMEOUT });
    await this.focusEditor();
  }

  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async focusEditor() {
    await this.editor().locator('.view-lines').click();
  }

  /** The visible lines of the active editor, top to bottom. */
  async editorLines() {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return [];
      return [...editor.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text);
    });
  }

  async waitForEditorText(predicate, description, timeout = TIMEOUT) {
    let lines = [];
    await until(async () => predicate((lines = await this.editorLines())), timeout,
      () => `editor text: ${description}; editor showed:\n  ${lines.join('\n  ')}`);
    return lines;
  }

  async goToLine(line, column = 1) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /** Runs a command by its exact palette label ("Category: Title"), never a fuzzy neighbour. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
    await this.page.keyboard.type(title);
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: exact }) }).first();
    await row.waitFor({ timeout: TIMEOUT });
    await row.click(); // the command may open its own quick pick, so no wait for the palette to close
  }

  async showProblems() {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.focusEditor();
    await this.page.keyboard.press('Control+Shift+M'); // View: Problems (toggles, hence the visibility check)
    await this.page.locator('.markers-panel').waitFor({ timeout: TIMEOUT });
  }

  async problemRows() {
    if (!(await this.page.locator('.markers-panel').isVisible())) return [];
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(norm);
  }

  async waitForProblem(text, timeout = TIMEOUT) {
    await this.showProblems();
    await this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().waitFor({ timeout });
    return this.problemRows();
  }

  async waitForNoProblem(text, timeout = TIMEOUT) {
    await this.showProblems();
    await this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().waitFor({ state: 'detached', timeout });
  }

  /** Waits until a CodeLens matching `title` stands directly above the editor line `heading`. */
  async waitForLensAbove(heading, title, timeout = TIMEOUT) {
    let seen = [];
    await until(async () => {
      const line = this.editor().locator('.view-line', { hasText: heading }).first();
      const headingBox = await line.boundingBox({ timeout: 1000 }).catch(() => null);
      const lenses = this.editor().locator('.codelens-decoration');
      seen = [];
      for (let i = 0, n = await lenses.count(); i < n; i += 1) {
        const lens = lenses.nth(i);
        const [text, box] = [norm(await lens.innerText().catch(() => '')), await lens.boundingBox({ timeout: 1000 }).catch(() => null)];
        seen.push(`${text} @y=${box ? Math.round(box.y) : '?'}`);
        if (headingBox && box && title.test(text) && box.y < headingBox.y && headingBox.y - box.y < 3 * headingBox.height) return true;
      }
      seen.push(`heading "${heading}" @y=${headingBox ? Math.round(headingBox.y) : '(not shown)'}`);
      return false;
    }, timeout, () => `a CodeLens ${title} right above "${heading}"; the editor showed: ${JSON.stringify(seen)}`);
  }

  async statusBarTexts() {
    return (await this.page.locator('.statusbar-item').allInnerTexts()).map(norm).filter(Boolean);
  }

  async notifications() {
    return (await this.page.locator('.notification-list-item-message').allInnerTexts()).map(norm);
  }

  /** `tidy`: the mouse leaves the tabs first and tooltips are gone (screenshots used in the docs). */
  async screenshot(name, { tidy = false } = {}) {
    if (tidy) {
      await this.page.mouse.move(700, 990);
      await this.page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').first()
        .waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
    const file = path.join(this.artefacts, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** What the page showed, for a failure report. */
  async describe() {
    const safe = async (fn) => { try { return await fn(); } catch (e) { return [`(unavailable: ${e.message.split('\n')[0]})`]; } };
    return {
      problems: await safe(() => this.problemRows()),
      notifications: await safe(() => this.notifications()),
      statusBar: await safe(() => this.statusBarTexts()),
      editor: await safe(() => this.editorLines()),
      codeLenses: await safe(async () => (await this.page.locator('.codelens-decoration').allInnerTexts()).map(norm)),
      tabs: await safe(async () => (await this.page.locator('.tab').allInnerTexts()).map(norm)),
    };
  }
}

/** Runs named tests in order; each gets a screenshot, a failure gets what the page showed. */
export async function runTests(workbench, tests, log = console.log) {
  const results = [];
  for (const [index, [name, fn, number = index + 1]] of tests.entries()) {
    const slug = `${String(number).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const t0 = Date.now();
    try {
      await fn(workbench);
      await workbench.screenshot(slug);
      results.push({ name, ok: true, ms: Date.now() - t0 });
      log(`PASS ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      const shot = await workbench.screenshot(`${slug}-FAILED`).catch(() => '(no screenshot)');
      const seen = await workbench.describe();
      results.push({ name, ok: false, ms: Date.now() - t0, error: error.message });
      log(`FAIL ${name} (${Date.now() - t0} ms): ${error.message.split('\n').slice(0, 6).join('\n  ')}`);
      log(`  screenshot: ${shot}`);
      for (const [key, value] of Object.entries(seen)) log(`  ${key}: ${JSON.stringify(value).slice(0, 1500)}`);
      await workbench.page.keyboard.press('Escape').catch(() => {});
    }
  }
  return results;
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls an async condition until it holds or the timeout passes (a condition wait, not a sleep). */
export async function until(condition, timeout = TIMEOUT, describe = () => 'condition') {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
