import { describe, expect, it } from 'vitest';
import { judgeStatement, judgeStatements } from '../src/core/classify.js';
import { ABOUT_THE_DOCUMENT, allCues, LEAD_IN_CUES, METADATA_STATEMENT, NEUTRAL_HEADINGS } from '../src/core/cues/index.js';
import { applyEdits } from '../src/core/fixes.js';
import { classify, lint } from '../src/core/index.js';
import type { SectionReport, Statement } from '../src/core/types.js';

const cues = allCues();

function statement(text: string, extra: Partial<Statement> = {}): Statement {
  return { kind: 'sentence', text, line: 1, endLine: 1, startOffset: 0, endOffset: text.length, block: 0, ...extra };
}

function sectionsOf(markdown: string): SectionReport[] {
  return classify(markdown);
}

function labelOf(markdown: string, heading: string): string {
  const section = sectionsOf(markdown).find((s) => s.heading === heading);
  expect(section, `no section "${heading}"`).toBeDefined();
  return section!.label;
}

describe('judgeStatement', () => {
  it('reads a user story as tactical', () => {
    expect(judgeStatement(statement('As a librarian, I want to renew loans in bulk so that queues stay short.'), cues).side).toBe('tactical');
  });

  it('keeps a story tactical even when its benefit names a business outcome', () => {
    const judged = judgeStatement(statement('As a traveller, I want saved passports so that booking is quicker and retention grows.'), cues);
    expect(judged.side).toBe('tactical');
    expect(judged.strategic).toBeGreaterThan(0);
  });

  it('reads a story with a persona in brackets before the comma as a story', () => {
    const judged = judgeStatement(statement('As a volunteer coordinator (Priya), I would like to copy last week\'s rota so that I save an hour.'), cues);
    expect(judged.evidence.map((e) => e.cueId)).toContain('user-story');
  });

  it.each([
    ['target-users', 'Primary user: dispatchers who plan routes for a regional courier.'],
    ['status-quo', 'Today, clinic managers have to rebuild the rota by hand every Friday.'],
    ['status-quo', 'Small landlords struggle to keep deposits and repairs in one place.'],
  ])('reads the %s cue as strategic on its own', (cueId, text) => {
    const judged = judgeStatement(statement(text, { kind: 'bullet' }), cues);
    expect(judged.evidence.map((e) => e.cueId)).toContain(cueId);
    expect(judged.side).toBe('strategic');
  });

  it('reads a named metric with a target as strategic', () => {
    const judged = judgeStatement(statement('Renewal rate: 80% of pilot teams renew after the first term.', { kind: 'bullet' }), cues);
    expect(judged.evidence.map((e) => e.cueId)).toEqual(expect.arrayContaining(['metric', 'target-figure']));
    expect(judged.side).toBe('strategic');
  });

  it.each([
    ['user-step', 'The user taps the parcel and confirms the drop-off photo.'],
    ['task-verb', 'Implement the retry toggle on the sync settings page.'],
    ['done-check', 'The export dialog passes code review before it ships.'],
  ])('reads the %s cue towards tactical', (cueId, text) => {
    const judged = judgeStatement(statement(text, { kind: 'bullet' }), cues);
    expect(judged.evidence.map((e) => e.cueId)).toContain(cueId);
    expect(judged.side).toBe('tactical');
  });

  it('does not read a task verb alone as tactical: roadmap items start with verbs too', () => {
    const judged = judgeStatement(statement('Replace the legacy importer with the new pipeline.', { kind: 'bullet' }), cues);
    expect(judged.side).not.toBe('tactical');
  });

  it('does not read computer vision as a product vision', () => {
    const judged = judgeStatement(statement('A vision model finds dents and scratches in each photo.'), cues);
    expect(judged.evidence.map((e) => e.cueId)).not.toContain('vision');
  });

  it('does not read "non-profit" as a profit motive', () => {
    const ids = (text: string) => judgeStatement(statement(text), cues).evidence.map((e) => e.cueId);
    expect(ids('Tutors from the non-profit sector share lesson plans.')).not.toContain('revenue');
    expect(ids('Each plan must turn a profit within a year.')).toContain('revenue');
  });

  it('reads a market argument as strategic', () => {
    const judged = judgeStatement(statement('Regional clinics are an underserved market where competitors charge twice our price.'), cues);
    expect(judged.side).toBe('strategic');
  });

  it('gives no side to a single passing word', () => {
    expect(judgeStatement(statement('The customers will like it.'), cues).side).toBeNull();
  });

  it('gives no side to a neutral scope statement', () => {
    expect(judgeStatement(statement('We will support SSO and SCIM.'), cues).side).toBeNull();
  });

  it('reads a task checkbox as tactical structure', () => {
    const judged = judgeStatement(statement('wire the export', { kind: 'bullet', checked: false }), cues);
    expect(judged.evidence.map((e) => e.cueId)).toContain('task-checkbox');
  });

  it('reads an estimate column in a table header as tactical', () => {
    const judged = judgeStatement(statement('Item | Points', { kind: 'row', header: true, cells: ['Item', 'Points'] }), cues);
    expect(judged.side).toBe('tactical');
  });

  it('reads a requirement on screen behaviour as tactical', () => {
    expect(judgeStatement(statement('The system shall show an error message when the postcode is invalid.'), cues).side).toBe('tactical');
  });
});

