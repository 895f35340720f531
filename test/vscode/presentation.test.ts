import { readFileSync } from 'node:fs';
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index';
import { gitignoreScope, globScope, isIgnored } from '../../src/vscode/ignores';
import { failedReply } from '../../src/vscode/lint-runner';
import { codeLensTitle, escapeMarkdown, explainMarkdown, hoverMarkdown, shouldShow, statusStateOf, statusText } from '../../src/vscode/presentation';
import { TEMPLATE_CHOICES, templatesFromSnippets } from '../../src/vscode/templates';

const text = readFileSync(new URL('./fixtures/mixed-prd.md', import.meta.url), 'utf8');
const finding = lint(text, { fileName: 'mixed-prd.md' }).findings[0];

describe('explain page and hover', () => {
  it('lists the finding, evidence of both sides with line numbers and the docs link', () => {
    const page = explainMarkdown(finding, 'docs/mixed-prd.md', 'file:///ext/docs/rules/mixed-section.md');
    expect(page).toContain('# mixed-section (warning)');
    expect(page).toContain('line 6, column 1');
    const strategic = page.slice(page.indexOf('### Strategic'), page.indexOf('### Tactical'));
    const tactical = page.slice(page.indexOf('### Tactical'));
    expect(strategic).toMatch(/- line 8: /);
    expect(tactical).toMatch(/- line 10: /);
    expect(page).toContain('[Rule documentation: mixed-section](file:///ext/docs/rules/mixed-section.md)');
  });

  it('hover shows the finding with both sides and the docs link', () => {
    const hover = hoverMarkdown([finding], (id) => `file:///ext/docs/rules/${id}.md`);
    expect(hover).toContain('**pmpo-lint: mixed-section** (warning)');
    expect(hover).toMatch(/\*\*Strategic:\*\* line 8/);
    expect(hover).toMatch(/\*\*Tactical:\*\* line 10/);
    expect(hover).toContain('(file:///ext/docs/rules/mixed-section.md)');
  });

  it('escapes document text so it cannot inject links or HTML', () => {
    expect(escapeMarkdown('[x](command:evil) <img>')).toBe('\\[x\\](command:evil) \\<img>');
  });

  it('leaves ordinary punctuation in prose alone (readable as source too)', () => {
    const prose = 'Grow revenue (EU, 2027) - by 5.5% in Q1; 3-step flow! #1 goal? a > b, R&D, C:\\temp, e-mail.';
    expect(escapeMarkdown(prose)).toBe(prose);
    expect(explainMarkdown(finding, 'docs/mixed-prd.md', 'file:///x.md')).not.toMatch(/\\[().,!-]/);
  });

  it.each([
    '**bold** and _snake_case_ and `code` and ~~gone~~',
    '# Heading-like text',
    '- a list-like line',
    '1. an ordered-like line',
    '> a quote-like line',
    '---',
    '    indented like code',
    'a link [x](https://example.com) and <b>html</b> and <https://example.com>',
    'entities &amp; &#35; stay literal, R&D too',
    'backslashes \\* \\\\ C:\\path stay',
    '![image](x.png) and [ref][1]',
  ])('renders %j as exactly that text', (text) => {
    const root = unified().use(remarkParse).use(remarkGfm).parse(escapeMarkdown(text));
    expect(root.children.map((node) => node.type)).toEqual(['paragraph']);
    const paragraph = root.children[0] as Paragraph;
    // Only text, or a bare web address that GFM (and the preview) link as themselves.
    const notText = paragraph.children.filter((node) => node.type !== 'text');
    expect(notText.every((node) => node.type === 'link' && /^https:\/\//.test(node.url) && toString(node) === node.url)).toBe(true);
    expect(toString(paragraph)).toBe(text.trimStart());
  });
});

describe('status bar and CodeLens', () => {
  it('says kind and count, or why the document is silent', () => {
    expect(statusText({ state: 'linted', kind: 'prd', findings: 1 }).text).toBe('PM/PO: prd · 1 finding');
    expect(statusText({ state: 'linted', kind: 'backlog', findings: 200, dropped: 5 }).text).toBe('PM/PO: backlog · 205 findings');
    expect(statusText({ state: 'not-product' }).text).toBe('PM/PO: not a product document — set kind');
  });

  it('says a document could not be linted, not that it was skipped', () => {
    const failure = { reason: 'timeout' as const, elapsedMs: 10_400, message: 'pmpo-lint could not lint this document: its lint was stopped after 10.4 s.' };
    const status = statusText(statusStateOf({ configError: false, shown: true, result: failedReply(failure), findings: [], dropped: 0 }));
    expect(status).toEqual({ text: 'PM/PO: not linted', tooltip: `${failure.message} See the "PM/PO Lint" output.` });
    const skipped = lint('# Plan PRD\n\nText.\n', { fileName: 'plan-prd.md', config: { maxFileSizeKB: 0.001 } });
    expect(statusText(statusStateOf({ configError: false, shown: true, result: skipped, findings: [], dropped: 0 })).text).toBe('PM/PO: skipped');
  });

  it('shows only product documents unless forced or opted out', () => {
    const note = lint('# Notes\n\nGroceries.\n', { fileName: 'notes.md' });
    expect(shouldShow(note, true, false)).toBe(false);
    expect(shouldShow(note, true, true)).toBe(true);
    expect(shouldShow(note, false, false)).toBe(true);
    expect(shouldShow(lint(text, { fileName: 'mixed-prd.md' }), true, false)).toBe(true);
  });

  it('titles a lens with the label and reason', () => {
    expect(codeLensTitle({ label: 'mixed', reason: '2 strategic, 2 tactical statements' })).toBe('mixed (PM + PO): 2 strategic, 2 tactical statements');
  });
});

describe('templates from the snippets file', () => {
  it('picks each template by its first prefix and joins body lines', () => {
    const snippets = Object.fromEntries(TEMPLATE_CHOICES.map((choice) => [choice.label, { prefix: [choice.prefix, 'other'], body: [`# ${choice.label}`, '$0'], description: choice.label }]));
    const result = templatesFromSnippets(`// comment allowed\n${JSON.stringify(snippets)}`);
    if ('error' in result) throw new Error(result.error);
    expect(result.missing).toEqual([]);
    expect(result.templates.map((template) => template.body)).toEqual(TEMPLATE_CHOICES.map((choice) => `# ${choice.label}\n$0`));
  });

  it('finds all six templates in the bundled snippets file', () => {
    const result = templatesFromSnippets(readFileSync(new URL('../../snippets/pmpo-lint.code-snippets', import.meta.url), 'utf8'));
    if ('error' in result) throw new Error(result.error);
    expect(result.missing).toEqual([]);
    expect(result.templates.map((template) => template.id)).toEqual(['prd', 'roadmap', 'backlog', 'vision', 'story', 'criteria']);
    expect(result.templates[0].body).toMatch(/product requirements/);
  });

  it('names missing prefixes and rejects broken JSON', () => {
    const result = templatesFromSnippets('{"x": {"prefix": "po-story", "body": "As a"}}');
    expect('missing' in result && result.missing).toEqual(['pm-prd', 'pm-roadmap', 'po-backlog', 'pm-vision-doc', 'po-criteria']);
    expect(templatesFromSnippets('{')).toEqual({ error: 'The bundled snippets file is not valid JSON.' });
  });
});

describe('workspace ignores', () => {
  it('applies ignores globs (as the CLI) and nested .gitignore files relative to their folder', () => {
    const scopes = [globScope('', ['**/node_modules/**', 'CHANGELOG.md']), gitignoreScope('docs', 'drafts/\n*.tmp.md\n')];
    expect(isIgnored('CHANGELOG.md', scopes)).toBe(true);
    expect(isIgnored('sub/CHANGELOG.md', scopes)).toBe(false);
    expect(isIgnored('team/roadmap.md', [globScope('team', ['roadmap.md'])])).toBe(true);
    expect(isIgnored('pkg/node_modules/x/prd.md', scopes)).toBe(true);
    expect(isIgnored('docs/drafts/prd.md', scopes)).toBe(true);
    expect(isIgnored('docs/a.tmp.md', scopes)).toBe(true);
    expect(isIgnored('drafts/prd.md', scopes)).toBe(false);
    expect(isIgnored('docs/roadmap.md', scopes)).toBe(false);
  });
});
