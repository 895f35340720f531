// The "Insert template" choices, read from the bundled snippets file so the
// palette and the snippet prefixes can never disagree.
import { parse, type ParseError } from 'jsonc-parser';

export interface TemplateChoice {
  id: string;
  label: string;
  /** First prefix of the snippet in snippets/pmpo-lint.code-snippets. */
  prefix: string;
}

export const TEMPLATE_CHOICES: readonly TemplateChoice[] = [
  { id: 'prd', label: 'PRD', prefix: 'pm-prd' },
  { id: 'roadmap', label: 'Roadmap', prefix: 'pm-roadmap' },
  { id: 'backlog', label: 'Backlog', prefix: 'po-backlog' },
  { id: 'vision', label: 'Vision', prefix: 'pm-vision-doc' },
  { id: 'story', label: 'User story', prefix: 'po-story' },
  { id: 'criteria', label: 'Acceptance criteria', prefix: 'po-criteria' },
];

export interface Template extends TemplateChoice {
  description: string;
  /** Snippet syntax (tab stops, placeholders). */
  body: string;
}

interface SnippetEntry {
  prefix?: string | string[];
  body?: string | string[];
  description?: string;
}

export type TemplatesResult = { templates: Template[]; missing: string[] } | { error: string };

/** Matches the contract's prefixes against a snippets file (JSON with comments allowed). */
export function templatesFromSnippets(text: string): TemplatesResult {
  const errors: ParseError[] = [];
  const data = parse(text, errors, { allowTrailingComma: true }) as Record<string, SnippetEntry> | undefined;
  if (errors.length || !data || typeof data !== 'object') return { error: 'The bundled snippets file is not valid JSON.' };
  const entries = Object.values(data).filter((entry): entry is SnippetEntry => !!entry && typeof entry === 'object');
  const templates: Template[] = [];
  const missing: string[] = [];
  for (const choice of TEMPLATE_CHOICES) {
    const entry = entries.find((candidate) => firstPrefix(candidate) === choice.prefix);
    if (!entry || entry.body === undefined) {
      missing.push(choice.prefix);
      continue;
    }
    const body = Array.isArray(entry.body) ? entry.body.join('\n') : String(entry.body);
    templates.push({ ...choice, description: entry.description ?? '', body });
  }
  return { templates, missing };
}

function firstPrefix(entry: SnippetEntry): string | undefined {
  return Array.isArray(entry.prefix) ? entry.prefix[0] : entry.prefix;
}
