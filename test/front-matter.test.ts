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
    expect(readFrontMatter(text)).toEqual({ endOffset: text.indexOf('# Plan'), pmpo: { kind: 'roadmap' } });
    const dots = '---\npmpo:\n  kind: vision\n...\nbody';
    expect(readFrontMatter(dots)).toEqual({ endOffset: dots.indexOf('body'), pmpo: { kind: 'vision' } });
    const crlf = '---\r\npmpo:\r\n  kind: backlog\r\n---\r\n# Items\r\n';
    expect(readFrontMatter(crlf)).toEqual({ endOffset: crlf.indexOf('# Items'), pmpo: { kind: 'backlog' } });
  });

  it('handles front matter at the very end of the text', () => {
    const text = '---\npmpo:\n  kind: prd\n---';
    expect(readFrontMatter(text)).toEqual({ endOffset: text.length, pmpo: { kind: 'prd' } });
  });

  it('has no pmpo and no problem when the YAML has no pmpo key', () => {
    const text = '---\ntitle: Notes\n---\n';
    expect(readFrontMatter(text)).toEqual({ endOffset: text.length });
  });

  it('reports invalid YAML and a pmpo that is not an object in one line', () => {
    const broken = readFrontMatter('---\ntitle: [unclosed\n---\n')!;
    expect(broken.problem).toMatch(/^front matter is not valid YAML: [^\n]+$/);
    expect(broken.pmpo).toBeUndefined();
    expect(readFrontMatter('---\npmpo: roadmap\n---\n')!.problem).toBe('front matter "pmpo" must be an object');
    expect(readFrontMatter('---\npmpo: [1]\n---\n')!.problem).toBe('front matter "pmpo" must be an object');
  });

  it('drops invalid settings (and only those) and names them', () => {
    const result = readFrontMatter(
      ['---', 'pmpo:', '  kind: roadmap', '  maxFileSizeKB: -1', '  cues:', '    strategic: market', '  rules:', '    doc-kind-fit: bogus', '    mixed-section: error', '  colour: red', '---', ''].join('\n'),
    )!;
    expect(result.pmpo).toEqual({ kind: 'roadmap', rules: { 'mixed-section': 'error' } });
    expect(result.problem).toContain('"maxFileSizeKB" must be a positive number');
    expect(result.problem).toContain('"cues.strategic" must be an array of literal terms');
    expect(result.problem).toContain('rule "doc-kind-fit": severity must be one of');
    expect(result.problem).toContain('unknown key "colour"');
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
    expect(bad.findings.map((finding) => `${finding.ruleId}/${finding.severity}`)).toEqual(['doc-kind-fit/warning']);
    expect(bad.sections.flatMap((section) => section.evidence).some((item) => item.cueId.startsWith('user:'))).toBe(false);
  });

  it('takes pmpo.cues as literal terms', () => {
    const text = '---\npmpo:\n  cues:\n    strategic: ["flywheel"]\n---\n# Notes\n\nThe flywheel spins.\n';
    const evidence = lint(text).sections.flatMap((section) => section.evidence);
    expect(evidence.map((item) => item.cueId)).toContain('user:flywheel');
  });
});
