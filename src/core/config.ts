import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { UserCues } from './cues/index.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { RuleOptions } from './rules/types.js';
import { LineIndex } from './text.js';
import type { Kind, SeveritySetting } from './types.js';

export type ProductKind = Exclude<Kind, 'unknown'>;
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, RuleOptions];

export interface Config {
  kind?: ProductKind | 'auto';
  rules?: Record<string, RuleSetting>;
  cues?: UserCues;
  documentKinds?: Partial<Record<ProductKind, string[]>>;
  ignores?: string[];
  maxFileSizeKB?: number;
}

export interface ResolvedRule {
  severity: SeveritySetting;
  options: RuleOptions;
}

export const DEFAULT_MAX_FILE_SIZE_KB = 2048;
export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const KIND_SETTINGS = ['auto', 'prd', 'roadmap', 'backlog', 'vision'];
const TOP_LEVEL_KEYS = ['$schema', 'kind', 'rules', 'cues', 'documentKinds', 'ignores', 'maxFileSizeKB'];

/** Later layers win; rule options merge key by key, lists (cues, ignores, globs) add up. */
export function mergeConfigs(...layers: (Config | undefined)[]): Config {
  const merged: Config = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.kind !== undefined) merged.kind = layer.kind;
    if (layer.maxFileSizeKB !== undefined) merged.maxFileSizeKB = layer.maxFileSizeKB;
    if (layer.ignores) merged.ignores = [...(merged.ignores ?? []), ...layer.ignores];
    if (layer.cues) {
      merged.cues = {
        strategic: [...(merged.cues?.strategic ?? []), ...(layer.cues.strategic ?? [])],
        tactical: [...(merged.cues?.tactical ?? []), ...(layer.cues.tactical ?? [])],
      };
    }
    if (layer.documentKinds) {
      merged.documentKinds = { ...merged.documentKinds };
      for (const [kind, globs] of Object.entries(layer.documentKinds) as [ProductKind, string[]][]) {
        merged.documentKinds[kind] = [...(merged.documentKinds[kind] ?? []), ...globs];
      }
    }
    if (layer.rules) {
      merged.rules = { ...merged.rules };
      for (const [id, setting] of Object.entries(layer.rules)) {
        merged.rules[id] = mergeRuleSetting(merged.rules[id], setting);
      }
    }
  }
  return merged;
}

function mergeRuleSetting(base: RuleSetting | undefined, next: RuleSetting): RuleSetting {
  const [severity, options] = splitSetting(next);
  const [, baseOptions] = base === undefined ? [undefined, {}] : splitSetting(base);
  return [severity, { ...baseOptions, ...options }];
}

function splitSetting(setting: RuleSetting): [SeveritySetting, RuleOptions] {
  return Array.isArray(setting) ? [setting[0], setting[1] ?? {}] : [setting, {}];
}

/** Severity and options of every rule after applying the config over the defaults. */
export function resolveRules(config: Config): Map<string, ResolvedRule> {
  const resolved = new Map<string, ResolvedRule>();
  for (const rule of RULES) {
    const setting = config.rules?.[rule.id];
    const [severity, options] = setting === undefined ? [rule.defaultSeverity, {}] : splitSetting(setting);
    resolved.set(rule.id, { severity, options: { ...rule.defaultOptions, ...options } });
  }
  return resolved;
}

export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
}

export interface ParsedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/**
 * Parses and validates a `.pmpo-lint.json(c)` text. Every problem names its
 * line, column and key, so the CLI and the editor can point at it.
 */
export function parseConfigText(text: string): ParsedConfig {
  const index = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number) => {
    const point = index.point(offset);
    return { line: point.line, column: point.column };
  };
  if (errors.length > 0) {
    const first = errors[0];
    return { config: {}, problems: [{ message: `syntax error: ${describeParseError(printParseErrorCode(first.error))}`, ...at(first.offset) }] };
  }
  if (!tree || tree.type !== 'object') {
    return { config: {}, problems: [{ message: 'the configuration must be a JSON object', ...at(tree?.offset ?? 0) }] };
  }
  const problems = validateConfigTree(tree).map(({ message, offset }) => ({ message, ...at(offset) }));
  return { config: problems.length ? {} : (toValue(tree) as Config), problems };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((prop) => [prop.children![0].value, toValue(prop.children![1])]));
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

interface TreeProblem {
  message: string;
  offset: number;
}

function validateConfigTree(tree: JsonNode): TreeProblem[] {
  const problems: TreeProblem[] = [];
  for (const prop of tree.children ?? []) {
    const [keyNode, valueNode] = prop.children!;
    const key = String(keyNode.value);
    if (!TOP_LEVEL_KEYS.includes(key)) problems.push({ message: `unknown key "${key}"`, offset: keyNode.offset });
    else problems.push(...validateKey(key, valueNode));
  }
  return problems;
}

