import type { CliFileResult } from '../results.js';

/** ESLint's JSON shape: one array of per-file results. */
export function formatJson(results: readonly CliFileResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
