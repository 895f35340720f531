// The config lookup rule the CLI and the editor share: which folders, which names, how problems read.
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, foldersUpwards, parentUriPath, parseConfigFile, uriPathFolder } from '../src/core/config-lookup';

describe('config lookup', () => {
  it('walks every folder up to the root, or to a drive root', () => {
    expect([...foldersUpwards('/ws/a/b', parentUriPath)]).toEqual(['/ws/a/b', '/ws/a', '/ws', '/']);
    expect([...foldersUpwards('/c:/ws', parentUriPath)]).toEqual(['/c:/ws', '/c:']);
    expect([...foldersUpwards('/ws/a/', parentUriPath)]).toEqual(['/ws/a/', '/ws', '/']);
    expect(parentUriPath('/')).toBeUndefined();
    expect(parentUriPath('/'.repeat(50_000))).toBeUndefined();
  });

  it('takes the folder of a document path', () => {
    expect(uriPathFolder('/ws/docs/prd.md')).toBe('/ws/docs');
    expect(uriPathFolder('/prd.md')).toBe('/');
  });

  it('looks for .json before .jsonc', () => {
    expect(CONFIG_FILE_NAMES).toEqual(['.pmpo-lint.json', '.pmpo-lint.jsonc']);
  });

  it('ignores a byte order mark and gives every problem its line and column', () => {
    expect(parseConfigFile('\uFEFF{"kind": "prd"}')).toEqual({ config: { kind: 'prd' }, problems: [] });
    const { problems } = parseConfigFile('{\n  "kind": "novel",\n  "rules": {"nope": "warning"}\n}');
    expect(problems.map(({ line, column }) => [line, column])).toEqual([[2, 11], [3, 13]]);
  });
});
