import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkCache } from '../src/core/chunk-cache.js';
import { allCues } from '../src/core/cues/index.js';
import { createLinter, lint } from '../src/core/index.js';
import { rebase, rebaseSections } from '../src/core/rebase.js';
import { analyseChunk } from '../src/core/analyse.js';
import { resolveRules } from '../src/core/config.js';
import { RULES } from '../src/core/rules/index.js';
import type { Report } from '../src/core/rules/types.js';
import { LineIndex } from '../src/core/text.js';
import type { Kind, SectionAnalysis } from '../src/core/types.js';
import type { Config } from '../src/core/config.js';
import { documentArbitrary } from './support/markdown-arbitrary.js';

const snippets = ['\n# New\n', '```\n', '\n\n', 'x', '[x]: /u\n', '[^n]: note\n', '- ', '> ', '<!--\n', '-->\n', '===\n', 'As a user, I want export so that I share. ', '\n    code\n'];

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 4 })) });

function apply(text: string, change: { at: number; remove: number; insert: string }): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  return text.slice(0, at) + change.insert + text.slice(at + change.remove);
}

describe('incremental linting', () => {
  it('gives the same result as a fresh lint after every random edit', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const linter = createLinter();
        const fine = new ChunkCache(0);
        const cues = allCues();
        let text = start;
        expect(linter.lint(text, { fileName: 'plan.md' })).toEqual(lint(text, { fileName: 'plan.md' }));
        for (const change of edits) {
          text = apply(text, change);
          expect(linter.lint(text, { fileName: 'plan.md' })).toEqual(lint(text, { fileName: 'plan.md' }));
          expect(fine.analyse(text, cues, '')).toEqual(analyseChunk(text, cues));
        }
      }),
      { numRuns: 200 },
    );
  }, 180_000);

  it('gives the same result as a fresh lint while keystrokes re-analyse an edited chunk from finer pieces', () => {
    const longDocument = fc.array(documentArbitrary, { minLength: 2, maxLength: 6 }).map((parts) => parts.join('\n\n'));
    fc.assert(
      fc.property(longDocument, fc.array(edit, { minLength: 2, maxLength: 6 }), (start, edits) => {
        const linter = createLinter();
        let text = start;
        linter.lint(text, { fileName: 'plan.md' });
        for (const change of edits) {
          text = apply(text, change);
          expect(linter.lint(text, { fileName: 'plan.md' })).toEqual(lint(text, { fileName: 'plan.md' }));
        }
      }),
      { numRuns: 120 },
    );
  }, 180_000);

  it('gives every rule the same reports from remembered per-section facts as from facts read afresh', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
        const cache = new ChunkCache(0);
        const cues = allCues();
        let text = start;
        cache.analyse(text, cues, '');
        for (const change of edits) {
          text = apply(text, change);
          expect(ruleReports(cache.analyse(text, cues, ''), text, 'prd')).toEqual(ruleReports(analyseChunk(text, cues), text, 'prd'));
        }
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('maps a paragraph whose text remark-gfm split around a literal URL to its own offsets (seed -404522946)', () => {
    const text = [
      '# Plan', '', 'Intro text here.', '', '```', 'code', '```', '[^x]: A note about', '',
      '``gherkin', 'mark[   #### plan retry sprint plan retry vision ##', 'export sprint vision', '[x]: https://example.com/x "Title"', '',
    ].join('\r\n');
    const statement = analyseChunk(text, allCues()).flatMap((analysis) => analysis.statements).find((judged) => judged.statement.text.startsWith('``gherkin'));
    expect(statement?.statement.startOffset).toBe(text.indexOf('``gherkin'));
    expect(statement?.evidence.find((hit) => hit.cueId === 'vision')?.startOffset).toBe(text.indexOf('vision'));
    expect(new ChunkCache(0).analyse(text, allCues(), '')).toEqual(analyseChunk(text, allCues()));
    expect(createLinter().lint(text, { fileName: 'plan.md' })).toEqual(lint(text, { fileName: 'plan.md' }));
  });

  it('keeps a heading on the last line, parsed with stand-in definitions after it, ending at the text end (seed -139236904)', () => {
    const text = '[^n]: A note about n.\n\n# [^n';
    const section = new ChunkCache(0).analyse(text, allCues(), '').at(-1)?.section;
    expect(section?.bodyOffset).toBe(text.length);
    expect(new ChunkCache(0).analyse(text, allCues(), '')).toEqual(analyseChunk(text, allCues()));
  });

  it('never cuts at a line holding a lone carriage return (seed -1998620319)', () => {
    const text = '---\r\nkind: prd\r\n---\r\n\r.\nplan\r\nplan plan\r\n-\r\n\r\n';
    expect(new ChunkCache(0).analyse(text, allCues(), '')).toEqual(analyseChunk(text, allCues()));
  });

  it('re-parses only the chunks an edit touched', () => {
    const sections = Array.from({ length: 40 }, (_, i) => `## Part ${i}\n\n${'The team ships the export in sprint four. '.repeat(30)}\n`);
    const text = `# Plan\n\n${sections.join('\n')}`;
    const linter = createLinter();
    linter.lint(text);
    const size = linter.cacheSize;
    expect(size).toBeGreaterThan(30);
    const middle = text.indexOf('## Part 20');
    const edited = `${text.slice(0, middle + 20)}X${text.slice(middle + 20)}`;
    const cache = new ChunkCache();
    const cues = allCues();
    cache.analyse(text, cues, '');
    let parses = 0;
    const original = cache.analyse.bind(cache);
    parses = countNewEntries(cache, () => original(edited, cues, ''));
    expect(parses).toBe(1);
    expect(linter.lint(edited)).toEqual(lint(edited));
  });

  it('keeps both copies right when the same chunk text occurs twice and both move (their statements are moved in place)', () => {
    const repeated = `## Repeated\n\n${'Grow revenue by a third this year. As a user, I want export so that I share it. '.repeat(20)}\n\n- Given a plan\n- When I open it\n- Then I see it\n\n`;
    const cues = allCues();
    const caches = [new ChunkCache(), new ChunkCache(0)];
    const linter = createLinter();
    let text = `# Plan\n\n${'The intro names the plan and its owner. '.repeat(30)}\n\n${repeated}${repeated}## End\n\nDone.\n`;
    for (const insert of ['', 'x', 'yy\n', '\n\n', 'z']) {
      text = text.slice(0, 10) + insert + text.slice(10);
      for (const cache of caches) expect(cache.analyse(text, cues, '')).toEqual(analyseChunk(text, cues));
      expect(linter.lint(text)).toEqual(lint(text));
    }
  });

  it('rebaseSections moves every position field exactly as the generic rebase does', () => {
    const text = '# A\n\nGrow revenue by 20% this year. As a user, I want export so that I share.\n\n- Given a plan\n- When I open it\n- Then I see it\n\n| a | b |\n| - | - |\n| c | d |\n';
    const analyses = analyseChunk(text, allCues());
    expect(rebaseSections(analyses, 7, 300)).toEqual(rebase(analyses, 7, 300));
    expect(rebaseSections(analyses, 0, 0)).toEqual(analyses);
  });
});

