/* global fetch */
// End-to-end run: build, package the .vsix, then in fresh temporary dirs start code-server
// (127.0.0.1 only) and run: mode A UI tests against the installed .vsix, restricted mode,
// mode B in-host identity test, and the web bundle in a Worker. Exit 1 on any failure.
// Tools come from scripts/e2e/setup.sh (E2E_TOOLS, default ~/.cache/pmpo-lint-e2e).
// Env: E2E_ONLY=<regex> runs the matching tests only; E2E_KEEP=1 keeps the temp dir (server logs);
// E2E_VSIX=<file> tests that package instead of packaging this checkout; E2E_TIME_LIMIT_MS (default
// 15 min) stops everything; CHROMIUM=<binary> (default /usr/bin/chromium). Screenshots: artefacts/e2e/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tools = process.env.E2E_TOOLS ?? path.join(os.homedir(), '.cache/pmpo-lint-e2e');
const node24 = path.join(tools, 'node24/node_modules/node/bin');
const codeServer = path.join(tools, 'tools/node_modules/.bin/code-server');
const vsce = path.join(tools, 'tools/node_modules/.bin/vsce');
const artefacts = path.join(root, 'artefacts/e2e');
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : null;
const keep = process.env.E2E_KEEP === '1';
const PATH24 = `${node24}:${process.env.PATH}`;

