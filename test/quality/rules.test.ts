import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/core/config.js';
import { applyEdits } from '../../src/core/fixes.js';
import { lint } from '../../src/core/index.js';
import { crossDocumentStoryFindings } from '../../src/core/rules/story-unique.js';
import type { Config } from '../../src/core/config.js';

const BACKLOG = '---\npmpo:\n  kind: backlog\n---\n# Backlog\n\n';

function findings(ruleId: string, body: string, config: Config = {}, front = BACKLOG) {
  const text = `${front}${body}\n`;
  return { text, list: lint(text, { fileName: 'doc.md', config }).findings.filter((finding) => finding.ruleId === ruleId) };
}

function marked(text: string, finding: { range: { start: { offset: number }; end: { offset: number } } }): string {
  return text.slice(finding.range.start.offset, finding.range.end.offset);
}

describe('story-format', () => {
  it('reports a missing benefit and offers a ", so that" snippet right after the goal', () => {
    const { text, list } = findings('story-format', '- As a bank customer, I want to freeze my card from the app.');
    expect(list).toHaveLength(1);
    expect(list[0].message).toMatch(/no benefit/);
    const suggestion = list[0].suggestions![0];
    expect(suggestion.snippet).toBe(', so that ${1:benefit}');
    expect(applyEdits(text, [suggestion.fix]).text).toContain('from the app, so that benefit.');
  });

  it('reports a missing role with an "As a" suggestion, and a missing goal', () => {
    const role = findings('story-format', '- I want to export my data so that I can do my taxes.');
    expect(role.list[0].message).toMatch(/no role/);
    expect(applyEdits(role.text, [role.list[0].suggestions![0].fix]).text).toContain('- As a role, I want to export');
    expect(findings('story-format', '- As a claims handler, so that fraud is caught early.').list[0].message).toMatch(/no goal/);
  });

  it('accepts variants and stays quiet with requireBenefit off', () => {
    expect(findings('story-format', '- In order to plan, as a driver, I want tomorrow\'s route.').list).toEqual([]);
    expect(findings('story-format', '- When a build fails, I want the failing test, so I can fix it.').list).toEqual([]);
    expect(findings('story-format', '- As a nurse, I want the ward schedule.', { rules: { 'story-format': ['warning', { requireBenefit: false }] } }).list).toEqual([]);
  });

  it('checks story tables cell by cell', () => {
    const { list } = findings('story-format', '| As a | I want | So that |\n|---|---|---|\n| tutor | to see missed quizzes | |');
    expect(list).toHaveLength(1);
    expect(list[0].message).toMatch(/no benefit/);
  });
});

describe('story-atomic', () => {
  it('flags two actions and marks the conjunction', () => {
    const { text, list } = findings('story-atomic', '- As an admin, I want to create and delete accounts so that I control access.');
    expect(list).toHaveLength(1);
    expect(marked(text, list[0])).toBe(' and ');
    expect(list[0].suggestions).toBeUndefined();
  });

  it('offers a split that keeps every word and re-lints clean', () => {
    const body = '- As a nurse, I want to record vitals and print a discharge summary so that the handover is complete.';
    const { text, list } = findings('story-atomic', body);
    const fixed = applyEdits(text, [list[0].suggestions![0].fix]).text;
    expect(fixed).toContain('- As a nurse, I want to record vitals so that the handover is complete.\n- As a nurse, I want to print a discharge summary so that the handover is complete.');
    for (const word of body.split(/\W+/).filter((w) => w && w !== 'and')) expect(fixed).toContain(word);
    expect(lint(fixed, { fileName: 'doc.md' }).findings.filter((f) => f.ruleId === 'story-atomic')).toEqual([]);
  });

  it('leaves noun phrases, fixed pairs and the benefit alone', () => {
    expect(findings('story-atomic', '- As an admin, I want to see each name and email address so that I can contact them.').list).toEqual([]);
    expect(findings('story-atomic', '- As a shopper, I want to accept the terms and conditions so that I can order.').list).toEqual([]);
    expect(findings('story-atomic', '- As a nurse, I want allergy alerts so that I avoid harm and document the check.').list).toEqual([]);
  });
});