/** How many chunk analyses a run added to the cache (its entries are replaced by the ones the run used). */
function countNewEntries(cache: ChunkCache, run: () => void): number {
  const before = new Set(cache.entryObjects());
  run();
  return cache.entryObjects().filter((entry) => !before.has(entry)).length;
}

describe('incremental linting of a long product document', () => {
  it('stays equal to a fresh lint while edits move, split and join sections with stories and criteria', async () => {
    const { generateDocument } = await import('../scripts/bench/generate.mjs');
    const start: string = generateDocument(48 * 1024, 7);
    const linter = createLinter();
    linter.lint(start);
    const middle = start.indexOf('\n', start.length >> 1) + 1;
    const story = start.indexOf('- As a ', middle);
    const edits: [number, number, string][] = [
      [middle, 0, 'x'],
      [middle, 0, '\n\n## Inserted\n\n'],
      [story, 0, 'Acceptance criteria: '],
      [story + 2, 5, ''],
      [middle >> 1, 0, '\n```\n'],
      [middle >> 1, 0, '```\n'],
      [start.length >> 3, 0, '\n\nA new paragraph about revenue goals.\n\n'],
    ];
    const cache = new ChunkCache();
    const cues = allCues();
    let text = start;
    for (const [at, remove, insert] of edits) {
      text = text.slice(0, at) + insert + text.slice(at + remove);
      expect(linter.lint(text)).toEqual(lint(text));
      // Facts remembered per section origin (placed sections) against facts read afresh (a whole-text analysis has no origins).
      const placed = cache.analyse(text, cues, '');
      for (const kind of ['prd', 'backlog'] as const) expect(ruleReports(placed, text, kind)).toEqual(ruleReports(analyseChunk(text, cues), text, kind));
    }
  }, 120_000);
});