describe('judgeStatement: cue coverage', () => {
  it('does not read validating an idea or a market as field validation', () => {
    const judged = judgeStatement(statement('Sign-ups alone will not validate the idea with paying studios.'), cues);
    expect(judged.evidence.map((e) => e.cueId)).not.toContain('validation');
    expect(judged.evidence.map((e) => e.cueId)).toContain('validate-idea');
    expect(judgeStatement(statement('The form validates the postcode field on blur.'), cues).evidence.map((e) => e.cueId)).toContain('validation');
  });

  it.each([
    ['persona-card', 'Frustrations: juggling three spreadsheets every Monday', 'bullet'],
    ['principle', 'Teams should never face vendor lock-in when they switch storage providers.', 'sentence'],
    ['quarter-sequence', 'Q1: private beta. Q2: public launch. Q3: team plans.', 'sentence'],
    ['stated-goal', 'The goal is to make weekly planning a five-minute habit for small clinics.', 'sentence'],
    ['scope-position', 'The app is intentionally narrow: one calendar, one clinic.', 'sentence'],
  ] as const)('reads %s as strategic', (id, text, kind) => {
    const judged = judgeStatement(statement(text, { kind }), cues);
    expect(judged.evidence.map((e) => e.cueId)).toContain(id);
    expect(judged.side).toBe('strategic');
  });

  it('reads the product\'s step in a flow as tactical', () => {
    const judged = judgeStatement(statement('The app shows a summary card with the three cheapest slots.', { kind: 'bullet' }), cues);
    expect(judged.evidence.map((e) => e.cueId)).toContain('system-response');
    expect(judged.side).toBe('tactical');
  });
});

describe('judgeStatements: list items under a lead-in', () => {
  const bullet = (text: string, block: number, listDepth = 0) => statement(text, { kind: 'bullet', block, listDepth });

  function sides(statements: Statement[]): (string | null)[] {
    return judgeStatements(statements, cues).map((judgement) => judgement.side);
  }

  it('bare items under a lead-in that names fields are tactical', () => {
    expect(sides([statement('Each booking record must include:'), bullet('Guest name', 1), bullet('Arrival date', 1)])).toEqual([null, 'tactical', 'tactical']);
  });

  it('bare items under a lead-in that names signals of success are strategic', () => {
    expect(sides([statement('Early signals of success would be:'), bullet('Clinics booking twice a week', 1), bullet('Referrals from other clinics', 1)])).toEqual([null, 'strategic', 'strategic']);
  });

  it('a bare "Goal:" lends nothing: in a sprint card it is the sprint\'s aim', () => {
    expect(sides([statement('Goal:'), bullet('ship the import wizard', 1)])).toEqual([null, null]);
  });

  it('a lead-in with words of both sides lends nothing', () => {
    expect(sides([statement('The marketing pages to check on each screen are:'), bullet('spring offers', 1)])[1]).toBeNull();
  });

  it('an item with a word of the other side keeps its own judgement', () => {
    const judged = judgeStatements([statement('Early signals of success would be:'), bullet('Clinics adding a second button to the booking page', 1)], cues);
    expect(judged[1].side).toBeNull();
  });

  it('only the list right under the lead-in: not a list after another paragraph', () => {
    expect(sides([statement('Each booking record must include:'), statement('Some context.', { block: 1 }), bullet('Guest name', 2)])).toEqual([null, null, null]);
  });

  it('a bullet lead-in lends its side to its own sub-items only', () => {
    expect(sides([bullet('Screens in the prototype:', 0), bullet('Calendar', 0, 1), bullet('Checkout', 0, 1), bullet('Team invites', 0)])).toEqual([null, 'tactical', 'tactical', null]);
  });
});

