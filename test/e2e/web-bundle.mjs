/* global window, Worker */
// Test 10: the web extension bundle (dist/web/extension.js, the package.json `browser` entry)
// activates inside a Chromium dedicated Worker with a small `vscode` stub and publishes
// diagnostics for a product document, requiring nothing but `vscode` (no Node API).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIMEOUT, expect } from './lib/workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function runWebBundleTest(browser, { bundle, docPath, log = console.log }) {
  const worker = [
    `const PMPO_BUNDLE = ${JSON.stringify(readFileSync(bundle, 'utf8'))};`,
    `const PMPO_DOC = ${JSON.stringify({ path: '/ws/checkout-prd.md', text: readFileSync(docPath, 'utf8') })};`,
    readFileSync(path.join(here, 'web-worker-harness.js'), 'utf8'),
  ].join('\n');
  const server = http.createServer((req, res) => {
    if (req.url === '/worker.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(worker); return; }
    res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><title>web bundle</title>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.evaluate(() => {
      window.messages = [];
      const w = new Worker('/worker.js');
      w.onmessage = (e) => window.messages.push(e.data);
      w.onerror = (e) => window.messages.push({ type: 'error', message: `worker error: ${e.message}` });
      w.postMessage('start');
    });
    const done = await page.waitForFunction(() => window.messages.find((m) => m.type === 'error')
      || (window.messages.some((m) => m.type === 'requested')
        && window.messages.some((m) => m.type === 'diagnostics' && m.diagnostics.some((d) => d.code === 'mixed-section'))), null,
    { timeout: TIMEOUT }).catch(() => null);
    const messages = await page.evaluate(() => window.messages);
    const seen = JSON.stringify(messages).slice(0, 3000);
    expect(done, `web bundle did not publish a mixed-section diagnostic within ${TIMEOUT} ms; worker said: ${seen}`);
    const error = messages.find((m) => m.type === 'error');
    expect(!error, `web bundle failed in the worker: ${error?.message}`);
    const requested = messages.find((m) => m.type === 'requested').requested;
    expect(requested.every((id) => id === 'vscode'), `web bundle required more than vscode: ${requested}`);
    const diag = messages.filter((m) => m.type === 'diagnostics').flatMap((m) => m.diagnostics).find((d) => d.code === 'mixed-section');
    expect(diag.source === 'pmpo-lint' && diag.range[0] === 14, `unexpected diagnostic: ${JSON.stringify(diag)}`);
    log(`  web bundle: activated in a Worker, required [${[...new Set(requested)]}], mixed-section on line ${diag.range[0] + 1}`);
  } finally {
    await page.close();
    server.close();
  }
}
