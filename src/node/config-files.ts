// Node-side discovery and loading of `.pmpo-lint.json(c)` files. The core parses
// and validates config text; this module only finds and reads the files, so the
// CLI and any other node code (a worker pool, scripts) resolve configs alike.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText, type Config } from '../core/config.js';

export const CONFIG_FILE_NAMES = ['.pmpo-lint.json', '.pmpo-lint.jsonc'] as const;

/** A config file that cannot be used; `message` is one line naming file:line:column. */
export class ConfigFileError extends Error {
  constructor(message: string) {
    super(message);
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

/** Reads and validates one config file; throws ConfigFileError naming the first problem's position. */
export function loadConfigFile(path: string): LoadedConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { config, problems } = parseConfigText(text.replace(/^\uFEFF/, ''));
  if (problems.length > 0) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new ConfigFileError(`${file}:${first.line}:${first.column}: ${first.message}${more}`);
  }
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
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const file = configFileIn(folder);
    const parent = dirname(folder);
    const found = file ? loadConfigFile(file) : parent === folder ? undefined : this.forFolder(parent);
    this.byFolder.set(folder, found ?? null);
    return found;
  }
}
