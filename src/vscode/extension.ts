// Desktop entry (node). The adapter has no Node-only code; see activate.ts.
export { activate, deactivate } from './activate.js';
