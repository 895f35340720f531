import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index';
import { buildReportHtml, contentSecurityPolicy, createNonce, escapeHtml, parseOpenMessage, type ReportDocument } from '../../src/vscode/report-html';

const hostileHeading = '<img src=x onerror=alert(1)>';
// Core keeps inline HTML out of heading text, so the raw heading is written in
// the two forms whose plain text is still the markup: an entity and inline code.
const hostile = `---
pmpo:
  kind: prd
---
# &lt;img src=x onerror=alert(1)&gt;

Intro.

## \`${hostileHeading}\`

Our market share is falling and the business case depends on winning back revenue; the strategic goal is to lead the segment.

As a user, I want <script>alert(2)</script> so that "quotes" & 'apostrophes' survive.

Given a team
When the lead opens the calendar
Then slots are shown
`;

function report(documents: ReportDocument[], nonce = 'abc123') {
  return buildReportHtml({ documents, nonce, cspSource: 'vscode-webview://x', title: 'PM/PO Lint Report' });
}

function hostileDocument(): ReportDocument {
  const result = lint(hostile, { fileName: 'docs/<b>evil</b>.md' });
  return { name: 'docs/<b>evil</b>.md', kind: result.kind, sections: result.sections, findings: result.findings };
}

describe('report webview HTML', () => {
  it('shows a hostile heading as text, never as markup', () => {
    const document = hostileDocument();
    expect(document.sections.filter((section) => section.heading === hostileHeading)).toHaveLength(2);
    expect(document.findings.length).toBeGreaterThan(0);
    const html = report([document]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>evil');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('docs/&#60;b&#62;evil&#60;/b&#62;.md');
  });

  it('escapes a raw HTML heading in section data handed to it directly', () => {
    const section = { ...hostileDocument().sections[1], heading: hostileHeading, reason: '<b>why</b>' };
    const html = report([{ name: 'a.md', kind: 'prd', sections: [section], findings: [] }]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>why');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('runs only its own nonce\'d script under a strict CSP', () => {
    const html = report([hostileDocument()], 'n0nce');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    expect(csp).toContain('default-src &#39;none&#39;');
    expect(csp).toContain('script-src &#39;nonce-n0nce&#39;');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    const scripts = html.match(/<script[^>]*>/g)!;
    expect(scripts).toEqual(['<script nonce="n0nce">']);
    // Style attributes would be blocked by the CSP; bar widths use classes.
    expect(html).not.toMatch(/\sstyle="/);
    // No event-handler attribute on any real tag (document text has its < escaped, so every raw < opens our own markup).
    const tags = (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
    expect(tags.length).toBeGreaterThan(10);
    for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+=/i);
  });

  it('lists counts per kind, an altitude map with one bar per section, and links to each finding', () => {
    const document = hostileDocument();
    const html = report([document]);
    expect(html).toContain('<th scope="row">prd</th><td>1</td>');
    const bars = html.match(/class="bar open (strategic|tactical|mixed|neutral) g\d+"/g)!;
    expect(bars).toHaveLength(document.sections.length);
    expect(bars.some((bar) => bar.includes('mixed'))).toBe(true);
    for (const finding of document.findings) expect(html).toContain(`data-doc="0" data-line="${finding.range.start.line}">line ${finding.range.start.line}</a>`);
  });

  it('shows skipped documents with their reason', () => {
    const html = report([{ name: 'big.md', kind: 'prd', sections: [], findings: [], skipped: 'Skipped: too <large>' }]);
    expect(html).toContain('Skipped: too &#60;large&#62;');
  });
});

describe('report messages', () => {
  it('accepts only in-range document indexes and positive lines', () => {
    expect(parseOpenMessage({ type: 'open', doc: 1, line: 4 }, 2)).toEqual({ doc: 1, line: 4 });
    expect(parseOpenMessage({ type: 'open', doc: 2, line: 4 }, 2)).toBeUndefined();
    expect(parseOpenMessage({ type: 'open', doc: 0, line: 0 }, 2)).toBeUndefined();
    expect(parseOpenMessage({ type: 'open', doc: '0', line: 1 }, 2)).toBeUndefined();
    expect(parseOpenMessage({ type: 'run', doc: 0, line: 1 }, 2)).toBeUndefined();
    expect(parseOpenMessage(null, 2)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('makes a fresh hex nonce each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(createNonce()).not.toBe(a);
    expect(contentSecurityPolicy(a, 'src')).toContain(`'nonce-${a}'`);
  });
});
