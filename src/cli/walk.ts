import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ConfigResolver } from './config.js';
import { UsageError } from './errors.js';
import { GitignoreFilter } from './gitignore.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface FoundFile {
  filePath: string;
  /** Named on the command line rather than found by a walk or a glob. */
  explicit: boolean;
}

export interface WalkContext {
  cwd: string;
  resolver: ConfigResolver;
}

/**
 * Expands the command line's files, folders and globs into Markdown files
 * (a glob is matched against the Markdown files below its static base).
 * Walks and globs honour .gitignore files and config `ignores`; files named
 * explicitly are taken as they are.
 */
export async function findFiles(targets: readonly string[], context: WalkContext): Promise<FoundFile[]> {
  const gitignore = new GitignoreFilter();
  const found = new Map<string, FoundFile>();
  const add = (file: FoundFile) => {
    if (!found.get(file.filePath)?.explicit) found.set(file.filePath, file);
  };
  for (const target of targets.length ? targets : ['.']) {
    for (const file of await expandTarget(target, context, gitignore)) add(file);
  }
  if (found.size === 0) {
    const where = targets.length ? targets.join(', ') : context.cwd;
    throw new UsageError(`no Markdown file found in ${where}`);
  }
  return [...found.values()];
}

async function expandTarget(target: string, context: WalkContext, gitignore: GitignoreFilter): Promise<FoundFile[]> {
  const path = resolve(context.cwd, target);
  const stats = statOrUndefined(path);
  if (stats?.isFile()) return [{ filePath: path, explicit: true }];
  const keep = (file: string, top: string) => !gitignore.isIgnored(file, top) && !context.resolver.isIgnored(file);
  if (stats?.isDirectory()) {
    const top = isInside(context.cwd, path) ? context.cwd : path;
    return walkFolder(path, top, gitignore).filter((file) => keep(file, top)).map((filePath) => ({ filePath, explicit: false }));
  }
  if (picomatch.scan(target).isGlob) {
    const base = resolve(context.cwd, picomatch.scan(target).base || '.');
    if (!statOrUndefined(base)?.isDirectory()) return [];
    const top = isInside(context.cwd, base) ? context.cwd : base;
    const matches = picomatch(toPosix(target), { dot: false });
    const matchable = (file: string) => (isAbsolute(target) ? toPosix(file) : toPosix(relative(context.cwd, file)));
    return walkFolder(base, top, gitignore)
      .filter((file) => matches(matchable(file)) && keep(file, top))
      .map((filePath) => ({ filePath, explicit: false }));
  }
  throw new UsageError(`no such file or directory: ${target}`);
}

/** Markdown files below a folder, in a stable order; ignored folders are not entered. */
function walkFolder(folder: string, top: string, gitignore: GitignoreFilter): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Symbolic links to folders are not followed: they can loop.
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIPPED.has(entry.name) && !gitignore.isIgnored(path, top, true)) files.push(...walkFolder(path, top, gitignore));
    } else if (isMarkdown(entry.name) && isFile(entry, path)) {
      files.push(path);
    }
  }
  return files;
}

function isFile(entry: Dirent, path: string): boolean {
  return entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(path)?.isFile() === true);
}

export function isMarkdown(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