describe('classifySection: the rubric cases', () => {
  it('mixed: a market argument with a story and a scenario in one body', () => {
    const markdown = [
      '## Bulk renewals',
      '',
      'Regional libraries lose 12% of members a year because renewals are slow; winning that market is worth $2M in annual revenue.',
      'Competitors already offer renewals online, so our growth depends on it.',
      '',
      '- As a librarian, I want to renew all loans of a member at once so that the desk queue shrinks.',
      '- Given a member with 8 loans, when I press Renew all, then every due date moves by 3 weeks.',
      '',
    ].join('\n');
    const [section] = sectionsOf(markdown);
    expect(section.label).toBe('mixed');
    expect(section.evidence.some((e) => e.side === 'strategic')).toBe(true);
    expect(section.evidence.some((e) => e.side === 'tactical')).toBe(true);
  });

  it('mixed: a story card that also sets product-level targets', () => {
    const markdown = [
      '## Upgrade in one step',
      '',
      'As a free user, I want to upgrade with one tap so that my projects stay where they are.',
      '',
      'Acceptance criteria: the Upgrade button shows on the billing screen; a stored card is charged without re-entry.',
      '',
      'Targets: lift free-to-paid conversion from 3% to 5% this year; keep churn in the first month under 2%.',
      'This is our main revenue bet for the enterprise market.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Upgrade in one step')).toBe('mixed');
  });

  it('mixed: scenarios followed by a heavy market paragraph', () => {
    const markdown = [
      '## Reminders',
      '',
      '- Given a due task, when the deadline passes, then the assignee gets an email.',
      '- Given a muted project, when a task changes, then no email is sent.',
      '',
      'Reminders are key to our retention strategy against competitors in the enterprise market, where churn is highest.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Reminders')).toBe('mixed');
  });

  it('mixed: strategy and delivery interleaved bullet by bullet', () => {
    const markdown = [
      '## Returns',
      '',
      '- Slow refunds cost us 4% of repeat revenue in the mid-market segment.',
      '- As a buyer, I want to print a return label so that I can drop the parcel off.',
      '- Competitors refund within a day, which hurts our positioning.',
      '- Given a delivered order, when I request a return, then a label is emailed to me.',
      '- Our goal is to cut refund time to 24 hours by Q2 and lift retention.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Returns')).toBe('mixed');
  });

  it('not mixed: one loud strategic sentence next to one plain tactical bullet', () => {
    const markdown = ['## Export', '', 'Exports matter to the enterprise market, where competitors win on revenue and retention.', '', '- The export button is shown in the footer and must validate the range.', ''].join('\n');
    expect(labelOf(markdown, 'Export')).not.toBe('mixed');
  });

  it('tactical, not mixed: the benefit clause of a story is not a strategy', () => {
    const markdown = [
      '## Saved addresses',
      '',
      'As a buyer, I want my address remembered so that checkout is quicker and I return more often.',
      '',
      'Given a saved address, when I press Pay, then the order ships there without asking again.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Saved addresses')).toBe('tactical');
  });

  it('strategic: a roadmap stage with an objective, outcomes and bare item names', () => {
    const markdown = [
      '## Stage two',
      '',
      'Objective: become the first choice of regional logistics firms in the mid-market.',
      '',
      'Outcomes: 40 paying customers and net revenue retention above 115%.',
      '',
      'Items: route export, driver app, invoicing.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Stage two')).toBe('strategic');
  });

  it('tactical: the same stage as a task checklist for the team', () => {
    const markdown = ['## Stage two', '', '- [ ] Week 9: add `POST /routes/export` endpoint (3 pts)', '- [ ] Week 10: export dialog, error text "Route too long" (5 pts)', ''].join('\n');
    expect(labelOf(markdown, 'Stage two')).toBe('tactical');
  });

  it('neutral: metadata, glossary and engineering notes', () => {
    const markdown = [
      '## Document info',
      '',
      'Author: Kim. Status: draft. Updated: 3 May.',
      '',
      '## Glossary',
      '',
      '- Route: an ordered list of stops.',
      '- Stop: an address with a time window.',
      '',
      '## Architecture',
      '',
      'The planner runs as a worker that reads jobs from a queue and writes results to Postgres.',
      '',
    ].join('\n');
    for (const heading of ['Document info', 'Glossary', 'Architecture']) expect(labelOf(markdown, heading)).toBe('neutral');
  });

  it('neutral: an empty or placeholder body', () => {
    expect(labelOf('## Later\n\nTBD\n', 'Later')).toBe('neutral');
  });

  it('sub-sections are separate units: a strategic section with stories under it is not mixed', () => {
    const markdown = [
      '## Why bulk renewals',
      '',
      'Regional libraries lose 12% of members a year to slow renewals; competitors already win that market and its revenue.',
      'Growth in our largest segment depends on closing this gap this year.',
      '',
      '### Stories',
      '',
      '- As a librarian, I want to renew all loans at once so that the queue shrinks.',
      '- As a member, I want a reminder email before a loan is due so that I avoid fines.',
      '',
    ].join('\n');
    const labels = sectionsOf(markdown).map((s) => s.label);
    expect(labels).toEqual(['strategic', 'tactical']);
  });

  it('a bold pseudo-heading between the two halves is a sign the author split them', () => {
    const body = (separator: string) =>
      [
        '## Renewals',
        '',
        'Regional libraries lose 12% of members a year to slow renewals, and competitors win that market.',
        '',
        'Growth in our largest segment depends on it, worth $1M in revenue.',
        '',
        separator,
        '- As a librarian, I want to renew all loans at once so that the queue shrinks.',
        '- As a member, I want a reminder email before a loan is due so that I avoid fines.',
        '',
      ].join('\n');
    expect(labelOf(body(''), 'Renewals')).toBe('mixed');
    expect(labelOf(body('**Stories**\n'), 'Renewals')).not.toBe('mixed');
  });

  const strategyRun = [
    'Hospital wards lose 15% of nurses a year, and competitors win that market on scheduling.',
    '',
    'Our goal is to cut overtime cost and lift retention in the mid-market segment.',
    '',
  ];
  const deliveryRun = [
    'Delivery:',
    '',
    '- As a nurse, I want to offer a shift to my ward so that a colleague can take it.',
    '- As a nurse, I want to accept an offered shift so that I can earn extra hours.',
    '- As a ward lead, I want to approve a swap so that cover stays safe.',
    '- As a ward lead, I want to see pending swaps so that none is forgotten.',
    '- Given an approved swap, when the shift starts, then the roster shows the new nurse.',
    '- Given a swap over 48 hours in a week, when I approve it, then a warning is shown.',
    '- The Offer button is disabled for shifts that start within 2 hours.',
    '- As a nurse, I want a push notification when my offer is taken so that I can plan my week.',
    '- Given a declined swap, when the lead rejects it, then both nurses get an email with the reason.',
    '- As a ward lead, I want to export the swaps of a month so that payroll can check overtime.',
    '',
  ];

  it('mixed: two contiguous runs, a strategy run and a longer delivery run (the smaller side under a quarter)', () => {
    const [section] = sectionsOf(['## Shift swaps', '', ...strategyRun, ...deliveryRun].join('\n'));
    expect(section.reason).toMatch(/^2 strategic statements .*; (?:[89]|1\d) tactical statements/);
    expect(section.label).toBe('mixed');
  });

  it('the split suggestion inserts its heading where the strategy run ends, ahead of the neutral lead-in', () => {
    const text = ['## Shift swaps', '', ...strategyRun, ...deliveryRun].join('\n');
    const finding = lint(text).findings.find((item) => item.ruleId === 'mixed-section');
    const [suggestion] = finding?.suggestions ?? [];
    expect(suggestion?.fix.text).toBe('### Delivery detail\n\n');
    expect(text.slice(suggestion!.fix.range[0]).startsWith('Delivery:')).toBe(true);
    const after = lint(applyEdits(text, [suggestion!.fix]).text).sections.map((section) => section.label);
    expect(after).toEqual(['strategic', 'tactical']);
  });

  it('mixed: a strategy run may carry one passing tactical mention', () => {
    const withStray = [strategyRun[0], '', 'The swap dialog must validate the ward field and show a Save button.', '', strategyRun[2], ''];
    const [section] = sectionsOf(['## Shift swaps', '', ...withStray, ...deliveryRun].join('\n'));
    const [plain] = sectionsOf(['## Shift swaps', '', ...strategyRun, ...deliveryRun].join('\n'));
    const tacticalCount = (reason: string) => Number(/; (\d+) tactical/.exec(reason)?.[1]);
    expect(tacticalCount(section.reason)).toBe(tacticalCount(plain.reason) + 1);
    expect(section.reason).toMatch(/^2 strategic statements/);
    expect(section.label).toBe('mixed');
  });

  it('tactical, not mixed: a story whose benefit clause speaks of retention, then its scenarios', () => {
    const markdown = [
      '## Saved carts',
      '',
      'As a returning shopper, I want my cart kept for a week so that I come back and the store keeps my custom and its retention grows.',
      '',
      '- Given a cart with 3 items, when I sign in again within 7 days, then the 3 items are still there.',
      '- Given a cart older than 7 days, when I sign in, then it is empty.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Saved carts')).toBe('tactical');
  });

  it('strategic, not mixed: a strategic section with one passing tactical mention at the end', () => {
    const markdown = [
      '## Why fleets',
      '',
      'Small delivery fleets are an underserved market: incumbents sell to enterprises and price small operators out.',
      '',
      'Winning 500 fleets by 2027 would make this our largest revenue line and our main growth bet.',
      '',
      'Our positioning is the cheapest planner that a dispatcher can learn in a day.',
      '',
      'The route export button is described in the backlog.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Why fleets')).toBe('strategic');
  });

  it('mixed: a market argument, then bare screen names under a lead-in that names them as screens', () => {
    const markdown = [
      '## Plan',
      '',
      'Small clinics lose a fifth of their revenue to no-shows, and no competitor serves the mid-market.',
      'Winning them is our growth strategy for next year.',
      '',
      'The first build covers these screens:',
      '',
      '- Week calendar',
      '- Reminder settings',
      '- Patient list',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Plan')).toBe('mixed');
    expect(labelOf(markdown.replace('covers these screens:', 'covers these areas:'), 'Plan')).toBe('strategic');
  });

  it('mixed: one plain strategy sentence ahead of two plain tactical bullets, each run clean', () => {
    const markdown = [
      '## Export',
      '',
      'Exports matter to our growth in the enterprise market.',
      '',
      '- The export button is shown in the footer and must validate the range.',
      '- The export dialog has a required field for the file name.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Export')).toBe('mixed');
  });

  it('mixed: one plain strategy sentence ahead of one user story (structure is heavy)', () => {
    const markdown = [
      '## Reminders',
      '',
      'Missed appointments cost our partner clinics revenue every month.',
      '',
      '- As a patient, I want a reminder the day before so that I do not miss my slot.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Reminders')).toBe('mixed');
  });

  it('not mixed: one plain strategy sentence ahead of one plain tactical bullet (below the guide, a passing mention)', () => {
    const markdown = [
      '## Export',
      '',
      'Exports matter to our growth in the enterprise market.',
      '',
      '- The export button is shown in the footer and must validate the range.',
      '',
    ].join('\n');
    expect(labelOf(markdown, 'Export')).not.toBe('mixed');
  });

  it('says why in a short reason with counts', () => {
    const [section] = sectionsOf('## Stories\n\n- As a cook, I want timers so that nothing burns.\n- As a cook, I want a shopping list so that I buy once.\n');
    expect(section.reason).toMatch(/^0 strategic; 2 tactical statements \(user-story\)/);
    expect(section.tactical).toBeGreaterThan(0);
    expect(section.tactical).toBeLessThanOrEqual(1);
  });

  it('points evidence at the matched words in the source', () => {
    const markdown = '## Plan\n\nWe will win the **enterprise market** this year with a new pricing tier.\n';
    const [section] = sectionsOf(markdown);
    for (const item of section.evidence) expect(markdown.slice(item.startOffset, item.endOffset)).toBe(item.match);
    expect(section.evidence.length).toBeGreaterThan(0);
  });

  it('does not judge documents in other languages', () => {
    const markdown = [
      '## Objetivos',
      '',
      'O produto deve aumentar a receita e a retenção dos clientes no mercado de pequenas empresas, com uma estratégia de preço clara.',
      '',
      '- Como gerente, eu quero ver os relatórios para que a equipe possa decidir mais rápido sobre o que é mais importante.',
      '- O sistema deve mostrar uma mensagem de erro quando o campo estiver vazio e não for possível salvar os dados.',
      '',
    ].join('\n');
    const [section] = sectionsOf(markdown);
    expect(section.label).toBe('neutral');
    expect(section.reason).toMatch(/English/);
  });
});

