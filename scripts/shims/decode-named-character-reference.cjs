// Bundles only (see scripts/build.mjs): the same function as the package
// decode-named-character-reference, but its table of 2,200 HTML entity names
// is built the first time a document holds a named character reference
// (`&eacute;`), not every time the extension or the CLI starts.
/* global require, exports */
let entities;

exports.decodeNamedCharacterReference = function decodeNamedCharacterReference(value) {
  // A require inside the function is what lets esbuild defer the table's module until this first call.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  entities ??= require('character-entities').characterEntities;
  return Object.hasOwn(entities, value) ? entities[value] : false;
};
