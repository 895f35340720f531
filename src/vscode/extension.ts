// Desktop entry (node): the shared adapter (activate.ts), linting in worker
// threads so large documents and workspace analysis never block the
// extension host. The worker starts on the first lint, not at activation.
import * as vscode from 'vscode';
import { createWorkerRunner } from '../node/worker-runner.js';
import { activate as activateAdapter } from './activate.js';

export function activate(context: vscode.ExtensionContext): void {
  const workerFile = vscode.Uri.joinPath(context.extensionUri, 'dist', 'document-lint-worker.js').fsPath;
  activateAdapter(context, (logger) => createWorkerRunner({ workerFile, log: (message) => logger.error(message), trace: (message) => logger.verbose(message) }));
}

export { deactivate } from './activate.js';
