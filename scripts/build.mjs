// Bundles every entry point with esbuild: the CLI (node), the extension (node) and
// the web extension (webworker). Entries that do not exist yet are skipped.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { ALIASES } from './bundle-aliases.mjs';

const production = process.argv.includes('--production');
// charset utf8: non-ASCII text (HTML entity names, typographic quotes in cues) stays one character, not a \uXXXX escape.
const common = {
  alias: ALIASES,
  bundle: true,
  minify: production,
  sourcemap: !production,
  charset: 'utf8',
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/node/lint-worker.ts'], outfile: 'dist/lint-worker.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The desktop extension lints in this worker (src/node/worker-runner.ts starts it from dist/).
  { entryPoints: ['src/node/document-lint-worker.ts'], outfile: 'dist/document-lint-worker.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // The web extension host is a Worker (no DOM): prefer packages' "worker" export over their "browser" (DOM) one.
  { entryPoints: ['src/vscode/web.ts'], outfile: 'dist/web/extension.js', platform: 'browser', conditions: ['worker'], format: 'cjs', target: 'es2022', external: ['vscode'] },
];

await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })));