describe('story-minimal', () => {
  it('points at the bracketed note and at a trailing sentence', () => {
    const note = findings('story-minimal', '- As a shopper, I want to save my address (home or work) so that checkout is faster.');
    expect(marked(note.text, note.list[0])).toBe('(home or work)');
    const trailing = findings('story-minimal', '- As a driver, I want offline maps so that I can drive in tunnels. Three depots asked for it.');
    expect(marked(trailing.text, trailing.list[0])).toBe('Three depots asked for it.');
  });

  it('ignores ids, estimates and notes in nested items', () => {
    expect(findings('story-minimal', '- US-3: As a driver, I want offline maps so that I can drive in tunnels (5 pts)\n  - e.g. the A9 tunnel').list).toEqual([]);
  });
});

describe('story-unique', () => {
  it('reports the repeat with the first occurrence as related', () => {
    const { list } = findings('story-unique', '- As a gamer, I want cloud saves so that I can switch devices.\n- As a gamer, I want the cloud saves so that I can switch devices!');
    expect(list).toHaveLength(1);
    expect(list[0].range.start.line).toBe(8);
    expect(list[0].related[0].range.start.line).toBe(7);
  });

  it('finds stories shared between documents, and respects severity off', () => {
    const a = `${BACKLOG}- As a tutor, I want missed quiz lists so that I follow up.\n- As a tutor, I want grade exports so that I file grades.\n`;
    const b = `${BACKLOG}Intro.\n\n- As a Tutor, I want missed quiz lists, so that I follow up\n`;
    const files = [
      { fileName: 'a.md', text: a, result: lint(a, { fileName: 'a.md' }) },
      { fileName: 'b.md', text: b, result: lint(b, { fileName: 'b.md' }) },
    ];
    const found = crossDocumentStoryFindings(files);
    expect(found.get('a.md')!.map((f) => [f.ruleId, f.range.start.line])).toEqual([['story-unique', 7]]);
    expect(found.get('b.md')![0].message).toContain('a.md (line 7)');
    expect(crossDocumentStoryFindings([files[0], { ...files[1], severity: 'off' }]).has('b.md')).toBe(false);
  });

  it('places shared stories in later top-level sections at their own lines, also after an edit elsewhere', () => {
    const story = '- As a tutor, I want missed quiz lists so that I follow up.';
    const a = `${BACKLOG}Intro.\n\n# Later\n\n${story}\n`;
    const b = `${BACKLOG}${story}\n`;
    const run = (text: string) =>
      crossDocumentStoryFindings([
        { fileName: 'a.md', text, result: lint(text, { fileName: 'a.md' }) },
        { fileName: 'b.md', text: b, result: lint(b, { fileName: 'b.md' }) },
      ]);
    const first = run(a).get('a.md')!;
    expect(first.map((f) => [f.range.start.line, f.range.start.column])).toEqual([[11, 3]]);
    const edited = a.replace('Intro.', 'A longer intro\nover two lines.');
    expect(run(edited).get('a.md')!.map((f) => f.range.start.line)).toEqual([12]);
    expect(run(edited).get('b.md')![0].message).toContain('a.md (line 12)');
  });
});

describe('story-uniform', () => {
  const mixed = '- As a teacher, I want quizzes so that I save time.\n- As a teacher, I want exports so that I file grades.\n- As a student, I can retake quizzes so that I learn.';
  it('flags the story that departs from the common template', () => {
    const { list } = findings('story-uniform', mixed);
    expect(list.map((f) => f.range.start.line)).toEqual([9]);
    expect(list[0].message).toMatch(/"I can" where 2 of 3 stories/);
  });
  it('honours minStories', () => {
    expect(findings('story-uniform', mixed, { rules: { 'story-uniform': ['warning', { minStories: 4 }] } }).list).toEqual([]);
  });
});

