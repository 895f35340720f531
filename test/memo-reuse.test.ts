import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseChunk } from '../src/core/analyse.js';
import type { Config } from '../src/core/config.js';
import { allCues } from '../src/core/cues/index.js';
import { createLinter, lint } from '../src/core/index.js';
import { moveSection, rebase, rebaseSection } from '../src/core/rebase.js';

/**
 * Keystroke paths added for round 6: story-unique's per-section story facts,
 * criteria-testable's per-section reports, and sections moved from their
 * previous placement. Each run through a linter that remembers is compared
 * with a fresh whole-document lint.
 */

const story = (role: string, goal: string) => `- As a ${role}, I want to ${goal} so that I can plan the week.`;

/** Stories repeated across sections, so findings of one section name lines in another. */
function duplicatesDocument(): string {
  const parts = ['# Backlog', '', 'The plan for the next release.', ''];
  for (let i = 0; i < 6; i++) {
    parts.push(`## Part ${i}`, '', story('planner', 'export the board'), story('Planner', 'export the board!'), story(`owner ${i}`, 'print the report'), '');
    parts.push('- Given a board with two cards', '- When I export it', '- Then the file lists both cards', '');
  }
  return parts.join('\n');
}

/** Criteria with vague terms in several sections, one section named for criteria. */
function criteriaDocument(): string {
  const parts = ['# Feature', ''];
  for (let i = 0; i < 5; i++) {
    parts.push(`## Story ${i}`, '', story('buyer', `pay invoice ${i}`), '  - Given an open invoice', '  - When I pay it', '  - Then the page loads fast and looks user-friendly', '');
    parts.push('### Acceptance criteria', '', `- The export is quick and simple for report ${i}.`, '- Totals are correct, etc.', '');
  }
  return parts.join('\n');
}

const insertions = ['x', '\n', '\n\n', 'As a planner, I want to export the board so that I can plan the week. ', '- As a planner, I want to export the board.\n', 'fast ', '\n## New\n\n'];

function applyAt(text: string, at: number, insert: string): string {
  const offset = Math.floor(at * text.length);
  return text.slice(0, offset) + insert + text.slice(offset);
}

describe('story-unique from remembered story facts', () => {
  it('has duplicate findings that name the first occurrence by line', () => {
    const findings = lint(duplicatesDocument()).findings.filter((finding) => finding.ruleId === 'story-unique');
    expect(findings.length).toBe(11);
    expect(findings[0].message).toContain('the story on line 7');
    expect(findings.some((finding) => finding.message.includes('repeats, apart from case'))).toBe(true);
  });

  it('equals a fresh lint while edits move, add, change and remove the first occurrences', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom(...insertions), remove: fc.nat({ max: 30 }) }), { minLength: 2, maxLength: 8 }), (edits) => {
        const linter = createLinter();
        let text = duplicatesDocument();
        linter.lint(text);
        for (const { at, insert, remove } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + (insert === '\n' ? remove : 0));
          expect(linter.lint(text)).toEqual(lint(text));
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('reports the new line of a first occurrence when a line is added above it', () => {
    const linter = createLinter();
    const text = duplicatesDocument();
    linter.lint(text);
    const edited = applyAt(text, 0.02, '\n');
    const lines = (source: string) => linter.lint(source).findings.filter((finding) => finding.ruleId === 'story-unique').map((finding) => finding.message.match(/on line (\d+)/)?.[1]);
    expect(lines(edited)).toEqual(lint(edited).findings.filter((finding) => finding.ruleId === 'story-unique').map((finding) => finding.message.match(/on line (\d+)/)?.[1]));
    expect(lines(edited)[0]).toBe('8');
  });
});

describe('stories of a section the edit did not move', () => {
  it('are given again only while the section keeps its index (a heading typed above, same length, adds a section)', () => {
    const long = 'The intro names the plan, its owner and the release it belongs to. '.repeat(20);
    const text = `# A\n\nxx y\n\n${long}\n\n# B\n\n- As a user, I want to export the plan so that I share it.\n- As a user, I want to print the plan so that I read it.\n`;
    const edited = text.replace('xx y', '# Zz');
    expect(edited.length).toBe(text.length);
    const linter = createLinter();
    linter.lint(text);
    const result = linter.lint(edited);
    expect(result).toEqual(lint(edited));
    expect(result.sections.map((section) => section.heading)).toEqual(['A', 'Zz', 'B']);
    expect(result.findings.find((finding) => finding.ruleId === 'story-needs-criteria')?.message).toContain('in "B"');
  });
});

describe('criteria-testable from remembered section reports', () => {
  const configs: Config[] = [
    {},
    { rules: { 'criteria-testable': ['warning', { extraTerms: ['correct'] }] } },
    { rules: { 'criteria-testable': ['warning', { ignoreTerms: ['fast'] }] } },
    { rules: { 'criteria-testable': ['warning', { headingPatterns: ['story'] }] } },
  ];

  it('has findings that each option changes', () => {
    const text = criteriaDocument();
    const count = (config: Config) => lint(text, { config }).findings.filter((finding) => finding.ruleId === 'criteria-testable').length;
    const counts = configs.map(count);
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(configs.length);
  });

  it('equals a fresh lint while edits and option changes follow each other', () => {
    const step = fc.oneof(
      fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom(...insertions) }),
      fc.record({ config: fc.nat({ max: configs.length - 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 8 }), (steps) => {
        const linter = createLinter();
        let text = criteriaDocument();
        let config = configs[0];
        linter.lint(text, { config });
        for (const change of steps) {
          if ('config' in change) config = configs[change.config];
          else text = applyAt(text, change.at, change.insert);
          expect(linter.lint(text, { config })).toEqual(lint(text, { config }));
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('moveSection', () => {
  it('builds from a previous placement exactly what the generic rebase builds from the chunk-relative analysis', () => {
    const text = '# A\n\nGrow revenue by 20% this year. As a user, I want export so that I share.\n\n- Given a plan\n- When I open it\n- Then I see it\n\n| a | b |\n| - | - |\n| c | d |\n';
    const shifts = fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 5000 }), fc.integer({ min: -3, max: 50 }), fc.integer({ min: -20, max: 5000 }));
    fc.assert(
      fc.property(shifts, ([line, offset, lineShift, offsetShift]) => {
        const [relative] = analyseChunk(text, allCues());
        const previous = rebaseSection(relative, line + 3, offset + 20);
        const moved = moveSection(relative, line + 3 + lineShift, offset + 20 + offsetShift, previous, lineShift, offsetShift);
        const [fresh] = analyseChunk(text, allCues());
        expect(moved).toEqual(rebase(fresh, line + 3 + lineShift, offset + 20 + offsetShift));
      }),
      { numRuns: 60 },
    );
  });
});
