// The editor's path (nearest config file through the workspace fs, file name
// relative to the config folder, settings layer empty) gives the CLI's findings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => import('./vscode-mock'));

import { run } from '../../src/cli/run';
import { lint } from '../../src/core/index';
import { ConfigFileResolver, layerConfigs, lintFileName } from '../../src/vscode/config-files';
import { Uri } from './vscode-mock';

const fixture = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8').replace(/^---[\s\S]*?---\n/, '');
const root = mkdtempSync(join(tmpdir(), 'pmpo-parity-'));
const files: Record<string, string> = {
  '.pmpo-lint.json': '{"rules": {"mixed-section": "error"}}',
  'team/.pmpo-lint.jsonc': '// team rules\n{"documentKinds": {"roadmap": ["plans/**/*.md"]}, "rules": {"mixed-section": "info"}}',
  'team/plans/q3.md': fixture,
  'docs/calendar-prd.md': fixture,
  'docs/notes.md': `<!-- pmpo-lint-disable-file nope -->\n${fixture}`,
  'ws/docs/calendar-prd.md': fixture,
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readFromDisk = async (uri: Uri) => {
  try {
    return new Uint8Array(readFileSync(uri.path));
  } catch {
    return undefined;
  }
};

describe('editor and CLI agree', () => {
  it('on findings for the same files and config files', async () => {
    // One CLI run per file: live linting sees one document at a time, while a
    // CLI run over several files also reports stories repeated across them.
    const paths = ['team/plans/q3.md', 'docs/calendar-prd.md', 'docs/notes.md'];
    const cli: { filePath: string; messages: { ruleId: string; level: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[] = [];
    for (const path of paths) {
      let stdout = '';
      await run([path, '--format', 'json'], { cwd: root, stdout: { write: (text) => (stdout += String(text)) }, stderr: { write: () => undefined } });
      cli.push(...JSON.parse(stdout));
    }
    const resolver = new ConfigFileResolver(readFromDisk as never);
    for (const path of paths) {
      const uri = Uri.file(join(root, path));
      const file = await resolver.nearest(uri as never);
      const result = lint(files[path], { fileName: lintFileName(uri as never, file, Uri.file(root) as never), config: layerConfigs({}, file) });
      const editor = result.findings.map((finding) => ({ ruleId: finding.ruleId, level: finding.severity, message: finding.message, line: finding.range.start.line, column: finding.range.start.column, endLine: finding.range.end.line, endColumn: finding.range.end.column }));
      const fromCli = cli.find((entry) => entry.filePath === join(root, path))!.messages.map(({ ruleId, level, message, line, column, endLine, endColumn }) => ({ ruleId, level, message, line, column, endLine, endColumn }));
      expect(editor, path).toEqual(fromCli);
      expect(editor.length, path).toBeGreaterThan(0);
    }
    // The nested config decides kind and severity for the team folder.
    expect(cli.find((entry) => entry.filePath.endsWith('q3.md'))!.messages.map((message) => message.level)).toContain('info');
  });

  it('on a config file above the workspace folder (both walk to the root)', async () => {
    const workspaceFolder = Uri.file(join(root, 'ws'));
    let stdout = '';
    await run(['docs/calendar-prd.md', '--format', 'json'], { cwd: join(root, 'ws'), stdout: { write: (text) => (stdout += String(text)) }, stderr: { write: () => undefined } });
    const [fromCli] = JSON.parse(stdout) as { messages: { ruleId: string; level: string; line: number }[] }[];
    const uri = Uri.file(join(root, 'ws/docs/calendar-prd.md'));
    const file = await new ConfigFileResolver(readFromDisk as never).nearest(uri as never);
    expect(file?.uri.path).toBe(join(root, '.pmpo-lint.json'));
    const result = lint(files['ws/docs/calendar-prd.md'], { fileName: lintFileName(uri as never, file, workspaceFolder as never), config: layerConfigs({}, file) });
    const editor = result.findings.map((finding) => ({ ruleId: finding.ruleId, level: finding.severity, line: finding.range.start.line }));
    expect(editor).toEqual(fromCli.messages.map(({ ruleId, level, line }) => ({ ruleId, level, line })));
    expect(editor.map((finding) => finding.level)).toContain('error');
  });
});
