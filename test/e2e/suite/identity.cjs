/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, exports */
// Mode B (runs INSIDE the VS Code extension host, started by scripts/e2e/run.mjs):
// test 8, identity. The diagnostics the extension publishes for every product document
// of the fixture workspace must equal the CLI's `--format json` output for the same files.
// The CLI output is computed by run.mjs and handed over in PMPO_E2E_CLI_JSON (a file path).
const vscode = require('vscode');
const assert = require('assert');
const fs = require('fs');

const TIMEOUT = 30000;
const LEVEL = { 0: 'error', 1: 'warning', 2: 'info' };

function fromDiagnostic(d) {
  const level = LEVEL[d.severity];
  return {
    ruleId: typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code),
    severity: level === 'error' ? 2 : 1,
    level,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

function fromCli(m) {
  const { ruleId, severity, level, message, line, column, endLine, endColumn } = m;
  return { ruleId, severity, level, message, line, column, endLine, endColumn };
}

const byPosition = (a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);

async function waitFor(condition, what) {
  const deadline = Date.now() + TIMEOUT;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pmpo-lint').map(fromDiagnostic).sort(byPosition);

exports.run = async () => {
  const cli = JSON.parse(fs.readFileSync(process.env.PMPO_E2E_CLI_JSON, 'utf8'));
  assert.ok(cli.length >= 3, `the CLI should report at least 3 product documents, got ${cli.length}`);
  const files = cli.map((r) => ({ uri: vscode.Uri.file(r.filePath), expected: r.messages.map(fromCli).sort(byPosition) }));
  for (const file of files) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file.uri), { preview: false });
  // Positive signal first: files the CLI reports findings for must get diagnostics.
  const withFindings = files.filter((f) => f.expected.length > 0);
  assert.ok(withFindings.length >= 3, 'fixture should have at least 3 files with findings');
  await waitFor(() => withFindings.every((f) => ours(f.uri).length >= f.expected.length), 'diagnostics for every file with CLI findings');
  let compared = 0;
  for (const file of files) {
    const actual = ours(file.uri);
    assert.deepStrictEqual(actual, file.expected, `diagnostics differ from the CLI for ${file.uri.fsPath}`);
    compared += actual.length;
    console.log(`identity ok: ${vscode.workspace.asRelativePath(file.uri)} (${actual.length} findings)`);
  }
  console.log(`identity: ${files.length} files, ${compared} findings equal to the CLI`);
};