function validateKey(key: string, node: JsonNode): TreeProblem[] {
  const fail = (message: string): TreeProblem[] => [{ message, offset: node.offset }];
  switch (key) {
    case 'kind':
      return KIND_SETTINGS.includes(String(node.value)) && node.type === 'string' ? [] : fail(`"kind" must be one of ${KIND_SETTINGS.join(', ')}`);
    case 'maxFileSizeKB':
      return node.type === 'number' && node.value > 0 ? [] : fail('"maxFileSizeKB" must be a positive number');
    case 'ignores':
      return isStringArray(node) ? [] : fail('"ignores" must be an array of glob strings');
    case 'cues':
      return validateObjectOf(node, 'cues', ['strategic', 'tactical'], (child, name) => (isStringArray(child) ? [] : [{ message: `"cues.${name}" must be an array of literal terms`, offset: child.offset }]));
    case 'documentKinds':
      return validateObjectOf(node, 'documentKinds', KIND_SETTINGS.slice(1), (child, name) => (isStringArray(child) ? [] : [{ message: `"documentKinds.${name}" must be an array of glob strings`, offset: child.offset }]));
    case 'rules':
      return validateRules(node);
    default:
      return [];
  }
}

function isStringArray(node: JsonNode): boolean {
  return node.type === 'array' && (node.children ?? []).every((child) => child.type === 'string');
}

function validateObjectOf(node: JsonNode, name: string, keys: string[], check: (child: JsonNode, key: string) => TreeProblem[]): TreeProblem[] {
  if (node.type !== 'object') return [{ message: `"${name}" must be an object`, offset: node.offset }];
  return (node.children ?? []).flatMap((prop) => {
    const [keyNode, valueNode] = prop.children!;
    const key = String(keyNode.value);
    return keys.includes(key) ? check(valueNode, key) : [{ message: `unknown key "${name}.${key}"`, offset: keyNode.offset }];
  });
}

function validateRules(node: JsonNode): TreeProblem[] {
  if (node.type !== 'object') return [{ message: '"rules" must be an object', offset: node.offset }];
  return (node.children ?? []).flatMap((prop) => {
    const [keyNode, valueNode] = prop.children!;
    const id = String(keyNode.value);
    if (!RULE_IDS.has(id)) return [{ message: `unknown rule "${id}"`, offset: keyNode.offset }];
    return validateRuleSetting(id, valueNode);
  });
}

function validateRuleSetting(id: string, node: JsonNode): TreeProblem[] {
  const severityNode = node.type === 'array' ? node.children?.[0] : node;
  const badSeverity = (offset: number) => [{ message: `rule "${id}": severity must be one of ${SEVERITIES.join(', ')}`, offset }];
  if (!severityNode || severityNode.type !== 'string' || !SEVERITIES.includes(severityNode.value)) return badSeverity(severityNode?.offset ?? node.offset);
  if (node.type === 'array' && (node.children?.length ?? 0) > 2) return [{ message: `rule "${id}": expected [severity] or [severity, {options}]`, offset: node.children![2].offset }];
  const optionsNode = node.type === 'array' ? node.children?.[1] : undefined;
  if (!optionsNode) return [];
  if (optionsNode.type !== 'object') return [{ message: `rule "${id}": options must be an object`, offset: optionsNode.offset }];
  const defaults = RULES.find((rule) => rule.id === id)!.defaultOptions;
  return (optionsNode.children ?? []).flatMap((prop) => {
    const [keyNode, valueNode] = prop.children!;
    const key = String(keyNode.value);
    if (!(key in defaults)) return [{ message: `rule "${id}": unknown option "${key}"`, offset: keyNode.offset }];
    return sameShape(defaults[key], toValue(valueNode)) ? [] : [{ message: `rule "${id}": option "${key}" must be ${shapeName(defaults[key])}`, offset: valueNode.offset }];
  });
}

function shapeName(value: unknown): string {
  if (Array.isArray(value)) return value.length ? `an array of ${typeof value[0]}s` : 'an array';
  return `a ${typeof value}`;
}

/** The option's value has the type of its default (arrays: the type of the default's items). */
function sameShape(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && (expected.length === 0 || actual.every((item) => sameShape(expected[0], item)));
  return typeof expected === typeof actual && actual !== null && Array.isArray(expected) === Array.isArray(actual);
}

/** Validates an already-parsed value (front matter, editor settings) the same way as a file. */
export function validateConfigValue(value: unknown): string[] {
  const text = JSON.stringify(value ?? {});
  return parseConfigText(text).problems.map((problem) => problem.message);
}