describe('story-needs-criteria', () => {
  it('flags a story without criteria in a backlog but not in a roadmap', () => {
    expect(findings('story-needs-criteria', '- As a nurse, I want vitals trends so that I spot deterioration.').list).toHaveLength(1);
    const roadmap = '---\npmpo:\n  kind: roadmap\n---\n# Now\n\n';
    expect(findings('story-needs-criteria', '- As a nurse, I want vitals trends so that I spot deterioration.', {}, roadmap).list).toEqual([]);
    const prd = { rules: { 'story-needs-criteria': ['warning', { ignoreKinds: ['backlog'] }] } } satisfies Config;
    expect(findings('story-needs-criteria', '- As a nurse, I want vitals trends so that I spot deterioration.', prd as Config).list).toEqual([]);
  });
  it('accepts nested criteria, checklists and a criteria section', () => {
    expect(findings('story-needs-criteria', '- As a nurse, I want trends so that I act.\n  - A trend line shows the last 3 readings.').list).toEqual([]);
    expect(findings('story-needs-criteria', 'As a nurse, I want trends so that I act.\n\n- [ ] A trend line shows 3 readings').list).toEqual([]);
    expect(findings('story-needs-criteria', '## Story\n\nAs a nurse, I want trends so that I act.\n\n## Acceptance criteria\n\n- A trend line shows 3 readings.').list).toEqual([]);
  });
});

describe('criteria-gherkin', () => {
  it('fixes keyword case only, and the fix removes the finding', () => {
    const { text, list } = findings('criteria-gherkin', 'given a player in a lobby\nwhen the host starts\nthen every player loads the map');
    expect(list.map((f) => f.fix!.text)).toEqual(['Given', 'When', 'Then']);
    const fixed = applyEdits(text, list.map((f) => f.fix!)).text;
    expect(fixed).toBe(text.replace('given a', 'Given a').replace('when the', 'When the').replace('then every', 'Then every'));
    expect(lint(fixed, { fileName: 'doc.md' }).findings.filter((f) => f.ruleId === 'criteria-gherkin')).toEqual([]);
  });

  it('reports order, extra When, missing Then and a dangling And', () => {
    expect(findings('criteria-gherkin', 'When the nurse scans\nGiven an admitted patient\nThen the chart opens').list[0].message).toMatch(/"Given" comes after "When"/);
    expect(findings('criteria-gherkin', 'Given a cart\nWhen I apply a code\nWhen I pay\nThen the total drops').list[0].message).toMatch(/2 When steps/);
    expect(findings('criteria-gherkin', 'Given a parcel\nWhen the driver scans it').list[0].message).toMatch(/no Then/);
    expect(findings('criteria-gherkin', 'And a frozen account\nWhen I pay\nThen it is declined').list[0].message).toMatch(/starts with "And"/);
  });

  it('honours maxWhen and checks gherkin code blocks', () => {
    const twoActions = 'Given a cart\nWhen I apply a code\nAnd I pay\nThen the total drops';
    expect(findings('criteria-gherkin', twoActions).list).toHaveLength(1);
    expect(findings('criteria-gherkin', twoActions, { rules: { 'criteria-gherkin': ['warning', { maxWhen: 2 }] } }).list).toEqual([]);
    const code = '```gherkin\nScenario: refund\n  Given a delivered order\n  Then a refund is issued\n  When the customer asks\n```';
    expect(findings('criteria-gherkin', code).list.length).toBeGreaterThan(0);
  });

  it('reads step lines itself: list items without a Then, not other code or wrapped prose', () => {
    expect(findings('criteria-gherkin', '- Given a tenant with rent due\n- When the due date passes').list[0].message).toMatch(/no Then/);
    expect(findings('criteria-gherkin', '```text\nGiven a parcel\nWhen the driver scans it\n```').list).toEqual([]);
    expect(findings('criteria-gherkin', '- Relay nodes buffer data between A\n  and B, when either is away.').list).toEqual([]);
    const twoScenarios = '```gherkin\nScenario: one\n  Given a cart\n  When I pay\n  Then it is paid\nScenario: two\n  Given a cart\n  When I cancel\n  Then it is empty\n```';
    expect(findings('criteria-gherkin', twoScenarios).list).toEqual([]);
    const background = '```gherkin\nBackground:\n  Given a shop\n  And a cart\nScenario: pay\n  When I pay\n  Then it is paid\n```';
    expect(findings('criteria-gherkin', background).list).toEqual([]);
  });
});