const t0 = Date.now();
const log = (line) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${line}`);
const results = [];
const servers = [];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...options });
  if (r.status !== 0 && !options.allowStatus?.includes(r.status)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
  'window.restoreWindows': 'none',
};

async function startServer(name, tmp, { extensionsDir, trust = false, smoke = false, settings = {} }) {
  const port = await freePort();
  const dir = path.join(tmp, name);
  const userData = path.join(dir, 'ud');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({ ...baseSettings, ...settings }, null, 2));
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--extensions-dir', extensionsDir, '--user-data-dir', userData];
  if (!trust) args.push('--disable-workspace-trust');
  if (smoke) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = path.join(dir, 'server.log');
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'w');
  const child = spawn(codeServer, args, {
    detached: true, // own process group: stopped with kill(-pid)
    stdio: ['ignore', out, out],
    env: { ...process.env, PATH: PATH24, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'), TMPDIR: path.join(dir, 'tmp'), ...(smoke ? serverEnv : {}) },
  });
  const server = { name, port, pid: child.pid, logFile, exited: false };
  child.on('exit', () => { server.exited = true; });
  servers.push(server);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exited) throw new Error(`code-server ${name} exited early; see ${logFile}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`code-server ${name} not ready within 30 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`code-server ${name} ready on 127.0.0.1:${port} (pid ${child.pid})`);
  return server;
}

// Playwright colours its call logs; CI logs show the escapes as text.
const stripAnsi = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/** The last lines of every "PMPO Lint" output channel the servers wrote (user data logs under tmp). */
function extensionLogTail(dir, lines = 40) {
  const found = [];
  const walk = (d, depth) => {
    if (depth > 7 || !existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.name.endsWith('PMPO Lint.log')) found.push(full);
    }
  };
  walk(dir, 0);
  return found.flatMap((file) => {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
    return [`extension log ${path.relative(dir, file)} (last ${text.length} lines):`, ...text.map((l) => `  ${l}`)];
  });
}

function stopServers() {
  for (const s of servers.splice(0)) {
    try { process.kill(-s.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
}

function removeTmp() {
  if (!tmp) return;
  if (keep) { log(`kept ${tmp}`); return; }
  try {
    // Stopped servers may still be flushing logs into it for a moment.
    rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    log(`could not remove ${tmp}: ${error.message}`);
  }
}

const serverEnv = {};
let tmp;
let browser;
// Never leave a server behind: on Ctrl+C, a CI kill or the overall time limit, stop our own process groups.
const limitMs = Number(process.env.E2E_TIME_LIMIT_MS ?? 15 * 60_000);
const abort = (why) => {
  console.error(`[e2e] ${why}: stopping the servers`);
  stopServers();
  removeTmp();
  process.exit(1);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => abort(signal));
setTimeout(() => abort(`time limit of ${limitMs / 1000} s reached`), limitMs).unref();
try {
  for (const [label, file] of [['code-server', codeServer], ['vsce', vsce], ['node 24', path.join(node24, 'node')]]) {
    if (!existsSync(file)) throw new Error(`${label} not found at ${file}: run scripts/e2e/setup.sh first`);
  }
  const { chromium } = createRequire(path.join(tools, 'tools/x.js'))('playwright-core');
  const { Workbench, runTests } = await import('../../test/e2e/lib/workbench.mjs');
  const { uiTests } = await import('../../test/e2e/ui-tests.mjs');
  const { restrictedTests } = await import('../../test/e2e/restricted.mjs');
  const { runInHost } = await import('../../test/e2e/inhost.mjs');
  const { runWebBundleTest } = await import('../../test/e2e/web-bundle.mjs');

  tmp = mkdtempSync(path.join(os.tmpdir(), 'pmpo-e2e-'));
  mkdirSync(artefacts, { recursive: true });
  for (const f of readdirSync(artefacts)) if (f.endsWith('.png')) rmSync(path.join(artefacts, f));

  log('build');
  run('npm', ['run', 'build', '--silent']);
  // E2E_VSIX: test a given package instead of packaging this checkout (for debugging the harness).
  const vsix = process.env.E2E_VSIX ?? path.join(tmp, 'pmpo-lint.vsix');
  if (!process.env.E2E_VSIX) {
    log('package the .vsix');
    run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { env: { ...process.env, PATH: PATH24 } });
  }
  const unpacked = path.join(tmp, 'unpacked');
  run('unzip', ['-q', vsix, '-d', unpacked]);
  const extensionPath = path.join(unpacked, 'extension');

  const freshWorkspace = (name) => {
    const ws = path.join(tmp, name);
    cpSync(path.join(root, 'test/e2e/workspace'), ws, { recursive: true });
    return ws;
  };

  const browserStart = Date.now();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  log(`chromium up (${Date.now() - browserStart} ms)`);

  const suite = async (name, fn, testNames = []) => {
    if (only && !only.test(name) && !testNames.some((t) => only.test(t))) return;
    const start = Date.now();
    try {
      const out = await fn();
      if (Array.isArray(out)) results.push(...out);
      else results.push({ name, ok: true, ms: Date.now() - start });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - start, error: error.message });
      log(`FAIL ${name}: ${error.message.split('\n').slice(0, 12).join('\n  ')}`);
    }
    if (results.some((r) => !r.ok && !r.logShown)) {
      for (const r of results) r.logShown = true;
      for (const line of extensionLogTail(tmp)) log(`  ${line}`);
    }
  };

  const uiPage = async (server, ws, tests, { open = true } = {}) => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const wb = new Workbench(page, { port: server.port, folder: ws, artefacts });
    try {
      if (open) await wb.open();
      return await runTests(wb, tests, log);
    } finally {
      await context.close();
    }
  };

  await suite('ui (mode A, packaged .vsix)', async () => {
    const exts = path.join(tmp, 'exts');
    run(codeServer, ['--install-extension', vsix, '--extensions-dir', exts, '--user-data-dir', path.join(tmp, 'install-ud')],
      { env: { ...process.env, PATH: PATH24, XDG_CONFIG_HOME: path.join(tmp, 'install-config'), XDG_DATA_HOME: path.join(tmp, 'install-data') } });
    log('installed the .vsix');
    const ws = freshWorkspace('ws-ui');
    // Verbose trace: a failure prints the tail of the extension's output channel (see extensionLogTail).
    const server = await startServer('ui', tmp, { extensionsDir: exts, settings: { 'pmpoLint.trace': 'verbose' } });
    const tests = uiTests(ws).map(([name, fn], i) => [name, fn, i + 1]).filter(([name]) => !only || only.test(name) || only.test('ui (mode A'));
    const out = await uiPage(server, ws, tests);
    return out.map((r) => ({ ...r, name: `${uiTests(ws).findIndex(([n]) => n === r.name) + 1}. ${r.name}` }));
  }, uiTests('').map(([name]) => name));

  await suite('9. restricted mode (trust on, folder untrusted)', async () => {
    const exts = path.join(tmp, 'exts');
    if (!existsSync(exts)) {
      run(codeServer, ['--install-extension', vsix, '--extensions-dir', exts, '--user-data-dir', path.join(tmp, 'install-ud')], { env: { ...process.env, PATH: PATH24 } });
    }
    const ws = freshWorkspace('ws-restricted');
    const server = await startServer('restricted', tmp, { extensionsDir: exts, trust: true, settings: { 'security.workspace.trust.startupPrompt': 'always' } });
    const out = await uiPage({ port: server.port }, ws, [['restricted mode still lints', async (wb) => {
      for (const [, fn] of restrictedTests()) await fn(wb);
    }, 9]], { open: false });
    return out.map((r) => ({ ...r, name: `9. ${r.name}` }));
  });

  await suite('8. identity: in-host diagnostics equal CLI --format json', async () => {
    const ws = freshWorkspace('ws-inhost');
    const cli = run(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', '.'], { cwd: ws, allowStatus: [0, 1] });
    const cliJson = path.join(tmp, 'cli.json');
    writeFileSync(cliJson, cli.stdout);
    serverEnv.PMPO_E2E_CLI_JSON = cliJson;
    const server = await startServer('inhost', tmp, { extensionsDir: path.join(tmp, 'exts-empty'), smoke: true });
    const code = await runInHost(browser, { port: server.port, folder: ws, extensionPath, testsPath: path.join(root, 'test/e2e/suite/identity.cjs'), log });
    if (code !== 0) throw new Error(`in-host suite exited ${code}`);
  });

  await suite('10. web bundle in a Worker', async () => {
    await runWebBundleTest(browser, { bundle: path.join(extensionPath, 'dist/web/extension.js'), docPath: path.join(root, 'test/e2e/workspace/checkout-prd.md'), log });
  });
} catch (error) {
  results.push({ name: 'setup', ok: false, ms: 0, error: error.message });
  log(`FAIL setup: ${error.message}`);
} finally {
  await browser?.close().catch(() => {});
  stopServers();
  removeTmp();
}

console.log('\nend-to-end results');
for (const r of results) {
  console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${(r.ms / 1000).toFixed(1)} s)`);
  // The reason again here: CI logs are often read from the end.
  if (!r.ok) console.log(`        ${stripAnsi(r.error ?? '').split('\n').slice(0, 4).join('\n        ')}`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed, ${((Date.now() - t0) / 1000).toFixed(1)} s total; screenshots in ${path.relative(root, artefacts)}/`);
process.exit(failed || results.length === 0 ? 1 : 0);
