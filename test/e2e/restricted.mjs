// Test 9: with workspace trust enabled and the folder NOT trusted (Restricted Mode), the extension still lints.
import { TIMEOUT, expect } from './lib/workbench.mjs';

export const restrictedTests = () => [
  ['restricted mode still lints', async (wb) => {
    await wb.page.goto(wb.url());
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    // Fresh user data: VS Code asks whether to trust the folder. Answer no.
    const noTrust = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ }).first();
    await noTrust.waitFor({ timeout: TIMEOUT });
    await noTrust.click();
    await wb.page.locator('.statusbar-item', { hasText: /Restricted Mode/ }).first().waitFor({ timeout: TIMEOUT });
    await wb.openFile('checkout-prd.md');
    await wb.editor().locator('.squiggly-warning').first().waitFor({ timeout: TIMEOUT });
    const rows = await wb.waitForProblem('Section "Payment options" mixes strategy');
    expect(rows.some((r) => r.includes('[Ln 15, Col 1]')), `finding not on line 15: ${rows}`);
  }],
];