describe('criteria-testable', () => {
  it('flags vague terms in scenarios with their class', () => {
    const { text, list } = findings('criteria-testable', 'Given a transfer\nWhen I send it\nThen it completes quickly');
    expect(marked(text, list[0])).toBe('quickly');
    expect(list[0].message).toMatch(/subjective/);
  });

  it('takes extra and ignored terms as literal words', () => {
    const body = '## Acceptance criteria\n\n- The page is snappy.\n- The import never loses rows.\n- Totals use a+b (rounded).';
    const config = { rules: { 'criteria-testable': ['warning', { extraTerms: ['snappy', 'a+b'], ignoreTerms: ['never'] }] } } as Config;
    expect(findings('criteria-testable', body, config).list.map((f) => marked(findings('criteria-testable', body, config).text, f))).toEqual(['snappy', 'a+b']);
  });

  it('stays quiet outside criteria and on quantified speed', () => {
    expect(findings('criteria-testable', '## Market\n\nClinics want an easy, fast way to book.').list).toEqual([]);
    expect(findings('criteria-testable', '## Acceptance criteria\n\n- Results load faster than 2 seconds.').list).toEqual([]);
  });
});

describe('vision-complete', () => {
  const vision = '---\npmpo:\n  kind: vision\n---\n';
  it('names the missing elements and honours the elements option', () => {
    const body = '# Vision\n\nFor small clinics who lose hours to phone bookings, ClinicFlow is a scheduling app that fills calendars.';
    const { list } = findings('vision-complete', body, {}, vision);
    expect(list[0].message).toMatch(/no alternative, no differentiator/);
    const config = { rules: { 'vision-complete': ['warning', { elements: ['target', 'need', 'category', 'benefit'] }] } } as Config;
    expect(findings('vision-complete', body, config, vision).list).toEqual([]);
  });
});

describe('options validation', () => {
  it('rejects mistyped options of these rules', () => {
    const { problems } = parseConfigText('{"rules": {"story-format": ["warning", {"requireBenefit": "yes"}], "criteria-gherkin": ["error", {"maxWhen": "1"}]}}');
    expect(problems.map((p) => p.message)).toEqual(['rule "story-format": option "requireBenefit" must be a boolean', 'rule "criteria-gherkin": option "maxWhen" must be a number']);
  });
});

