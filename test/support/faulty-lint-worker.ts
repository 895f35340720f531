// Test only: the desktop extension's lint worker with the faults of
// lint-faults.ts (that module's listener is registered first).
import './lint-faults';
import '../../src/node/document-lint-worker';
