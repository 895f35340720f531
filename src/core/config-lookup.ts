// Where a document's `.pmpo-lint.json(c)` is, and how its text is read: the
// one rule the CLI (node fs) and the editor (vscode.workspace.fs, so virtual
// file systems and vscode.dev too) both follow. No file access here: each
// adapter walks its own folders with these pieces.
import { parseConfigText, type ParsedConfig } from './config.js';

/** Looked for in this order in each folder: `.json` wins over `.jsonc`. */
export const CONFIG_FILE_NAMES = ['.pmpo-lint.json', '.pmpo-lint.jsonc'] as const;
/** Both names as a glob relative to one folder (for file watchers). */
export const CONFIG_FILE_NAMES_GLOB = '.pmpo-lint.{json,jsonc}';

/**
 * The folders searched for the config of a file in `start`, nearest first:
 * `start` and every folder above it up to the root of its file system (not
 * only up to a workspace folder: the nearest file wins wherever it is).
 */
export function* foldersUpwards<Folder>(start: Folder, parent: (folder: Folder) => Folder | undefined): Generator<Folder> {
  for (let folder: Folder | undefined = start; folder !== undefined; folder = parent(folder)) yield folder;
}

const DRIVE_ROOT = /^\/[A-Za-z]:$/;

/** The parent of a URI path (`/a/b` -> `/a`, `/a` -> `/`), undefined at `/` or a drive root (`/c:`). */
export function parentUriPath(path: string): string | undefined {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  const trimmed = path.slice(0, end);
  if (trimmed === '' || DRIVE_ROOT.test(trimmed)) return undefined;
  const cut = trimmed.lastIndexOf('/');
  return cut <= 0 ? '/' : trimmed.slice(0, cut);
}

/** The folder of a URI path (`/a/b/doc.md` -> `/a/b`). */
export function uriPathFolder(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** Parses a config file's text (a UTF-8 byte order mark is ignored). */
export function parseConfigFile(text: string): ParsedConfig {
  return parseConfigText(text.replace(/^\uFEFF/, ''));
}
