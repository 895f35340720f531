import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../src/core/front-matter.js';
import { lint } from '../src/core/index.js';

describe('readFrontMatter', () => {
  it('is undefined without a fence on the first line', () => {
    expect(readFrontMatter('# Title\n---\npmpo: {}\n---\n')).toBeUndefined();
    expect(readFrontMatter('\n---\npmpo:\n  kind: roadmap\n---\n')).toBeUndefined();
  });

  it('is undefined when the front matter never closes', () => {
    expect(readFrontMatter('---\npmpo:\n  kind: roadmap\n# Title\n')).toBeUndefined();
  });

  it('reads pmpo and ends just past the closing fence (--- or ...), with LF or CRLF', () => {
    const text = '---\ntitle: Plan\npmpo:\n  kind: roadmap\n---\n# Plan\n';
    expect(readFrontMatter(text)).toEqual({ endOffset: text.indexOf('# Plan'), yamlStart: 4, yamlEnd: text.indexOf('---\n#'), pmpo: { kind: 'roadmap' } });
    const dots = '---\npmpo:\n  kind: vision\n...\nbody';
    expect(readFrontMatter(dots)).toMatchObject({ endOffset: dots.indexOf('body'), pmpo: { kind: 'vision' } });
    const crlf = '---\r\npmpo:\r\n  kind: backlog\r\n---\r\n# Items\r\n';
    expect(readFrontMatter(crlf)).toMatchObject({ endOffset: crlf.indexOf('# Items'), yamlStart: 5, pmpo: { kind: 'backlog' } });
  });

  it('skips a leading BOM, as the Markdown parser does', () => {
    const text = '\uFEFF---\npmpo: {kind: vision}\n---\n# V\n';
    expect(readFrontMatter(text)).toMatchObject({ endOffset: text.indexOf('# V'), yamlStart: 5, pmpo: { kind: 'vision' } });
  });

  it('handles front matter at the very end of the text', () => {
    const text = '---\npmpo:\n  kind: prd\n---';
    expect(readFrontMatter(text)).toMatchObject({ endOffset: text.length, pmpo: { kind: 'prd' } });
  });

  it('has no pmpo and no problem when the YAML is empty, comments only, or has no pmpo key', () => {
    for (const text of ['---\ntitle: Notes\n---\n', '---\n---\n', '---\n# just a comment\n---\n']) {
      expect(readFrontMatter(text)).toEqual({ endOffset: text.length, yamlStart: 4, yamlEnd: text.length - 4 });
    }
  });

  it('reports invalid YAML at the place the parser stopped', () => {
    const text = '---\ntitle: Plan\ntitle: Again\n---\n';
    const broken = readFrontMatter(text)!;
    expect(broken.pmpo).toBeUndefined();
    expect(broken.problems).toEqual([{ message: expect.stringMatching(/^front matter is not valid YAML: [^\n]*duplicate/), start: text.indexOf('title: Again'), end: text.indexOf('title: Again') }]);
    expect(readFrontMatter('---\ntitle: [unclosed\n---\n')!.problems![0].message).toMatch(/^front matter is not valid YAML: [^\n]+$/);
  });

  it('refuses aliases that expand without bound (a "billion laughs" or a cycle) quickly, as a problem', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const cases = [`${levels.join('\n')}\npmpo:\n  cues:\n    strategic: *a8\n`, 'a: &a {b: *a}\npmpo:\n  cues: {strategic: *a}\n'];
    for (const yaml of cases) {
      const started = performance.now();
      const result = readFrontMatter(`---\n${yaml}---\n# Plan\n`)!;
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.pmpo).toBeUndefined();
      expect(result.problems).toEqual([{ message: 'front matter is not valid YAML: its aliases expand to more than 10000 values', start: 4, end: 4 }]);
    }
    expect(readFrontMatter('---\nx: &x [1, 2]\ny: *x\npmpo: {kind: vision}\n---\n')!.pmpo).toEqual({ kind: 'vision' });
  });

  it('reports a pmpo that is not a mapping at the pmpo key', () => {
    for (const text of ['---\npmpo: roadmap\n---\n', '---\ntitle: x\npmpo: [1]\n---\n']) {
      const start = text.indexOf('pmpo');
      expect(readFrontMatter(text)!.problems).toEqual([{ key: 'pmpo', message: '"pmpo" must be a mapping of pmpo-lint settings', start, end: start + 4 }]);
    }
  });

  it('drops invalid settings (and only those) and names each by its key and place', () => {
    const text = ['---', 'pmpo:', '  kind: roadmap', '  maxFileSizeKB: -1', '  cues:', '    strategic: market', '    tactical: [sprint]', '  rules:', '    doc-kind-fit: bogus', '    story-formt: off', '    mixed-section: error', '  colour: red', '---', ''].join('\n');
    const result = readFrontMatter(text)!;
    expect(result.pmpo).toEqual({ kind: 'roadmap', cues: { tactical: ['sprint'] }, rules: { 'mixed-section': 'error' } });
    const at = (key: string) => ({ start: text.indexOf(`${key}:`), end: text.indexOf(`${key}:`) + key.length });
    expect(result.problems).toEqual([
      { key: 'pmpo.maxFileSizeKB', message: '"maxFileSizeKB" must be a positive number', ...at('maxFileSizeKB') },
      { key: 'pmpo.cues.strategic', message: '"cues.strategic" must be an array of literal terms', ...at('strategic') },
      { key: 'pmpo.rules.doc-kind-fit', message: expect.stringContaining('rule "doc-kind-fit": severity must be one of'), ...at('doc-kind-fit') },
      { key: 'pmpo.rules.story-formt', message: 'unknown rule "story-formt"', ...at('story-formt') },
      { key: 'pmpo.colour', message: 'unknown key "colour"', ...at('colour') },
    ]);
  });

  it('locates keys in flow mappings and CRLF text too', () => {
    const text = '---\r\ntitle: x\r\npmpo: {kind: prd, rules: {mixed-sections: off}}\r\n---\r\n';
    const start = text.indexOf('mixed-sections');
    expect(readFrontMatter(text)!.problems).toEqual([{ key: 'pmpo.rules.mixed-sections', message: 'unknown rule "mixed-sections"', start, end: start + 'mixed-sections'.length }]);
  });
});

