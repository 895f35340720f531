import { EVENT_ID, getScalarValue, loadAll, parseEvents, type Event } from 'js-yaml';
import { validateConfigValue, type Config } from './config.js';

/** One reason a `pmpo:` setting in front matter was not applied. */
export interface FrontMatterProblem {
  /** Dotted path of the offending key (`pmpo.rules.story-formt`); absent when the YAML itself does not parse. */
  key?: string;
  /** Why, in one line. */
  message: string;
  /** Offsets in the document text of the key (or of the YAML error: both the same). */
  start: number;
  end: number;
}

export interface FrontMatter {
  /** Offset just past the closing fence line (where an inserted comment goes). */
  endOffset: number;
  /** Offset of the first YAML character (just past the opening fence line). */
  yamlStart: number;
  /** Offset of the closing fence line. */
  yamlEnd: number;
  /** The `pmpo:` object, when present (only the settings that validate). */
  pmpo?: Config;
  /** Set when the YAML does not parse, `pmpo` is not an object, or settings were dropped. */
  problems?: FrontMatterProblem[];
}

export type YamlResult = { value: unknown } | { error: string; offset: number };

const FENCE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** More values than any front matter needs; aliases (`*a`) can make a few lines expand past it. */
const MAX_VALUES = 10_000;
/** Settings whose value is an object validated key by key, so one bad entry drops only that entry. */
const KEYED_SETTINGS = new Set(['rules', 'cues', 'documentKinds']);

/** Parses one YAML document with the YAML 1.2 core schema; an empty or comment-only text is null. */
export function parseYaml(text: string): YamlResult {
  try {
    const documents = loadAll(text);
    if (documents.length > 1) return { error: 'it holds more than one YAML document', offset: 0 };
    if (expandsPast(documents[0], MAX_VALUES)) return { error: `its aliases expand to more than ${MAX_VALUES} values`, offset: 0 };
    return { value: documents[0] ?? null };
  } catch (error) {
    const { reason, mark, message } = error as { reason?: string; mark?: { position: number }; message?: string };
    return { error: reason ?? String(message).split('\n')[0], offset: Math.min(mark?.position ?? 0, text.length) };
  }
}

/** True when walking the value (aliases expanded, cycles followed) meets more than `limit` values. */
function expandsPast(value: unknown, limit: number): boolean {
  const pending = [value];
  for (let seen = 0; pending.length > 0; seen++) {
    if (seen + pending.length > limit) return true;
    const next = pending.pop();
    if (next && typeof next === 'object') for (const child of Object.values(next)) pending.push(child);
  }
  return false;
}

let last: { text: string; value: FrontMatter | undefined } | undefined;

/**
 * Reads YAML front matter at the very start of the text (as remark-frontmatter
 * does; a leading BOM is skipped). The last result is kept: the linter and the
 * front-matter-config rule both ask for it on every keystroke.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const fence = fenceOf(text);
  const source = fence ? text.slice(0, fence.endOffset) : '';
  if (last?.text !== source) last = { text: source, value: fence && { ...fence, ...readPmpo(text.slice(fence.yamlStart, fence.yamlEnd), fence.yamlStart) } };
  return last.value;
}

function fenceOf(text: string): Pick<FrontMatter, 'endOffset' | 'yamlStart' | 'yamlEnd'> | undefined {
  const open = FENCE.exec(text);
  if (!open) return undefined;
  let offset = open[0].length;
  while (offset <= text.length) {
    const lineEnd = text.indexOf('\n', offset);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (CLOSING.test(text.slice(offset, end).replace(/\r$/, ''))) return { endOffset: lineEnd === -1 ? text.length : lineEnd + 1, yamlStart: open[0].length, yamlEnd: offset };
    if (lineEnd === -1) return undefined;
    offset = lineEnd + 1;
  }
  return undefined;
}

function readPmpo(yaml: string, base: number): Pick<FrontMatter, 'pmpo' | 'problems'> {
  const parsed = parseYaml(yaml);
  if ('error' in parsed) return { problems: [{ message: `front matter is not valid YAML: ${parsed.error}`, start: base + parsed.offset, end: base + parsed.offset }] };
  const data = parsed.value;
  if (!data || typeof data !== 'object' || !('pmpo' in data)) return {};
  const pmpo = (data as { pmpo: unknown }).pmpo;
  const at = (path: string[]) => {
    const [start, end] = keySpans(yaml).get(path.join('\u0000')) ?? [0, 0];
    return { key: path.join('.'), start: base + start, end: base + end };
  };
  if (!isPlainObject(pmpo)) return { problems: [{ message: '"pmpo" must be a mapping of pmpo-lint settings', ...at(['pmpo']) }] };
  const { layer, problems } = validLayer(pmpo);
  const located = problems.map(({ path, message }) => ({ message, ...at(['pmpo', ...path]) }));
  return { pmpo: layer, ...(located.length ? { problems: located } : {}) };
}

interface LayerProblem {
  path: string[];
  message: string;
}

/**
 * Keeps the settings that validate like a config file and drops the rest, so
 * one typo in front matter neither crashes the linter nor disables the rest
 * of the layer (a bad rule setting drops that rule only).
 */
function validLayer(pmpo: Record<string, unknown>): { layer: Config; problems: LayerProblem[] } {
  const problems: LayerProblem[] = [];
  const keep = (path: string[], value: Record<string, unknown>) => {
    const found = validateConfigValue(value);
    problems.push(...found.map((message) => ({ path, message })));
    return found.length === 0;
  };
  const layer: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pmpo)) {
    if (KEYED_SETTINGS.has(key) && isPlainObject(value)) {
      layer[key] = Object.fromEntries(Object.entries(value).filter(([child, setting]) => keep([key, child], { [key]: { [child]: setting } })));
    } else if (keep([key], { [key]: value })) {
      layer[key] = value;
    }
  }
  return { layer: layer as Config, problems };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

interface Frame {
  path: string[];
  /** Mappings alternate key, value; sequences count items. */
  mapping: boolean;
  expectKey: boolean;
  key?: string;
  index: number;
}

/**
 * Start and end offsets of every scalar mapping key in the YAML, by its path
 * (segments joined by NUL). Only called when there is a problem to point at.
 */
function keySpans(yaml: string): Map<string, [number, number]> {
  const offsets = new Map<string, [number, number]>();
  let events: Event[];
  try {
    events = parseEvents(yaml, {});
  } catch {
    return offsets;
  }
  const stack: Frame[] = [];
  const childPath = (frame: Frame | undefined): string[] | undefined => {
    if (!frame) return [];
    if (!frame.mapping) return [...frame.path, String(frame.index++)];
    if (frame.expectKey) return undefined;
    return frame.key === undefined ? undefined : [...frame.path, frame.key];
  };
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      const parent = stack.at(-1);
      if (parent?.mapping) parent.expectKey = !parent.expectKey;
      continue;
    }
    const parent = stack.at(-1);
    const isKey = parent?.mapping === true && parent.expectKey;
    const path = childPath(parent);
    if (event.type === EVENT_ID.SCALAR && isKey) {
      parent.key = getScalarValue(yaml, event);
      offsets.set([...parent.path, parent.key].join('\u0000'), [event.valueStart, event.valueEnd]);
    } else if (isKey) {
      parent.key = undefined;
    }
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      stack.push({ path: path ?? ['\u0001'], mapping: event.type === EVENT_ID.MAPPING, expectKey: true, index: 0 });
    } else if (parent?.mapping) {
      parent.expectKey = !parent.expectKey;
    }
  }
  return offsets;
}
