// Mode B driver: loads the unpacked extension as a development extension in code-server
// (started with --vscode-option enable-smoke-test-driver) and runs an in-host test module.
// Resolves with the exit code the workbench reports through window.codeAutomationExit.
export async function runInHost(browser, { port, folder, extensionPath, testsPath, timeout = 120_000, log = console.log }) {
  const page = await browser.newPage();
  page.on('console', (m) => {
    const text = m.text().replace(/%c/g, '').replace(/color: #\w+/g, '').trim();
    if (/identity|AssertionError|Error|expected|actual/i.test(text) && !/authentication provider|open-vsx|vsda|marketplace/i.test(text)) log(`  [host] ${text.slice(0, 4000)}`);
  });
  let exit;
  const done = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsPath)]];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeout)));
  const code = await Promise.race([done, timedOut]);
  clearTimeout(timer);
  await page.close();
  if (code === 'timeout') throw new Error(`in-host tests did not finish within ${timeout} ms (is enable-smoke-test-driver set?)`);
  return code;
}
