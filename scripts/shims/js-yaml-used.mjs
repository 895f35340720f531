// What front-matter.ts uses of js-yaml, re-exported so that the lazy shim (js-yaml.cjs) keeps js-yaml tree-shaken.
export { EVENT_ID, getScalarValue, loadAll, parseEvents } from '../../node_modules/js-yaml/dist/js-yaml.mjs';
