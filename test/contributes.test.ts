// Every file package.json points the editor at must ship with the extension: a
// missing snippet or grammar file fails silently in VS Code, so fail here.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const packageJson = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/** Keys whose string values are files inside the extension, wherever they sit in `contributes`. */
const PATH_KEYS = new Set(['path', 'url', 'icon', 'image', 'markdown', 'svg', 'configuration', 'fontPath']);
/** light/dark are files under an icon or image, but colour ids under `colors[].defaults`. */
const THEMED_PARENTS = new Set(['icon', 'image', 'svg']);

interface ContributedPath {
  /** Where in package.json, e.g. contributes.grammars[0].path */
  where: string;
  value: string;
}

/** Relative file references only: not URLs, codicons ($(gear)) or setting objects. */
function isFileReference(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('$(') && !value.startsWith('#') && value.trim() !== '';
}

function collectPaths(node: unknown, where: string, parentKey = ''): ContributedPath[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectPaths(item, `${where}[${i}]`, parentKey));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${where}.${key}`;
    if (typeof value !== 'string') return collectPaths(value, here, key);
    const isPathKey = PATH_KEYS.has(key) || ((key === 'light' || key === 'dark') && THEMED_PARENTS.has(parentKey));
    return isPathKey && isFileReference(value) ? [{ where: here, value }] : [];
  });
}

function contributedPaths(pkg: Record<string, unknown>): ContributedPath[] {
  const top = typeof pkg.icon === 'string' ? [{ where: 'icon', value: pkg.icon }] : [];
  return [...top, ...collectPaths(pkg.contributes ?? {}, 'contributes')];
}

function missing(paths: ContributedPath[]): string[] {
  return paths.filter(({ value }) => !existsSync(resolve(root, value))).map(({ where, value }) => `${where}: ${value}`);
}

describe('package.json contributes', () => {
  const paths = contributedPaths(packageJson);

  it('references the snippets and the grammar', () => {
    const values = paths.map((entry) => entry.value);
    expect(values).toContain('./snippets/pmpo-lint.code-snippets');
    expect(values).toContain('./syntaxes/pmpo-lint.injection.tmLanguage.json');
  });

  it('references only files that exist', () => {
    expect(missing(paths)).toEqual([]);
  });

  it('reports a reference to a missing file, anywhere in contributes (the check can fail)', () => {
    const broken = {
      icon: 'images/nope.png',
      contributes: {
        snippets: [{ language: 'markdown', path: './snippets/nope.code-snippets' }],
        jsonValidation: [{ fileMatch: '.pmpo-lint.json', url: './schemas/nope.schema.json' }, { fileMatch: 'x.json', url: 'https://example.com/s.json' }],
        walkthroughs: [{ steps: [{ media: { image: { light: 'media/nope-light.png', dark: 'media/nope-dark.png' }, altText: 'x' } }] }],
        commands: [{ command: 'x', icon: '$(gear)' }],
        colors: [{ id: 'pmpoLint.mixed', defaults: { light: 'editorWarning.foreground', dark: '#cca700' } }],
      },
    };
    expect(missing(contributedPaths(broken))).toEqual([
      'icon: images/nope.png',
      'contributes.snippets[0].path: ./snippets/nope.code-snippets',
      'contributes.jsonValidation[0].url: ./schemas/nope.schema.json',
      'contributes.walkthroughs[0].steps[0].media.image.light: media/nope-light.png',
      'contributes.walkthroughs[0].steps[0].media.image.dark: media/nope-dark.png',
    ]);
  });

  it('contributes JSON files that parse, and grammars under the scope names they declare', () => {
    for (const { value } of paths.filter((entry) => /\.(?:json|code-snippets)$/.test(entry.value))) {
      expect(() => JSON.parse(readFileSync(resolve(root, value), 'utf8')), value).not.toThrow();
    }
    for (const grammar of packageJson.contributes?.grammars ?? []) {
      const declared = JSON.parse(readFileSync(resolve(root, grammar.path), 'utf8'));
      expect(declared.scopeName).toBe(grammar.scopeName);
    }
  });
});
