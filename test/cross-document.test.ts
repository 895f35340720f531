import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossDocumentFindings } from '../src/core/cross-document.js';
import { createLinter, lint } from '../src/core/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

const backlog = (extra = '') => `---
pmpo:
  kind: backlog
---
# Sprint items
${extra}
- As a courier, I want to mark a parcel as delivered, so that the sender is told at once.
  - Given a parcel out for delivery, when I tap Delivered, then the sender gets a message.
`;

function linted(fileName: string, text: string, config = {}) {
  return { fileName, text, result: lint(text, { fileName, config }), config };
}

describe('crossDocumentFindings', () => {
  it('reports a story that also appears in another document, in both documents', () => {
    const found = crossDocumentFindings([linted('a-backlog.md', backlog()), linted('b-backlog.md', backlog())]);
    expect([...found.keys()].sort()).toEqual(['a-backlog.md', 'b-backlog.md']);
    const [finding] = found.get('a-backlog.md')!;
    expect(finding.ruleId).toBe('story-unique');
    expect(finding.range.start.line).toBe(7);
    expect(finding.message).toMatch(/b-backlog\.md/);
  });

  it('finds nothing when the stories differ', () => {
    const other = backlog().replace('mark a parcel as delivered', 'print a shipping label');
    expect(crossDocumentFindings([linted('a-backlog.md', backlog()), linted('b-backlog.md', other)]).size).toBe(0);
  });

  it('honours a disable comment in the document', () => {
    const found = crossDocumentFindings([
      linted('a-backlog.md', backlog('<!-- pmpo-lint-disable story-unique -->')),
      linted('b-backlog.md', backlog()),
    ]);
    expect([...found.keys()]).toEqual(['b-backlog.md']);
  });

  it('takes the severity from the configuration, and "off" silences the file', () => {
    const found = crossDocumentFindings([
      linted('a-backlog.md', backlog(), { rules: { 'story-unique': 'error' } }),
      linted('b-backlog.md', backlog(), { rules: { 'story-unique': 'off' } }),
    ]);
    expect(found.get('a-backlog.md')![0].severity).toBe('error');
    expect(found.has('b-backlog.md')).toBe(false);
  });

  it('finds the same with the stories the linter found as with stories read again from the text', () => {
    const files = [...markdownFiles(join(ROOT, 'examples')), ...markdownFiles(join(ROOT, '../shared/corpus/docs'))];
    const texts = [...files.map((file) => ({ fileName: file, text: readFileSync(file, 'utf8') })), { fileName: 'a-backlog.md', text: backlog() }, { fileName: 'b-backlog.md', text: backlog() }];
    const linter = createLinter();
    const documents = texts.map(({ fileName, text }) => ({ fileName, text, result: linter.lint(text, { fileName }), asks: linter.storyAsks(text, { fileName }) }));
    const withAsks = crossDocumentFindings(documents);
    const fromText = crossDocumentFindings(documents.map(({ asks: _asks, ...document }) => document));
    expect(documents.reduce((count, document) => count + document.asks.length, 0)).toBeGreaterThan(50);
    expect(withAsks.size).toBeGreaterThanOrEqual(2);
    expect(withAsks).toEqual(fromText);
  });
});