describe('heading evidence', () => {
  it('points at the heading words', () => {
    const markdown = '# Doc\n\n## Success metrics\n\n- Weekly active teams grow to 400 by Q4.\n';
    const section = sectionsOf(markdown).find((s) => s.heading === 'Success metrics')!;
    expect(section.label).toBe('strategic');
    const heading = section.evidence.find((e) => e.cueId.startsWith('heading:'))!;
    expect(markdown.slice(heading.startOffset, heading.endOffset)).toBe(heading.match);
  });
});

describe('evidence backs every label', () => {
  const markdown = [
    '# Planner',
    '',
    '## 1\\. Goals',
    '',
    '- Grow paying customers in the mid-market segment to 300 by Q4.',
    '',
    '## Stories',
    '',
    '- As a dispatcher, I want to drag a stop onto a route so that plans change fast.',
    '- [ ] Add `PATCH /routes/{id}` endpoint (2 pts)',
    '',
    '## Field rules',
    '',
    '- The name field must not be empty.',
    '- The save button is shown in the footer.',
    '- The form shows an inline error under the date.',
    '',
  ].join('\n');

  it('lists evidence of the side(s) a label names', () => {
    for (const section of sectionsOf(markdown)) {
      const sides = section.label === 'mixed' ? ['strategic', 'tactical'] : section.label === 'neutral' ? [] : [section.label];
      for (const side of sides) expect(section.evidence.some((e) => e.side === side), `${section.heading}: ${section.label}`).toBe(true);
    }
    expect(sectionsOf(markdown).map((s) => s.label)).toEqual(['neutral', 'strategic', 'tactical', 'tactical']);
  });

  it('points heading evidence at the words even when the heading has escapes', () => {
    const goals = sectionsOf(markdown).find((s) => s.heading === '1. Goals')!;
    const fromHeading = goals.evidence.find((e) => e.cueId === 'heading:goals')!;
    expect(markdown.slice(fromHeading.startOffset, fromHeading.endOffset)).toBe('Goals');
  });
});

