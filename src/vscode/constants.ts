// Every command id, setting name and fixed string the adapter shares with
// package.json, in one place.

export const SOURCE = 'pmpo-lint';
export const OUTPUT_CHANNEL = 'PM/PO Lint';
export const EXPLAIN_SCHEME = 'pmpo-lint-explain';
export const REPORT_TITLE = 'PM/PO Lint Report';
export const CONFIG_FILE_GLOB = '**/.pmpo-lint.{json,jsonc}';

export const COMMANDS = {
  analyseDocument: 'pmpoLint.analyseDocument',
  analyseWorkspace: 'pmpoLint.analyseWorkspace',
  fixAll: 'pmpoLint.fixAll',
  setKind: 'pmpoLint.setKind',
  insertTemplate: 'pmpoLint.insertTemplate',
  showOutline: 'pmpoLint.showOutline',
  explainFinding: 'pmpoLint.explainFinding',
  openRuleDocs: 'pmpoLint.openRuleDocs',
} as const;

export const SETTINGS_SECTION = 'pmpoLint';

/** Editor-only settings (under `pmpoLint.`). */
export const EDITOR_SETTINGS = ['run', 'debounceMs', 'onlyProductDocuments', 'codeLens', 'trace', 'maxFindingsPerFile'] as const;

/** Settings that change findings: the same keys as a `.pmpo-lint.json` file. */
export const CONFIG_SETTINGS = ['kind', 'rules', 'cues', 'documentKinds', 'ignores', 'maxFileSizeKB'] as const;

/** Documents the linter never looks at: its own explain pages, diff views, output. */
export const IGNORED_SCHEMES = new Set([EXPLAIN_SCHEME, 'git', 'output', 'vscode-scm', 'gitlens', 'pr', 'review', 'vscode-settings', 'vscode-chat-code-block', 'comment']);

export const MARKDOWN_LANGUAGE = 'markdown';
