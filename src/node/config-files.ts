// Node-side discovery and loading of `.pmpo-lint.json(c)` files. The core parses
// and validates config text and says which folders to search (config-lookup.ts,
// shared with the editor); this module only reads the files, so the CLI and any
// other node code (a worker pool, scripts) resolve configs alike.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, foldersUpwards, parseConfigFile } from '../core/config-lookup.js';
import type { Config } from '../core/config.js';

export { CONFIG_FILE_NAMES };

/** A config file that cannot be used: one line per problem, each naming file:line:column. */
export class ConfigFileError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigFileError';
  }
}

export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** The folder relative globs (`ignores`, `documentKinds`) are matched from. */
  folder: string;
  config: Config;
}

/** Reads and validates one config file; throws ConfigFileError naming every problem's position. */
export function loadConfigFile(path: string): LoadedConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError([`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const { config, problems } = parseConfigFile(text);
  if (problems.length > 0) throw new ConfigFileError(problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message}`));
  return { file, folder: dirname(file), config };
}

/** The config file in `folder` itself, if any (`.json` wins over `.jsonc`). */
export function configFileIn(folder: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(folder, name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Finds the nearest config file above a path, caching per folder so a walk
 * over thousands of files reads each config once.
 */
export class NearestConfigFinder {
  private readonly byFolder = new Map<string, LoadedConfig | null>();

  /** The nearest config for a file (searching from its folder upwards), or undefined. */
  forFile(filePath: string): LoadedConfig | undefined {
    return this.forFolder(dirname(resolve(filePath)));
  }

  forFolder(folder: string): LoadedConfig | undefined {
    const searched: string[] = [];
    let found: LoadedConfig | null = null;
    for (const candidate of foldersUpwards(folder, parentFolder)) {
      const cached = this.byFolder.get(candidate);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      searched.push(candidate);
      const file = configFileIn(candidate);
      if (file) {
        found = loadConfigFile(file);
        break;
      }
    }
    for (const candidate of searched) this.byFolder.set(candidate, found);
    return found ?? undefined;
  }
}

function parentFolder(folder: string): string | undefined {
  const parent = dirname(folder);
  return parent === folder ? undefined : parent;
}