describe('robustness', () => {
  const pieces = ['# Goals', '## Stories', '**Goals**', '- As a user, I want x so that y', '- [ ] task (3 pts)', 'Given a', 'When b', 'Then c', '| Story | Points |', '|---|---|', '| A | 3 |', 'Revenue grows in the market.', '```gherkin', '```', '┌──┐', '│ab│', '└──┘', '', '> quote', 'Objetivo: aumentar a receita', '1\\. Goals', '`code`', 'https://example.com/x'];

  it('never throws, keeps evidence inside the text and labels every section', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        for (const section of classify(text)) {
          expect(['strategic', 'tactical', 'mixed', 'neutral']).toContain(section.label);
          expect(section.strategic).toBeGreaterThanOrEqual(0);
          expect(section.tactical).toBeLessThanOrEqual(1);
          for (const item of section.evidence) {
            expect(item.startOffset).toBeGreaterThanOrEqual(0);
            expect(item.endOffset).toBeLessThanOrEqual(text.length);
            expect(item.startOffset).toBeLessThanOrEqual(item.endOffset);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('cues are data', () => {
  const builtIn = [...allCues(), ...LEAD_IN_CUES];

  it('every cue has a unique id, a weight of 1 to 3 and a reason', () => {
    const ids = builtIn.map((cue) => cue.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cue of builtIn) {
      expect(cue.weight, cue.id).toBeGreaterThanOrEqual(1);
      expect(cue.weight, cue.id).toBeLessThanOrEqual(3);
      expect(cue.reason.length, cue.id).toBeGreaterThan(5);
    }
  });

  it('every built-in pattern is safe from catastrophic backtracking (recheck)', async () => {
    const { check } = await import('recheck');
    const patterns = [...builtIn.map((cue) => cue.pattern), ...NEUTRAL_HEADINGS.map((heading) => heading.pattern), METADATA_STATEMENT, ABOUT_THE_DOCUMENT];
    const unsafe: string[] = [];
    // One at a time with a generous budget: on a busy machine recheck answers "unknown" when rushed.
    for (const pattern of patterns) {
      const result = await check(pattern.source, pattern.flags.replace('g', ''), { timeout: 60_000 });
      if (result.status !== 'safe') unsafe.push(`${result.status}: ${pattern.source}`);
    }
    expect(unsafe).toEqual([]);
  }, 300_000);

  it('a user term is a literal, never a pattern', () => {
    const [cue] = allCues({ strategic: ['a+b (c)'] }).filter((item) => item.id.startsWith('user:'));
    expect(cue.pattern.test('we sell a+b (c) kits')).toBe(true);
    expect(cue.pattern.test('we sell aab c kits')).toBe(false);
  });
});
