/* global document */
// Mode A: the packaged extension as a user sees it in the workbench (code-server + Chromium).
// The expected findings are stated in a closing comment of each fixture in test/e2e/workspace/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TIMEOUT, expect, norm, until } from './lib/workbench.mjs';

const PAYMENT_FINDING = 'Section "Payment options" mixes strategy';
const GOALS_FINDING = 'Section "Goals" mixes strategy';

/** The text of every webview content frame (the report, Markdown previews). */
async function webviewTexts(wb) {
  const frames = wb.page.frames().filter((f) => f !== wb.page.mainFrame() && /webview/i.test(f.url()));
  return Promise.all(frames.map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
}

async function hasNoSquiggle(wb) {
  return (await wb.editor().locator('.squiggly-warning, .squiggly-error, .squiggly-info').count()) === 0;
}

export const uiTests = (ws) => [
  ['diagnostics and Problems panel', async (wb) => {
    await wb.openFile('checkout-prd.md');
    await wb.editor().locator('.squiggly-warning').first().waitFor({ timeout: TIMEOUT });
    const rows = await wb.waitForProblem(PAYMENT_FINDING);
    const row = rows.find((r) => r.includes(PAYMENT_FINDING));
    expect(row.includes('pmpo-lint'), `source pmpo-lint missing in row: ${row}`);
    expect(row.includes('mixed-section'), `rule id missing in row: ${row}`);
    expect(/\[Ln 15, Col 1\]/.test(row), `expected the finding on line 15 (the heading): ${row}`);
    // The document that activated the extension gets its section CodeLenses too (no edit needed).
    // VS Code drops a pending CodeLens request when the editor loses focus (the Problems panel took
    // it) and asks again on focus, as when a user looks back at the document.
    await wb.focusEditor();
    await wb.waitForLensAbove('## Payment options', /PM\/PO: mixed\b/);
    // Positive signal seen above (the PRD was linted); now README must stay silent.
    await wb.openFile('README.md');
    await wb.waitForEditorText((lines) => lines.some((l) => l.startsWith('# Shop workspace')), 'README content');
    await until(async () => (await wb.statusBarTexts()).some((t) => /not a product document/i.test(t)), TIMEOUT,
      () => 'status bar to say README is not a product document');
    expect(await hasNoSquiggle(wb), 'README.md shows a squiggle');
    const readmeRows = (await wb.problemRows()).filter((r) => r.startsWith('README.md'));
    expect(readmeRows.length === 0, `README.md listed in Problems: ${readmeRows}`);
  }],

  ['live editing without saving', async (wb) => {
    await wb.openFile('checkout-prd.md');
    await wb.waitForProblem(PAYMENT_FINDING);
    await wb.goToLine(13, 200); // end of the Goals paragraph (strategic)
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type('\n\nGiven a shopper with a saved card\nWhen they press Pay now\nThen the order is placed');
    await wb.waitForProblem(GOALS_FINDING);
    // Select exactly what was typed (from the end of line 13) and delete it.
    for (let i = 0; i < 4; i += 1) await wb.page.keyboard.press('Shift+ArrowUp');
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.press('Delete');
    await wb.waitForNoProblem(GOALS_FINDING);
    await wb.waitForProblem(PAYMENT_FINDING); // the rest of the document is still linted
    const dirty = await wb.page.locator('.tab.active.dirty').count();
    expect(dirty === 1, 'the edits should be unsaved (dirty tab): lint ran on the buffer, not the file');
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: TIMEOUT });
  }],

  ['quick fix and disable comment', async (wb) => {
    // Split-section suggestion on wallet-prd.md (finding on line 8, split before line 13).
    await wb.openFile('wallet-prd.md');
    await wb.waitForProblem('Section "Top-up flow" mixes strategy');
    await applyCodeAction(wb, 8, 'Split the section');
    await wb.waitForEditorText((lines) => lines.includes('### Delivery detail'), 'the inserted "### Delivery detail" heading');
    await wb.waitForNoProblem('Section "Top-up flow" mixes strategy');
    await wb.page.keyboard.press('Control+S');
    // "Disable mixed-section for this line" on refunds-prd.md (finding on line 3).
    await wb.openFile('refunds-prd.md');
    await wb.waitForProblem('Section "Refund policy" mixes strategy');
    await applyCodeAction(wb, 3, 'Disable mixed-section for this line');
    await wb.waitForEditorText((lines) => lines.some((l) => l.trim() === '<!-- pmpo-lint-disable-next-line mixed-section -->'),
      'the disable-next-line comment');
    await wb.waitForNoProblem('Section "Refund policy" mixes strategy');
    await wb.page.keyboard.press('Control+S');
  }],

  ['commands: analyse workspace, insert template, explain finding', async (wb) => {
    await wb.openFile('checkout-prd.md');
    await wb.waitForProblem(PAYMENT_FINDING);
    await wb.runCommand('PM/PO Lint: Analyse workspace');
    await wb.page.locator('.tab[aria-label*="PM/PO Lint Report"]').first().waitFor({ timeout: TIMEOUT });
    // The report is a webview: an iframe (…/webview/…index.html) holding the content frame.
    let frameTexts = [];
    await until(async () => {
      const frames = wb.page.frames().filter((f) => f !== wb.page.mainFrame() && /webview/i.test(f.url()));
      frameTexts = await Promise.all(frames.map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
      return frameTexts.some((t) => t.includes('checkout-prd.md') && /Payment options/.test(t));
    }, TIMEOUT, () => `the report webview to list checkout-prd.md and its mixed section; webview frames showed: ${JSON.stringify(frameTexts.map((t) => t.slice(0, 300)))}`);
    await wb.screenshot('04a-report', { tidy: true });
    // Keyboard focus is inside the webview now: close the report with its tab's close button.
    const reportTab = wb.page.locator('.tab[aria-label*="PM/PO Lint Report"]').first();
    await reportTab.hover();
    await reportTab.locator('.tab-actions .action-label').first().click();
    await reportTab.waitFor({ state: 'detached', timeout: TIMEOUT });

    await wb.openFile('draft.md');
    await wb.runCommand('PM/PO Lint: Insert template');
    await wb.page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
    await wb.page.keyboard.type('PRD');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'PRD' }).waitFor({ timeout: TIMEOUT });
    await wb.page.keyboard.press('Enter');
    await wb.waitForEditorText((lines) => lines.filter((l) => /^#{1,3} \S/.test(l)).length >= 2, 'a PRD template with headings');
    await wb.screenshot('04b-template');

    await wb.openFile('checkout-prd.md');
    await wb.goToLine(15, 5);
    await wb.runCommand('PM/PO Lint: Explain finding at cursor');
    // The explanation opens rendered: a Markdown preview (a webview) beside the document.
    const previewTab = wb.page.locator('.tab[aria-label*="checkout-prd.md - mixed-section (line 15)"]').first();
    await previewTab.waitFor({ timeout: TIMEOUT });
    let explain = '';
    await until(async () => {
      explain = (await webviewTexts(wb)).find((t) => /Evidence/.test(t)) ?? '';
      return /markets?/.test(explain) && /As a returning shopper/.test(explain);
    }, TIMEOUT, () => `the rendered explanation to show both sides' evidence; it showed:\n${explain}`);
    expect(!/\\[(.)-]/.test(explain), `the rendered explanation shows Markdown escapes:\n${explain}`);
    await wb.screenshot('04c-explain', { tidy: true });
    // Focus is in the preview (a webview) now, like the report: close it with its tab's close button.
    await previewTab.hover();
    await previewTab.locator('.tab-actions .action-label').first().click();
    await previewTab.waitFor({ state: 'detached', timeout: TIMEOUT });
  }],

  ['snippets with tab stops', async (wb) => {
    await wb.openFile('notes.md');
    for (const [prefix, fixed] of [['po-story', /As an? /], ['po-gherkin', /Given /], ['pm-vision', /For /]]) {
      const tokens = [`E2E${prefix.replace('-', '')}ONE`, `E2E${prefix.replace('-', '')}TWO`];
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type(prefix);
      await wb.page.keyboard.press('Control+Space'); // quick suggestions are off in Markdown
      await wb.page.locator('.suggest-widget .monaco-list-row.focused', { hasText: prefix }).waitFor({ timeout: TIMEOUT });
      await wb.page.keyboard.press('Enter');
      await wb.waitForEditorText((lines) => lines.some((l) => fixed.test(l)), `${prefix} body (${fixed})`);
      await wb.page.keyboard.type(tokens[0]); // replaces the first tab stop
      await wb.page.keyboard.press('Tab');
      await wb.page.keyboard.type(tokens[1]); // replaces the second tab stop
      await wb.waitForEditorText((lines) => tokens.every((t) => lines.join('\n').includes(t)), `${prefix}: text typed into tab stops 1 and 2`);
      await wb.page.keyboard.press('Escape');
    }
  }],

  ['hover evidence and CodeLens', async (wb) => {
    await wb.openFile('checkout-prd.md');
    await wb.waitForProblem(PAYMENT_FINDING);
    // The editor first shows the lenses it cached when this tab was last shown, then asks again:
    // wait until the mixed lens stands right above the "## Payment options" heading.
    await wb.waitForLensAbove('## Payment options', /PM\/PO: mixed\b/);
    await wb.waitForLensAbove('## Problem and market', /PM\/PO: strategic\b/);
    await wb.page.keyboard.press('Escape');
    const squiggle = wb.editor().locator('.squiggly-warning').first();
    const box = await squiggle.boundingBox();
    expect(box, 'no squiggle to hover');
    await wb.page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    // The extension's own hover (not VS Code's diagnostic hover): rule, then each side's evidence with lines.
    const hover = wb.page.locator('.monaco-hover:not(.hidden)', { hasText: 'pmpo-lint: mixed-section' }).first();
    await hover.waitFor({ timeout: TIMEOUT });
    const text = norm(await hover.innerText());
    expect(/Strategic: line 17 "markets"/.test(text) && /Tactical: line 20 /.test(text), `hover lacks the evidence: ${text}`);
  }],

  ['.pmpo-lint.json change re-lints without reload', async (wb) => {
    await wb.openFile('checkout-prd.md');
    await wb.waitForProblem(PAYMENT_FINDING);
    const file = path.join(ws, '.pmpo-lint.json');
    const original = readFileSync(file, 'utf8');
    const config = JSON.parse(original);
    config.rules['mixed-section'] = 'off';
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    await wb.waitForNoProblem(PAYMENT_FINDING);
    await wb.screenshot('07a-rule-off');
    writeFileSync(file, original); // and back on: the finding returns, still without a reload
    await wb.waitForProblem(PAYMENT_FINDING);
  }],
];

async function applyCodeAction(wb, line, title) {
  await wb.goToLine(line, 3);
  const item = wb.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  let offered = [];
  // The code-action menu can close again when the lenses re-render; reopen it until the item shows.
  await until(async () => {
    if (!(await wb.page.locator('.action-widget .monaco-list-row').first().isVisible())) {
      await wb.focusEditor();
      await wb.goToLine(line, 3);
      await wb.page.keyboard.press('Control+.');
    }
    const shown = await item.waitFor({ timeout: 3000 }).then(() => true, () => false);
    offered = (await wb.page.locator('.action-widget .monaco-list-row').allInnerTexts()).map(norm);
    return shown;
  }, TIMEOUT, () => `code action "${title}"; the menu offered: ${JSON.stringify(offered)}`);
  await item.click();
  await item.waitFor({ state: 'hidden', timeout: TIMEOUT });
}