describe('story-needs-criteria on bare story lists', () => {
  const stories = Array.from({ length: 10 }, (_, i) => `- As a shopper, I want feature ${i + 1} so that I shop faster.`).join('\n');

  it('reports a section whose stories all lack criteria once, on its first story, naming the count and the others', () => {
    const { text, list } = findings('story-needs-criteria', `## Later\n\n${stories}`);
    expect(list).toHaveLength(1);
    const [finding] = list;
    expect(finding.range.start.line).toBe(9);
    expect(marked(text, finding)).toBe('As a shopper, I want feature 1 so that I shop faster.');
    expect(finding.message).toBe('10 stories in "Later" have no acceptance criteria under or beside them, starting with "As a shopper, I want feature 1 so that I shop faster.": without them nobody can tell when each is done (add Given/When/Then steps or a checklist to each).');
    expect(finding.related.map((item) => item.range.start.line)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(finding.related[0].message).toBe('the story "As a shopper, I want feature 2 so that I shop faster." has no acceptance criteria either');
    expect(marked(text, finding.related[8] as never)).toBe('As a shopper, I want feature 10 so that I shop faster.');
  });

  it('groups per section, says where the preamble is, and keeps one story per finding otherwise', () => {
    const preamble = findings('story-needs-criteria', '- As a nurse, I want trends so that I act.\n- As a nurse, I want alerts so that I act early.', {}, '---\npmpo:\n  kind: backlog\n---\n');
    expect(preamble.list.map((finding) => finding.message.slice(0, 40))).toEqual(['2 stories before the first heading have ']);
    const twoSections = findings('story-needs-criteria', '## A\n\n- As a nurse, I want trends so that I act.\n- As a nurse, I want alerts so that I act early.\n\n## B\n\nAs a nurse, I want handovers so that nothing is lost.');
    expect(twoSections.list.map((finding) => [finding.range.start.line, finding.related.length])).toEqual([[9, 1], [14, 0]]);
    expect(twoSections.list[1].message).toMatch(/^The story "As a nurse, I want handovers so that nothing is lost\." has no acceptance criteria under or beside it/);
  });

  it('keeps a disable comment above one story working: that story is left out, the others stay one finding, the comment is used', () => {
    const body = '## Sprint 4\n\n- As a nurse, I want trends so that I act.\n<!-- pmpo-lint-disable-next-line story-needs-criteria -->\n- As a nurse, I want alerts so that I act early.\n- As a nurse, I want handovers so that nothing is lost.';
    const text = `${BACKLOG}${body}\n`;
    const all = lint(text, { fileName: 'doc.md' }).findings;
    const needs = all.filter((finding) => finding.ruleId === 'story-needs-criteria');
    expect(needs.map((finding) => [finding.range.start.line, finding.related.map((item) => item.range.start.line)])).toEqual([[9, [12]]]);
    expect(needs[0].message).toMatch(/^2 stories in "Sprint 4"/);
    expect(all.filter((finding) => finding.ruleId === 'unused-disable')).toEqual([]);
  });

  it('still reports a disable comment that silences no story of the rule as unused', () => {
    const body = '## Sprint 4\n\n<!-- pmpo-lint-disable-next-line story-needs-criteria -->\n- As a nurse, I want trends so that I act.\n  - Given a shift, when I open trends, then I see the last 24 hours.';
    const all = lint(`${BACKLOG}${body}\n`, { fileName: 'doc.md' }).findings;
    expect(all.map((finding) => finding.ruleId)).toContain('unused-disable');
    expect(all.filter((finding) => finding.ruleId === 'story-needs-criteria')).toEqual([]);
  });

  it('reports each story when some stories of the section have criteria', () => {
    const mixed = '- As a nurse, I want trends so that I act.\n- As a nurse, I want alerts so that I act early.\n  - An alert fires above 120 bpm.\n- As a nurse, I want handovers so that nothing is lost.';
    const { list } = findings('story-needs-criteria', mixed);
    expect(list.map((finding) => [finding.range.start.line, finding.related.length])).toEqual([[7, 0], [10, 0]]);
    expect(list.every((finding) => finding.message.startsWith('The story "'))).toBe(true);
  });

  it('gives the docs page Incorrect example the two findings the page describes', () => {
    const page = readFileSync(new URL('../../docs/rules/story-needs-criteria.md', import.meta.url), 'utf8');
    const incorrect = page.slice(page.indexOf('```markdown\n', page.indexOf('\n## Incorrect\n')) + 12, page.indexOf('\n```\n', page.indexOf('\n## Incorrect\n')) + 1);
    const list = lint(incorrect, { fileName: 'example.md' }).findings.filter((finding) => finding.ruleId === 'story-needs-criteria');
    expect(list.map((finding) => finding.related.length)).toEqual([0, 2]);
    expect(list[1].message).toMatch(/^3 stories in "Later" have no acceptance criteria/);
  });

  it('a disable comment above the first story silences that story; a disable/enable pair silences the section', () => {
    const { list } = findings('story-needs-criteria', `## Later\n\n<!-- pmpo-lint-disable-next-line story-needs-criteria -->\n${stories}`);
    expect(list.map((finding) => [finding.range.start.line, finding.related.length])).toEqual([[11, 8]]);
    const pair = `## Later\n\n<!-- pmpo-lint-disable story-needs-criteria -->\n${stories}\n<!-- pmpo-lint-enable story-needs-criteria -->`;
    expect(findings('story-needs-criteria', pair).list).toEqual([]);
  });
});

describe('story-needs-criteria with shared criteria', () => {
  it('criteria after a list of stories cover the whole list, nested criteria only their item', () => {
    const shared = '## Stories\n\n- As a nurse, I want trends so that I act.\n- As a nurse, I want alerts so that I act early.\n\n## Acceptance criteria\n\n- A trend line shows 3 readings.';
    expect(findings('story-needs-criteria', shared).list).toEqual([]);
    const nested = '- As a nurse, I want trends so that I act.\n- As a nurse, I want alerts so that I act early.\n  - An alert fires above 120 bpm.';
    expect(findings('story-needs-criteria', nested).list.map((f) => f.range.start.line)).toEqual([7]);
  });
});

describe('vision-complete elevator pitch', () => {
  it('reads the sentences after the pitch in its paragraph', () => {
    const prd = '---\npmpo:\n  kind: prd\n---\n# Summary\n\n';
    const full = 'For clinics who lose hours to phone calls, ClinicFlow is a booking app that fills calendars. Unlike call centres, our product books around the clock.';
    expect(findings('vision-complete', full, {}, prd).list).toEqual([]);
    expect(findings('vision-complete', full.split('. Unlike')[0] + '.', {}, prd).list[0].message).toMatch(/^This elevator pitch names no alternative, no differentiator/);
  });
});