describe('front matter in lint', () => {
  const body = '# Plan\n\n## Sprint items\n\n- [ ] PAY-1: add the retry button (3 pts)\n- [ ] PAY-2: POST /payments/retry returns the attempt (5 pts)\n';

  it('sets the kind', () => {
    const result = lint(`---\npmpo:\n  kind: roadmap\n---\n${body}`, { fileName: 'notes.md' });
    expect(result).toMatchObject({ kind: 'roadmap', kindSource: 'front-matter' });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['doc-kind-fit']);
  });

  it('never lets a bad setting through: no made-up severities, no cue per letter, no skipping every file', () => {
    const bad = lint(`---\npmpo:\n  kind: roadmap\n  maxFileSizeKB: -1\n  cues:\n    strategic: market\n  rules:\n    doc-kind-fit: bogus\n---\n${body}`);
    expect(bad.skipped).toBeUndefined();
    expect(bad.findings.map((finding) => `${finding.ruleId}/${finding.severity}`)).toEqual([...Array(3).fill('front-matter-config/warning'), 'doc-kind-fit/warning']);
    expect(bad.sections.flatMap((section) => section.evidence).some((item) => item.cueId.startsWith('user:'))).toBe(false);
  });

  it('takes pmpo.cues as literal terms', () => {
    const text = '---\npmpo:\n  cues:\n    strategic: ["flywheel"]\n---\n# Notes\n\nThe flywheel spins.\n';
    const evidence = lint(text).sections.flatMap((section) => section.evidence);
    expect(evidence.map((item) => item.cueId)).toContain('user:flywheel');
  });
});
