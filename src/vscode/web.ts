// vscode.dev entry (webworker): the same adapter; core runs without Node APIs.
export { activate, deactivate } from './activate.js';
