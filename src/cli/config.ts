import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { mergeConfigs, resolveRules, type Config } from '../core/config.js';
import { loadConfigFile, NearestConfigFinder, type LoadedConfig } from '../node/config-files.js';

/** The configuration that applies to one file, with what the walk needs to honour `ignores`. */
export interface FileConfig {
  /** Built-in defaults are applied by the core; this is --config < nearest file. */
  config: Config;
  /** The file name the core sees: relative to the folder of the config that applies, so `documentKinds` globs mean what they say. */
  fileName: string;
}

interface IgnoreLayer {
  folder: string;
  matches: (path: string) => boolean;
}

/** Resolves `--config FILE` < nearest `.pmpo-lint.json(c)` per file, caching per folder. */
export class ConfigResolver {
  private readonly base?: LoadedConfig;
  private readonly finder = new NearestConfigFinder();
  private readonly ignoreLayers = new Map<LoadedConfig, IgnoreLayer | null>();

  constructor(
    private readonly cwd: string,
    configFile?: string,
  ) {
    this.base = configFile === undefined ? undefined : loadConfigFile(resolve(cwd, configFile));
  }

  forFile(filePath: string): FileConfig {
    const nearest = this.finder.forFile(filePath);
    const folder = nearest?.folder ?? this.base?.folder ?? this.cwd;
    return { config: mergeConfigs(this.base?.config, nearest?.config), fileName: relativeName(folder, filePath) };
  }

  /** True when an `ignores` glob of --config or of the nearest config file matches the path. */
  isIgnored(filePath: string): boolean {
    const layers = [this.base, this.finder.forFile(filePath)].map((loaded) => loaded && this.ignoreLayer(loaded));
    return layers.some((layer) => layer && layer.matches(relativeForGlob(layer.folder, this.cwd, filePath)));
  }

  private ignoreLayer(loaded: LoadedConfig): IgnoreLayer | null {
    if (!this.ignoreLayers.has(loaded)) {
      const globs = loaded.config.ignores ?? [];
      this.ignoreLayers.set(loaded, globs.length ? { folder: loaded.folder, matches: picomatch(globs, { dot: true }) } : null);
    }
    return this.ignoreLayers.get(loaded)!;
  }

  /** What --print-config shows: every rule resolved over the defaults, then the other keys. */
  printable(filePath: string): Config {
    const { config } = this.forFile(filePath);
    const rules = Object.fromEntries([...resolveRules(config)].map(([id, rule]) => [id, [rule.severity, rule.options]]));
    return { kind: 'auto', ...config, rules } as Config;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function relativeName(folder: string, filePath: string): string {
  const rel = relative(folder, filePath);
  return rel.startsWith('..') || isAbsolute(rel) ? toPosix(filePath) : toPosix(rel);
}

/** Globs are relative to the config's folder; a file outside it is matched relative to the working folder. */
function relativeForGlob(folder: string, cwd: string, filePath: string): string {
  const rel = relative(folder, filePath);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return toPosix(rel);
  return toPosix(relative(cwd, filePath));
}
