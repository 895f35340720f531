import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/index.js';

const BODY = '# Notes\n\nA short note.\n';

function findings(frontMatter: string, body = BODY) {
  return lint(`${frontMatter}${body}`, { fileName: 'notes.md' })
    .findings.filter((finding) => finding.ruleId === 'front-matter-config')
    .map(({ severity, message, range }) => ({ severity, message, at: `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` }));
}

describe('front-matter-config', () => {
  it('names an unknown rule at its key, as a warning', () => {
    expect(findings('---\npmpo:\n  rules:\n    story-formt: error\n---\n')).toEqual([
      { severity: 'warning', message: 'pmpo.rules.story-formt: unknown rule "story-formt"; this setting is ignored.', at: '4:5-4:16' },
    ]);
  });

  it('names a bad severity, a bad option and an unknown key, each on its own line', () => {
    const frontMatter = ['---', 'pmpo:', '  rules:', '    mixed-section: loud', '    story-minimal: [warning, {maxWords: 3}]', '  colour: red', '---', ''].join('\n');
    expect(findings(frontMatter).map(({ message, at }) => `${at.split('-')[0]} ${message}`)).toEqual([
      '4:5 pmpo.rules.mixed-section: severity must be one of error, warning, info, off; this setting is ignored.',
      expect.stringMatching(/^5:5 pmpo\.rules\.story-minimal: unknown option "maxWords"; this setting is ignored\.$/),
      '6:3 pmpo.colour: unknown key "colour"; this setting is ignored.',
    ]);
  });

  it('reports a pmpo that is not a mapping at the pmpo key', () => {
    expect(findings('---\ntitle: Notes\npmpo: roadmap\n---\n')).toEqual([{ severity: 'warning', message: 'pmpo must be a mapping of pmpo-lint settings; this setting is ignored.', at: '3:1-3:5' }]);
  });

  it('reports YAML that does not parse at the line where the parser stopped', () => {
    const [finding] = findings('---\ntitle: Notes\ntitle: Again\n---\n');
    expect(finding.message).toMatch(/^The front matter is not valid YAML \(duplicated mapping key\), so none of its pmpo settings apply\.$/);
    expect(finding.at).toBe('3:1-3:13');
  });

  it('is silent for valid settings, front matter without pmpo, and no front matter', () => {
    expect(findings('---\npmpo:\n  kind: prd\n  rules: {mixed-section: "off"}\n---\n')).toEqual([]);
    expect(findings('---\ntitle: Notes\ntags: [a, b]\n---\n')).toEqual([]);
    expect(findings('')).toEqual([]);
  });

  it('points at the same key with CRLF line endings and in flow mappings', () => {
    const [finding] = findings('---\r\npmpo: {kind: prd, rules: {story-formt: error}}\r\n---\r\n', BODY.replace(/\n/g, '\r\n'));
    expect(finding.message).toContain('pmpo.rules.story-formt: unknown rule');
    expect(finding.at).toBe('2:27-2:38');
  });

  it('keeps the valid settings of the same front matter in force', () => {
    const result = lint('---\npmpo:\n  kind: vision\n  rules:\n    story-formt: "off"\n---\n# Notes\n\nA short note.\n', { fileName: 'notes.md' });
    expect(result).toMatchObject({ kind: 'vision', kindSource: 'front-matter' });
  });

  it('can itself be switched off in the front matter', () => {
    expect(findings('---\npmpo:\n  rules:\n    front-matter-config: "off"\n    story-formt: error\n---\n')).toEqual([]);
  });
});
