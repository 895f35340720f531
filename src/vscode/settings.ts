// Reads the `pmpoLint.*` settings: the editor's own options, and the layer of
// configuration that sits between the built-in defaults and config files.
import { validateConfigValue, type Config } from '../core/config.js';
import { CONFIG_SETTINGS } from './constants.js';

export type RunMode = 'onType' | 'onSave';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface EditorOptions {
  run: RunMode;
  debounceMs: number;
  onlyProductDocuments: boolean;
  codeLens: boolean;
  trace: TraceLevel;
  maxFindingsPerFile: number;
}

export const DEFAULT_EDITOR_OPTIONS: EditorOptions = {
  run: 'onType',
  debounceMs: 300,
  onlyProductDocuments: true,
  codeLens: true,
  trace: 'off',
  maxFindingsPerFile: 200,
};

/** `get(key)` returns the effective value of `pmpoLint.<key>` (VS Code: WorkspaceConfiguration.get). */
export type SettingsReader = (key: string) => unknown;

export function readEditorOptions(get: SettingsReader): EditorOptions {
  const pick = <T>(key: keyof EditorOptions, valid: (value: unknown) => value is T): T => {
    const value = get(key);
    return valid(value) ? value : (DEFAULT_EDITOR_OPTIONS[key] as T);
  };
  return {
    run: pick('run', (value): value is RunMode => value === 'onType' || value === 'onSave'),
    debounceMs: pick('debounceMs', isNonNegativeNumber),
    onlyProductDocuments: pick('onlyProductDocuments', isBoolean),
    codeLens: pick('codeLens', isBoolean),
    trace: pick('trace', (value): value is TraceLevel => value === 'off' || value === 'messages' || value === 'verbose'),
    maxFindingsPerFile: pick('maxFindingsPerFile', isNonNegativeNumber),
  };
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

export interface SettingsConfig {
  config: Config;
  /** One line per setting that was ignored, and why. */
  problems: string[];
}

/**
 * The config layer of the settings. Each key is validated on its own with the
 * same checks as a config file, so one bad setting does not void the others.
 * Empty values (VS Code's defaults) are left out so they change nothing.
 */
export function readSettingsConfig(get: SettingsReader): SettingsConfig {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of CONFIG_SETTINGS) {
    const value = get(key);
    if (isEmpty(value)) continue;
    const errors = validateConfigValue({ [key]: value });
    if (errors.length) problems.push(`Ignoring setting pmpoLint.${key}: ${errors.join('; ')}`);
    else config[key] = value;
  }
  return { config: config as Config, problems };
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
