// Bundles only (see scripts/build.mjs): js-yaml's API as front-matter.ts uses
// it, loading js-yaml (which builds its schemas at load) on the first document
// that has front matter instead of every time the extension or the CLI starts.
/* global require, exports */
let yaml;
// A require inside a function is what lets esbuild defer the module until it is called.
// A path, not the package name, so that the alias to this shim does not apply to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const real = () => (yaml ??= require('./js-yaml-used.mjs'));

exports.loadAll = (...args) => real().loadAll(...args);
exports.parseEvents = (...args) => real().parseEvents(...args);
exports.getScalarValue = (...args) => real().getScalarValue(...args);
Object.defineProperty(exports, 'EVENT_ID', { enumerable: true, get: () => real().EVENT_ID });
