import { createRequire } from 'node:module';
import { join } from 'node:path';
import { characterEntities } from 'character-entities';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ALIASES } from '../scripts/bundle-aliases.mjs';
import { lint } from '../src/core/index.js';

// scripts/build.mjs swaps this shim in for decode-named-character-reference in every bundle.
const shim = createRequire(import.meta.url)('../scripts/shims/decode-named-character-reference.cjs') as { decodeNamedCharacterReference: (value: string) => string | false };

describe('decode-named-character-reference shim', () => {
  it('decodes every HTML entity name as the package does', () => {
    const names = Object.keys(characterEntities);
    expect(names.length).toBeGreaterThan(2000);
    for (const name of names) expect(shim.decodeNamedCharacterReference(name)).toBe(decodeNamedCharacterReference(name));
  });

  it('returns false for names that are not entities, including inherited object keys', () => {
    for (const name of ['notanentity', 'constructor', 'toString', '__proto__', '', 'AMP;']) {
      expect(shim.decodeNamedCharacterReference(name)).toBe(false);
      expect(decodeNamedCharacterReference(name)).toBe(false);
    }
  });
});

describe('the core bundled with the build\'s aliases', () => {
  const documents = [
    '---\ntitle: Plan\npmpo:\n  kind: roadmap\n  rules: {story-formt: error, mixed-section: info}\n---\n# Plan &amp; goals\n\nOur goal is to grow market share.\n\n- As a shopper, I want caf&eacute; filters so that I find my brand.\n',
    '---\ntitle: [broken\n---\n# Notes &copy;\n\nNothing here &notanentity; at all.\n',
    '# Backlog\n\n- As a user, I want export so that I can share &laquo;reports&raquo;.\n',
  ];

  it('lints exactly as the source does (the shims change when modules load, not what they do)', async () => {
    const root = join(__dirname, '..');
    const result = await build({ entryPoints: ['src/core/index.ts'], absWorkingDir: root, alias: ALIASES, bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'silent' });
    const module = { exports: {} as { lint: typeof lint } };
    new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'src', 'core', 'index.ts')));
    for (const text of documents) expect(module.exports.lint(text, { fileName: 'plan.md' })).toEqual(lint(text, { fileName: 'plan.md' }));
    expect(lint(documents[0], { fileName: 'plan.md' }).findings.map((finding) => finding.ruleId)).toContain('front-matter-config');
  });
});
