import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { run } from '../../src/cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const created: string[] = [];

afterEach(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder holding the given files (text or bytes), removed after the test. */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'pmpo-cli-'));
  created.push(root);
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

export async function runCli(argv: string[], cwd: string, stdin?: string | Uint8Array): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = stdin === undefined ? undefined : typeof stdin === 'string' ? stdin : (async function* () {
    yield stdin;
  })();
  const decode = (text: string | Uint8Array) => (typeof text === 'string' ? text : new TextDecoder('utf-8', { ignoreBOM: true }).decode(text));
  const code = await run(argv, { cwd, stdout: { write: (text) => (stdout += decode(text)) }, stderr: { write: (text) => (stderr += decode(text)) }, stdin: input });
  return { code, stdout, stderr };
}

/** Front matter that makes a file a PRD whatever its name and content. */
export const PRD_FRONT_MATTER = '---\npmpo:\n  kind: prd\n---\n';

/** A PRD with a disable comment that suppresses nothing: one unused-disable finding (fixable) on line 7. */
export const PRD_WITH_UNUSED_DISABLE = `${PRD_FRONT_MATTER}# Checkout PRD\n\n<!-- pmpo-lint-disable mixed-section -->\n\n## Goals\n\nOur goal is a simpler checkout.\n`;

/** A PRD with nothing to report. */
export const CLEAN_PRD = `${PRD_FRONT_MATTER}# Checkout PRD\n\n## Goals\n\nOur goal is a simpler checkout.\n`;

/** A Markdown file that is not a product document. */
export const NOTES = '# Meeting notes\n\nWe talked about lunch.\n';

export function configWith(severity: 'error' | 'warning' | 'info' | 'off'): string {
  return JSON.stringify({ rules: { 'unused-disable': severity } });
}
