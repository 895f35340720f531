import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * Answers "does a .gitignore exclude this path?" for paths below a top folder,
 * reading each folder's .gitignore once. Like git, a path is excluded when it
 * or any folder above it (down from the top) is matched.
 */
export class GitignoreFilter {
  private readonly byFolder = new Map<string, Ignore | null>();

  isIgnored(path: string, top: string, isDirectory = false): boolean {
    const folders = foldersBetween(top, dirname(path));
    for (let i = 0; i < folders.length; i++) {
      const rules = this.rulesIn(folders[i]);
      if (!rules) continue;
      // The folders below this one down to the path: any of them ignored hides the path.
      const below = [...folders.slice(i + 1), path];
      for (let j = 0; j < below.length; j++) {
        const rel = toPosix(relative(folders[i], below[j]));
        const asDirectory = j < below.length - 1 || isDirectory;
        if (rel && rules.ignores(asDirectory ? `${rel}/` : rel)) return true;
      }
    }
    return false;
  }

  private rulesIn(folder: string): Ignore | null {
    if (!this.byFolder.has(folder)) {
      const file = `${folder}${sep}.gitignore`;
      this.byFolder.set(folder, existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null);
    }
    return this.byFolder.get(folder)!;
  }
}

/** top, ..., bottom when bottom is inside top; otherwise only bottom. */
function foldersBetween(top: string, bottom: string): string[] {
  const rel = relative(top, bottom);
  if (rel.startsWith('..')) return [bottom];
  const folders = [top];
  let current = top;
  for (const part of rel.split(sep).filter(Boolean)) {
    current = `${current}${current.endsWith(sep) ? '' : sep}${part}`;
    folders.push(current);
  }
  return folders;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