/** Every rule's reports over the given sections (what runRules sees before directives). */
function ruleReports(sections: SectionAnalysis[], text: string, kind: Kind): [string, Report][] {
  const settings = resolveRules({});
  const index = new LineIndex(text);
  const reports: [string, Report][] = [];
  for (const rule of RULES) {
    const setting = settings.get(rule.id)!;
    if (rule.id === 'unused-disable' || setting.severity === 'off') continue;
    rule.check({ text, index, kind, sections, cues: allCues(), options: setting.options, report: (report) => reports.push([rule.id, report]) });
  }
  return reports;
}

describe('rule reports remembered per section origin', () => {
  const scenario = '\n\n- given a plan\n- when I export\n- when I print\n- then I see a file\n\n';
  const mixed =
    '\n## Plan\n\nOur vision is to grow revenue and win market share among mid-size teams this year. Our strategy targets the enterprise segment to increase retention and differentiate from competitors.\n\n' +
    '- As a user, I want to export a plan so that I can share it.\n- Estimate: 3 story points, ticket PLAN-12, due in sprint 14.\n- Acceptance criteria: the file downloads within 2 seconds.\n';
  const stories = '\n## Stories\n\n- As a planner, I want to export the plan and print the summary.\n- I want a report (e.g. a PDF) so that I can share it.\n';
  const step = fc.oneof(
    fc.record({ type: fc.constant('edit' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom('x', '\n', '\n\n## Added\n\n', scenario, stories, 'Grow revenue in the market. ') }),
    fc.record({ type: fc.constant('kind' as const), kind: fc.constantFrom('prd', 'roadmap', 'backlog', 'vision', 'auto') as fc.Arbitrary<Config['kind']> }),
    fc.record({ type: fc.constant('options' as const), maxWhen: fc.constantFrom(1, 2), backlogEssayStatements: fc.constantFrom(1, 3), requireBenefit: fc.boolean() }),
    fc.record({ type: fc.constant('lineBreaks' as const), crlf: fc.boolean() }),
  );

  it('are reused only while kind, options, line breaks and the section itself are unchanged (mixed-section, doc-kind-fit, criteria-gherkin, story-format, story-atomic, story-minimal)', async () => {
    const { generateDocument } = await import('../scripts/bench/generate.mjs');
    const base: string = `${generateDocument(16 * 1024, 11)}\n## Checks${scenario}${mixed}${stories}`;
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 8 }), (steps) => {
        const linter = createLinter();
        let text = base;
        let config: Config = {};
        linter.lint(text, { config });
        for (const change of steps) {
          if (change.type === 'edit') {
            const at = Math.floor(change.at * text.length);
            text = text.slice(0, at) + change.insert + text.slice(at);
          } else if (change.type === 'kind') config = { ...config, kind: change.kind };
          else if (change.type === 'options') config = { ...config, rules: { 'criteria-gherkin': ['warning', { maxWhen: change.maxWhen }], 'doc-kind-fit': ['warning', { backlogEssayStatements: change.backlogEssayStatements }], 'story-format': ['warning', { requireBenefit: change.requireBenefit }] } };
          // The first line break only: every remembered section below keeps its text, only the document's line break style changes.
          else text = change.crlf ? text.replace(/^([^\r\n]*)\n/, '$1\r\n') : text.replace(/^([^\r\n]*)\r\n/, '$1\n');
          expect(linter.lint(text, { config })).toEqual(lint(text, { config }));
        }
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it('the document above has findings of every rule whose reports are remembered', async () => {
    const { generateDocument } = await import('../scripts/bench/generate.mjs');
    const text: string = `${generateDocument(16 * 1024, 11)}\n## Checks${scenario}${mixed}${stories}`;
    const rules = (config: Config) => new Set(lint(text, { config }).findings.map((finding) => finding.ruleId));
    for (const ruleId of ['criteria-gherkin', 'story-atomic', 'story-minimal', 'story-format']) expect(rules({})).toContain(ruleId);
    expect(lint(text).findings.some((finding) => finding.ruleId === 'mixed-section' && finding.suggestions?.length)).toBe(true);
    expect(rules({ kind: 'roadmap' })).toContain('doc-kind-fit');
    expect(rules({ kind: 'backlog', rules: { 'doc-kind-fit': ['warning', { backlogEssayStatements: 1 }] } })).toContain('doc-kind-fit');
  });
});
