import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';

const RULE_IDS = [
  'story-format',
  'story-atomic',
  'story-minimal',
  'story-unique',
  'story-uniform',
  'story-needs-criteria',
  'criteria-gherkin',
  'criteria-testable',
  'vision-complete',
];

/** The first ```markdown block after a "## <title>" heading of a docs page. */
function example(page: string, title: string): string {
  const heading = page.indexOf(`\n## ${title}\n`);
  expect(heading, `"## ${title}" heading`).toBeGreaterThan(-1);
  const open = page.indexOf('```markdown\n', heading);
  const close = page.indexOf('\n```', open + 12);
  expect(open, `markdown block under "## ${title}"`).toBeGreaterThan(-1);
  return page.slice(open + '```markdown\n'.length, close + 1);
}

function findingsOf(ruleId: string, text: string) {
  return lint(text, { fileName: 'example.md' }).findings.filter((finding) => finding.ruleId === ruleId);
}

describe.each(RULE_IDS)('docs/rules/%s.md', (ruleId) => {
  const page = readFileSync(new URL(`../../docs/rules/${ruleId}.md`, import.meta.url), 'utf8');

  it('starts with the rule id as its title and has an options section', () => {
    expect(page.startsWith(`# ${ruleId}\n`)).toBe(true);
    expect(page).toContain('\n## Options\n');
  });

  it('its Incorrect example produces a finding of the rule', () => {
    expect(findingsOf(ruleId, example(page, 'Incorrect')).length).toBeGreaterThan(0);
  });

  it('its Correct example produces none', () => {
    expect(findingsOf(ruleId, example(page, 'Correct')).map((finding) => finding.message)).toEqual([]);
  });
});
