import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/index.js';
import { RULES } from '../src/core/rules/index.js';
import { RULES_INDEX_PATH, SCHEMA_PATH, rulesIndexText, schemaText } from '../scripts/gen-schema.js';

const DOCS = join(__dirname, '..', 'docs', 'rules');
const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md') && name !== 'README.md');

/** The page's `## ` sections (headings inside code fences do not count), by title. */
function sectionsOf(page: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  let fence: string | undefined;
  for (const line of page.split('\n')) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && !fence) fence = marker;
    else if (marker && fence && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    if (!fence && line.startsWith('## ')) sections.set(line.slice(3).trim(), (current = []));
    else current.push(line);
  }
  return sections;
}

/** The one ```markdown block under a `## <title>` heading. */
function example(page: string, title: string): string {
  const body = sectionsOf(page).get(title);
  expect(body, `"## ${title}" heading`).toBeDefined();
  const blocks = [...body!.join('\n').matchAll(/^(`{3,}|~{3,})markdown\n([^]*?)\n\1[ \t]*$/gm)];
  expect(blocks, `one markdown block under "## ${title}"`).toHaveLength(1);
  return `${blocks[0][2]}\n`;
}

function findingsOf(text: string, ruleId?: string) {
  return lint(text, { fileName: 'example.md' }).findings.filter((finding) => !ruleId || finding.ruleId === ruleId);
}

describe('rule docs', () => {
  it('every rule has a docs page, and every page is a rule', () => {
    expect(pages.map((name) => name.replace(/\.md$/, '')).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  describe.each(pages)('%s', (name) => {
    const id = name.replace(/\.md$/, '');
    const page = readFileSync(join(DOCS, name), 'utf8');
    const rule = RULES.find((candidate) => candidate.id === id);

    it('is titled with the rule id and states its default severity', () => {
      expect(rule, `rule "${id}" in RULES`).toBeDefined();
      expect(page.split('\n')[0]).toBe(`# ${id}`);
      expect(page).toContain(`**Default severity:** \`${rule!.defaultSeverity}\``);
    });

    it('documents every option with its default in the options table', () => {
      const options = Object.entries(rule!.defaultOptions);
      if (options.length === 0) expect(page).toMatch(/## Options\s+This rule has no options\./);
      for (const [option, value] of options) expect(page).toMatch(new RegExp(`^\\| \`${option}\` \\| [^|]+ \\| \`${JSON.stringify(value).replace(/[[\]]/g, '\\$&')}\` \\|`, 'm'));
    });

    it('the Incorrect example is flagged by the rule', () => {
      expect(findingsOf(example(page, 'Incorrect'), id).length).toBeGreaterThanOrEqual(1);
    });

    it('the Correct example is not, nor by any other rule (readers copy it)', () => {
      expect(findingsOf(example(page, 'Correct'))).toEqual([]);
    });
  });
});

describe('generated files are current (run `npm run schema`)', () => {
  it('schemas/pmpo-lint.schema.json', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8'), 'schema is stale: run npm run schema').toBe(schemaText());
  });

  it('docs/rules/README.md', () => {
    expect(readFileSync(RULES_INDEX_PATH, 'utf8'), 'rule index is stale: run npm run schema').toBe(rulesIndexText());
  });

  it('the rule index lists every rule with its severity and fixability', () => {
    const index = rulesIndexText();
    for (const rule of RULES) expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`);
  });
});
