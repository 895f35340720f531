// Module aliases of every bundle (scripts/build.mjs); test/bundle-shims.test.ts bundles with the same ones.
// jsonc-parser's UMD 'main' build uses dynamic requires that a bundle cannot resolve: take its ES module build.
// decode-named-character-reference (its 2,200-entry entity table) and js-yaml (its schemas) do work at load
// that a start-up without a named entity or front matter never needs: their shims load them on first use.
export const ALIASES = {
  'jsonc-parser': 'jsonc-parser/lib/esm/main.js',
  'decode-named-character-reference': './scripts/shims/decode-named-character-reference.cjs',
  'js-yaml': './scripts/shims/js-yaml.cjs',
};
