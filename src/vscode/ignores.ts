// Which files workspace analysis skips: `ignores` globs (matched like the CLI,
// relative to the folder of the config that declares them) and .gitignore
// files (gitignore rules, relative to their folder). files.exclude is applied
// by workspace.findFiles itself.
import ignore from 'ignore';
import picomatch from 'picomatch';
import { trimSlashes } from './paths.js';

export interface IgnoreScope {
  /** Folder the patterns are relative to, as a workspace-relative path ('' for the root). */
  base: string;
  matches(path: string): boolean;
}

function normaliseBase(base: string): string {
  return trimSlashes(base);
}

export function gitignoreScope(base: string, text: string): IgnoreScope {
  const matcher = ignore({ allowRelativePaths: true }).add(text);
  return { base: normaliseBase(base), matches: (path) => matcher.ignores(path) };
}

export function globScope(base: string, globs: readonly string[]): IgnoreScope {
  const matcher = globs.length ? picomatch([...globs], { dot: true }) : () => false;
  return { base: normaliseBase(base), matches: (path) => matcher(path) };
}

/** `relativePath` is relative to the workspace folder, with forward slashes. */
export function isIgnored(relativePath: string, scopes: readonly IgnoreScope[]): boolean {
  const path = relativePath.replace(/^\/+/, '');
  return scopes.some((scope) => {
    if (scope.base && !path.startsWith(`${scope.base}/`)) return false;
    const inner = scope.base ? path.slice(scope.base.length + 1) : path;
    return inner !== '' && scope.matches(inner);
  });
}
