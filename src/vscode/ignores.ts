// Which files workspace analysis skips: `ignores` globs and .gitignore files,
// each relative to the folder that declares it (files.exclude is applied by
// workspace.findFiles itself).
import ignore, { type Ignore } from 'ignore';

export interface IgnoreScope {
  /** Folder the patterns are relative to, as a path ('' for the workspace folder root). */
  base: string;
  matcher: Ignore;
}

export function createScope(base: string, patterns: readonly string[] | string): IgnoreScope {
  const matcher = ignore({ allowRelativePaths: true }).add(typeof patterns === 'string' ? patterns : [...patterns]);
  return { base: base.replace(/^\/+|\/+$/g, ''), matcher };
}

/** `relativePath` is relative to the workspace folder, with forward slashes. */
export function isIgnored(relativePath: string, scopes: readonly IgnoreScope[]): boolean {
  const path = relativePath.replace(/^\/+/, '');
  return scopes.some((scope) => {
    if (scope.base && !path.startsWith(`${scope.base}/`)) return false;
    const inner = scope.base ? path.slice(scope.base.length + 1) : path;
    return inner !== '' && scope.matcher.ignores(inner);
  });
}
