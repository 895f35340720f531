import { parse as parseYaml } from 'yaml';
import { validateConfigValue, type Config } from './config.js';

export interface FrontMatter {
  /** Offset just past the closing fence line (where an inserted comment goes). */
  endOffset: number;
  /** The `pmpo:` object, when present. */
  pmpo?: Config;
  /** Set when the YAML does not parse or `pmpo` is not an object. */
  problem?: string;
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** Reads YAML front matter at the very start of the text (as remark-frontmatter does). */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const open = FENCE.exec(text);
  if (!open) return undefined;
  let offset = open[0].length;
  while (offset <= text.length) {
    const lineEnd = text.indexOf('\n', offset);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const line = text.slice(offset, end).replace(/\r$/, '');
    if (CLOSING.test(line)) {
      const yaml = text.slice(open[0].length, offset);
      return { endOffset: lineEnd === -1 ? text.length : lineEnd + 1, ...readPmpo(yaml) };
    }
    if (lineEnd === -1) return undefined;
    offset = lineEnd + 1;
  }
  return undefined;
}

function readPmpo(yaml: string): Pick<FrontMatter, 'pmpo' | 'problem'> {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    return { problem: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (!data || typeof data !== 'object' || !('pmpo' in data)) return {};
  const pmpo = (data as { pmpo: unknown }).pmpo;
  if (!pmpo || typeof pmpo !== 'object' || Array.isArray(pmpo)) return { problem: 'front matter "pmpo" must be an object' };
  return validLayer(pmpo as Record<string, unknown>);
}

/**
 * Keeps the settings that validate like a config file and drops the rest, so
 * one typo in front matter neither crashes the linter nor disables the rest
 * of the layer (a bad rule setting drops that rule only).
 */
function validLayer(pmpo: Record<string, unknown>): Pick<FrontMatter, 'pmpo' | 'problem'> {
  const problems: string[] = [];
  const keep = (value: Record<string, unknown>) => {
    const found = validateConfigValue(value);
    problems.push(...found);
    return found.length === 0;
  };
  const layer: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pmpo)) {
    if (key === 'rules' && value && typeof value === 'object' && !Array.isArray(value)) {
      layer.rules = Object.fromEntries(Object.entries(value).filter(([id, setting]) => keep({ rules: { [id]: setting } })));
    } else if (keep({ [key]: value })) {
      layer[key] = value;
    }
  }
  const problem = problems.length ? `front matter "pmpo": ${problems.join('; ')}` : undefined;
  return { pmpo: layer as Config, ...(problem ? { problem } : {}) };
}
